import Foundation
import Testing
@testable import MinutesCore

/// The findings rules read on bytes in place (`FindingByteRules.swift`) must answer exactly as the rules as written.
@Suite("Findings byte rules")
struct FindingByteRuleTests {
    /// Unicode whose lower-casing, letters and digits differ from ASCII's: titlecase and expanding letters, numbers that
    /// are not digits, white space and letters outside the ranges read on bytes.
    static let unicodePieces = ["½", "²", "ª", "µ", "Ⱥ", "ǅ", "Σ", "ﬁ", "\u{A0}", "\u{2028}", "Æ", "1", "x", "Q", "’s", "\u{345}"]

    @Test func theDedupeKeyOnBytesIsTheKeyOfTheFoldedCharacters() {
        forRandomTexts(of: FindingFastPathTests.pieces + Self.unicodePieces, seed: 21, maxPieces: { _ in 20 }) { text in
            #expect(FindingExtractor.dedupeKey(text) == FindingExtractor.dedupeKeyByCharacters(text), "\(Array(text.unicodeScalars))")
        }
        #expect(FindingExtractor.dedupeKey("Update the Bylaws – Sam’s résumé, ½ done.") == "updatethebylawssamsrésumé½done")
    }

    @Test func sentenceAbbreviationsAreComparedOnBytes() {
        let pieces = ["e", ".", "g", "i", "E", "G", "etc", "ETC", "Mr", "mrs", "Ms", "no", "cf", "vs", "Dr", "x", "a"]
        forRandomTexts(of: pieces, seed: 22, maxPieces: { _ in 3 }) { word in
            let answer = Array(word.utf8).withUnsafeBufferPointer(FindingExtractor.isSentenceAbbreviation)
            #expect(answer == FindingExtractor.sentenceAbbreviations.contains(word.lowercased()), "\(word)")
        }
    }

    @Test func aLineRefusedOnBytesHasNoSentenceThatMayOpenAnAssignment() {
        let pieces = [" ", " ", "  ", ".", "!", "?", ". ", "to", "will", "and", "Kay", "David", "do", "Do", "-", " - ", "e.g", "Mr",
                      "@", "[", "x", "\n", "\t", "é", "\u{301}"]
        forRandomTexts(of: pieces, seed: 23, maxPieces: { _ in 24 }) { text in
            guard !text.findingsSomeSentenceMayOpenAssignment(isPlainASCII: text.isPlainASCII) else { return }
            for slice in FindingExtractor.sentenceSlices(text) {
                #expect(!slice.findingsMayOpenAssignment(allowingWill: true) && !slice.holdsSpacedHyphen(), "\(Array(text.unicodeScalars))")
            }
        }
        #expect("We met. Kay to send the notes.".findingsSomeSentenceMayOpenAssignment(isPlainASCII: true))
        #expect("Kay. to do it".findingsSomeSentenceMayOpenAssignment(isPlainASCII: true))
        #expect(!"The board discussed how best to send the notes.".findingsSomeSentenceMayOpenAssignment(isPlainASCII: true))
    }

    @Test func aResolvedNameIsTheSameTheSecondTime() {
        let roster = FindingExtractor.Roster([Participant(name: "Lindsay Mays"), Participant(name: "Kay Williams")])
        for candidate in ["Lindsey", "Kay", "KW", "The board", "Kay", "Lindsey", "Mays"] {
            #expect(FindingExtractor.resolve(candidate, in: roster) == FindingExtractor.resolveByRules(candidate, in: roster))
        }
    }
}
