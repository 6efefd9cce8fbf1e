import Foundation
import Testing
@testable import MinutesCore

/// The shortcuts of session 17 in the participant rules answer as the rules they stand for, on random names and words
/// mixing ASCII with the Unicode that behaves differently on bytes and on characters (combining marks, CR LF, KELVIN SIGN).
@Suite("Participant speed paths 17")
struct ParticipantSpeed17Tests {
    /// Pieces of names, nicks and the marks around them.
    static let pieces = ["Eva", "Schlehahn", "Shlehan", "eva", "Bill", "billk", "Kasdorf", "McDuffee", "DeMeglio", "van", "Jos\u{E9}",
                         "e\u{301}", "\u{212A}im", "\u{130}lker", "ß", "a", "b", "ab", "abc", " ", "  ", "\t", "\r\n", "\n", "_", "-", "+",
                         ".", ",", "*", "'", "\"", ":", "?", "x", "Y", "Ann-Marie", "JeffO", "rubensworks"]

    @Test func misspellingPartsAreTheRule() {
        forRandomTexts(of: Self.pieces, seed: 1717, maxPieces: { _ in 6 }) { name in
            let fast = ParticipantExtractor.misspellingParts(name), rule = ParticipantExtractor.misspellingPartsRule(name)
            #expect(fast?.first == rule?.first && fast?.last == rule?.last, "\(Array(name.unicodeScalars))")
            #expect((fast == nil) == (rule == nil), "\(Array(name.unicodeScalars))")
        }
        #expect(ParticipantExtractor.misspellingParts("Eva  Schlehahn.")! == ("eva", "schlehahn"))
    }

    @Test func withinOneEditIsTheEditDistance() {
        let letters = ["a", "b", "c", "ab", "ba", "abc", "e\u{301}", "\u{E9}", "\r\n", "\r", "\n", "K", "\u{212A}"]
        var generator = SplitMix64(seed: 1718)
        for _ in 0..<20_000 {
            let a = generator.text(of: letters, maxPieces: 6), b = generator.text(of: letters, maxPieces: 6)
            let rule = TextRules.editDistance(a, b, limit: 1) <= 1
            if let fast = ParticipantEditDistance.withinOneEdit(a, b) {
                #expect(fast == rule, "\(Array(a.unicodeScalars)) \(Array(b.unicodeScalars))")
            } else {
                #expect(!a.isPlainASCII || !b.isPlainASCII)
            }
        }
        #expect(ParticipantEditDistance.withinOneEdit("jassica", "jessica") == true)
        #expect(ParticipantEditDistance.withinOneEdit("jessica", "jessicas") == true)
        #expect(ParticipantEditDistance.withinOneEdit("jessica", "jesica") == true)
        #expect(ParticipantEditDistance.withinOneEdit("jessica", "jasica") == false)
    }

    @Test func nicksKeptOnBytesAreKeptByTheRule() {
        var kept = 0
        forRandomTexts(of: Self.pieces, seed: 1719, maxPieces: { _ in 4 }) { word in
            if ParticipantFastPaths.nickToNameKeeps(word) {
                kept += 1
                #expect(TextRules.nickToName(word).utf8.elementsEqual(word.utf8), "\(Array(word.unicodeScalars))")
            }
        }
        #expect(kept > 1_000)
        #expect(ParticipantFastPaths.nickToNameKeeps("gpellegrino"))
        #expect(!ParticipantFastPaths.nickToNameKeeps("DaleRogers"))
        #expect(!ParticipantFastPaths.nickToNameKeeps("Bill_Kasdorf_"))
    }
}
