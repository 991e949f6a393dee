/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var height: Int
    public var width: Int

    public init(row: Int, column: Int, height: Int, width: Int) {
        self.row = row
        self.column = column
        self.height = max(0, height)
        self.width = max(0, width)
    }

    public static let empty = Rect(row: 0, column: 0, height: 0, width: 0)

    public func contains(row r: Int, column c: Int) -> Bool {
        r >= row && r < row + height && c >= column && c < column + width
    }
}

/// Where each part of the screen goes for a terminal size: a pure function of the size.
///
/// Wide terminals put the list left of the detail pane with a vertical divider; under `splitColumns` the list
/// goes above the detail pane (as tig splits); under `minimumSize` only a short note is shown.
public struct ScreenLayout: Hashable, Sendable {
    public enum Split: Hashable, Sendable {
        /// List left, detail right.
        case sideBySide
        /// List above, detail below.
        case stacked
        /// Too small for the reader: only a note.
        case tooSmall
    }

    public static let minimumSize = TerminalSize(rows: 8, columns: 30)
    public static let splitColumns = 90

    public let size: TerminalSize
    public let split: Split
    public let titleRow: Int
    public let statusRow: Int
    public let list: Rect
    public let divider: Rect
    /// The whole detail pane.
    public let detail: Rect
    /// The part of the detail pane text is laid out in (one blank column each side).
    public let detailText: Rect
    /// Rows between the title and status lines (the help screen's area).
    public let body: Rect

    public init(size: TerminalSize) {
        self.size = size
        let rows = max(0, size.rows)
        let columns = max(0, size.columns)
        if rows < Self.minimumSize.rows || columns < Self.minimumSize.columns {
            split = .tooSmall
            titleRow = 0
            statusRow = max(0, rows - 1)
            list = .empty
            divider = .empty
            detail = .empty
            detailText = .empty
            body = .empty
            return
        }
        titleRow = 0
        statusRow = rows - 1
        let bodyRows = rows - 2
        body = Rect(row: 1, column: 0, height: bodyRows, width: columns)
        if columns >= Self.splitColumns {
            split = .sideBySide
            let listWidth = min(60, max(30, columns * 2 / 5))
            list = Rect(row: 1, column: 0, height: bodyRows, width: listWidth)
            divider = Rect(row: 1, column: listWidth, height: bodyRows, width: 1)
            detail = Rect(row: 1, column: listWidth + 1, height: bodyRows, width: columns - listWidth - 1)
        } else {
            split = .stacked
            let listRows = max(2, (bodyRows - 1) * 2 / 5)
            list = Rect(row: 1, column: 0, height: listRows, width: columns)
            divider = Rect(row: 1 + listRows, column: 0, height: 1, width: columns)
            detail = Rect(row: 2 + listRows, column: 0, height: bodyRows - listRows - 1, width: columns)
        }
        detailText = Rect(row: detail.row, column: detail.column + 1, height: detail.height, width: detail.width - 2)
    }

    public var isTooSmall: Bool { split == .tooSmall }
}
