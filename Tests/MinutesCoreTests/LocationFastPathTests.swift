import Foundation
import Testing
@testable import MinutesCore

/// The byte-level shortcuts of the location, date, findings and related-documents rules added in session 8 must answer
/// exactly as the rules they shortcut (or, for refusals, refuse only what those rules refuse), around combining marks,
/// prepended marks, CR LF, the Kelvin sign, ligatures that fold to several letters and non-ASCII digits and spaces too.
@Suite("Location, date and findings fast paths")
struct LocationFastPathTests {
    /// Pieces that random texts are made of: the words, marks and punctuation the rules look at, and the Unicode
    /// that behaves differently on bytes and on characters.
    static let pieces = [" ", " ", "  ", "\t", "\n", "*", "_", "#", ":", ".", "-", " - ", ",", ";", "(", ")", "[", "]", "/", "@", "?", "!",
                         "held ", "HELD", "Held", "meeting", "Meeting", "met", "took place", "F2F", "in", "at", "the", "The", "Paris",
                         "Location", "venue", "Where", "Present", "See also", "report.pdf", "notes.md", "x", "Z", "K", "a", "19", "20",
                         "2024", "1999", "05", "7", "Jan", "March", "th", "e.g", "Mr", "to", "Kay", "and", "David",
                         "\u{301}", "é", "e\u{301}", "\u{600}", "\r", "\r\n", "ß", "👩‍💻", "İ", "ǅ", "ʰ", "ẖ", "ﬂ", "\u{212A}", "–", "—", "’",
                         "\u{A0}", "\u{2003}", "\u{AD}", "€", "٣", "\u{FE0F}", "\u{200D}"]

    /// Up to `limit - 1` of `words` picked at random, joined by `separator`.
    static func randomJoined(_ words: [String], _ generator: inout SplitMix64, limit: UInt64, separator: String = "") -> String {
        var picked: [String] = []
        for _ in 0..<Int(generator.next() % limit) { picked.append(words[Int(generator.next() % UInt64(words.count))]) }
        return picked.joined(separator: separator)
    }

    /// Runs `body` on `count` texts made of up to 23 random pieces.
    static func forRandomTexts(seed: UInt64, count: Int = 20_000, _ body: (String) -> Void) {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<count { body(randomJoined(pieces, &generator, limit: 24)) }
    }

