import Foundation
import Testing
@testable import MinutesCore

/// The byte shortcuts of the findings rules (session 13, helper 18) must answer as the rules they stand for.
@Suite("Findings speed 18")
struct FindingSpeed18Tests {
    /// `String.findingsProseBytes()` answers as `findingsProseCues()`, and says no agreement word is there only when a
    /// scan for `ProseCue.needles` finds none but " favo" (of the text, and so of any part of it).
    @Test func proseBytesAnswerAsTheCuesAndTheScan() {
        let pieces = [" ", " ", "to", "will", " to ", " will ", "onsensus", "onclude", "gree", "voted", " in favo", " favo", "o", "g",
                      "v", "u", "in", "favo", "T", "x", "\u{301}", "é", "\n", "C", "ons", "ensus", "ONSENSUS", "GREE", "Voted",
                      " IN FAVO", "oncLude", "cons", "agreed that", "W", "I", "U", "G", "V", "abcdefgh"]
        forRandomTexts(of: pieces, seed: 1818, maxPieces: { $0 % 3 == 0 ? 40 : 12 }) { text in
            guard let bytes = text.findingsProseBytes() else { Issue.record("not contiguous"); return }
            let cues = text.findingsProseCues()
            #expect(bytes.cues?.toOrWill == cues?.toOrWill, "\(Array(text.unicodeScalars))")
            #expect(bytes.cues?.mayApply == cues?.mayApply, "\(Array(text.unicodeScalars))")
            if !bytes.mayHoldAgreementWords {
                let favo = 1 << 3
                #expect(text.findingsScan(FindingExtractor.ProseCue.needles).mentions & ~UInt(favo) == 0, "\(Array(text.unicodeScalars))")
                #expect(!FindingExtractor.mayBeWholeLineDecision(text), "\(Array(text.unicodeScalars))")
            }
        }
        #expect("We agreed".findingsProseBytes()?.mayHoldAgreementWords == true)
        #expect("THERE WAS CONSENSUS to go".findingsProseBytes()?.mayHoldAgreementWords == true)
        #expect("Kay to send it".findingsProseBytes()?.mayHoldAgreementWords == false)
    }

    /// `proseFindings` with the tag read by the caller finds what it finds reading the tag itself.
    @Test func proseFindingsWithTheTagGivenFindTheSame() {
        let people: FindingExtractor.Roster = [Participant(name: "John Mertic"), Participant(name: "Kay Williams")]
        for text in ["[jm] JM to send out a recurring invite.", "JM to send out the invite. There was consensus that we go.",
                     "[kay] There was some consensus that the policy lives here.", "Kay will draft it. 6 in favor - passes"] {
            let tagged = FindingExtractor.speakerTag(text)
            #expect(FindingExtractor.proseFindings(text, tagged: tagged, participants: people)
                    == FindingExtractor.proseFindings(text, participants: people))
        }
    }

    /// `FindingExtractor.letters(of:)` is `filter(\.isLetter)`.
    @Test func lettersAreTheLetterCharacters() {
        let pieces = ["a", "Z", "q", " ", ".", "-", "'", "1", "é", "\u{301}", "\r\n", "\r", "ß", "İ", "ª", "_", "Ö"]
        forRandomTexts(of: pieces, seed: 1819, maxPieces: { _ in 10 }) { text in
            #expect(FindingExtractor.letters(of: text) == text.filter(\.isLetter), "\(Array(text.unicodeScalars))")
        }
    }

    /// `speakerTag(_:)` read on the bytes answers as the rule as written.
    @Test func speakerTagOnBytesAnswersAsWritten() {
        let pieces = ["[", "]", " ", "\t", "a", "Z", "q", "1", "_", "-", "é", "\u{301}", "\r\n", "\r", ".", ":", "RESOLVED", "to do",
                      "abcdefghijklmnop", "İ", "K"]
        forRandomTexts(of: pieces, seed: 1820, maxPieces: { $0 % 2 == 0 ? 8 : 20 }) { text in
            let text = text.utf8.count % 3 == 0 ? text : "[" + text
            let fast = FindingExtractor.speakerTag(text), rule = FindingExtractor.speakerTagByCharacters(text)
            #expect(fast?.tag == rule?.tag && fast?.rest == rule?.rest, "\(Array(text.unicodeScalars))")
        }
        #expect(FindingExtractor.speakerTag("[ann] RESOLVED: go")?.tag == "ann")
        #expect(FindingExtractor.speakerTag("[ann b] go") == nil)
    }

    /// `kind(ofASCIILabel:)` answers as `kind(ofLabel:)` of the label lower-cased.
    @Test func asciiLabelKindsAnswerAsTheLookUp() {
        let pieces = ["action", "ACTION", " ", "item", "s", "resol", "ution", "ved", "Decision", "agreed", "ai", "to", "do", "vote", "d",
                      "#", "3", "key", " finding", "x", "new", "todo", "Outcome", "consensus", "approved", "Observation", "conclusion"]
        forRandomTexts(of: pieces, seed: 1821, maxPieces: { _ in 6 }) { label in
            #expect(FindingExtractor.kind(ofASCIILabel: label.utf8) == FindingExtractor.kind(ofLabel: UTF8Search.lowercasedASCII(label.utf8)),
                    "\(label)")
        }
        #expect(FindingExtractor.kind(ofASCIILabel: "Action Item".utf8) == .action)
        #expect(FindingExtractor.kind(ofASCIILabel: "RESOLVED".utf8) == .decision)
    }
}
