import Foundation

/// The two shapes in which a document spells out an acronym: "Name (ACR)" and "ACR (Name)".
///
/// Each shape is a regular expression. On ASCII text (where a byte, a UTF-16 unit and a code point are one and
/// the same) it is matched on the bytes, with the regular expression's leftmost, non-overlapping matches; any
/// other text goes to the regular expression itself.
enum AcronymPatterns {
    /// An acronym in parentheses.
    private static let parenthesisedAcronym = try! NSRegularExpression(pattern: #"\(([A-Z][A-Za-z0-9&]{1,9})\)"#)
    /// An acronym, then its expansion in parentheses.
    private static let acronymThenName = try! NSRegularExpression(pattern: #"\b([A-Z][A-Z0-9&]{1,9}) \(([^()]{4,120})\)"#)

    /// Each "(ACR)" of `text` (`parenthesisedAcronym`): the acronym and all the text before its parenthesis.
    /// Every character of a match is ASCII, one byte and one UTF-16 unit, and no byte of another character is an ASCII
    /// byte: the matches are found on the bytes of any text, not only an ASCII one.
    /// `onBytes` is there for tests, which compare the byte search with the regular expression.
    /// `before` is a slice of `text`, not a copy: a long paragraph with many acronyms costs no copy per acronym.
    static func parenthesised(in text: String, onBytes: Bool = true) -> [(acronym: String, before: Substring)] {
        let utf8 = text.utf8
        let onASCII = !onBytes ? nil : utf8.withContiguousStorageIfAvailable { bytes in
            var found: [(acronym: String, before: Substring)] = []
            forEachParenthesised(in: bytes) { acronym, open in
                found.append((string(bytes, acronym), Substring(utf8[..<utf8.index(utf8.startIndex, offsetBy: open)])))
            }
            return found
        }
        if let onASCII { return onASCII }
        let ns = text as NSString
        return parenthesisedAcronym.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (ns.substring(with: match.range(at: 1)), text[..<String.Index(utf16Offset: match.range.location, in: text)])
        }
    }

    /// Calls `body` with each "(ACR)" of the ASCII bytes `bytes`, left to right: the acronym's bytes and where its
    /// "(" stands.
    static func forEachParenthesised(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Int) -> Void) {
        var i = 0
        while let open = UTF8Search.offset(of: UInt8(ascii: "("), in: bytes, from: i) {
            // "(", an acronym of letters, digits and "&", ")".
            if let end = acronymEnd(in: bytes, at: open + 1, allowsLowercase: true), end < bytes.count, bytes[end] == UInt8(ascii: ")") {
                body((open + 1)..<end, open)
                i = end + 1
            } else {
                i = open + 1
            }
        }
    }

    /// Each "ACR (Name …)" of `text` (`acronymThenName`): the acronym and the words in parentheses.
    /// `onBytes` is there for tests, which compare the byte search with the regular expression.
    static func beforeNames(in text: String, onBytes: Bool = true) -> [(acronym: String, phrase: String)] {
        let onASCII = !onBytes ? nil : text.withPlainASCIIBytes(beforeNames(inASCII:))
        if let onASCII { return onASCII }
        if onBytes, text.utf8.withContiguousStorageIfAvailable(mayHoldAcronymBeforeName) == false { return [] }
        let ns = text as NSString
        return acronymThenName.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (ns.substring(with: match.range(at: 1)), ns.substring(with: match.range(at: 2)))
        }
    }

    /// `beforeNames(in:)` of ASCII bytes. Every match has " (" after its acronym: the search goes from one "(" to the
    /// next and looks back for the acronym. The regular expression's leftmost match for a parenthesis is the first
    /// start, after a word boundary, of the run of acronym characters before it that leaves 2 to 10 of them; a match
    /// never reaches back over the ")" that ends the match before it.
    private static func beforeNames(inASCII bytes: UnsafeBufferPointer<UInt8>) -> [(acronym: String, phrase: String)] {
        var found: [(acronym: String, phrase: String)] = []
        var from = 0
        while let paren = UTF8Search.offset(of: UInt8(ascii: "("), in: bytes, from: from) {
            from = paren + 1
            guard paren >= 3, bytes[paren - 1] == UInt8(ascii: " ") else { continue }
            let end = paren - 1
            var runStart = end
            while runStart > 0, isAcronymByte(bytes[runStart - 1]) { runStart -= 1 }
            guard end - runStart >= 2, let start = (max(runStart, end - 10)..<(end - 1)).first(where: { i in
                bytes[i].isASCIIUppercase && (i == 0 || !bytes[i - 1].isASCIIWordByte)
            }) else { continue }
            // 4 to 120 characters without parentheses, then ")".
            let open = paren + 1
            let close = UnsafeBufferPointer(rebasing: bytes[open...]).firstIndex { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }
                .map { open + $0 } ?? bytes.count
            if close < bytes.count, bytes[close] == UInt8(ascii: ")"), (4...120).contains(close - open) {
                found.append((string(bytes, start..<end), string(bytes, open..<close)))
                from = close + 1
            }
        }
        return found
    }

    /// Whether the bytes of a text may hold a match of `acronymThenName`: every match has two acronym characters, then
    /// " (", all of them ASCII (so bytes of their own in UTF-8); a text without them holds none, whatever else it holds.
    private static func mayHoldAcronymBeforeName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let paren = UTF8Search.offset(of: UInt8(ascii: "("), in: bytes, from: from) {
            from = paren + 1
            if paren >= 3, bytes[paren - 1] == UInt8(ascii: " "), isAcronymByte(bytes[paren - 2]), isAcronymByte(bytes[paren - 3]) {
                return true
            }
        }
        return false
    }

    /// Where the acronym `[A-Z][A-Za-z0-9&]{1,9}` (without lower case: `[A-Z][A-Z0-9&]{1,9}`) that starts at
    /// `start` ends; nil when none starts there. Whatever follows it is no acronym character, so the greedy match
    /// is the whole run of acronym characters, and a run over ten characters is no match.
    private static func acronymEnd(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, allowsLowercase: Bool) -> Int? {
        guard start < bytes.count, bytes[start].isASCIIUppercase else { return nil }
        var end = start + 1
        while end < bytes.count {
            let b = bytes[end]
            guard b.isASCIIUppercase || b.isASCIIDigit || b == UInt8(ascii: "&") || (allowsLowercase && b.isASCIILowercase) else { break }
            end += 1
        }
        return (2...10).contains(end - start) ? end : nil
    }

    /// Whether `b` is an acronym character of `acronymThenName`: `[A-Z0-9&]`.
    private static func isAcronymByte(_ b: UInt8) -> Bool { b.isASCIIUppercase || b.isASCIIDigit || b == UInt8(ascii: "&") }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