    static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }

    @Test func heldRefusedOnBytesIsFoundNeitherOnBytesNorByFoundation() {
        Self.forRandomTexts(seed: 101) { text in
            guard !text.locationHoldsHeldBytes() else { return }
            #expect(text.range(of: "held ", options: .caseInsensitive) == nil, "\(Array(text.unicodeScalars))")
            #expect(text.rangeOfASCIIIgnoringCase("held ") == nil, "\(Array(text.unicodeScalars))")
        }
        #expect("The meeting was HeLd at 6 pm".locationHoldsHeldBytes())
        #expect(!"Helden in Paris".locationHoldsHeldBytes())
    }

    @Test func placeAfterInOrAtRefusedOnBytesIsNoMatchOfTheSentencePattern() {
        Self.forRandomTexts(seed: 102) { text in
            guard !text.locationMayNamePlaceAfterInOrAt() else { return }
            #expect(!Self.matches(LocationExtractor.sentencePattern, text), "\(Array(text.unicodeScalars))")
        }
        #expect("The meeting took place in Copenhagen".locationMayNamePlaceAfterInOrAt())
        #expect("Held at\u{2003}the\u{A0}Town Hall".locationMayNamePlaceAfterInOrAt())
        #expect(!"The meeting in the morning".locationMayNamePlaceAfterInOrAt())
        #expect(LocationExtractor.placeInSentence("We met at the meeting in Copenhagen.") == "Copenhagen")
    }

    @Test func locationLabelsRefusedOnTheirFirstByteAreNoLocationLabels() {
        let labels: Set<String> = ["location", "venue", "place", "where", "meeting place", "meeting location"]
        Self.forRandomTexts(seed: 103) { text in
            guard !text.mayOpenWithLabel(startingWithOneOf: "lvpwm") else { return }
            if let (label, _) = TextRules.labelled(text) {
                #expect(!labels.contains(label.lowercased()), "\(Array(text.unicodeScalars))")
            }
        }
        #expect("**Venue:** Town Hall".mayOpenWithLabel(startingWithOneOf: "lvpwm"))
        #expect(!"Chair: Ann".mayOpenWithLabel(startingWithOneOf: "lvpwm"))
    }

    @Test func yearRefusedOnBytesIsNoMatchOfAnyDatePattern() {
        let patterns = [DateExtractor.isoPattern, DateExtractor.dayMonthYear, DateExtractor.monthDayYear, DateExtractor.numeric,
                        DateExtractor.yearPattern]
        Self.forRandomTexts(seed: 104) { text in
            guard !DateExtractor.mayHoldYear(text) else { return }
            for pattern in patterns { #expect(!Self.matches(pattern, text), "\(pattern.pattern) \(Array(text.unicodeScalars))") }
            #expect(DateExtractor.firstDate(in: text) == nil && DateExtractor.splitDate(in: text) == nil)
        }
        #expect(DateExtractor.firstDate(in: "Meeting of 24 January 2014") == "2014-01-24")
        #expect(!DateExtractor.mayHoldYear("room 2019b, 12019, x2019"))
        #expect(DateExtractor.mayHoldYear("2019"))
    }

    @Test func finalDashStepOnBytesIsTheLastStepOfTheCharacters() {
        Self.forRandomTexts(seed: 105) { text in
            let expected = text.ranges(of: " - ").last.map { String(text[$0.upperBound...]) }
            #expect(FindingExtractor.finalDashStep(of: text) == expected, "\(Array(text.unicodeScalars))")
        }
    }

    /// `FindingExtractor.sentences(_:)` as written before its shortcuts: the characters walked one by one.
    static func characterSentences(_ text: String) -> [String] {
        var result: [Substring] = []
        var start = text.startIndex, wordStart = text.startIndex, i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            defer { i = next }
            if c == " " { wordStart = next; continue }
            guard c == "." || c == "!" || c == "?", next < text.endIndex, text[next] == " " else { continue }
            let after = text.index(after: next)
            guard after < text.endIndex, text[after].isUppercase || text[after] == "@" || text[after] == "[" else { continue }
            let word = text[max(wordStart, start)..<i]
            if c == ".", word.count <= 1 || FindingExtractor.sentenceAbbreviations.contains(word.lowercased()) { continue }
            result.append(text[start..<next])
            start = next
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result.map { $0.trimmed() }.filter { !$0.isEmpty }
    }

    @Test func sentencesOfNonASCIITextAreTheSentencesOfTheCharacters() {
        var generator = SplitMix64(seed: 106)
        let words = ["The", "group", "agreed.", "Mr.", "e.g.", "J.", "Kay", "to", "send", "it!", "Why?", "[ann]", "@bo", " ", "\t",
                     "Ébre", "é.", "ÉTÉ", "’", "—", "Zoë.", "e\u{301}.", ".\u{301}", "\u{301}Kay", "ǅ", "ʰ", "ß", "İ", "\u{212A}", "👩‍💻",
                     "\u{600}A", "\r\n", "\u{A0}", "\u{AD}", "€", "“Quoted.”", "Ω"]
        for _ in 0..<10_000 {
            let text = Self.randomJoined(words, &generator, limit: 20, separator: " ")
            let expected = Self.characterSentences(text)
            #expect(FindingExtractor.sentences(text) == expected, "\(Array(text.unicodeScalars))")
            #expect(FindingExtractor.sentences(text, isPlainASCII: false) == expected, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func scalarsThatStandAloneAreCharactersNextToAnyOtherLoneScalar() {
        let lone = (0xA0...0x2FF).map { $0 } + (0x2010...0x2027).map { $0 } + (0x2030...0x205E).map { $0 } + (0x20A0...0x20C0).map { $0 }
        let neighbours = ["a", " ", ".", "A", "\t", "\n", "1", "é", "—", "€"]
        for value in lone {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.standsAlone)
            for neighbour in neighbours {
                let text = neighbour + String(scalar) + neighbour
                #expect(text.count == 3, "U+\(String(value, radix: 16))")
            }
        }
        #expect(!Unicode.Scalar(0x301)!.standsAlone && !Unicode.Scalar(0x200D)!.standsAlone && !Unicode.Scalar(0x600)!.standsAlone)
    }

    @Test func asciiRosterEntriesAreTheEntriesOfTheCharacterRules() {
        var generator = SplitMix64(seed: 107)
        let parts = ["Ann", "J.", "a.", "de", "van", "MERTIC", "O'Neil", "Smith-Jones", " ", "  ", "x", "Dr.", "e"]
        for _ in 0..<5_000 {
            let name = Self.randomJoined(parts, &generator, limit: 5, separator: " ")
            let entry = FindingExtractor.Roster.Entry(Participant(name: name))
            let initialParts = entry.parts.filter { !$0.hasSuffix(".") || $0.count > 2 }
            #expect(entry.initials == (initialParts.count >= 2 ? String(initialParts.compactMap { $0.first }) : nil), "\(name)")
            #expect(entry.firstNameLetters == FindingExtractor.Roster.Entry.firstNameLetters(of: name), "\(name)")
            let firstAndInitial = entry.parts.count >= 2 ? entry.parts[0] + String(entry.parts[entry.parts.count - 1].prefix(1)) : nil
            #expect(entry.firstAndInitial == firstAndInitial, "\(name)")
        }
    }

    @Test func relatedDocumentShortcutsAreTheRules() {
        let labels = RelatedDocumentExtractor.sectionLabels.union(RelatedDocumentExtractor.peopleLabels)
        Self.forRandomTexts(seed: 108) { text in
            #expect(RelatedDocumentExtractor.trimmedTitle(text) == text.trimmed(.documentTitleEnds), "\(Array(text.unicodeScalars))")
            // A labelled line refused on its bytes has no label of a list and no file name.
            guard !RelatedDocumentExtractor.labelMayMatter(text, hasLinks: false), let (label, value) = TextRules.labelled(text) else { return }
            #expect(!RelatedDocumentExtractor.isLabel(label, in: labels), "\(Array(text.unicodeScalars))")
            #expect(!RelatedDocumentExtractor.isFileName(value), "\(Array(text.unicodeScalars))")
        }
        #expect(RelatedDocumentExtractor.labelMayMatter("**Present:** Ann", hasLinks: false))
        #expect(RelatedDocumentExtractor.labelMayMatter("See: board_minutes.txt", hasLinks: false))
        #expect(!RelatedDocumentExtractor.labelMayMatter("Ted: I think so", hasLinks: false))
    }

    @Test func sharedAddressPartsAreThePartsOfTheLowerCasedAddress() {
        var generator = SplitMix64(seed: 109)
        let pieces = ["http://", "HTTPS://", "https://", "www.", "GitHub.com", "x.com", "/", "in", "Bio", "about-me", "#", "?", "q=1", ".", ")", "(",
                      " ", "linkedin.com", "é", "\u{301}", "K", "Profile", "issues", "7"]
        for _ in 0..<10_000 {
            let href = Self.randomJoined(pieces, &generator, limit: 10)
            let link = Link(text: "x", href: href)
            if let parts = RelatedDocumentExtractor.sharedParts(of: link) {
                let lowered = RelatedDocumentExtractor.addressParts(RelatedDocumentExtractor.cleanURL(href.lowercased()))
                #expect(parts == RelatedDocumentExtractor.addressParts(RelatedDocumentExtractor.cleanURL(href)), "\(href)")
                #expect(parts == lowered, "\(href)")
            }
            // The profile rule on bytes in place is the rule on the characters' bytes.
            let parts = RelatedDocumentExtractor.addressParts(href)
            let segments = AddressCharacters(parts.path).bytes.split(separator: UInt8(ascii: "/"))
            let expected: Bool
            if RelatedDocumentExtractor.profileHosts.contains(parts.host) {
                expected = segments.count == 1
            } else if parts.host.hasSuffix("linkedin.com") {
                expected = segments.first?.elementsEqual("in".utf8) == true
            } else {
                expected = segments.last.map { last in RelatedDocumentExtractor.profilePages.contains { last.elementsEqual($0.utf8) } } ?? false
            }
            #expect(RelatedDocumentExtractor.isProfileLink(parts) == expected, "\(href)")
        }
    }

    @Test func bytesInAStaticSetAreFound() {
        for byte in UInt8(0)...UInt8(255) {
            #expect(byte.isOne(of: "acdfk") == "acdfk".utf8.contains(byte))
        }
    }
}

