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
    public let zoom: Zoom

    /// Which pane fills the body, if one was maximised.
    public enum Zoom: String, Hashable, Sendable, CaseIterable {
        case none, list, detail
    }

    /// The narrowest a pane may be made side by side.
    public static let minimumPaneColumns = 20

    /// The list width for a terminal `columns` wide when the user chose none: enough for the rows' content
    /// (`contentColumns`), kept between 35 % and 45 % of the terminal.
    public static func defaultListWidth(columns: Int, contentColumns: Int) -> Int {
        min(max(contentColumns, columns * 35 / 100), columns * 45 / 100)
    }

    /// - Parameters:
    ///   - size: the terminal's rows and columns.
    ///   - listWidth: the list's columns side by side (kept so that both panes have ``minimumPaneColumns``);
    ///     nil for 40 % (30 to 60 columns).
    ///   - zoom: a pane that fills the whole body.
    public init(size: TerminalSize, listWidth: Int? = nil, zoom: Zoom = .none) {
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
            self.zoom = zoom
            return
        }
        titleRow = 0
        statusRow = rows - 1
        let bodyRows = rows - 2
        body = Rect(row: 1, column: 0, height: bodyRows, width: columns)
        if zoom == .list {
            split = .sideBySide
            list = Rect(row: 1, column: 0, height: bodyRows, width: columns)
            divider = Rect(row: 1, column: columns, height: bodyRows, width: 0)
            detail = Rect(row: 1, column: columns, height: bodyRows, width: 0)
        } else if zoom == .detail {
            split = .sideBySide
            list = Rect(row: 1, column: 0, height: bodyRows, width: 0)
            divider = Rect(row: 1, column: 0, height: bodyRows, width: 0)
            detail = Rect(row: 1, column: 0, height: bodyRows, width: columns)
        } else if columns >= Self.splitColumns {
            split = .sideBySide
            let chosen = listWidth ?? min(60, max(30, columns * 2 / 5))
            let listWidth = min(max(Self.minimumPaneColumns, chosen), columns - 1 - Self.minimumPaneColumns)
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
        detailText =
            detail.width == 0
            ? Rect(row: detail.row, column: detail.column, height: 0, width: 0)
            : Rect(row: detail.row, column: detail.column + 1, height: detail.height, width: detail.width - 2)
        self.zoom = zoom
    }

    public var isTooSmall: Bool { split == .tooSmall }
}
