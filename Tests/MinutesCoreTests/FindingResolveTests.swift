import Foundation
import Testing
@testable import MinutesCore

/// `FindingExtractor.resolve`, which keeps answers in the roster, must answer as its rules do every time, with nicknames too.
@Suite("Findings name resolution")
struct FindingResolveTests {
    @Test func aResolvedNameWithNicknamesIsTheAnswerOfTheRules() {
        let roster = FindingExtractor.Roster([Participant(name: "Lindsay Mays"), Participant(name: "Kay Williams"),
                                              Participant(name: "Dan Brickley")])
        let nicknames = ["danbri": "Dan Brickley", "kay": "Lindsay Mays", "lm": "Kay Williams"]
        let pieces = ["Kay", "kay", "KAY", "Lindsey", "Mays", "KW", "danbri", "Danbri.", "LM", "The board", " ", "@", ",", "é", "Dan"]
        forRandomTexts(of: pieces, seed: 31, count: 2_000, maxPieces: { _ in 3 }) { candidate in
            for names in [nicknames, [:]] {
                #expect(FindingExtractor.resolve(candidate, in: roster, nicknames: names)
                        == FindingExtractor.resolveByRules(candidate, in: roster, nicknames: names), "\(candidate)")
            }
        }
        #expect(FindingExtractor.resolve("Kay", in: roster, nicknames: nicknames) == "Lindsay Mays")
        #expect(FindingExtractor.resolve("Kay", in: roster) == "Kay Williams")
    }
}