extension LocationFastPathTests {
    @Test func sectionKindRefusedOnBytesIsTheKindOfTheWords() {
        var generator = SplitMix64(seed: 110)
        let words = ["Action", "items", "ACTIONS", "Decisions", "resolved", "Key points", "KEY", "points", "Summary of", "Takeaways", "ta\u{212A}eaways",
                     "\u{212A}ey points", "actİon", "DECİSİONS", "Outcomes", "lessons", ":", "**", "#", "é", "e\u{301}", "–", "New", "review", "the"]
        for _ in 0..<10_000 {
            let text = Self.randomJoined(words, &generator, limit: 6, separator: " ")
            #expect(FindingExtractor.sectionKind(text) == FindingExtractor.sectionKindOfWords(text), "\(Array(text.unicodeScalars))")
        }
        #expect(FindingExtractor.sectionKind("Ta\u{212A}eaways") == .finding)
    }
}

extension LocationFastPathTests {
    @Test func wholeLineDecisionsRefusedOnBytesAreTheDecisionsOfTheWords() {
        var generator = SplitMix64(seed: 111)
        let words = ["We’ve", "we've", "WE", "have", "concluded", "CONCLUDED", "enough", "of", "a", "consensus", "Agreement", "to", "6", "in", "favor",
                     "FAVOUR", "–", "passes", "carried", "İn", "\u{212A}", "é", "e\u{301}", "٣", "’", "x"]
        for _ in 0..<10_000 {
            let text = Self.randomJoined(words, &generator, limit: 9, separator: " ")
            #expect(FindingExtractor.isWholeLineDecision(text) == FindingExtractor.isWholeLineDecisionByWords(text), "\(Array(text.unicodeScalars))")
        }
        #expect(FindingExtractor.isWholeLineDecision("6 in favor – passes"))
        #expect(FindingExtractor.isWholeLineDecision("I think We’ve concluded."))
    }
}

