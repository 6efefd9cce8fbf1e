import Foundation
import Testing
@testable import MinutesCore

/// The byte paths of `IntroductionRules.nextAffiliation(in:first:)` must answer as the rule as it was written, on random
/// texts mixing the cues, names and punctuation it reads with the Unicode that behaves differently on bytes.
@Suite("Introduction affiliation fast paths")
struct IntroductionAffiliationFastPathTests {
    /// Pieces of the text after a name: fillers, cues, organisation words, punctuation, and Unicode.
    static let pieces = IntroductionRules.cues + IntroductionRules.cues.map { $0.uppercased() } + [
        "also ", "PhD ", "now ", "and ", "& ", "W3C", "Google", "benetech", "the ", "group ", "company ", "of ", "for ",
        "Germany", "Rakuten/Kobo", ".", ",", ";", ":", "(", ")", "!", "?", "*", "\"", "'", " ", "  ", "\u{301}", "\u{E9}",
        "\u{130}", "\u{212A}", "\r\n", "-", "7",
    ]

    @Test func edgesTrimmedOnBytesAreTheEdgesFoundationTrims() {
        forRandomTexts(of: Self.pieces, seed: 121, maxPieces: { _ in 6 }) { text in
            let word = Substring(text)
            #expect(IntroductionRules.trimmedEdges(word) == word.trimmingCharacters(in: IntroductionRules.wordEdges),
                    "\(Array(text.unicodeScalars))")
        }
    }

    @Test func theOpeningCueIsTheCueTheSearchFinds() {
        var found = 0
        forRandomTexts(of: Self.pieces, seed: 122, maxPieces: { _ in 9 }) { text in
            for first in [true, false] {
                let fast = IntroductionRules.nextAffiliation(in: Substring(text), first: first)
                let rule = IntroductionRules.nextAffiliation(in: Substring(text), first: first, searchingEveryCue: true)
                #expect(fast?.0 == rule?.0 && fast?.1 == rule?.1, "\(first) \(Array(text.unicodeScalars))")
                if first, fast != nil { found += 1 }
            }
        }
        #expect(found > 500, "\(found) found")
    }
}
