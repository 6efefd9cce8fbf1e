import Foundation

/// Finds bare web addresses in running text.
public enum LinkScanner {
    /// Every `http(s)://…` or `www.…` address in `text`, trailing punctuation removed.
    public static func links(in text: String) -> [Link] {
        // (An address kept below starts with "http://", "https://" or "www.": a text whose bytes hold neither "://" nor
        // "www." has none.)
        guard mayHoldAddress(text) else { return [] }
        var links: [Link] = []
        var seen = Set<String>()
        forEachCandidate(in: text) { trimmed in
            var candidate = trimmed
            if candidate.hasPrefix("www.") { candidate = "https://" + candidate }
            guard candidate.hasPrefix("http://") || candidate.hasPrefix("https://"), longerThanTenCharacters(candidate),
                  seen.insert(candidate).inserted else { return }
            links.append(Link(text: candidate, href: candidate))
        }
        return links
    }

    /// `text.count > 10`, without counting the characters when the bytes tell: ten bytes or fewer are ten characters or
    /// fewer, and plain ASCII bytes are one character each.
    static func longerThanTenCharacters(_ text: String) -> Bool {
        guard text.utf8.count > 10 else { return false }
        return text.isPlainASCII || text.count > 10
    }

    /// Whether the UTF-8 bytes of `text` hold "://" or "www.", one of which the bytes of every address `links(in:)` keeps
    /// hold (a character-wise prefix "http://", "https://" or "www." is made of those ASCII bytes). The rare ":" and "."
    /// are found with `memchr` and the bytes around them compared.
    static func mayHoldAddress(_ text: String) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var from = 0
            while let colon = UTF8Search.offset(of: UInt8(ascii: ":"), in: bytes, from: from) {
                if colon + 2 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") { return true }
                from = colon + 1
            }
            from = 3
            while let dot = UTF8Search.offset(of: UInt8(ascii: "."), in: bytes, from: from) {
                if bytes[dot - 1] == UInt8(ascii: "w"), bytes[dot - 2] == UInt8(ascii: "w"), bytes[dot - 3] == UInt8(ascii: "w") { return true }
                from = dot + 1
            }
            return false
        }
        return answer ?? (text.holdsBytes("://") || text.holdsBytes("www."))
    }

    /// Calls `body` with each token of `tokens(of:)` that `mayBeAddress`, trimmed of `linkEnds`, in order. The tokens are
    /// cut on the bytes in place, without an array of them, when every separator byte is a character by itself (see
    /// `tokenRanges(in:)`); the candidates of plain ASCII text are trimmed on their bytes too (each a character), and
    /// only those that open with "http://", "https://" or "www." (the only ones `links(in:)` keeps, on bytes that are
    /// the characters) are made into strings.
    static func forEachCandidate(in text: String, _ body: (String) -> Void) {
        let isPlainASCII = text.isPlainASCII
        let walked = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            tokenRanges(in: bytes) { range in
                // The token trimmed of punctuation bytes.
                var first = range.lowerBound, last = range.upperBound
                while first < last, isLinkEnd(bytes[first]) { first += 1 }
                guard first < last, bytes[first] == UInt8(ascii: "h") || bytes[first] == UInt8(ascii: "w") else { return }
                if isPlainASCII {
                    while last > first, isLinkEnd(bytes[last - 1]) { last -= 1 }
                    guard opensAsAddress(UnsafeBufferPointer(rebasing: bytes[first..<last])) else { return }
                    body(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self))
                } else {
                    let start = text.utf8.index(text.utf8.startIndex, offsetBy: range.lowerBound)
                    body(text[start..<text.utf8.index(start, offsetBy: range.count)].trimmed(.linkEnds))
                }
            }
        }
        guard walked != true else { return }
        for token in tokens(of: text) where mayBeAddress(token) { body(token.trimmed(.linkEnds)) }
    }

    /// Whether `bytes` open with "http://", "https://" or "www.".
    private static func opensAsAddress(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.starts(with: "http://".utf8) || bytes.starts(with: "https://".utf8) || bytes.starts(with: "www.".utf8)
    }

    /// Calls `body` with the offsets of each token of `tokens(of:)` in `bytes` (a text's UTF-8), in order, and answers
    /// true; false, before any call, when a separator byte is not a character by itself (`LinkSeparatorBreaks`: a
    /// prepended mark before it or a combining, spacing or joining mark after it): then the characters must cut the
    /// text. Separators are ASCII, so every character equal to one is that byte alone, and a byte standing alone is that
    /// character.
    static func tokenRanges(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) -> Bool {
        var breaks = LinkSeparatorBreaks()
        for i in bytes.indices where isSeparator(bytes[i]) {
            if i > 0, bytes[i - 1] >= 0x80, !breaks.breaksBefore(separatorAt: i, in: bytes) { return false }
            if i + 1 < bytes.count, bytes[i + 1] >= 0x80, !breaks.breaksAfter(separatorAt: i, in: bytes) { return false }
        }
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, !isSeparator(bytes[end]) { end += 1 }
            if end > start { body(start..<end) }
            start = end + 1
        }
        return true
    }

    /// Whether `byte` separates tokens: a space, angle bracket, quote or parenthesis.
    @inline(__always)
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }

    /// Whether `byte` is one of the punctuation trimmed from around an address (`Set<Character>.linkEnds`, all ASCII).
    @inline(__always)
    private static func isLinkEnd(_ byte: UInt8) -> Bool {
        // One bit per byte below 0x80: "!", "\"", "'", ",", ".", ":", ";", "?" (below 0x40) and "[", "]".
        let low: UInt64 = 1 << 0x21 | 1 << 0x22 | 1 << 0x27 | 1 << 0x2C | 1 << 0x2E | 1 << 0x3A | 1 << 0x3B | 1 << 0x3F
        let high: UInt64 = 1 << (0x5B - 0x40) | 1 << (0x5D - 0x40)
        return byte < 0x40 ? low >> UInt64(byte) & 1 != 0 : byte < 0x80 && high >> UInt64(byte - 0x40) & 1 != 0
    }

    /// The words of `text` between spaces, angle brackets, quotes and parentheses: split on bytes when the
    /// text is plain ASCII (where every byte is a character).
    static func tokens(of text: String) -> [Substring] {
        guard text.isPlainASCII else {
            return text.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "(" || $0 == ")" })
        }
        return text.utf8.split(whereSeparator: isSeparator).map { Substring($0) }
    }

    /// Whether `token`, without the punctuation around it, may start "http" or "www.": its first byte after
    /// punctuation bytes is "h" or "w". (Trimming whole characters stops no later, and where it stops
    /// earlier the character is punctuation with a mark, which starts no address.)
    static func mayBeAddress(_ token: Substring) -> Bool {
        let first = token.utf8.first { !isLinkEnd($0) }
        return first == UInt8(ascii: "h") || first == UInt8(ascii: "w")
    }
}
