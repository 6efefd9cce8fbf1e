import Foundation
import Testing
@testable import MinutesCore

/// The byte shortcuts of part-speed19 in the shared rules must answer exactly as the rules they shortcut:
/// `TextRules.listItemsOnBytes` for a text without separators (the text itself, one item) against `listItems`, and
/// `TextRules.labelled` (its colon found with `memchr` in a 64-byte window) against `labelledByCharacters`.
@Suite("Participant speed 19")
struct ParticipantSpeed19Tests {
    /// Pieces of lists and labels: words, spaces and emphasis, brackets, a few separators (rarer than the rest, so that
    /// many texts hold none), colons, and the Unicode that behaves differently on bytes and on characters.
    static let pieces = [" ", " ", "  ", "*", "**", "_", "(", ")", "[", "]", "Ann", "Bob Smith", "Chair", "and ", " and ", " & ",
                         "Present", "Regrets", "attendees", "x", ".", "/", "-", "\u{301}", "é", "e\u{301}", "\u{600}", "\r", "\r\n",
                         "K", "\u{212A}", "İ", "–", "’", "\u{37E}", "\u{FF0C}", "\u{FE50}", "\u{1FEF}", "\u{A0}",
                         ",", ";", ":", ": ", ":\u{301}", "\u{301}:", ",\u{301}", "\u{600};", "0123456789", "abcdefghijklmnopqrstuvwxyz"]

    @Test func listItemsOfATextWithoutSeparatorsAreTheText() {
        var withoutSeparators = 0
        forRandomTexts(of: Self.pieces, seed: 1_901, maxPieces: { $0 % 2 == 0 ? 6 : 14 }) { text in
            guard let items = TextRules.listItemsOnBytes(text) else { return }
            #expect(items == TextRules.listItems(text), "\(Array(text.unicodeScalars))")
            if !text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == 0xCD }) {
                withoutSeparators += 1
                #expect(items.count == 1 && items[0].utf8.elementsEqual(text.utf8))
            }
        }
        #expect(withoutSeparators > 2_000)
        #expect(TextRules.listItemsOnBytes("Ann Bob (Chair)") == ["Ann Bob (Chair)"])
        #expect(TextRules.listItemsOnBytes("") == [""])
        #expect(TextRules.splitList("Ann and Bob Smith") == TextRules.splitList("Ann and Bob Smith,").filter { !$0.isEmpty })
    }

    @Test func labelledAnswersAsTheCharacterRule() {
        var labels = 0
        forRandomTexts(of: Self.pieces, seed: 1_902, maxPieces: { _ in 20 }) { text in
            let fast = TextRules.labelled(text), rule = TextRules.labelledByCharacters(text)
            #expect(fast?.label == rule?.label && fast?.value == rule?.value, "\(Array(text.unicodeScalars))")
            if fast != nil { labels += 1 }
        }
        #expect(labels > 500)
        // The colon at the last byte of the 64-byte window after the emphasis, and one byte after it.
        for padding in 60...66 {
            for text in ["**" + String(repeating: "a", count: padding) + ": x", String(repeating: "b c ", count: padding / 4) + ":v"] {
                let fast = TextRules.labelled(text), rule = TextRules.labelledByCharacters(text)
                #expect(fast?.label == rule?.label && fast?.value == rule?.value, "\(text)")
            }
        }
    }
}
