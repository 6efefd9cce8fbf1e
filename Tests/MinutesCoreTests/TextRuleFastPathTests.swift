import Testing
@testable import MinutesCore

/// The byte-level fast paths of the text rules must answer exactly as the Character-based rules
/// they shortcut, including around combining marks, prepended marks and CR LF.
@Suite("Text rule fast paths")
struct TextRuleFastPathTests {
    /// Pieces that random texts are made of: label-ish words, the emphasis and colon bytes, and
    /// the Unicode that behaves differently on bytes and on Characters.
    static let pieces = ["*", "_", " ", " ", ":", "Chair", "Present", "a", "Name", "(s)", "http", ".", ",",
                         "\u{301}", "é", "e\u{301}", "\u{600}", "\r", "\n", "\r\n", "ß", "👩‍💻", "Z", "0123456789"]

    static func randomText(_ generator: inout SplitMix64) -> String {
        generator.text(of: pieces, maxPieces: 40)
    }

    @Test func labelledOnBytesAgreesWithTheCharacterRule() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let text = Self.randomText(&generator)
            let fast = TextRules.labelled(text), slow = TextRules.labelledByCharacters(text)
            #expect(fast?.label == slow?.label && fast?.value == slow?.value, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func collapseWhitespaceReturnsCollapsedTextsAsTheyAre() {
        var generator = SplitMix64(seed: 11)
        // White space of every kind the fast paths tell apart, and texts already collapsed.
        let spaces = ["  ", "\t", "\u{2003}", "\u{3000}", "\u{A0}", "\u{85}", " \n "]
        for round in 0..<20_000 {
            var text = Self.randomText(&generator)
            if round % 3 == 0 { text += spaces[Int(generator.next() % UInt64(spaces.count))] + Self.randomText(&generator) }
            let collapsed = TextRules.collapseWhitespace(text)
            #expect(collapsed == TextRules.collapsedCopy(text), "\(Array(text.unicodeScalars))")
        }
        #expect(TextRules.isCollapsed("already one space apart") && TextRules.collapseWhitespace("already one space apart") == "already one space apart")
        #expect(!TextRules.isCollapsed("two  spaces") && !TextRules.isCollapsed(" lead") && !TextRules.isCollapsed("em\u{2003}space"))
        #expect(TextRules.collapseWhitespace(" a \t b\u{2003}c ") == "a b c")
    }

    @Test func labelledExamples() {
        #expect(TextRules.labelled("**Present:** Ann, Bob")! == ("Present", "Ann, Bob"))
        #expect(TextRules.labelled("Chair: e\u{301}mile ")! == ("Chair", "e\u{301}mile"))
        #expect(TextRules.labelled("This is a sentence, with: a colon") == nil)
        #expect(TextRules.labelled("* \u{301}Chair: x")?.label == TextRules.labelledByCharacters("* \u{301}Chair: x")?.label)
    }

    @Test func nickRulesOnASCIIBytes() {
        #expect(TextRules.nickToName("Bill_Kasdorf_") == "Bill Kasdorf")
        #expect(TextRules.nickToName("AjayJadhav") == "Ajay Jadhav")
        #expect(TextRules.nickToName("_JohnMcDuffee__") == "John McDuffee")
        #expect(TextRules.nickToName("billk") == "billk")
        #expect(TextRules.nickToName("AndyS") == "AndyS")
        #expect(TextRules.nickToName("ÉmileZola") == "Émile Zola")
        #expect(TextRules.isNick("JeffO-StL") && TextRules.isNick("gpellegrino"))
        #expect(!TextRules.isNick("9lives") && !TextRules.isNick("two words") && !TextRules.isNick(String(repeating: "a", count: 33)))
        #expect(Vocabulary.isCountry(" United Kingdom\t") && Vocabulary.isCountry("🇫🇷") && !Vocabulary.isCountry("Kingdom"))
    }

    @Test func plainASCIIEightBytesAtATimeAgreesWithTheByteTest() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<5_000 {
            let text = Self.randomText(&generator)
            #expect(text.isPlainASCII == text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }, "\(Array(text.unicodeScalars))")
        }
        for offset in 0..<24 {
            let plain = String(repeating: "a", count: 24)
            #expect(plain.isPlainASCII)
            for odd in ["\r", "é", "\u{7F}"] {
                var text = Array(plain)
                text[offset] = Character(odd)
                #expect(String(text).isPlainASCII == (odd == "\u{7F}"), "\(odd) at \(offset)")
            }
        }
    }
}
