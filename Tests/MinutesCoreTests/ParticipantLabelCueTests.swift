import Foundation
import Testing
@testable import MinutesCore

/// `ParticipantLabelCues.mayLabelCue(_:)`, the refusal on bytes before a block's label is read, refuses only texts
/// whose label (if any) holds no cue of the attendance or membership-change rules.
struct ParticipantLabelCueTests {
    /// Pieces of labels: the cue words in both cases, parts of them, colons, emphasis, and Unicode that behaves
    /// differently on bytes.
    static let pieces = ParticipantExtractor.LabelReadings.cueWords + ParticipantExtractor.LabelReadings.cueWords.map { $0.uppercased() }
        + [" ", ":", ": ", "**", "_", "*", "Pre", "sent", "reg", "rets", "Chai", "r", "att", "endees", "scr", "ibe", "new",
           "Tantek", "ora", "x", ".", ",", "(", ")", "\u{301}", "\r\n", "\n", "\u{212A}", "é", "Jos\u{E9}", "ﬁ", "ß", "İ"]

    @Test func refusedTextsHaveNoLabelWithACue() {
        let cues = ParticipantExtractor.LabelReadings.labelCues
        var readings = ParticipantExtractor.LabelReadings()
        var refused = 0
        forRandomTexts(of: Self.pieces, seed: 9_151, maxPieces: { $0 % 40 == 0 ? 60 : 10 }) { text in
            guard !cues.mayLabelCue(text) else { return }
            refused += 1
            guard let parts = TextRules.labelParts(text) else { return }
            let reading = readings.reading(parts.label)
            #expect(reading.meaning == nil && !reading.isMembershipChange, "\(Array(text.unicodeScalars))")
        }
        #expect(refused > 1_000)
    }

    @Test func textsRefusedWholeHoldNoAttendanceLabel() {
        let cues = ParticipantExtractor.LabelReadings.labelCues
        forRandomTexts(of: Self.pieces, seed: 9_152, maxPieces: { _ in 8 }) { text in
            guard !cues.mayHoldCue(text) else { return }
            #expect(Vocabulary.attendanceLabel(text) == nil, "\(Array(text.unicodeScalars))")
            #expect(!ParticipantExtractor.mayBeMembershipChange(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func textsWithoutAColonAreRefused() {
        #expect(!ParticipantExtractor.LabelReadings.labelCues.mayLabelCue("Present today were many people"))
        #expect(ParticipantExtractor.LabelReadings.labelCues.mayLabelCue("**Present:** Tantek, ora"))
        #expect(!ParticipantExtractor.LabelReadings.labelCues.mayLabelCue("Tantek: we are present"))
    }
}
