/// Resolves keys to actions: the focused scope's keymap first, then the global one (as tig does).
///
/// ``standard`` binds every key of the request table (`Action.table`); the configuration file's `bind` lines
/// change a copy of it.
public struct Keymap: Sendable {
    private var bindings: [Action.Scope: [Key: Action]] = [:]

    /// The request table's keys.
    public static let standard: Keymap = {
        var keymap = Keymap()
        for row in Action.table {
            for key in row.keys where keymap.bindings[row.scope, default: [:]][key] == nil {
                keymap.bindings[row.scope, default: [:]][key] = row.action
            }
        }
        return keymap
    }()

    /// Binds `key` to `action` in the action's own scope, replacing what the key did there.
    public mutating func bind(_ key: Key, to action: Action) {
        bindings[action.row.scope, default: [:]][Self.normalized(key)] = action
    }

    /// The scopes searched when the keyboard is in `scope`, most specific first.
    static func scopes(for scope: Action.Scope) -> [Action.Scope] {
        switch scope {
        case .global: [.global]
        case .list: [.list, .global]
        case .detail: [.detail, .global]
        case .help: [.help, .list, .global]
        case .prompt: [.prompt, .global]
        }
    }

    /// The action bound to `key` where the keyboard is, or nil. In the prompt, only control keys reach the
    /// global map, so that typing `q` or `/` enters text.
    public func action(for key: Key, in scope: Action.Scope) -> Action? {
        let key = Self.normalized(key)
        for candidate in Self.scopes(for: scope) {
            if scope == .prompt && candidate == .global {
                guard case .control = key else { return nil }
            }
            if let action = bindings[candidate]?[key] { return action }
        }
        return nil
    }

    /// The keys that run `action`: the table's that still do, in its order, then any bound since (for help).
    public func keys(for action: Action) -> [Key] {
        let row = action.row
        let scoped = bindings[row.scope] ?? [:]
        let standard = row.keys.filter { scoped[$0] == action }
        let added = scoped.filter { $0.value == action && !row.keys.contains($0.key) }.map(\.key)
            .sorted { $0.displayName < $1.displayName }
        return standard + added
    }

    /// Mouse events bind by kind; their position is read by the reducer.
    static func normalized(_ key: Key) -> Key {
        switch key {
        case .click: .click(row: 0, column: 0)
        case .wheel: .wheel(row: 0, column: 0, down: true)
        default: key
        }
    }
}
