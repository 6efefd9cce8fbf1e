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
