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
}
