import Foundation

extension Substring {
    /// `trimming(.blanks)` worked out on UTF-8 bytes.
    ///
    /// A space or tab is a character of its own unless a non-ASCII scalar joins it into a larger one (a combining
    /// mark after it, a prepended mark before it): only when a non-ASCII byte borders a trimmed blank are the
    /// characters compared.
    func readersTrimmingBlanks() -> Substring {
        // Offsets found on the bytes in place; a slice is made only when something is trimmed.
        guard let kept = utf8.withContiguousStorageIfAvailable({ bytes -> Range<Int>? in
            var start = 0, end = bytes.count
            while start < end, Self.isBlankByte(bytes[start]) { start += 1 }
            while end > start, Self.isBlankByte(bytes[end - 1]) { end -= 1 }
            let joinsAtStart = start != 0 && start < end && bytes[start] >= 0x80
            let joinsAtEnd = end != bytes.count && end > start && bytes[end - 1] >= 0x80
            return joinsAtStart || joinsAtEnd ? nil : start..<end
        }) else { return Substring(String(self)).readersTrimmingBlanks() }
        guard let kept else { return trimming(.blanks) }
        if kept.count == utf8.count { return self }
        let from = utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)
        return self[from..<utf8.index(from, offsetBy: kept.count)]
    }

    /// A space or a tab.
    @inline(__always)
    private static func isBlankByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }
}

extension String {
    /// The lines of the text: `split(separator: "\n", omittingEmptySubsequences: omittingEmpty)`, found one
    /// at a time as they are read (see `ReaderLines`).
    func readersLines(omittingEmpty: Bool) -> ReaderLines {
        ReaderLines(self[...], omittingEmpty: omittingEmpty)
    }

    /// `contains(other)` compared character by character (the standard library's collection search), worked out
    /// on bytes when both are ASCII without CR: then every byte is a character of its own.
    func readersContainsCharacters(_ other: String) -> Bool {
        guard !other.isEmpty, isPlainASCII, other.isPlainASCII else { return contains(other) }
        var text = self, other = other
        return text.withUTF8 { haystack in other.withUTF8 { UTF8Search.offset(of: $0, in: haystack) != nil } }
    }
}

/// The lines of a text between LF bytes, found with `UTF8Search.offset(of:in:from:)` (memchr) one at a
/// time, so a long text's lines are never all held at once. Without CR (which joins a following LF into
/// one character) every LF byte is a character of its own, so the bytes are split; a text with CR is
/// split by characters, as `split(separator: "\n")` does.
struct ReaderLines: Sequence, IteratorProtocol {
    private var text: Substring
    private let omittingEmpty: Bool
    /// The byte offset where the next line starts; nil after the last line.
    private var offset: Int? = 0
    /// The lines of a text with CR, split by characters.
    private var characterLines: IndexingIterator<[Substring]>?

    /// The lines of `text`, without the empty ones when `omittingEmpty`.
    init(_ text: Substring, omittingEmpty: Bool) {
        self.text = text
        self.omittingEmpty = omittingEmpty
        if text.holdsByte(0x0D) {
            characterLines = text.split(separator: "\n", omittingEmptySubsequences: omittingEmpty).makeIterator()
        }
    }

    /// The next line.
    mutating func next() -> Substring? {
        if characterLines != nil { return characterLines?.next() }
        while let start = offset {
            let count = text.utf8.count
            let end = text.withUTF8 { UTF8Search.offset(of: 0x0A, in: $0, from: start) } ?? count
            offset = end < count ? end + 1 : nil
            if omittingEmpty && end == start { continue }
            let from = text.utf8.index(text.utf8.startIndex, offsetBy: start)
            return text[from..<text.utf8.index(from, offsetBy: end - start)]
        }
        return nil
    }
}
