import Foundation
import Testing
@testable import MinutesCore

/// The shortcuts of session 17 in the participant rules answer as the rules they stand for, on random names and words
/// mixing ASCII with the Unicode that behaves differently on bytes and on characters (combining marks, CR LF, KELVIN SIGN).
@Suite("Participant speed paths 17")
struct ParticipantSpeed17Tests {
    /// Pieces of names, nicks and the marks around them.
    static let pieces = ["Eva", "Schlehahn", "Shlehan", "eva", "Bill", "billk", "Kasdorf", "McDuffee", "DeMeglio", "van", "Jos\u{E9}",
                         "e\u{301}", "\u{212A}im", "\u{130}lker", "ß", "a", "b", "ab", "abc", " ", "  ", "\t", "\r\n", "\n", "_", "-", "+",
                         ".", ",", "*", "'", "\"", ":", "?", "x", "Y", "Ann-Marie", "JeffO", "rubensworks"]

    @Test func misspellingPartsAreTheRule() {
        forRandomTexts(of: Self.pieces, seed: 1717, maxPieces: { _ in 6 }) { name in
            let fast = ParticipantExtractor.misspellingParts(name), rule = ParticipantExtractor.misspellingPartsRule(name)
            #expect(fast?.first == rule?.first && fast?.last == rule?.last, "\(Array(name.unicodeScalars))")
            #expect((fast == nil) == (rule == nil), "\(Array(name.unicodeScalars))")
        }
        #expect(ParticipantExtractor.misspellingParts("Eva  Schlehahn.")! == ("eva", "schlehahn"))
    }

    @Test func withinOneEditIsTheEditDistance() {
        let letters = ["a", "b", "c", "ab", "ba", "abc", "e\u{301}", "\u{E9}", "\r\n", "\r", "\n", "K", "\u{212A}"]
        var generator = SplitMix64(seed: 1718)
        for _ in 0..<20_000 {
            let a = generator.text(of: letters, maxPieces: 6), b = generator.text(of: letters, maxPieces: 6)
            let distance = TextRules.editDistanceByCharacters(a, b, limit: 1)
            #expect(TextRules.editDistance(a, b, limit: 1) == distance, "\(Array(a.unicodeScalars)) \(Array(b.unicodeScalars))")
            let rule = distance <= 1
            if let fast = ASCIIEditDistance.withinOneEdit(a, b) {
                #expect(fast == rule, "\(Array(a.unicodeScalars)) \(Array(b.unicodeScalars))")
            } else {
                #expect(!a.isPlainASCII || !b.isPlainASCII)
            }
        }
        #expect(ASCIIEditDistance.withinOneEdit("jassica", "jessica") == true)
        #expect(ASCIIEditDistance.withinOneEdit("jessica", "jessicas") == true)
        #expect(ASCIIEditDistance.withinOneEdit("jessica", "jesica") == true)
        #expect(ASCIIEditDistance.withinOneEdit("jessica", "jasica") == false)
    }

    @Test func nicksKeptOnBytesAreKeptByTheRule() {
        var kept = 0
        forRandomTexts(of: Self.pieces, seed: 1719, maxPieces: { _ in 4 }) { word in
            if ParticipantFastPaths.nickToNameKeeps(word) {
                kept += 1
                #expect(TextRules.nickToName(word).utf8.elementsEqual(word.utf8), "\(Array(word.unicodeScalars))")
            }
        }
        #expect(kept > 1_000)
        #expect(ParticipantFastPaths.nickToNameKeeps("gpellegrino"))
        #expect(!ParticipantFastPaths.nickToNameKeeps("DaleRogers"))
        #expect(!ParticipantFastPaths.nickToNameKeeps("Bill_Kasdorf_"))
    }

    @Test func countriesRefusedOnBytesAreNoCountries() {
        let countries = Vocabulary.countries.sorted()
        for country in countries {
            for spelling in [country, country.uppercased(), " " + country.capitalized + "\t"] {
                #expect(CountryNameLengths.mayBeCountry(spelling), "\(spelling)")
            }
        }
        let pieces = Self.pieces + countries.prefix(40).map { $0.capitalized } + ["\u{1F1EB}\u{1F1F7}", "K", "\u{212A}"]
        var refused = 0
        forRandomTexts(of: pieces, seed: 1720, maxPieces: { _ in 4 }) { text in
            if !CountryNameLengths.mayBeCountry(text) {
                refused += 1
                #expect(!Vocabulary.isCountryByLookup(text), "\(Array(text.unicodeScalars))")
            }
            #expect(Vocabulary.isCountry(text) == Vocabulary.isCountryByLookup(text), "\(Array(text.unicodeScalars))")
        }
        #expect(refused > 5_000)
    }

    @Test func cueOpeningsOnBytesAreTheRule() {
        let pieces = ["I work for ", "i WORK at ", "also ", "PhD ", "phd", "working at ", "Working with ", "representing ", "I'm from ",
                      "With ", "from", "at ", "@ ", "now ", "W3C", "e\u{301}", "\u{212A}", "\r\n", " ", "x", "I\u{307}", "\u{130}"]
        forRandomTexts(of: pieces, seed: 1721, maxPieces: { _ in 6 }) { text in
            for start in [0, 1, 2] where start <= text.count {
                let rest = text.dropFirst(start)
                #expect(IntroductionRules.opensWithCue(rest) == IntroductionRules.opensWithCueRule(rest), "\(Array(rest.unicodeScalars))")
            }
        }
    }

    @Test func placeShapesAndMarksOnBytesAreTheRules() {
        let pieces = Self.pieces + ["Paris", "New York", "USA", "x", "X", "yes", "YES", "Present", "[x]", "[X]", "\u{2713}", "\u{2705}",
                                    "2024", "(", ")", "\u{212A}", "1a", "Z"]
        forRandomTexts(of: pieces, seed: 1722, maxPieces: { _ in 5 }) { text in
            if let fast = ParticipantFastPaths.isPlaceShaped(text) {
                #expect(fast == ParticipantExtractor.placeShapeRule(text), "\(Array(text.unicodeScalars))")
            }
            #expect(ParticipantFastPaths.isPresenceMark(text) == ParticipantExtractor.marks.contains(text.lowercased()), "\(Array(text.unicodeScalars))")
            #expect(ParticipantFastPaths.characterCount(text) == text.count, "\(Array(text.unicodeScalars))")
            #expect(ParticipantExtractor.isDiagnosticsClass(text) == (text == "warning" || text == "diagnostics"))
        }
        for mark in ParticipantExtractor.marks { #expect(ParticipantFastPaths.isPresenceMark(mark.uppercased())) }
        #expect(ParticipantExtractor.isDiagnosticsClass("warning") && ParticipantExtractor.isDiagnosticsClass("diagnostics"))
    }

    @Test func itemsRefusedOnBytesAreNotSplit() {
        let pieces = Self.pieces + ["Avneesh Singh ", "Bill_Kasdorf_", "DaleRogers ", "duga ", "Ann Lee Bob Ray", "(", "@", "van "]
        var refused = 0
        forRandomTexts(of: pieces, seed: 1723, maxPieces: { _ in 6 }) { item in
            if !ParticipantFastPaths.mayRunTogether(item) {
                refused += 1
                #expect(ParticipantExtractor.splitRunTogetherRule(item) == [item], "\(Array(item.unicodeScalars))")
            }
        }
        #expect(refused > 2_000)
        #expect(ParticipantFastPaths.mayRunTogether("DaleRogers duga"))
        #expect(!ParticipantFastPaths.mayRunTogether("Dale Rogers"))
    }
}
