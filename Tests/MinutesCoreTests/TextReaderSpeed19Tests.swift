import Foundation
import Testing
@testable import MinutesCore

/// The shortcuts of the plain-text reader's word repair must answer as the rules they stand for.
@Suite("Text reader speed 19 fast paths")
struct TextReaderSpeed19Tests {
    /// Pieces of tokens: letters, hyphens and full stops, and words the dictionary or the document knows.
    static let pieces = ["a", "e", "s", "t", "n", "ing", "ness", "B", "Th", "-", ".", "clean", "tech", "cluster", "Region", "thus",
                         "business", "opportunity", "an", "Hub", "and", "of", "the", "zz", "q", "xyl"]

    /// `surelyStays` holds only for tokens that `repairASCIIToken` returns as they are, so `repairByCharacters` may
    /// pass them by without looking them up.
    @Test func tokensThatSurelyStayAreRepairedToThemselves() {
        let lexicon = Lexicon(words: ["meeting", "board", "clean", "tech", "cluster", "region", "thus", "opportunity", "business",
                                      "ness", "and", "hub", "the", "of"])
        var random = SplitMix64(seed: 1919)
        var stays = 0, looked = 0
        for _ in 0..<200 {
            let document = (0..<Int(random.next() % 40 + 1)).map { _ in random.text(of: Self.pieces, maxPieces: 6) }
                .joined(separator: random.next() % 2 == 0 ? " " : " – ")
            let repair = WordRepair(vocabularyFrom: [document], lexicon: lexicon)
            for _ in 0..<50 {
                var token = random.text(of: Self.pieces, maxPieces: 8)
                guard !token.isEmpty else { continue }
                let original = token
                if repair.surelyStays(&token) {
                    stays += 1
                    let repaired = token.withUTF8 { repair.repairASCIIToken($0) }
                    #expect(repaired == original, "\(original) in \(document)")
                } else {
                    looked += 1
                }
            }
        }
        // Both answers were given: the test compares tokens passed by, not only tokens looked up.
        #expect(stays > 1000 && looked > 1000, "\(stays) stay, \(looked) looked up")
    }
}
