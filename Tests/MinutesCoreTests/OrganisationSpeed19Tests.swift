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

    @Test func connectorSlotsHoldTheConnectorCodes() {
        // Every word of up to three bytes of an alphabet around the connectors, then random codes.
        let slots = OrganisationExtractor.asciiConnectorSlots, codes = OrganisationExtractor.asciiConnectorCodes
        let alphabet = Array("ofrandthe iuATOFDHN&-–x7".utf8)
        var words: [[UInt8]] = [[]]
        for length in 1...3 {
            words += words.filter { $0.count == length - 1 }.flatMap { word in alphabet.map { word + [$0] } }
        }
        for word in words {
            let code = OrganisationExtractor.shortWordCode(word)
            #expect(slots.contains(code) == codes.contains(code), "\(word)")
            if word.allSatisfy({ $0 < 0x80 }) {
                #expect(slots.contains(code) == TextRules.isConnector(String(decoding: word, as: UTF8.self)), "\(word)")
            }
        }
        var generator = SplitMix64(seed: 192)
        for _ in 0..<100_000 {
            let code = UInt32(truncatingIfNeeded: generator.next())
            #expect(slots.contains(code) == codes.contains(code))
        }
    }
}
