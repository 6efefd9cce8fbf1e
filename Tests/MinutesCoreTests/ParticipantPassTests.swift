import Foundation
import Testing
@testable import MinutesCore

/// The shortcuts of the participant pass over a document answer as the rules they stand for: names told on bytes,
/// words counted without splitting, one scan for both label rules, and the owner cue among the text cues.
@Suite("Participant pass shortcuts")
struct ParticipantPassTests {
    /// Pieces of names and of what is not one: particles in either case, digits, refused marks, Unicode letters and marks.
    static let namePieces = ParticipantFastPathTests.pieces
        + ["van", "Van", "de", "DE", "y", "al", "ten", "del", "dell", "O'Neil", "Mc", "-", "'", "x", "Ann", "Lee",
           " ", " ", "  ", "#", "!", ";", "\u{1F600}", "\u{2163}", "\u{5F20}"]

    @Test func namesToldOnBytesAreTheRule() {
        forRandomTexts(of: Self.namePieces, seed: 11_201, maxPieces: { $0 % 100 == 0 ? 40 : 10 }) { text in
            #expect(TextRules.looksLikeName(text) == TextRules.looksLikeNameRule(text), "\(Array(text.unicodeScalars))")
        }
        #expect(TextRules.looksLikeName("Ludwig van Beethoven"))
        #expect(!TextRules.looksLikeName("van de"))
        #expect(!TextRules.looksLikeName("Room 101"))
    }

    @Test func namesWithoutTitlesToldOnBytesAreTheRule() {
        let pieces = Self.namePieces + ["Dr", "dr.", "Mr.", "MRS", "Prof", ".", "..", "Cllr", "Councillors", "Mayor", "sir", "Hon."]
        forRandomTexts(of: pieces, seed: 11_205, maxPieces: { _ in 10 }) { text in
            let fast = TextRules.stripTitles(text), rule = TextRules.stripTitlesRule(text)
            #expect(fast.name == rule.name && fast.office == rule.office, "\(Array(text.unicodeScalars))")
        }
        #expect(TextRules.stripTitles("Cllr. Jane Doe") == ("Jane Doe", "Councillor"))
    }

    @Test func wordsCountedOnBytesAreTheSplitWords() {
        forRandomTexts(of: Self.namePieces, seed: 11_202, maxPieces: { _ in 16 }) { text in
            let words = text.splitOnSpaces().count
            for limit in [1, 4, 9] {
                #expect(text.participantWordCount(atMost: limit) == min(words, limit), "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func labelReadingsAreBothLabelRules() {
        var readings = ParticipantExtractor.LabelReadings()
        forRandomTexts(of: ParticipantFastPathTests.pieces, seed: 11_203, maxPieces: { _ in 8 }) { label in
            // Each label read twice: the second answer comes from memory for plain ASCII labels.
            for _ in 0..<2 {
                let meaning = readings.attendance(label), expected = Vocabulary.attendanceLabel(label)
                #expect(meaning?.0 == expected?.0 && meaning?.1 == expected?.1, "\(Array(label.unicodeScalars))")
                #expect(readings.reading(label).isMembershipChange == ParticipantExtractor.isMembershipChange(label), "\(Array(label.unicodeScalars))")
            }
        }
    }

    @Test func ownerCueIsTheOwnerNeedle() {
        let pieces = ParticipantCueTests.pieces + ["[on ", "[on", "[", "on ", "[On ", "Axel Polleres", " - due "]
        let owner = ASCIINeedleSet(ParticipantCues.ownerWords), nick = ASCIINeedleSet(ParticipantCues.nickWords)
        var texts: [String] = []
        forRandomTexts(of: pieces, seed: 11_204, count: 5_000, maxPieces: { $0 % 50 == 0 ? 120 : 12 }) { texts.append($0) }
        let cues = ParticipantCues(texts)
        for (index, text) in texts.enumerated() {
            #expect(cues.holdsOwnerWord(index) == owner.containsAny(in: text), "\(Array(text.unicodeScalars))")
            #expect(cues.holdsOwnerWord(index) == text.containsASCII("[on "), "\(Array(text.unicodeScalars))")
            #expect(cues.holdsNickWord(index) == nick.containsAny(in: text), "\(Array(text.unicodeScalars))")
        }
    }
}