extension LocationFastPathTests {
    @Test func leadingWordsOnBytesAreTheWordsOfTheCharacters() {
        Self.forRandomTexts(seed: 112) { text in
            for limit in [1, 4, 7, Int.max] {
                guard let words = text.findingsLeadingWords(limit: limit) else { continue }
                let expected = text.split(separator: " ").prefix(limit).map { String($0) }
                #expect(words == expected, "\(Array(text.unicodeScalars))")
            }
        }
        #expect("Zoë and Émile to meet".findingsLeadingWords(limit: 3) == ["Zoë", "and", "Émile"])
        #expect("Zoe\u{301} and".findingsLeadingWords(limit: 2) == nil)
    }

    @Test func dueDatesRefusedOnBytesHoldNoMarker() {
        var generator = SplitMix64(seed: 113)
        let words = ["due", "DUE", "Dü", "by", "By", "ｂｙ", "deadline", "DEADLİNE", "dead", "line", ":", " ", "  ", "3 March 2024", "İ", "\u{212A}",
                     "é", "\u{301}", "ẖ", "ﬂ", "x"]
        for _ in 0..<10_000 {
            let text = Self.randomJoined(words, &generator, limit: 8)
            guard text.findingsScan(FindingExtractor.dueStems).mentions == 0 else { continue }
            #expect(FindingExtractor.due(in: text) == nil)
            for marker in ["due by ", "due: ", "due ", "deadline: ", "deadline ", " by "] {
                #expect(text.range(of: marker, options: .caseInsensitive) == nil, "\(Array(text.unicodeScalars))")
                #expect(text.rangeOfASCIIIgnoringCase(marker) == nil, "\(Array(text.unicodeScalars))")
            }
        }
        #expect(FindingExtractor.due(in: "Send it DUE 3 March 2024") == "2024-03-03")
    }
}

extension LocationFastPathTests {
    @Test func labelKindsAreLookedUpAsTheyWereSwitchedOn() {
        let expected: [(String, FindingKind?)] = [
            ("resolution", .decision), ("resolved", .decision), ("resolutions", .decision), ("decision", .decision), ("decided", .decision),
            ("decisions", .decision), ("agreed", .decision), ("agreement", .decision), ("consensus", .decision), ("approved", .decision),
            ("outcome", .decision), ("vote", .decision), ("voted", .decision), ("action", .action), ("action item", .action),
            ("action items", .action), ("new action", .action), ("todo", .action), ("to do", .action), ("actions", .action), ("ai", .action),
            ("finding", .finding), ("conclusion", .finding), ("observation", .finding), ("key finding", .finding),
            ("action for bob", .action), ("action item for the next call", nil), ("chair", nil), ("Action", nil), ("", nil), ("re\u{301}solved", nil),
        ]
        for (label, kind) in expected { #expect(FindingExtractor.kind(ofLabel: label) == kind, "\(label)") }
    }
}
