import Foundation
import Testing
@testable import MinutesCore

/// `ASCIINeedleSet.matches(in:)` and `ParticipantCues`, the one pass over a text for several groups of cue words,
/// answer as one search a needle (Foundation's `contains`): combining marks, CR LF, the Kelvin sign, non-ASCII letters.
struct ParticipantCueTests {
    /// The pieces random texts are made of: the cue words, parts of them, and Unicode that behaves differently on bytes.
    static let pieces = ParticipantCues.regretWords + ParticipantCues.nickWords + ParticipantCues.scribeWords
        + [" ", "a", "k", "aka", "a.k.a.", "also known", " as", "can", "not", "'", "regre", "t", "scribe", "Scribe",
           "\u{301}", "\r\n", "\r", "\n", "\u{212A}", "é", "Jos\u{E9}", "x", ".", "able", " to", "apo", "log", "crib"]

    @Test func matchesAreTheNeedlesFoundOneByOne() {
        let needles = ParticipantCues.regretWords + ParticipantCues.nickWords + ParticipantCues.scribeWords
        let set = ASCIINeedleSet(needles)
        forRandomTexts(of: Self.pieces, seed: 7_301, maxPieces: { _ in 12 }) { text in
            let expected = needles.indices.reduce(UInt32(0)) { text.contains(needles[$1]) ? $0 | 1 << UInt32($1) : $0 }
            #expect(set.matches(in: text) == expected, "\(Array(text.unicodeScalars))")
            #expect(set.containsAny(in: text) == (expected != 0), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func cueGroupsAnswerAsTheirOwnNeedleSets() {
        let regret = ASCIINeedleSet(ParticipantCues.regretWords), nick = ASCIINeedleSet(ParticipantCues.nickWords)
        let scribe = ASCIINeedleSet(ParticipantCues.scribeWords)
        var texts: [String] = []
        forRandomTexts(of: Self.pieces, seed: 7_302, count: 5_000, maxPieces: { $0 % 50 == 0 ? 120 : 12 }) { texts.append($0) }
        let cues = ParticipantCues(texts)
        for (index, text) in texts.enumerated() {
            #expect(cues.holdsNickWord(index) == nick.containsAny(in: text), "\(Array(text.unicodeScalars))")
            guard text.utf8.count <= ParticipantCues.longestRead else { continue }
            #expect(cues.holdsRegretWord(index) == regret.containsAny(in: text), "\(Array(text.unicodeScalars))")
            #expect(cues.holdsScribeWord(index) == scribe.containsAny(in: text), "\(Array(text.unicodeScalars))")
        }
    }
}
