import Foundation
import Testing
@testable import MinutesCore

/// `IntroductionRules.NameOpenings`, built per document on the names' bytes, must hold what it held when it was worked
/// out from `NameIndex.byFirstWord` (its strings), on random names mixing ASCII with the Unicode that behaves
/// differently on bytes and on characters.
@Suite("Introduction openings")
struct IntroductionOpeningsTests {
    /// Random participants of the speed tests' name pieces, spaces and hyphens between them, and the odd single letter.
    static func randomPeople(_ generator: inout SplitMix64) -> [Participant] {
        let pieces = ParticipantSpeedPathTests.nameParts + [" ", "  ", "\r\n", "a", "B", "\u{301}", "\u{37E}", "\u{1FEF}"]
        return (0..<Int(generator.next() % 7)).map { _ in
            Participant(name: generator.text(of: pieces.map { $0 + generator.pick([" ", "", "-", ""]) }, maxPieces: 5))
        }
    }

    /// The names of `openings` under `hash`, sorted; nil when no key has that hash.
    static func names(_ openings: IntroductionRules.ASCIIOpenings, hash: UInt64) -> [[UInt8]]? {
        guard let first = openings.names(hash: hash) else { return nil }
        var found: [[UInt8]] = []
        _ = openings.contains(from: first) { found.append(Array($0)); return false }
        return found.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The plain ASCII entries of `byFirstWord` by the hash of their key, as `ASCIIOpenings` was built from them; nil
    /// when an entry or key may equal ASCII text without being it.
    static func openingsByRule(_ byFirstWord: [String: [(index: Int, name: String, length: Int)]]) -> [UInt64: [[UInt8]]]? {
        func mayEqualASCII(_ text: String) -> Bool { text.unicodeScalars.contains { [0x212A, 0x037E, 0x1FEF].contains($0.value) } }
        var names: [UInt64: [[UInt8]]] = [:]
        for (key, entries) in byFirstWord {
            if key.isPlainASCII {
                names[key.utf8.reduce(IntroductionRules.ASCIIOpenings.seed, IntroductionRules.ASCIIOpenings.hash), default: []]
                    .append(contentsOf: entries.filter { $0.name.isPlainASCII }.map { Array($0.name.utf8) })
            } else if mayEqualASCII(key) {
                return nil
            }
            if entries.contains(where: { !$0.name.isPlainASCII && mayEqualASCII($0.name) }) { return nil }
        }
        return names.mapValues { $0.sorted { $0.lexicographicallyPrecedes($1) } }
    }

    @Test func openingsOnBytesAreTheOpeningsOfTheIndex() {
        var generator = SplitMix64(seed: 111)
        var tables = 0, unsure = 0, bits = 0
        for _ in 0..<3_000 {
            let people = Self.randomPeople(&generator)
            let index = IntroductionRules.NameIndex(people)
            let openings = index.openings
            // The nicks, as they were found: the letters of a name without a space.
            var nicks: [(index: Int, letters: String)] = [], asciiNicks: [(index: Int, letters: [UInt8])] = []
            for (i, person) in people.enumerated() where !person.name.contains(" ") {
                let letters = TextRules.compactLetters(person.name)
                if letters.isPlainASCII { asciiNicks.append((i, Array(letters.utf8))) } else { nicks.append((i, letters)) }
            }
            #expect(openings.nicks.map(\.index) == nicks.map(\.index) && openings.nicks.map(\.letters) == nicks.map(\.letters),
                    "\(people.map(\.name))")
            #expect(openings.asciiNicks.map(\.index) == asciiNicks.map(\.index) && openings.asciiNicks.map(\.letters) == asciiNicks.map(\.letters),
                    "\(people.map(\.name))")
            // The opening bytes, as they were worked out from the keys and the nicks.
            var opening: (low: UInt64, high: UInt64)? = nicks.isEmpty ? (0, 0) : nil
            for byte in index.byFirstWord.keys.map(\.utf8.first) + asciiNicks.filter({ $0.letters.count > 4 }).map(\.letters.first) {
                guard let byte, byte < 0x80, let bits = opening else { opening = nil; break }
                opening = byte < 64 ? (bits.low | 1 << UInt64(byte), bits.high) : (bits.low, bits.high | 1 << UInt64(byte - 64))
            }
            #expect(openings.openingBytes?.low == opening?.low && openings.openingBytes?.high == opening?.high, "\(people.map(\.name))")
            if opening != nil { bits += 1 }
            // The table: every key's names under its hash, and nothing under the hash of a line's first word that is no key.
            let expected = Self.openingsByRule(index.byFirstWord)
            #expect((openings.asciiOpenings == nil) == (expected == nil), "\(people.map(\.name))")
            guard let table = openings.asciiOpenings, let expected else { unsure += 1; continue }
            tables += 1
            for (hash, names) in expected { #expect(Self.names(table, hash: hash) == names, "\(people.map(\.name))") }
            for _ in 0..<10 {
                let word = generator.text(of: ParticipantSpeedPathTests.nameParts.map { $0.lowercased() } + ["k", "im", "e"], maxPieces: 3)
                guard word.isPlainASCII else { continue }
                let hash = word.utf8.reduce(IntroductionRules.ASCIIOpenings.seed, IntroductionRules.ASCIIOpenings.hash)
                #expect(Self.names(table, hash: hash) == expected[hash], "\(people.map(\.name)) \(word)")
            }
        }
        // The random names reach every case.
        #expect(tables > 100 && unsure > 10 && bits > 100, "\(tables) tables, \(unsure) unsure, \(bits) with opening bytes")
    }

