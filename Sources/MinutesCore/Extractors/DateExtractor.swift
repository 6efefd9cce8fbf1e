import Foundation

/// Finds dates in text and turns them into ISO 8601 (`YYYY-MM-DD`).
///
/// Understands "24 January 2014", "Thursday, 24 Jan. 2014", "04 FEB 2026", "January 24, 2014",
/// "Jan 24 2014", "2014-01-24", "2019.03.01" and "24/01/2014" (day first).
public enum DateExtractor {
    /// The meeting date: the metadata's `date`, else the first date in the title,
    /// headings or the first blocks of the document.
    public static func meetingDate(in document: BlockDocument) -> String? {
        if let meta = document.metadata["date"], let date = firstDate(in: meta) { return date }
        if let title = document.title, let date = firstDate(in: title) ?? splitDate(in: title) { return date }
        let headingDate = document.blocks.first(where: { $0.kind == .heading }).flatMap { splitDate(in: $0.text) }
        // The first date of the opening blocks, looked for once (the heading's date stands only when there is none).
        var blockDate: String?
        for block in document.blocks.prefix(40) {
            if let date = firstDate(in: block.text) { blockDate = date; break }
        }
        return blockDate ?? headingDate
    }

    static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"]
        var map: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            map[name] = i + 1
            map[String(name.prefix(3))] = i + 1
        }
        map["sept"] = 9
        return map
    }()

    static let isoPattern = try! NSRegularExpression(pattern: #"\b((?:19|20)\d\d)([-./])(\d\d?)\2(\d\d?)\b"#)
    static let dayMonthYear = try! NSRegularExpression(
        pattern: #"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b"#)
    static let monthDayYear = try! NSRegularExpression(
        pattern: #"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"#)
    static let numeric = try! NSRegularExpression(pattern: #"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b"#)

    /// The first date written in `text`, as `YYYY-MM-DD`.
    public static func firstDate(in text: String) -> String? {
        let patterns = DatePatterns.possible(in: text)
        guard !patterns.isEmpty else { return nil }
        return firstDate(in: text, trying: patterns)
    }

    /// `firstDate(in:)` with only the regular expressions of `patterns` run (each one left out must find no date in
    /// `text`, see `DatePatterns.possible(in:)`); with `.all` the rule as written.
    static func firstDate(in text: String, trying patterns: DatePatterns) -> String? {
        guard mayHoldYear(text) else { return nil }
        let ns = text as NSString
        let range = NSRange(location: 0, length: ns.length)
        var candidates: [(Int, String)] = []
        // A group's text, sliced from the text itself where its UTF-16 range maps to string indices (no NSString copy).
        func group(_ m: NSTextCheckingResult, _ i: Int) -> Substring {
            let groupRange = m.range(at: i)
            return Range(groupRange, in: text).map { text[$0] } ?? Substring(ns.substring(with: groupRange))
        }
        if patterns.contains(.iso), let m = isoPattern.firstMatch(in: text, range: range),
           let iso = iso(year: Int(group(m, 1)), month: Int(group(m, 3)), day: Int(group(m, 4))) {
            candidates.append((m.range.location, iso))
        }
        for m in patterns.contains(.dayMonthYear) ? dayMonthYear.matches(in: text, range: range) : [] {
            if let iso = iso(year: Int(group(m, 3)), month: months[group(m, 2).lowercased()], day: Int(group(m, 1))) {
                candidates.append((m.range.location, iso)); break
            }
        }
        for m in patterns.contains(.monthDayYear) ? monthDayYear.matches(in: text, range: range) : [] {
            if let iso = iso(year: Int(group(m, 3)), month: months[group(m, 1).lowercased()], day: Int(group(m, 2))) {
                candidates.append((m.range.location, iso)); break
            }
        }
        if patterns.contains(.numeric), let m = numeric.firstMatch(in: text, range: range),
           let iso = iso(year: Int(group(m, 3)), month: Int(group(m, 2)), day: Int(group(m, 1))) {
            candidates.append((m.range.location, iso))
        }
        return candidates.min { $0.0 < $1.0 }?.1
    }

    static let yearPattern = try! NSRegularExpression(pattern: #"\b((?:19|20)\d\d)\b"#)
    private static let monthDay = try! NSRegularExpression(pattern: #"\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?\b(?!,? ?\d)"#)

    /// A date whose year stands apart from its month and day, as titles write it:
    /// "WECG Meetings 2021, Public Notes, June 24" → 2021-06-24.
    public static func splitDate(in text: String) -> String? {
        guard mayHoldYear(text) else { return nil }
        let ns = text as NSString
        let range = NSRange(location: 0, length: ns.length)
        let years = yearPattern.matches(in: text, range: range)
        guard years.count == 1, let year = years.first.map({ Int(ns.substring(with: $0.range(at: 1))) }) else { return nil }
        for m in monthDay.matches(in: text, range: range) {
            if let iso = iso(year: year, month: months[ns.substring(with: m.range(at: 1)).lowercased()], day: Int(ns.substring(with: m.range(at: 2)))) {
                return iso
            }
        }
        return nil
    }

    /// Whether `text` may hold a year as every date pattern (and `yearPattern`) writes it: "19" or "20" after a character
    /// that is no word character (`\b`, `\s` or "/" and "." come before the year in each), then two digits (`\d`, any
    /// decimal digit), then a character that is no word character either (`\b` or one of "-./"). On bytes: the byte
    /// before "19"/"20" and the one after its two digits must not be an ASCII letter, digit or "_", and each digit is
    /// an ASCII digit or part of a non-ASCII character (then the bytes after it are not looked at). The many texts
    /// without such bytes are refused before any regular expression runs.
    ///
    /// With `atWordBoundaries` false the bytes around the year are not looked at: the answer is then true for `text`
    /// whenever it is true for any run of `text`'s bytes (a run may start or stop right at the year).
    static func mayHoldYear(_ text: String, atWordBoundaries: Bool = true) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= 4 else { return false }
            for start in 0...(bytes.count - 4) {
                let first = bytes[start], second = bytes[start + 1]
                guard (first == UInt8(ascii: "1") && second == UInt8(ascii: "9")) || (first == UInt8(ascii: "2") && second == UInt8(ascii: "0")),
                      !atWordBoundaries || start == 0 || !bytes[start - 1].isASCIIWordByte else { continue }
                let third = bytes[start + 2], fourth = bytes[start + 3]
                if third >= 0x80 || fourth >= 0x80 { return true }
                guard third.isASCIIDigit, fourth.isASCIIDigit else { continue }
                if !atWordBoundaries || start + 4 == bytes.count || !bytes[start + 4].isASCIIWordByte { return true }
            }
            return false
        }
        return answer ?? true
    }

    /// `YYYY-MM-DD` when the parts make a real calendar date.
    static func iso(year: Int?, month: Int?, day: Int?) -> String? {
        guard let year, let month, let day, (1...12).contains(month), day >= 1 else { return nil }
        let daysInMonth = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= daysInMonth[month - 1] else { return nil }
        return padded(year, to: 4) + "-" + padded(month, to: 2) + "-" + padded(day, to: 2)
    }

    /// `String(format: "%0*d", width, value)` for a non-negative `value`, without Foundation's formatter.
    static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.utf8.count)) + digits
    }
}
