import Foundation
import Testing
@testable import MinutesCore

/// The participant rules' counts and searches told on bytes answer as the characters do: `participantHasAtMost`
/// (characters counted only where bytes cannot tell) and `participantLastIndex(of:)`.
struct ParticipantByteCountTests {
    /// ASCII, CR LF, combining and prepended marks, wide characters and emoji, next to brackets and spaces.
    static let pieces = ["a", "B", " ", "(", ")", "JM", "x y", "\r\n", "\r", "\n", "\u{301}", "\u{600}", "é", "e\u{301}",
                         "\u{5F20}", "\u{1F600}", "\u{1F1EB}\u{1F1F7}", "’", "—", "Ab", "(\u{301}", ")\u{301}", "\u{200D}"]

    @Test func atMostIsTheCharacterCount() {
        forRandomTexts(of: Self.pieces, seed: 15_301, maxPieces: { $0 % 10 == 0 ? 90 : 30 }) { text in
            for limit in [3, 30, 60] {
                #expect(text.participantHasAtMost(limit) == (text.count <= limit), "\(limit) \(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func lastIndexIsTheCharacterSearch() {
        forRandomTexts(of: Self.pieces, seed: 15_302, maxPieces: { _ in 12 }) { text in
            for character: Character in ["(", ")", " "] {
                #expect(text.participantLastIndex(of: character) == text.lastIndex(of: character), "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func oneByteIsFoundAsContainsFindsIt() {
        forRandomTexts(of: Self.pieces + [":", ",", ":\u{301}", ",\u{301}", " \u{301}"], seed: 15_303, maxPieces: { _ in 12 }) { text in
            for byte in [UInt8(0x20), UInt8(ascii: ":"), UInt8(ascii: ",")] {
                #expect(text.participantContainsASCII(byte) == text.containsASCII(String(UnicodeScalar(byte))), "\(Array(text.unicodeScalars))")
            }
        }
    }
}
