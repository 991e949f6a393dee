/// Applies events to the reader state and says what the run loop must do.
public enum Reducer {
    public static func reduce(_ state: inout ReaderState, _ event: ReaderEvent) -> [Effect] {
        []
    }
}