    /// Pieces of lines that open with a scalar over 0x7F (the "…" of continued IRC lines, accented and Kelvin capitals,
    /// a combining scalar after a dropped mark), the name pieces, tags and cues.
    static let lineParts = ["\u{2026} ", "\u{2026}", "\u{C9}", "\u{212A}", "\u{130}", "\u{37E}", "\u{1FEF}", "\u{301}", "e\u{301}", " \u{301}",
                            "* ", "[", "<", ": ", "> ", "from ", "with ", "at ", "W3C "]
        + ParticipantSpeedPathTests.nameParts.map { $0 + " " } + ParticipantSpeedPathTests.nameParts

    @Test func linesRefusedOnTheirOpeningHaveNoNameAndNoSpeaker() {
        var generator = SplitMix64(seed: 112)
        var refused = 0, opened = 0
        for _ in 0..<2_000 {
            let people = Self.randomPeople(&generator)
            let index = IntroductionRules.NameIndex(people)
            for attempt in 0..<20 {
                let opener = attempt % 3 == 0 || people.isEmpty ? "" : generator.pick(people.map(\.name)) + generator.pick([": ", " ", ""])
                let line = generator.pick(["", "\u{2026} ", "* ", "\u{212A}"]) + opener + generator.text(of: Self.lineParts, maxPieces: 6)
                if !index.mayOpen(line) {
                    refused += 1
                    let dropped = Substring(line).drop { $0 == "*" || $0 == " " || $0 == "[" || $0 == "<" }
                    #expect(index.candidates(for: dropped).isEmpty, "\(people.map(\.name)) \(Array(line.unicodeScalars))")
                }
                if !index.mayIntroduce(line) {
                    #expect(IntroductionRules.speaker(of: line, names: index) == nil, "\(people.map(\.name)) \(Array(line.unicodeScalars))")
                } else if IntroductionRules.speaker(of: line, names: index) != nil {
                    opened += 1
                }
            }
        }
        #expect(refused > 1_000 && opened > 50, "\(refused) refused, \(opened) introduced")
    }

    /// The scalars over 0x7F whose lower case is canonically equivalent to plain ASCII are `asciiLowerScalars` (all of the
    /// Basic Multilingual Plane looked at, and every 17th scalar above it).
    @Test func scalarsThatLowerToASCIIAreListed() {
        let listed = Set(IntroductionRules.NameOpenings.asciiLowerScalars)
        for value in Array(0x80...0xFFFF) + Array(stride(from: 0x10000, through: 0x10FFFF, by: 17)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lower = String(scalar).lowercased().decomposedStringWithCanonicalMapping
            let ascii = lower.unicodeScalars.allSatisfy(\.isASCII)
            #expect(ascii == listed.contains(Array(String(scalar).utf8)), "\(value)")
        }
    }
}
