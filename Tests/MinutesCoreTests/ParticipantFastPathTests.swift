import Foundation
import Testing
@testable import MinutesCore

/// The byte-level shortcuts of the participant and introduction rules must answer exactly as the rules they shortcut
/// (or, for refusals, refuse only what those rules refuse), on random texts made of the words the rules look at and of
/// the Unicode that behaves differently on bytes and on characters (combining marks, CR LF, KELVIN SIGN, "İ").
@Suite("Participant fast paths")
struct ParticipantFastPathTests {
    /// Pieces that random texts are made of.
    static let pieces = [" ", " ", "  ", "\t", "*", "_", "?", "/", " / ", " // ", "(", ")", ",", ", ", "@", ":", ".", "-", " - ",
                         "of", " of ", "OF", "Head", "manager", "Chair", "chair", "co-chair", "Vice", "Ltd", "inc.", "Foundation",
                         "University", "regrets", "Regret", "apologies", "present", "Present", "attendees", "member(s)", "members",
                         "Scribe", "note taker", "notes by", "minute", "who", "in attendance", "also present", "guests", "new",
                         "Added", "elected", "left", "Left", "at", "AT", "after", "joined", "during", "Bill", "Kasdorf", "Ann",
                         "Lee", "billk", "Dave", "&", " and ", "x", "[x]", "and", "Jos\u{E9}", "from ", "with ", ": at ", "@ ",
                         "\u{301}", "e\u{301}", "\r", "\n", "\r\n", "\u{212A}", "\u{130}", "ß", "é", "’", "–", "—", "Z", "0", "7"]

    /// A random text of fewer than `maxPieces` pieces, drawn with `generator`.
    static func randomText(_ generator: inout SplitMix64, maxPieces: UInt64 = 16) -> String {
        generator.text(of: pieces, maxPieces: maxPieces)
    }

