import Foundation

extension Substring {
    /// `trimming(.blanks)` worked out on UTF-8 bytes.
    ///
    /// A space or tab is a character of its own unless a non-ASCII scalar joins it into a larger one (a combining
    /// mark after it, a prepended mark before it): only when a non-ASCII byte borders a trimmed blank are the
    /// characters compared.
    func readersTrimmingBlanks() -> Substring {
        // Offsets found on the bytes in place; a slice is made only when something is trimmed.
        guard let kept = utf8.withContiguousStorageIfAvailable({ PlainTextLines.trimmedBlanks(in: $0, 0..<$0.count) })
        else { return Substring(String(self)).readersTrimmingBlanks() }
        guard let kept else { return trimming(.blanks) }
        if kept.count == utf8.count { return self }
        let from = utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)
        return self[from..<utf8.index(from, offsetBy: kept.count)]
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

/// The lines of a text between the LF characters (`PlainTextLines.nextLine`), found one at a time, so a long text's
/// lines are never all held at once.
struct ReaderLines: Sequence, IteratorProtocol {
    private var text: Substring
    private let omittingEmpty: Bool
    /// The byte offset where the next line starts; nil after the last line.
    private var offset: Int? = 0

    /// The lines of `text`, without the empty ones when `omittingEmpty`.
    init(_ text: Substring, omittingEmpty: Bool) {
        self.text = text
        self.omittingEmpty = omittingEmpty
    }

    /// The next line.
    mutating func next() -> Substring? {
        var offset = self.offset
        let omittingEmpty = self.omittingEmpty
        let line = text.withUTF8 { PlainTextLines.nextLine(in: $0, offset: &offset, omittingEmpty: omittingEmpty) }
        self.offset = offset
        guard let line else { return nil }
        let from = text.utf8.index(text.utf8.startIndex, offsetBy: line.lowerBound)
        return text[from..<text.utf8.index(from, offsetBy: line.count)]
    }
}
