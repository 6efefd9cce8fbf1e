import Foundation

extension Substring {
    /// `trimming(.blanks)` worked out on UTF-8 bytes.
    ///
    /// A space or tab is a character of its own unless a non-ASCII scalar joins it into a larger one (a combining
    /// mark after it, a prepended mark before it): only when a non-ASCII byte borders a trimmed blank are the
    /// characters compared.
    func readersTrimmingBlanks() -> Substring {
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, Self.isBlankByte(bytes[start]) { bytes.formIndex(after: &start) }
        while end > start, Self.isBlankByte(bytes[bytes.index(before: end)]) { bytes.formIndex(before: &end) }
        let joinsAtStart = start != bytes.startIndex && start < end && bytes[start] >= 0x80
        let joinsAtEnd = end != bytes.endIndex && end > start && bytes[bytes.index(before: end)] >= 0x80
        if joinsAtStart || joinsAtEnd { return trimming(.blanks) }
        return self[start..<end]
    }

    /// A space or a tab.
    @inline(__always)
    private static func isBlankByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }
}

extension String {
    /// The lines of the text: `split(separator: "\n", omittingEmptySubsequences: omittingEmpty)`. Without CR
    /// (which joins a following LF into one character) every LF byte is a character of its own, so the bytes are split.
    func readersLines(omittingEmpty: Bool) -> [Substring] {
        guard !utf8.contains(0x0D) else { return split(separator: "\n", omittingEmptySubsequences: omittingEmpty) }
        return readersLineRanges().compactMap { omittingEmpty && $0.isEmpty ? nil : self[$0] }
    }

    /// The ranges of the text's lines between LF bytes (as `utf8.split(separator: 0x0A, omittingEmptySubsequences: false)`),
    /// found with `UTF8Search.offset(of:in:from:)` (memchr).
    private func readersLineRanges() -> [Range<Index>] {
        var ends: [Int] = []
        var text = self
        text.withUTF8 { bytes in
            var start = 0
            while let offset = UTF8Search.offset(of: 0x0A, in: bytes, from: start) {
                ends.append(offset)
                start = offset + 1
            }
        }
        ends.append(utf8.count)
        var ranges: [Range<Index>] = []
        ranges.reserveCapacity(ends.count)
        var lineStart = utf8.startIndex
        var startOffset = 0
        for end in ends {
            let lineEnd = utf8.index(lineStart, offsetBy: end - startOffset)
            ranges.append(lineStart..<lineEnd)
            if end < utf8.count { lineStart = utf8.index(after: lineEnd) }
            startOffset = end + 1
        }
        return ranges
    }

    /// `contains(other)` compared character by character (the standard library's collection search), worked out
    /// on bytes when both are ASCII without CR: then every byte is a character of its own.
    func readersContainsCharacters(_ other: String) -> Bool {
        guard !other.isEmpty, isPlainASCII, other.isPlainASCII else { return contains(other) }
        var text = self, other = other
        return text.withUTF8 { haystack in other.withUTF8 { UTF8Search.offset(of: $0, in: haystack) != nil } }
    }
}
