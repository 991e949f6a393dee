/// Memory that the pieces of one `Parallel.map` share: every piece reads what no piece writes, and writes only
/// its own elements.
///
/// This is the one type through which the package hands raw memory to other threads; the compiler cannot check
/// the rule above, so every use keeps it by construction (disjoint ranges) and the owner keeps the memory alive
/// until the parallel call returns.
package struct SendableBuffer<Element>: @unchecked Sendable {
    package let base: UnsafeMutablePointer<Element>?
    package let count: Int

    /// Shares a buffer that the pieces write, each in its own range.
    package init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.baseAddress
        count = buffer.count
    }

    /// Shares a buffer that the pieces only read.
    package init(readOnly buffer: UnsafeBufferPointer<Element>) {
        base = buffer.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
        count = buffer.count
    }

    /// The elements, to read.
    package var readable: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The elements in `range`, to read.
    package func readable(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(rebasing: readable[range])
    }

    /// One element; a piece sets only the elements of its own range.
    package subscript(index: Int) -> Element {
        get { base![index] }
        nonmutating set { base![index] = newValue }
    }
}
