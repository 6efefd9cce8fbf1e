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
    static func parenthesised(in text: String) -> [(acronym: String, before: String)] {
        guard let bytes = asciiBytes(of: text) else {
            let ns = text as NSString
            return parenthesisedAcronym.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
                (ns.substring(with: match.range(at: 1)), ns.substring(to: match.range.location))
            }
        }
        var found: [(acronym: String, before: String)] = []
        var i = 0
        while i < bytes.count {
            // "(", an acronym of letters, digits and "&", ")".
            if bytes[i] == UInt8(ascii: "("), let end = acronymEnd(in: bytes, at: i + 1, allowsLowercase: true),
               end < bytes.count, bytes[end] == UInt8(ascii: ")") {
                found.append((string(bytes[(i + 1)..<end]), string(bytes[..<i])))
                i = end + 1
            } else {
                i += 1
            }
        }
        return found
    }

    /// Each "ACR (Name …)" of `text` (`acronymThenName`): the acronym and the words in parentheses.
    static func beforeNames(in text: String) -> [(acronym: String, phrase: String)] {
        guard let bytes = asciiBytes(of: text) else {
            let ns = text as NSString
            return acronymThenName.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
                (ns.substring(with: match.range(at: 1)), ns.substring(with: match.range(at: 2)))
            }
        }
        var found: [(acronym: String, phrase: String)] = []
        var i = 0
        while i < bytes.count {
            // A word boundary, an upper-case acronym, " (", 4 to 120 characters without parentheses, ")".
            if i == 0 || !isWordByte(bytes[i - 1]), let end = acronymEnd(in: bytes, at: i, allowsLowercase: false),
               end + 1 < bytes.count, bytes[end] == UInt8(ascii: " "), bytes[end + 1] == UInt8(ascii: "(") {
                let open = end + 2
                let close = bytes[open...].firstIndex { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") } ?? bytes.count
                if close < bytes.count, bytes[close] == UInt8(ascii: ")"), (4...120).contains(close - open) {
                    found.append((string(bytes[i..<end]), string(bytes[open..<close])))
                    i = close + 1
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// The UTF-8 bytes of `text` when every one is ASCII; nil otherwise.
    private static func asciiBytes(of text: String) -> [UInt8]? {
        text.utf8.allSatisfy { $0 < 0x80 } ? Array(text.utf8) : nil
    }

    /// Where the acronym `[A-Z][A-Za-z0-9&]{1,9}` (without lower case: `[A-Z][A-Z0-9&]{1,9}`) that starts at
    /// `start` ends; nil when none starts there. Whatever follows it is no acronym character, so the greedy match
    /// is the whole run of acronym characters, and a run over ten characters is no match.
    private static func acronymEnd(in bytes: [UInt8], at start: Int, allowsLowercase: Bool) -> Int? {
        guard start < bytes.count, isUppercase(bytes[start]) else { return nil }
        var end = start + 1
        while end < bytes.count {
            let b = bytes[end]
            guard isUppercase(b) || isDigit(b) || b == UInt8(ascii: "&") || (allowsLowercase && isLowercase(b)) else { break }
            end += 1
        }
        return (2...10).contains(end - start) ? end : nil
    }

    private static func isUppercase(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
    private static func isLowercase(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// A word character of the regular expression's `\b` among ASCII bytes: a letter, a digit or "_".
    private static func isWordByte(_ b: UInt8) -> Bool {
        isUppercase(b) || isLowercase(b) || isDigit(b) || b == UInt8(ascii: "_")
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
