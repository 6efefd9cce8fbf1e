import Foundation
import Testing
@testable import MinutesCore

/// The findings shortcuts of session 11 must answer exactly as the rules they stand for.
@Suite("Findings speed paths")
struct FindingSpeedPathTests {
    /// Pieces of random headings: the words the section rules look at, and Unicode that behaves differently on bytes.
    static let pieces = [" ", " ", "  ", "\t", "summary", "summary of ", "Summary of ", "of", " of ", "resolutions", "decisions",
                         "action", "items", ":", ".", "-", "s", "y", "\u{301}", "é", "e\u{301}", "\r", "\n", "\r\n", "K", "İ", "ß"]

    @Test func summaryOfWordCountIsTheCountOfTheWordsLeftAfterReplacing() {
        forRandomTexts(of: Self.pieces, seed: 11, maxPieces: { _ in 14 }) { text in
            let expected = (text.containsASCII("summary of ") ? text.replacingOccurrences(of: "summary of ", with: "") : text)
                .split(separator: " ").count
            #expect(FindingExtractor.wordCountWithoutSummaryOf(text) == expected, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func theProseCueCheckAnswersAsTheNeedleSet() {
        let pieces = FindingFastPathTests.pieces + [" to ", " will ", "to", " ", "will", "onsensus", "gree", "voted", "onclude", " in favo",
                                                    "\u{301}", "\u{600}", " TO "]
        forRandomTexts(of: pieces, seed: 13, maxPieces: { _ in 24 }) { text in
            #expect(FindingExtractor.ProseCue.mayApply(to: text) == FindingExtractor.ProseCue.anyRule.containsAny(in: text),
                    "\(Array(text.unicodeScalars))")
        }
    }

    @Test func theSentenceSlicesAreTheSentences() {
        forRandomTexts(of: FindingFastPathTests.pieces, seed: 14, maxPieces: { _ in 24 }) { text in
            #expect(FindingExtractor.sentenceSlices(text).map { String($0) } == FindingExtractor.sentences(text, isPlainASCII: false),
                    "\(Array(text.unicodeScalars))")
        }
    }
}
