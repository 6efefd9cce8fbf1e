import Foundation
import Testing
@testable import MinutesCore

/// `ASCIINeedleSet` anchors a needle of common bytes on a doubled byte ("nn" in "cannot"): its matches and first
/// matches stay those of one search a needle (Foundation's `contains`), wherever the doubled byte falls in the
/// eight-byte blocks of the scan and next to non-ASCII text.
struct ParticipantCuePairAnchorTests {
    /// Needles anchored on doubled bytes ("cannot", "too", "onn ", "ee"), next to needles anchored on one byte.
    static let needles = ["cannot", "too", "onn ", "ee", "can't", "regret", " a", "nn"]
    /// The pieces random texts are made of: the needles, their parts, and bytes that shift them across blocks.
    static let pieces = needles + ["n", "nn", "nnn", "c", "ca", "can", "not", "o", "t", "e", " ", "x", "'", "\u{301}",
                                   "\r\n", "é", "\u{212A}", "reg", "ret", "abcdefg", "1234567"]

    @Test func pairAnchoredNeedlesAreFoundAsOneByOne() {
        let set = ASCIINeedleSet(Self.needles)
        forRandomTexts(of: Self.pieces, seed: 9_121, maxPieces: { $0 % 10 == 0 ? 60 : 14 }) { text in
            let expected = Self.needles.indices.reduce(UInt32(0)) { text.contains(Self.needles[$1]) ? $0 | 1 << UInt32($1) : $0 }
            #expect(set.matches(in: text) == expected, "\(Array(text.unicodeScalars))")
            #expect(set.containsAny(in: text) == (expected != 0), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func eachPairAnchoredNeedleAloneIsFound() {
        for needle in ["cannot", "too", "onn ", "ee", "nn"] {
            let set = ASCIINeedleSet([needle])
            forRandomTexts(of: Self.pieces, seed: 9_122, count: 4_000, maxPieces: { _ in 16 }) { text in
                #expect(set.containsAny(in: text) == text.contains(needle), "\(needle) \(Array(text.unicodeScalars))")
            }
        }
    }
}
