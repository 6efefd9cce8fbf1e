import Foundation
import Testing
@testable import MinutesCore

/// The byte answers of the participant list rules (an item's opening words, a nick's second word, notes left out of
/// non-ASCII text) must be those of the rules they stand for, on random texts of the words the rules look at and of
/// the Unicode that behaves differently on bytes (combining marks, CR LF, KELVIN SIGN, "İ").
@Suite("Participant opening bytes")
struct ParticipantOpeningBytesTests {
    /// Pieces that random texts are made of.
    static let pieces = [" ", " ", "  ", "_", "-", "+", "(", ")", "(x)", ",", "and", "And", "AND", " and ", "and ", "Councillors ",
                         "cllrs", "CLLRS ", "members", "Members ", "directors ", "c", "C", "Bill", "Kasdorf", "billk", "AjayJadhav",
                         "McDuffee", "aB", "Ab", "x", "\u{301}", "e\u{301}", "\r", "\n", "\r\n", "\u{212A}", "\u{130}", "ß", "é",
                         "’", "–", "🇨🇦", "\u{600}", "Z", "7"]

    @Test func openingBytesTellTheLowerCasedPrefix() {
        forRandomTexts(of: Self.pieces, seed: 1301, maxPieces: { _ in 8 }) { text in
            for prefix in ["and ", "councillors ", "cllrs ", "directors ", "members "] {
                if let fast = ParticipantFastPaths.lowercasedHasPrefix(text, prefix) {
                    #expect(fast == text.lowercased().hasPrefix(prefix), "\(prefix) \(Array(text.unicodeScalars))")
                }
            }
            #expect(ParticipantExtractor.opensWithCouncillors(text)
                == ["councillors ", "cllrs "].contains { text.lowercased().hasPrefix($0) }, "\(Array(text.unicodeScalars))")
        }
        #expect(ParticipantFastPaths.lowercasedHasPrefix("And Bob", "and ") == true)
        #expect(ParticipantFastPaths.lowercasedHasPrefix("Andrea", "and ") == false)
        #expect(ParticipantFastPaths.lowercasedHasPrefix("and \u{301}x", "and ") == nil)
    }

    @Test func bytesRefuseOnlyNicksWithoutASecondWord() {
        forRandomTexts(of: Self.pieces, seed: 1302, maxPieces: { _ in 6 }) { text in
            if !ParticipantFastPaths.mayNameTwoWords(text) {
                #expect(!TextRules.nickToName(text).containsASCII(" "), "\(Array(text.unicodeScalars))")
            }
        }
        #expect(ParticipantFastPaths.mayNameTwoWords("AjayJadhav"))
        #expect(!ParticipantFastPaths.mayNameTwoWords("Kasdorf"))
    }

    @Test func notesLeaveNonASCIITextAsTheRuleLeavesIt() {
        forRandomTexts(of: Self.pieces, seed: 1303, maxPieces: { _ in 12 }) { text in
            #expect(ParticipantFastPaths.withoutParentheticals(text) == TextRules.withoutParentheticals(text), "\(Array(text.unicodeScalars))")
        }
        #expect(ParticipantFastPaths.withoutParentheticals("Don (Learning Agents) 🇨🇦") == "Don 🇨🇦")
    }
}
