import Foundation
import Testing
@testable import MinutesCore

/// The byte shortcuts of the shared text rules (dated headings, list splitting) must answer exactly as the rules
/// they shortcut, around combining marks, CR LF, the Kelvin sign, non-ASCII digits and other non-ASCII text too.
@Suite("Shared rule fast paths")
struct SharedRuleFastPathTests {
    /// Pieces that random texts are made of: parts of dates, weekdays, list separators and brackets, and the Unicode
    /// that behaves differently on bytes and on characters.
    static let pieces = [" ", " ", "  ", "\t", "*", "**", "_", "[", "]", "(", ")", ",", ";", ".", "/", "-", " - ", " and ", " & ",
                         "and ", "2024", "2019", "1999", "20", "19", "12", "3", "10", "31", "0", "7", "st", "th", "of ",
                         "March", "Mar", "sept", "june", "Monday", "Tue", "tues", "Sun", "x", "Kay", "David", "Canceled",
                         "\u{301}", "é", "e\u{301}", "\u{600}", "\r", "\n", "\r\n", "ß", "👩‍💻", "K", "\u{212A}", "İ", "–", "—", "’",
                         "١", "٢٠", "२०१९", "\u{FF12}\u{FF10}", "\u{A0}", "\u{2003}", "\u{37E}", "\u{FF0C}", "\u{FE50}", "`", "\u{1FEF}",
                         ":", ": ", "Present:", "**Regrets:** ", "_", "http", "(s)", "\"", "(\u{301}", ",\u{301}", "\u{600},", "\u{600}(", "]\u{200D}", ";é", "é)"]

    /// Runs `body` on many random texts of up to 15 pieces.
    static func forRandomTexts(seed: UInt64, count: Int = 20_000, _ body: (String) -> Void) {
        MinutesCoreTests.forRandomTexts(of: pieces, seed: seed, count: count, maxPieces: { _ in 16 }, body)
    }

    /// Slots of a date-shaped heading, each filled with a part that makes a date or one that spoils it.
    static let dateSlots: [[String]] = [
        ["", "", "**", "# ", "x", "Minutes ", "\u{301}", "\u{600}", "Meeting – "],
        ["", "", "Monday ", "Tue, ", "tues ", "Sun.", "Mon", "Sunday"],
        ["3", "12", "31", "2024", "2019", "1999", "٢", "20", "x1", "0"],
        ["-", "/", ".", " ", ". ", "th ", "st of ", ", ", "\u{301}", "\r\n"],
        ["March", "Mar", "sept", "12", "3", "02", "Kelvin", "K", "é", "13"],
        [" ", "-", "/", ".", ", ", "\u{A0}", ".", ""],
        ["2024", "2019", "1999", "20", "٢٠١٩", "20\u{301}19", "2100", "10", "3", "2024x"],
        ["", "", "**", " - Canceled", "\u{301}", "5", " 2025-01-02", "\r\n", "é"],
    ]

    @Test func headingDateAnswersAsItsRule() {
        var dated = 0
        var generator = SplitMix64(seed: 12)
        for _ in 0..<20_000 {
            let text = Self.dateSlots.map { generator.pick($0) }.joined()
            let rule = MeetingSplitter.headingDateByRule(text)
            if rule != nil { dated += 1 }
            #expect(MeetingSplitter.headingDate(text) == rule, "\(Array(text.unicodeScalars))")
        }
        Self.forRandomTexts(seed: 11) { text in
            let rule = MeetingSplitter.headingDateByRule(text)
            if rule != nil { dated += 1 }
            #expect(MeetingSplitter.headingDate(text) == rule, "\(Array(text.unicodeScalars))")
        }
        #expect(dated > 100)
        for text in ["**2024-12-10**", "Mon2019-01-02", "Tuesday 3 March 2024", "x2019-01-02", "٢٠١٩-01-02", "Minutes", ""] {
            #expect(MeetingSplitter.headingDate(text) == MeetingSplitter.headingDateByRule(text), "\(text)")
        }
    }

    @Test func listItemsOnBytesAnswerAsTheRule() {
        var decided = 0
        Self.forRandomTexts(seed: 13) { text in
            guard let items = TextRules.listItemsOnBytes(text) else { return }
            decided += 1
            #expect(items == TextRules.listItems(text), "\(Array(text.unicodeScalars))")
        }
        #expect(decided > 2_000)
        #expect(TextRules.listItemsOnBytes("Ann, Bob (chair; notes), [x, y]; Eve") == ["Ann", " Bob (chair; notes)", " [x, y]", " Eve"])
        #expect(TextRules.listItemsOnBytes("Ann\u{37E} Bob") == nil)
        #expect(TextRules.listItems("Ann\u{37E} Bob") == ["Ann", " Bob"])
    }

