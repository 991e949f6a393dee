/// The cursor and scroll position of a list shown `height` rows at a time, with a few rows of context kept
/// around the cursor (scroll-off). A value type tested on its own, like newsboat's list movement control.
struct ListMovement: Equatable, Sendable {
    /// The selected position, 0 when the list is empty.
    var cursor: Int = 0
    /// The first position shown.
    var top: Int = 0
    /// Set when an update put entries above the view: the selection keeps its screen row exactly (no scroll-off,
    /// blank rows allowed at the bottom) until the user moves or it would leave the view.
    var holdsRow = false

    static let scrollOff = 2

    private static func margin(_ height: Int) -> Int { min(scrollOff, max(0, (height - 1) / 2)) }

    private static func maxTop(count: Int, height: Int) -> Int { max(0, count - max(1, height)) }

    /// Brings cursor and top back in range and the cursor into view with its context rows.
    mutating func clamp(count: Int, height: Int) {
        guard count > 0 else {
            cursor = 0
            top = 0
            return
        }
        let height = max(1, height)
        if holdsRow && top >= 0 && cursor >= top && cursor < min(count, top + height) { return }
        holdsRow = false
        cursor = min(max(0, cursor), count - 1)
        let so = Self.margin(height)
        if cursor - so < top { top = cursor - so }
        if cursor + so > top + height - 1 { top = cursor + so - height + 1 }
        top = min(max(0, top), Self.maxTop(count: count, height: height))
    }

    /// Moves the cursor by `delta` rows, scrolling as needed.
    mutating func move(by delta: Int, count: Int, height: Int) {
        holdsRow = false
        cursor += delta
        clamp(count: count, height: height)
    }

    /// Puts the cursor on `position`.
    mutating func select(_ position: Int, count: Int, height: Int) {
        holdsRow = false
        cursor = position
        clamp(count: count, height: height)
    }

    /// Scrolls the view by `amount` rows (a page or half a page) and moves the cursor as far; where the view can
    /// scroll no further, the cursor still moves, up to the end of the list.
    mutating func page(by amount: Int, count: Int, height: Int) {
        holdsRow = false
        guard count > 0 else { return }
        let height = max(1, height)
        let maxTop = Self.maxTop(count: count, height: height)
        top = min(max(0, top + amount), maxTop)
        cursor += amount
        cursor = min(max(0, cursor), count - 1)
        dragIntoView(count: count, height: height)
    }

    /// Scrolls the view by `amount` rows without moving the cursor unless it would leave the view (the wheel).
    mutating func scrollView(by amount: Int, count: Int, height: Int) {
        holdsRow = false
        guard count > 0 else { return }
        let height = max(1, height)
        top = min(max(0, top + amount), Self.maxTop(count: count, height: height))
        dragIntoView(count: count, height: height)
    }

    /// Keeps `top` and moves the cursor just enough to stand inside the view's context rows.
    private mutating func dragIntoView(count: Int, height: Int) {
        let so = Self.margin(height)
        let low = top == 0 ? 0 : top + so
        let bottomVisible = top + height - 1 >= count - 1
        let high = bottomVisible ? count - 1 : top + height - 1 - so
        cursor = min(max(cursor, low), max(low, high))
        cursor = min(max(0, cursor), count - 1)
    }
}
