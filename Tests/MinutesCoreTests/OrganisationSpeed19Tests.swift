import Foundation
import Testing
@testable import MinutesCore

/// The organisation extractor's shortcuts of session 14 must answer exactly as the rules they stand for.
@Suite("Organisation speed shortcuts (session 14)")
struct OrganisationSpeed19Tests {
    /// The bytes `bytes`, each below 64, as one bit each.
    static func bitMask(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0) { mask, byte in
            #expect(byte < 64)
            return mask | 1 << byte
        }
    }

    @Test func punctuationConstantsAreTheRulesCharacters() {
        // The word pass reads constants: they must be the ASCII members of `wordPunctuation`, and the clause enders.
        #expect(OrganisationExtractor.runPunctuation == Self.bitMask(Set<Character>.wordPunctuation.compactMap(\.asciiValue)))
        #expect(OrganisationExtractor.runClauseEnders == Self.bitMask(",;:.!?)\"".utf8))
        for byte in UInt8(0)...UInt8(255) {
            let character = Character(Unicode.Scalar(byte))
            #expect(OrganisationExtractor.isRunPunctuation(byte) == (byte < 0x80 && Set<Character>.wordPunctuation.contains(character)))
            #expect(OrganisationExtractor.isRunClauseEnder(byte) == ",;:.!?)\"".utf8.contains(byte))
        }
    }
}
