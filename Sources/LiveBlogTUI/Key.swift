/// A key press or mouse event, decoded by the terminal layer from ncurses codes.
public enum Key: Hashable, Sendable {
    /// A printable character (or Space).
    case character(Character)
    /// Ctrl plus a letter, lower case: `.control("f")` for Ctrl-F.
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// A function key: `.function(5)` for F5.
    case function(Int)
    /// A mouse click (button 1) at a screen position.
    case click(row: Int, column: Int)
    /// The wheel turned over a screen position; `down` is true for scrolling down.
    case wheel(row: Int, column: Int, down: Bool)
    /// The terminal changed size.
    case resize
    /// Text pasted with bracketed paste on: text for the search prompt, never commands.
    case paste(String)
}
