import Foundation
import Testing
@testable import MinutesCore

/// The byte shortcuts of the findings rules (session 14, helper 19) must answer as the rules they stand for.
@Suite("Findings speed 19")
struct FindingSpeed19Tests {
    /// `BoardRules.resolvedClause(_:)`, whose opening is matched on bytes, gives what the regular expression gives
    /// (`resolvedClauseByPattern`), and the byte match is as long as the expression's wherever the bytes tell.
    @Test func resolvedClauseOnBytesAnswersAsThePattern() {
        let pieces = ["NOW", "NOW,", "THEREFORE", "THEREFORE,", "BE IT ", "BE IT", "FURTHER ", "FURTHER", "RESOLVED", "RESOLVED,",
                      " ", " ", ",", "that", "That", "THAT", "tHAT", "thatch", "that_", "that1", "é", "\u{301}", "—", ".", "x",
                      "N", "T", "B", "F", "R", "\r\n", "\t", "; and be it further", " AND BE IT FURTHER", "be it", "resolved"]
        forRandomTexts(of: pieces, seed: 1919, maxPieces: { $0 % 2 == 0 ? 8 : 16 }) { text in
            let text = text.utf8.count % 3 == 0 ? text : "RESOLVED, " + text
            #expect(BoardRules.resolvedClause(text) == BoardRules.resolvedClauseByPattern(text), "\(Array(text.unicodeScalars))")
            guard let length = text.utf8.withContiguousStorageIfAvailable(BoardRules.resolvedOpeningLength(in:)), let length else { return }
            let match = BoardRules.resolved.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length))
            #expect(length == match?.range.length, "\(Array(text.unicodeScalars))")
        }
        #expect(BoardRules.resolvedClause("NOW, THEREFORE, BE IT RESOLVED, that X be created; and be it further") == "that X be created")
        #expect(BoardRules.resolvedClause("RESOLVED, thatch") == nil)
        #expect(BoardRules.resolvedClause("NOW, RESOLVED, that X") == nil)
    }

    /// `assignee(of:participants:nicknames:)` reads its two byte answers itself; given them, it answers the same.
    @Test func assigneeWithTheByteAnswersGivenFindsTheSame() {
        let people: FindingExtractor.Roster = [Participant(name: "John Mertic"), Participant(name: "Kay Williams"),
                                               Participant(name: "David Wheeler")]
        for sentence in ["JM to send out a recurring invite.", "Next step - discuss it - Kay and David to discuss", "Kay will do that today.",
                         "Kay will draft it", "The group - Kay to write"] {
            #expect(FindingExtractor.assignee(of: sentence, participants: people)
                    == FindingExtractor.assignee(of: sentence, mayOpen: sentence.findingsMayOpenAssignment(allowingWill: true),
                                                 holdsSpacedHyphen: sentence.holdsSpacedHyphen(), participants: people))
        }
    }
}
