/// Watches or polls a source and reports each new version, from its own thread, until stopped.
protocol SourceFollower: AnyObject {
    /// Starts reporting to `deliver` (called on the follower's thread).
    func start(_ deliver: @escaping @Sendable (FollowEvent) -> Void)
    /// Stops; nothing is delivered once it returns.
    func stop()
}