    @Test func trimmingAnswersAsItsRule() {
        let sets: [Set<Character>] = [.blanks, .wordPunctuation, .labelMarks, .entryPunctuation, .emphasisMarks,
                                      [" ", "\u{212A}"], ["\u{37E}", ","], ["\u{1FEF}", "\u{FF0C}", "K\u{301}"], ["\r\n", "\r"], ["\n"], ["e\u{301}", "é", "*"], []]
        Self.forRandomTexts(seed: 14) { text in
            for characters in sets {
                #expect(text.trimming(characters) == text.trimmingByRule(characters), "\(Array(text.unicodeScalars))")
                let inner = text.dropFirst()
                #expect(inner.trimming(characters) == inner.trimmingByRule(characters), "\(Array(text.unicodeScalars))")
                #expect(inner.trimming(characters).startIndex == inner.trimmingByRule(characters).startIndex)
            }
        }
        #expect("K, x K".trimming([" ", "\u{212A}"]) == ", x")
        #expect("\r\n a \r".trimming(["\r\n", " "]) == "a \r")
    }

    @Test func asciiMembersAreTheASCIICharactersASetHolds() {
        let sets: [Set<Character>] = [.blanks, .wordPunctuation, .labelMarks, .entryPunctuation, ["\u{212A}", "\u{37E}", "\u{1FEF}", "K\u{301}", "\r\n", "é"]]
        for characters in sets {
            let members = characters.asciiMembers
            for code in UInt8(0)..<0x80 {
                let bit = (code < 64 ? members.low >> code : members.high >> (code - 64)) & 1 == 1
                #expect(bit == characters.contains(Character(Unicode.Scalar(code))), "\(code)")
            }
        }
    }

    @Test func splitOnSpacesAnswersAsSplit() {
        Self.forRandomTexts(seed: 15) { text in
            #expect(text.splitOnSpaces() == text.split(separator: " "), "\(Array(text.unicodeScalars))")
            let inner = text.dropFirst()
            #expect(inner.splitOnSpaces() == inner.split(separator: " "), "\(Array(text.unicodeScalars))")
        }
        #expect("a \u{301}b c".splitOnSpaces() == ["a \u{301}b", "c"])
        #expect("é b\r\n c".splitOnSpaces() == ["é", "b\r\n", "c"])
    }

    @Test func labelledAnswersAsItsRule() {
        var labels = 0
        Self.forRandomTexts(seed: 16, count: 40_000) { text in
            let fast = TextRules.labelled(text), rule = TextRules.labelledByCharacters(text)
            if rule != nil { labels += 1 }
            #expect(fast?.label == rule?.label && fast?.value == rule?.value, "\(Array(text.unicodeScalars))")
        }
        #expect(labels > 1_000)
    }

    @Test func firstMatchAnswersAsAByteScan() {
        var generator = SplitMix64(seed: 17)
        let needles = ["and", " and ", "Kay", "to", "‐", "e\u{301}", "—", "–x", ";", "Present:", "’s", "é"]
        Self.forRandomTexts(seed: 18) { text in
            let needle = generator.pick(needles)
            var copy = needle
            let onBytes = copy.withUTF8(UTF8Search.hasNoCanonicalEquivalent)
            #expect(onBytes == needle.unicodeScalars.allSatisfy(UTF8Search.hasNoCanonicalEquivalent), "\(needle)")
            let haystack = Array(text.utf8), pattern = Array(needle.utf8)
            let first = haystack.count >= pattern.count
                ? (0...(haystack.count - pattern.count)).first { Array(haystack[$0..<($0 + pattern.count)]) == pattern } : nil
            switch UTF8Search.firstMatch(of: needle, in: text) {
            case .found(let offset):
                #expect(onBytes && offset == first && (offset + pattern.count == haystack.count || haystack[offset + pattern.count] < 0x80))
            case .absent:
                #expect(onBytes && first == nil)
            case .undecided:
                #expect(!onBytes || (first.map { haystack[$0 + pattern.count] >= 0x80 } ?? false))
            }
        }
    }
}
