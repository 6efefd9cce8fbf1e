import Foundation
import Testing
@testable import MinutesCore

/// The shortcuts added to cut the participant rules' instructions must answer as the rules they shortcut (or, for
/// refusals, refuse only what the rules refuse), on random texts mixing the words the rules look at with the Unicode
/// that behaves differently on bytes and on characters (combining marks, CR LF, KELVIN SIGN, "İ").
@Suite("Participant speed paths")
struct ParticipantSpeedPathTests {
    /// Pieces of names and nicks.
    static let nameParts = ["Bill", "Kasdorf", "billk", "bkasdorf", "billkasdorf", "Ann", "Lee", "annlee", "Wendy", "wendyreid",
                            "Dave", "dave_", "Jos\u{E9}", "e\u{301}", "\u{212A}im", "\u{130}lker", "ß", "Ivan", "Herman", "ivan", "x"]

    /// Pieces of lines: cues, tags, separators and the participant pieces.
    static let lineParts = ParticipantFastPathTests.pieces + nameParts.map { $0 + " " } + [
        "I work for ", "i WORK at ", "also ", "PhD ", "working at ", "Working with ", "representing ", "I'm from ", ": ", "] ",
        "> ", "<", "[", ":", ",", "*", "**", "W3C", "Google", "participated", "Attended", "were present", "In Attendance",
        "participants", "attending", "\u{301}:",
    ]

    /// A random string of fewer than `maxPieces` pieces of `pieces`.
    static func random(_ pieces: [String], _ generator: inout SplitMix64, maxPieces: UInt64) -> String {
        (0..<(generator.next() % maxPieces)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func linesRefusedOnBytesIntroduceNoOne() {
        var generator = SplitMix64(seed: 91)
        var refused = 0, introduced = 0
        for _ in 0..<300 {
            let people = (0..<(1 + Int(generator.next() % 6))).map { _ in
                Participant(name: Self.random(Self.nameParts.map { $0 + [" ", "", "-"][Int(generator.next() % 3)] }, &generator, maxPieces: 4))
            }
            let index = IntroductionRules.NameIndex(people)
            for attempt in 0..<40 {
                // Most lines open with a participant's name (in either case), a tag or a cue after it.
                var line = ""
                if attempt % 4 != 0, let person = people.randomElement(using: &generator) {
                    line = ["", "*", "[", " ", "<"][Int(generator.next() % 5)] + (attempt % 3 == 0 ? person.name.uppercased() : person.name)
                }
                line += Self.random(Self.lineParts, &generator, maxPieces: 8)
                let speaker = IntroductionRules.speaker(of: line, names: index)
                if !index.mayIntroduce(line) {
                    refused += 1
                    #expect(speaker == nil, "\(people.map(\.name)) \(Array(line.unicodeScalars))")
                }
                if speaker != nil { introduced += 1 }
            }
        }
        #expect(refused > 1000 && introduced > 100, "\(refused) refused, \(introduced) introduced")
        let people = [Participant(name: "Ivan Herman"), Participant(name: "tantek")]
        let index = IntroductionRules.NameIndex(people)
        #expect(index.mayIntroduce("Ivan Herman: from W3C"))
        #expect(index.mayIntroduce("tantek: Ivan Herman, working at W3C"))
        #expect(!index.mayIntroduce("tantek: I think we should look at this"))
    }

    /// `ParticipantExtractor.isIntroduction` as it was written before its words were looked for on bytes.
    static func isIntroductionByRule(_ text: String) -> Bool {
        guard text.hasSuffix(":"), text.count < 200 else { return false }
        let lower = text.lowercased()
        return ParticipantExtractor.introductionWords.contains { lower.containsASCII($0) }
    }

    @Test func introductionsOnBytesAreTheRule() {
        var generator = SplitMix64(seed: 92)
        for attempt in 0..<20_000 {
            let text = Self.random(Self.lineParts, &generator, maxPieces: 10) + (attempt % 2 == 0 ? ":" : "")
            #expect(ParticipantExtractor.isIntroduction(text) == Self.isIntroductionByRule(text), "\(Array(text.unicodeScalars))")
        }
        #expect(ParticipantExtractor.isIntroduction("The following members participated in the meeting:"))
        #expect(!ParticipantExtractor.isIntroduction("The following members participated in the meeting"))
    }

    /// `ParticipantExtractor.nickMatches` as it was written, on strings, before the ASCII letters were compared on bytes.
    static func nickMatchesByRule(_ a: String, _ name: String) -> Bool {
        let shape = ParticipantExtractor.NameShape(byCharacters: name)
        let b = shape.letters
        guard shape.letterCount >= 4, a.count >= 4, a != b else { return false }
        let words = shape.words
        if words.count >= 2, let firstWord = words.first, let last = words.last {
            if b.hasPrefix(a) { return true }
            if let initial = firstWord.first, a == String(initial) + last { return true }
            return firstWord.count >= 4 && a.hasPrefix(firstWord)
        }
        return b.hasPrefix(a) || a.hasPrefix(b)
    }

    @Test func nickMatchesOnBytesAreTheRule() {
        var generator = SplitMix64(seed: 93)
        var matched = 0
        let parts = Self.nameParts + ["bill", "kasdorf", "b", "k", "wendy", "reid", "ann", " ", " ", "\u{301}", "\r\n", "7"]
        for _ in 0..<20_000 {
            let nick = Self.random(parts, &generator, maxPieces: 3), name = Self.random(parts, &generator, maxPieces: 5)
            let nickShape = ParticipantExtractor.NameShape(nick)
            let fast = ParticipantExtractor.nickMatches(nickShape, ParticipantExtractor.NameShape(name))
            #expect(fast == Self.nickMatchesByRule(nickShape.letters, name), "\(Array(nick.unicodeScalars)) \(Array(name.unicodeScalars))")
            if fast { matched += 1 }
        }
        #expect(matched > 100, "\(matched) matched")
        #expect(ParticipantExtractor.nickMatches(ParticipantExtractor.NameShape("pchampin"), ParticipantExtractor.NameShape("Pierre-Antoine Champin")))
    }
}
