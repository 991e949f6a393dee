/// A styled grid of terminal cells: what `render` produces and the terminal layer paints, nothing more.
public struct Frame: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should stand (the search prompt), or nil to hide it.
    public var cursor: (row: Int, column: Int)? {
        get { cursorPosition.map { ($0 / max(width, 1), $0 % max(width, 1)) } }
        set { cursorPosition = newValue.map { $0.row * width + $0.column } }
    }
    private var cursorPosition: Int?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// The frame as plain text, one line per row, trailing blanks trimmed: for tests and debugging.
    public var text: String {
        var lines: [String] = []
        for row in 0..<height {
            var line = ""
            for column in 0..<width {
                let cell = self[row, column]
                if !cell.isContinuation { line.unicodeScalars.append(contentsOf: cell.text.unicodeScalars) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

/// One terminal cell: a glyph (a scalar plus any combining marks) and its style.
///
/// A wide glyph occupies its cell and the next one, which is marked `isContinuation` and holds no text.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: CellStyle
    public var isContinuation: Bool

    public init(text: String = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }
}

/// The look of a cell: a role from the palette plus attributes, so that the terminal layer chooses real colours.
public struct CellStyle: Hashable, Sendable {
    /// Palette roles; the terminal maps them to colours, or to nothing when colours are off.
    public enum Role: Int, Hashable, Sendable, CaseIterable {
        case normal, title, standfirst, divider, status, unreadMarker, time, headline, match, dim, related, help, error
    }

    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = CellStyle()
}
