/// Works out where the state file lives, from the command line and the environment.
public enum StateLocation {
    /// The state file's name inside the default directory.
    public static let fileName = "state.sqlite"

    /// Returns the state file path: `explicitPath` (from `--state`), else `LIVEBLOG_STATE`,
    /// else `${XDG_STATE_HOME:-$HOME/.local/state}/liveblog/state.sqlite`.
    ///
    /// Pure: reads nothing but its arguments and creates nothing (``ReadMarkStoreOpener`` creates the
    /// directory). Per the XDG spec an empty or relative `XDG_STATE_HOME` is ignored; an empty
    /// `LIVEBLOG_STATE` counts as unset. `--state` and `LIVEBLOG_STATE` may be relative.
    /// Throws ``StoreError/Kind/noLocation`` for an empty `--state` or when `HOME` is needed but unset.
    public static func resolve(explicitPath: String?, environment: [String: String]) throws -> String {
        if let explicitPath {
            guard !explicitPath.isEmpty else {
                throw StoreError(.noLocation, path: nil, "--state was given an empty path")
            }
            return explicitPath
        }
        if let path = environment["LIVEBLOG_STATE"], !path.isEmpty {
            return path
        }
        let stateHome: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateHome = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            stateHome = joined(home, ".local/state")
        } else {
            throw StoreError(.noLocation, path: nil, "HOME is not set; use --state PATH or LIVEBLOG_STATE")
        }
        return joined(joined(stateHome, "liveblog"), fileName)
    }

    private static func joined(_ directory: String, _ name: String) -> String {
        var directory = directory
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        return directory == "/" ? "/" + name : directory + "/" + name
    }
}