    /// 20,000 random texts, the same ones for the same seed.
    static func randomTexts(seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<20_000).map { _ in randomText(&generator) }
    }

    @Test func jobTitlesAndOrganisationCuesOnBytesAreTheRules() {
        for text in Self.randomTexts(seed: 11) {
            #expect(ParticipantExtractor.isJobTitle(text) == ParticipantExtractor.jobTitleRule(text), "\(Array(text.unicodeScalars))")
            #expect(ParticipantExtractor.hasOrganisationCue(text) == ParticipantExtractor.organisationCueRule(text), "\(Array(text.unicodeScalars))")
        }
        #expect(ParticipantExtractor.isJobTitle("Head of Business Development"))
        #expect(ParticipantExtractor.isJobTitle("Project Manager"))
        #expect(ParticipantExtractor.hasOrganisationCue("Baltic Development Forum"))
    }

    @Test func entriesLeftAsTheyAreNeedNoCleaning() {
        for text in Self.randomTexts(seed: 12) {
            #expect(ParticipantExtractor.cleanedEntry(text) == ParticipantExtractor.cleanedEntryRule(text), "\(Array(text.unicodeScalars))")
        }
        #expect(ParticipantExtractor.cleanedEntry("Ross Gardler left at 11:04") == "Ross Gardler")
        #expect(ParticipantFastPaths.cleanedEntryIsUnchanged("Ross Gardler"))
    }

    @Test func labelsRefusedOnBytesAreNoAttendanceOrMembershipLabels() {
        for text in Self.randomTexts(seed: 13) {
            let rule = Vocabulary.attendanceLabelRule(text)
            let fast = Vocabulary.attendanceLabel(text)
            #expect(fast?.0 == rule?.0 && fast?.1 == rule?.1, "\(Array(text.unicodeScalars))")
            #expect(ParticipantExtractor.isMembershipChange(text) == ParticipantExtractor.membershipChangeRule(text), "\(Array(text.unicodeScalars))")
            let heading = Vocabulary.attendanceLabel(TextRules.withoutParentheticals(text).trimmed(.labelMarks))
            let meaning = ParticipantExtractor.headingMeaning(text)
            #expect(meaning?.0 == heading?.0 && meaning?.1 == heading?.1, "\(Array(text.unicodeScalars))")
        }
        #expect(Vocabulary.attendanceLabel("Attendee(s)")?.0 == .present)
        #expect(ParticipantExtractor.isMembershipChange("New TSC members"))
    }

    @Test func everyLabelWordHoldsACue() {
        let words = Vocabulary.absenceWords.union(Vocabulary.chairWords).union(Vocabulary.scribeWords).union(Vocabulary.guestWords)
            .union(Vocabulary.presenceWords).union(["note taker", "minute taker", "notes by", "in attendance", "also present", "who"])
        for word in words {
            #expect(Vocabulary.mayBeAttendanceLabel(word), "\(word)")
            // "member(s)" reads as "members".
            if word.hasSuffix("s") { #expect(Vocabulary.mayBeAttendanceLabel(String(word.dropLast()) + "(s)"), "\(word)") }
        }
        for word in ParticipantExtractor.membershipChangeWords { #expect(ParticipantExtractor.mayBeMembershipChange(word.uppercased()), "\(word)") }
        // Lower-casing gives no ASCII letter the text does not hold but "k" (KELVIN SIGN) and "i" before a combining dot ("İ").
        // (Case mappings stop at the Supplementary Multilingual Plane.)
        for value in 0x80...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let mapping = Array(scalar.properties.lowercaseMapping.unicodeScalars)
            let ascii = mapping.filter(\.isASCII)
            #expect(ascii.isEmpty || ascii.map(\.value) == [0x6B] || mapping == ["i", "\u{307}"], "\(value)")
        }
    }

    @Test func bytesSplitAndSpaceAsTheCharacters() {
        for text in Self.randomTexts(seed: 14) {
            #expect((ParticipantFastPaths.spaceJoinedWords(text) ?? text.splitOnSpaces().joined(separator: " "))
                == text.splitOnSpaces().joined(separator: " "), "\(Array(text.unicodeScalars))")
            if let fields = ParticipantFastPaths.commaFields(text, trimming: [0x20, 0x09], droppingEmpty: true) {
                #expect(fields == text.participantSplit(onAnyOf: ",").map { $0.trimmed() }.filter { !$0.isEmpty }, "\(Array(text.unicodeScalars))")
            }
            if let notes = ParticipantFastPaths.commaFields(text, trimming: [UInt8(ascii: "*"), 0x20], droppingEmpty: false) {
                #expect(notes == text.split(separator: ",").map { $0.trimmed(.emphasisAndSpace) }, "\(Array(text.unicodeScalars))")
            }
            #expect(text.participantReplacing(" and ", with: ",") == text.replacingOccurrences(of: " and ", with: ","), "\(Array(text.unicodeScalars))")
            #expect(Vocabulary.lowercasedASCII(text) == String(decoding: text.utf8.map(\.asciiLowercased), as: UTF8.self))
            if text.isPlainASCII { #expect(Vocabulary.lowercasedASCII(text) == text.lowercased()) }
            #expect(text.holdsByte(UInt8(ascii: "(")) == text.unicodeScalars.contains("("))
            #expect(ParticipantFastPaths.withoutParentheticals(text) == TextRules.withoutParentheticals(text), "\(Array(text.unicodeScalars))")
            #expect((ParticipantFastPaths.firstWord(text) ?? String(text.splitOnSpaces().first ?? "")) == String(text.splitOnSpaces().first ?? ""))
        }
    }

    @Test func nameShapesOnBytesAreTheShapesByCharacters() {
        for text in Self.randomTexts(seed: 15) {
            let fast = ParticipantExtractor.NameShape(text), rule = ParticipantExtractor.NameShape(byCharacters: text)
            #expect(fast.letters == rule.letters && fast.words == rule.words && fast.letterCount == rule.letterCount,
                    "\(Array(text.unicodeScalars))")
        }
    }

    @Test func introductionIndexFindsWhatTheRuleFinds() {
        var generator = SplitMix64(seed: 16)
        var speakers = 0, refused = 0
        for _ in 0..<400 {
            let people = (0..<Int(generator.next() % 6)).map { _ in Participant(name: Self.randomText(&generator, maxPieces: 4)) }
            let index = IntroductionRules.NameIndex(people)
            let keys = IntroductionRules.PersonKeys(people)
            for attempt in 0..<20 {
                // Half the lines open with a participant's name, in either case, after emphasis or a bracket.
                let opener = people.isEmpty || attempt % 2 == 0 ? "" : ["", "*", "[", " "][Int(generator.next() % 4)]
                    + { attempt % 4 == 1 ? $0.uppercased() : $0 }(people[Int(generator.next() % UInt64(people.count))].name)
                let line = opener + Self.randomText(&generator)
                // The nicks a line's opening letters begin: as the index of every beginning answered.
                let letters = IntroductionRules.NameIndex.opening(of: Substring(line)).letters
                let expected = people.indices.filter { i in
                    let nick = TextRules.compactLetters(people[i].name)
                    return !people[i].name.contains(" ") && nick.isPlainASCII && letters.count >= 4 && nick.hasPrefix(letters) && nick != letters
                }
                if letters.count >= 4 { #expect(index.asciiNicksBeginning(with: letters) == expected, "\(Array(line.unicodeScalars))") }
                #expect(keys.contains(line) == Self.isPersonByRule(line, people), "\(Array(line.unicodeScalars))")
                // Speakers found with the opening of the line lower-cased are those found with the whole line lower-cased.
                let fast = IntroductionRules.speaker(of: line, names: index), whole = IntroductionRules.speaker(of: line, names: index, wholeLines: true)
                #expect(fast?.0 == whole?.0 && fast?.1 == whole?.1, "\(Array(line.unicodeScalars))")
                if fast != nil { speakers += 1 }
                // A line refused on its first byte has no name opening it.
                if !index.mayOpen(line) {
                    refused += 1
                    let opened = Substring(line).drop { $0 == "*" || $0 == " " || $0 == "[" || $0 == "<" }
                    #expect(index.candidates(for: opened).isEmpty, "\(Array(line.unicodeScalars))")
                }
            }
        }
        // The random lines do reach both answers.
        #expect(speakers > 0 && refused > 0, "\(speakers) speakers, \(refused) refused")
    }

    /// `IntroductionRules.isPerson` as it was written before its keys were worked out once.
    static func isPersonByRule(_ phrase: String, _ participants: [Participant]) -> Bool {
        let key = TextRules.fold(phrase)
        let compact = TextRules.compactLetters(phrase)
        return participants.contains { person in
            let first = TextRules.fold(String(person.name.split(separator: " ").first ?? ""))
            if TextRules.fold(person.name) == key || first == key { return true }
            if compact.count >= 4, TextRules.compactLetters(person.name).hasPrefix(compact) { return true }
            return !key.contains(" ") && key.count >= 5 && TextRules.editDistance(first, key, limit: 1) <= 1
        }
    }
}
