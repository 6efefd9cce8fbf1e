import Foundation
import Testing
@testable import MinutesCore

/// The byte refusal of `LocationExtractor`'s event-place pattern added in session 13 refuses only titles the
/// pattern cannot match.
@Suite("Location event-place refusal")
struct LocationEventPlaceTests {
    /// Pieces of titles: the pattern's event words and near misses, capitalised words, separators and non-ASCII.
    static let pieces = [" ", "  ", ", ", " – ", "-", "Summit", "summit", "Conference", "TPAC", "F2F", "Meetup", "Meet-up", "Meet", "Workshop",
                         "Hackathon", "Face-to-Face", "Face-to-face", "face-to-face", "Plenary", "Seville", "Vancouver", "2024", "Day",
                         "Notes", "É", "e\u{301}", "\u{301}", "’", "\u{A0}", "İ", "x", "Z"]

    @Test func titlesRefusedOnBytesHaveNoEventPlace() {
        forRandomTexts(of: Self.pieces, seed: 1302, maxPieces: { $0 % 3 == 0 ? 4 : 10 }) { title in
            guard !LocationExtractor.mayNameEventPlace(title) else { return }
            let range = NSRange(location: 0, length: (title as NSString).length)
            #expect(LocationExtractor.eventPlacePattern.firstMatch(in: title, range: range) == nil, "\(Array(title.unicodeScalars))")
        }
        #expect(LocationExtractor.mayNameEventPlace("W3C Workshop, Seville"))
        #expect(!LocationExtractor.mayNameEventPlace("Weekly call"))
    }
}
