import Foundation
import Testing
@testable import MinutesCore

/// `String.findingsProseCues()`, one pass over a line's bytes, must answer as the two searches it stands for.
@Suite("Findings prose cues")
struct FindingProseCueTests {
    @Test func oneByteReadingAnswersAsTheTwoSearches() {
        let pieces = [" ", " ", "to", "will", " to ", " will ", "onsensus", "onclude", "gree", "voted", " in favo", "o", "g", "v", "in",
                      "favo", "T", "x", "\u{301}", "é", "\n", "C", "ons", "ensus"]
        forRandomTexts(of: pieces, seed: 32, maxPieces: { _ in 12 }) { text in
            guard let cues = text.findingsProseCues() else { return }
            let toOrWill = text.findingsHoldsSpacedToOrWill()
            #expect(cues.toOrWill == toOrWill, "\(Array(text.unicodeScalars))")
            #expect(cues.mayApply == FindingExtractor.ProseCue.mayApply(to: text), "\(Array(text.unicodeScalars))")
        }
        #expect("We agreed".findingsProseCues()?.mayApply == true)
        #expect("Kay to send".findingsProseCues()?.toOrWill == .found)
        #expect("Nothing here".findingsProseCues()?.mayApply == false)
    }
}
