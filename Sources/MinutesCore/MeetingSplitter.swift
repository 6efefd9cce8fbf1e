import Foundation

/// Splits a document that holds many dated meetings (running notes: "# 2024-12-10", "# 2024-11-26 - Canceled")
/// into one document per meeting.
///
/// A split happens only when at least two headings of the same level are mainly a date; the blocks before
/// the first of them are the file's preamble (schedule, links), whose title prefixes each meeting's title.
public enum MeetingSplitter {
    /// The date a heading is mainly made of ("2024-12-10", "**March 3, 2024** - Canceled", "Tuesday 3 March 2024"),
    /// or nil when the heading is about something else.
    public static func headingDate(_ text: String) -> String? {
        // The date is read from a run of the heading's own bytes, which holds no year when the heading holds none
        // (wherever its words start or stop): such headings are refused before the rule below counts or lowercases them.
        guard DateExtractor.mayHoldYear(text, atWordBoundaries: false) else { return nil }
        return headingDateByRule(text)
    }

    /// `headingDate(_:)` without its byte shortcut: the rule itself, kept to test the shortcut against.
    static func headingDateByRule(_ text: String) -> String? {
        // More than 20 words is a sentence, not a dated heading (counted without splitting the text).
        var words = 0, inWord = false
        for character in text {
            if character.isWhitespace { inWord = false } else if !inWord { inWord = true; words += 1; if words > 20 { return nil } }
        }
        var body = Substring(text)
        body = body.drop { !$0.isLetter && !$0.isNumber }
        let firstWord = body.prefix { $0.isLetter }.lowercased()
        if weekdays.contains(firstWord) { body = body.dropFirst(firstWord.count).drop { !$0.isLetter && !$0.isNumber } }
        return DateExtractor.firstDate(in: String(body.prefix(24)))
    }

    /// Weekday names and abbreviations a dated heading may open with.
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"]

    /// The meetings of `document`, or `[document]` when it is one meeting.
    public static func split(_ document: BlockDocument) -> [BlockDocument] {
        let blocks = document.blocks
        // The headings that pass the byte shortcut of `headingDate(_:)`, by level: a level needs two dated
        // headings, so the rule itself runs only on the levels with two such headings.
        var candidates: [Int: [Int]] = [:]
        for i in blocks.indices where blocks[i].kind == .heading && DateExtractor.mayHoldYear(blocks[i].text, atWordBoundaries: false) {
            candidates[blocks[i].level, default: []].append(i)
        }
        var byLevel: [Int: [Int]] = [:]
        for (level, headings) in candidates where headings.count >= 2 {
            byLevel[level] = headings.filter { headingDateByRule(blocks[$0].text) != nil }
        }
        // The highest level (smallest number) with at least two date headings.
        guard let level = byLevel.filter({ $0.value.count >= 2 }).keys.min(), let starts = byLevel[level] else { return [document] }
        let preamble = document.blocks[..<starts[0]]
        let baseTitle = document.title?.trimmed().nilIfEmpty
            ?? preamble.first { $0.kind == .heading && !$0.text.isEmpty }?.text
        var meetings: [BlockDocument] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : document.blocks.count
            let heading = document.blocks[start].text
            var metadata = document.metadata
            metadata["date"] = headingDate(heading)
            let title = baseTitle.map { "\($0) — \(heading)" } ?? heading
            var warnings = document.warnings
            if heading.lowercased().contains("cancel") { warnings.append("meeting cancelled") }
            meetings.append(BlockDocument(title: title, metadata: metadata, blocks: Array(document.blocks[start..<end]), warnings: warnings))
        }
        return meetings
    }
}

extension String {
    /// nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
