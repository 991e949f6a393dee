/// Resolves keys to actions from the request table: the focused scope's keymap first, then the global one
/// (as tig does).
public enum Keymap {
    private static let bindings: [Action.Scope: [Key: Action]] = {
        var table: [Action.Scope: [Key: Action]] = [:]
        for row in Action.table {
            for key in row.keys where table[row.scope, default: [:]][key] == nil {
                table[row.scope, default: [:]][key] = row.action
            }
        }
        return table
    }()

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
    public static func action(for key: Key, in scope: Action.Scope) -> Action? {
        let key = normalized(key)
        for candidate in scopes(for: scope) {
            if scope == .prompt && candidate == .global {
                guard case .control = key else { return nil }
            }
            if let action = bindings[candidate]?[key] { return action }
        }
        return nil
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
