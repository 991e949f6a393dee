/// Draws the reader state into a frame of styled cells. Pure: the same state and size give the same frame.
public enum Renderer {
    public static func render(_ state: ReaderState, size: TerminalSize) -> Frame {
        Frame(width: size.columns, height: size.rows)
    }
}
