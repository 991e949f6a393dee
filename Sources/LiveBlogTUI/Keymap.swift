/// Resolves keys to actions: the focused context's keymap first, then the global one (as tig does).
public enum Keymap {
    /// Where the keyboard is.
    public enum Context: Hashable, Sendable {
        case list, detail, prompt, help
    }

    private static let bindings: [Action.Scope: [Key: Action]] = {
        var table: [Action.Scope: [Key: Action]] = [:]
        for action in Action.allCases {
            for key in action.keys where table[action.scope, default: [:]][key] == nil {
                table[action.scope, default: [:]][key] = action
            }
        }
        return table
    }()

    /// The scopes searched in a context, most specific first.
    static func scopes(for context: Context) -> [Action.Scope] {
        switch context {
        case .list: [.list, .global]
        case .detail: [.detail, .global]
        case .help: [.help, .list, .global]
        case .prompt: [.prompt, .global]
        }
    }

    /// The action bound to `key` in `context`, or nil. In the prompt, only control keys reach the global map,
    /// so that typing `q` or `/` enters text.
    public static func action(for key: Key, in context: Context) -> Action? {
        let key = normalized(key)
        for scope in scopes(for: context) {
            if context == .prompt && scope == .global {
                guard case .control = key else { return nil }
            }
            if let action = bindings[scope]?[key] { return action }
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

    /// Every (scope, key) bound to more than one action: empty for the default table (checked by a test).
    static var conflicts: [(Action.Scope, Key, [Action])] {
        var seen: [Action.Scope: [Key: [Action]]] = [:]
        for action in Action.allCases {
            for key in action.keys { seen[action.scope, default: [:]][key, default: []].append(action) }
        }
        var result: [(Action.Scope, Key, [Action])] = []
        for (scope, keys) in seen {
            for (key, actions) in keys where actions.count > 1 { result.append((scope, key, actions)) }
        }
        return result
    }
}
