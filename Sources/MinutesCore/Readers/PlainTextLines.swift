/// The line and blank rules of the plain-text readers worked out on a text's UTF-8 bytes, as byte offsets, so a
/// reader makes a `Substring` or `String` only for the lines it keeps or must look at character by character.
enum PlainTextLines {
    /// The offset of the LF that ends the line starting at `start`, or `bytes.count` for the last line: the first
    /// LF byte that is a character of its own. Only a CR before it joins an LF into another character (CR LF), so
    /// the lines are those of `split(separator: "\n")`.
    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var from = start
        while let found = UTF8Search.offset(of: 0x0A, in: bytes, from: from) {
            if found == 0 || bytes[found - 1] != 0x0D { return found }
            from = found + 1
        }
        return bytes.count
    }

    /// The byte range of the line that starts at `offset`, with `offset` moved to the next line's start (nil after the
    /// last line); empty lines are passed over when `omittingEmpty`. Nil when no line is left.
    static func nextLine(in bytes: UnsafeBufferPointer<UInt8>, offset: inout Int?, omittingEmpty: Bool) -> Range<Int>? {
        while let start = offset {
            let end = lineEnd(in: bytes, from: start)
            offset = end < bytes.count ? end + 1 : nil
            if omittingEmpty && end == start { continue }
            return start..<end
        }
        return nil
    }

    /// The offsets `trimming(.blanks)` keeps of the line at `range`, or nil when a non-ASCII byte borders a trimmed
    /// blank (a combining mark after it or a prepended mark before it may join the blank into a larger character):
    /// then the characters must be compared.
    static func trimmedBlanks(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var start = range.lowerBound, end = range.upperBound
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        let joinsAtStart = start != range.lowerBound && start < end && bytes[start] >= 0x80
        let joinsAtEnd = end != range.upperBound && end > start && bytes[end - 1] >= 0x80
        return joinsAtStart || joinsAtEnd ? nil : start..<end
    }

    /// A space or a tab.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }
}

/// The lines of a text's bytes as byte ranges, one at a time (`PlainTextLines.nextLine`).
struct PlainTextLineRanges: Sequence, IteratorProtocol {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let omittingEmpty: Bool
    /// The byte offset where the next line starts; nil after the last line.
    private var offset: Int? = 0

    /// The lines of `bytes`, without the empty ones when `omittingEmpty`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, omittingEmpty: Bool) {
        self.bytes = bytes
        self.omittingEmpty = omittingEmpty
    }

    /// The next line's byte range.
    mutating func next() -> Range<Int>? {
        PlainTextLines.nextLine(in: bytes, offset: &offset, omittingEmpty: omittingEmpty)
    }
}
