import Foundation

extension String {
    /// How many times `needle` occurs, leftmost first and without overlaps: Foundation's
    /// `components(separatedBy: needle).count - 1`, counted on bytes when both are plain ASCII.
    func participantOccurrences(of needle: String) -> Int {
        // Bytes without a match: none for Foundation either (most texts do not name the person).
        if case .absent = UTF8Search.firstMatch(of: needle, in: self) { return 0 }
        guard isPlainASCII, needle.isPlainASCII, !needle.isEmpty else { return components(separatedBy: needle).count - 1 }
        var count = 0
        var rest = self[...]
        while let found = rest.rangeOfASCII(needle) {
            count += 1
            rest = rest[found.upperBound...]
        }
        return count
    }

    /// `count <= limit`, without counting more characters than needed: every character is at least one byte,
    /// and when the first `limit + 1` bytes are plain ASCII, each is a character of its own.
    /// Where a byte over 0x7F comes early, the ASCII bytes with ASCII (or nothing) on both sides, CR before LF aside,
    /// are counted: each is a character of its own, so more than `limit` of them answer false without walking characters.
    func participantHasAtMost(_ limit: Int) -> Bool {
        if utf8.count <= limit { return true }
        let answer = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            if UTF8Search.isPlainASCII(UnsafeBufferPointer(rebasing: bytes.prefix(limit + 1))) { return false }
            var alone = 0
            for i in bytes.indices where bytes[i] < 0x80 && (i == 0 || bytes[i - 1] < 0x80) {
                let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
                guard next < 0x80, !(bytes[i] == 0x0D && next == 0x0A) else { continue }
                alone += 1
                if alone > limit { return false }
            }
            return nil
        }
        if let answer = answer ?? nil { return answer }
        return dropFirst(limit).isEmpty
    }

    /// `containsASCII(String(UnicodeScalar(byte)))` for an ASCII `byte` without canonical equivalents (not "K", ";"
    /// or "`"): its first occurrence found with `memchr`, followed by ASCII or the end, is a match, as `UTF8Search.firstMatch`
    /// finds it; `containsASCII` decides the rest. One byte needs none of the pattern's set-up.
    func participantContainsASCII(_ byte: UInt8) -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let first = UTF8Search.offset(of: byte, in: bytes) else { return false }
            return first + 1 == bytes.count || bytes[first + 1] < 0x80 ? true : nil
        }
        if let answer = answer ?? nil { return answer }
        return containsASCII(String(UnicodeScalar(byte)))
    }

    /// `lastIndex(of: character)` for an ASCII `character`, found on the bytes in plain ASCII text (where every byte is
    /// a character of its own) without walking characters back from the end.
    func participantLastIndex(of character: Character) -> Index? {
        // "\r\n" has an ASCII value too, of its last byte: only a one-byte character is looked for as a byte.
        if character.utf8.count == 1, let byte = character.asciiValue, isPlainASCII { return utf8.lastIndex(of: byte) }
        return lastIndex(of: character)
    }

    /// `min(splitOnSpaces().count, limit)`: the words counted on the bytes, without making them, and no further than
    /// `limit`, when every space byte read stands alone (then each is a space character, as `splitOnSpaces` splits them).
    /// The count stops at the byte opening word `limit`: every space before it stood alone, so the characters hold at
    /// least as many words, and the bytes after it (a long paragraph's) are not read.
    func participantWordCount(atMost limit: Int) -> Int {
        let counted = utf8.withContiguousStorageIfAvailable { bytes in
            String.participantWords(in: bytes.indices, atMost: limit) { i in
                guard bytes[i] == 0x20 else { return false }
                // A space next to a byte over 0x7F may be part of a larger character: the characters decide.
                return (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) ? nil : true
            }
        }
        if let counted = counted ?? nil { return counted }
        // `splitOnSpaces()` splits on space characters: the same count on characters, stopping at word `limit` too.
        return String.participantWords(in: self, atMost: limit) { $0 == " " } ?? 0
    }

    /// The words of `elements` (runs of elements that are not spaces), counted no further than `limit`; nil as soon as
    /// `isSpace` cannot tell an element (answers nil).
    @inline(__always)
    private static func participantWords<Elements: Sequence>(in elements: Elements, atMost limit: Int,
                                                             isSpace: (Elements.Element) -> Bool?) -> Int? {
        var words = 0, inWord = false
        for element in elements {
            guard let space = isSpace(element) else { return nil }
            if space {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words >= limit { return limit }
            }
        }
        return words
    }

    /// Foundation's `replacingOccurrences(of: needle, with: replacement)`, on bytes when the text and both strings
    /// are plain ASCII (leftmost matches first, without overlaps, as Foundation replaces them).
    func participantReplacing(_ needle: String, with replacement: String) -> String {
        guard isPlainASCII, needle.isPlainASCII, replacement.isPlainASCII, !needle.isEmpty else {
            return replacingOccurrences(of: needle, with: replacement)
        }
        guard rangeOfASCII(needle) != nil else { return self }
        var out = ""
        var rest = self[...]
        while let found = rest.rangeOfASCII(needle) {
            out += rest[..<found.lowerBound]
            out += replacement
            rest = rest[found.upperBound...]
        }
        out += rest
        return out
    }

    /// `split(whereSeparator: { separators.contains($0) })`, on bytes when the text and `separators` are
    /// plain ASCII (where every byte is a character).
    func participantSplit(onAnyOf separators: String) -> [Substring] {
        guard isPlainASCII, separators.isPlainASCII else { return split(whereSeparator: { separators.contains($0) }) }
        let bytes = Array(separators.utf8)
        return utf8.split(whereSeparator: { bytes.contains($0) }).map { Substring($0) }
    }
}

extension String {
    /// Foundation's `trimmingCharacters(in: CharacterSet(charactersIn: "?_"))` ("Dave_??" → "Dave"), on bytes:
    /// both marks are ASCII, one byte wherever they stand.
    func trimmingPlaceholderMarks() -> String {
        let bytes = utf8
        func isMark(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "?") || byte == UInt8(ascii: "_") }
        // Neither end a mark (most words): the text itself, not a copy of its bytes.
        if let head = bytes.first, let tail = bytes.last, !isMark(head), !isMark(tail) { return self }
        guard let first = bytes.firstIndex(where: { !isMark($0) }), let last = bytes.lastIndex(where: { !isMark($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
