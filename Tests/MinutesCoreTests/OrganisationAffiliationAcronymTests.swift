import Foundation
import Testing
@testable import MinutesCore

/// The organisation extractor's byte shortcut for acronym affiliations answers as `TextRules.isAcronym`, and the lazy
/// set of participants' names holds what the eager set held.
@Suite("Organisation affiliation acronyms")
struct OrganisationAffiliationAcronymTests {
    /// Pieces of affiliations: capitals, small letters, digits, "&", "-", spaces, non-ASCII letters and marks, CR.
    static let pieces = ["W", "3", "C", "A", "B", "x", "a", "&", "-", " ", "0", "9", "É", "é", "\u{301}", "\r", "Ⅻ", "٣", "ß", "OpenSSF", "GCCA"]

    @Test func acronymOnBytesIsTheRule() {
        forRandomTexts(of: Self.pieces, seed: 1601, maxPieces: { $0 % 2 == 0 ? 5 : 10 }) { name in
            #expect(OrganisationExtractor.isAcronymAffiliation(name) == TextRules.isAcronym(name), "\(Array(name.unicodeScalars))")
        }
        #expect(OrganisationExtractor.isAcronymAffiliation("W3C"))
        #expect(!OrganisationExtractor.isAcronymAffiliation("OpenSSF"))
    }

    @Test func peopleNamesAreTheFoldedNamesAndWords() {
        let people = OrganisationPeopleNames([Participant(name: "Vincent Gros")])
        #expect(people.contains("vincent gros") && people.contains("gros") && people.contains("vincent"))
        #expect(!people.contains("hachette"))
        let literal: OrganisationPeopleNames = ["gros"]
        #expect(literal.contains("gros") && !literal.contains("vincent"))
    }
}

/// A text in which the mentions' pass saw no agent cue's last two words holds no agent cue.
@Suite("Organisation agent cue refusals")
struct OrganisationAgentCueRefusalTests {
    /// Pieces of running text: the cues' words in either case, single and double spaces, punctuation, non-ASCII, CR.
    static let pieces = ["developed", "Developed", "BY", "by", " ", "  ", "such", "as", "As", "companies", "like", "LIKE", "people", "at",
                         "referred", "to", "joined", "IDPF", ",", ".", "x", "é", "\u{212A}", "\u{130}", "\r", "works", "from"]

    @Test func refusedTextsHoldNoCue() {
        forRandomTexts(of: Self.pieces, seed: 1602, maxPieces: { $0 % 3 == 0 ? 6 : 14 }) { text in
            let scan = OrganisationExtractor.forEachMentionSpan(in: text) { _ in }
            guard scan.mayHoldAgentCue == false else { return }
            #expect(OrganisationExtractor.agentCueEnds(in: text, onBytes: false).isEmpty, "\(Array(text.unicodeScalars))")
        }
        #expect(OrganisationExtractor.forEachMentionSpan(in: "it was developed by IDPF and others") { _ in }.mayHoldAgentCue == true)
        #expect(OrganisationExtractor.forEachMentionSpan(in: "it was made by IDPF and others") { _ in }.mayHoldAgentCue == false)
    }
}
