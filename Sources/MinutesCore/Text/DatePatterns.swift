import Foundation

/// Which of `DateExtractor.firstDate`'s four regular expressions may find a date in a text, told from its UTF-8 bytes
/// in one pass, so that the others are not run (most dated texts are written in one way: "2024-03-01", "1 March 2024").
struct DatePatterns: OptionSet {
    let rawValue: UInt8

    /// `isoPattern`: the year followed by "-", "." or "/".
    static let iso = DatePatterns(rawValue: 1)
    /// `dayMonthYear`: a month's name, then white space before the year.
    static let dayMonthYear = DatePatterns(rawValue: 2)
    /// `monthDayYear`: a month's name, then white space before the year.
    static let monthDayYear = DatePatterns(rawValue: 4)
    /// `numeric`: "/" or "." right before the year.
    static let numeric = DatePatterns(rawValue: 8)
    /// All four: the rule as written.
    static let all: DatePatterns = [.iso, .dayMonthYear, .monthDayYear, .numeric]

    /// The three-letter openings of every month name `DateExtractor.months` knows, one of which the month group of
    /// `dayMonthYear` and `monthDayYear` (ASCII letters, lower-cased) must start with for a date to be taken.
    private static let monthStems = FindingsNeedles(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])

    /// The patterns that may find a date in `text`; empty when none can (then `DateExtractor.mayHoldYear` is false too,
    /// or no year stands where a pattern puts one).
    ///
    /// Every pattern holds a year `\b(?:19|20)\d\d\b` as `DateExtractor.mayHoldYear` looks for it. Around such a year:
    /// `isoPattern` needs "-", "." or "/" right after its digits; `numeric` needs "/" or "." right before "19"/"20"; the
    /// two others need white space right before it (`\s`: ASCII white space, the information separators that some
    /// definitions count, or a non-ASCII character) and a month's name among ASCII letters in any case (a match whose
    /// word is no month gives no date, and matches are looked at until one gives a date, so without any month name the
    /// pattern gives none). A year whose digits hold a non-ASCII byte (a digit of another script) leaves every pattern
    /// possible.
    static func possible(in text: String) -> DatePatterns {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> DatePatterns in
            guard bytes.count >= 4 else { return [] }
            var found: DatePatterns = []
            for start in 0...(bytes.count - 4) {
                let first = bytes[start], second = bytes[start + 1]
                guard (first == UInt8(ascii: "1") && second == UInt8(ascii: "9")) || (first == UInt8(ascii: "2") && second == UInt8(ascii: "0")),
                      start == 0 || !bytes[start - 1].isASCIIWordByte else { continue }
                let third = bytes[start + 2], fourth = bytes[start + 3]
                if third >= 0x80 || fourth >= 0x80 { return .all }
                guard third.isASCIIDigit, fourth.isASCIIDigit, start + 4 == bytes.count || !bytes[start + 4].isASCIIWordByte else { continue }
                if start + 4 < bytes.count, bytes[start + 4].isOne(of: "-./") { found.insert(.iso) }
                if start > 0 {
                    let before = bytes[start - 1]
                    if before == UInt8(ascii: "/") || before == UInt8(ascii: ".") { found.insert(.numeric) }
                    if before >= 0x80 || before == 0x20 || (before >= 0x09 && before <= 0x0D) || (before >= 0x1C && before <= 0x1F) { found.formUnion([.dayMonthYear, .monthDayYear]) }
                }
            }
            return found
        }
        guard var patterns = found else { return .all }
        if !patterns.isDisjoint(with: [.dayMonthYear, .monthDayYear]), text.findingsScan(monthStems).mentions == 0 {
            patterns.subtract([.dayMonthYear, .monthDayYear])
        }
        return patterns
    }
}
