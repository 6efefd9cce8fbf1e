import Foundation
import Testing
@testable import MinutesCore

/// The byte-level shortcuts of the findings and related-documents rules must answer exactly as the rules they
/// shortcut (or, for refusals, refuse only what those rules refuse), around combining marks, prepended marks and CR LF too.
@Suite("Findings and related-documents fast paths")
struct FindingFastPathTests {
    /// Pieces that random texts are made of: the words, marks and punctuation the rules look at, and the Unicode
    /// that behaves differently on bytes and on characters.
    static let pieces = [" ", " ", "  ", "\t", "*", "_", "[", "]", ":", ".", "-", " - ", "(", ")", "#", "@", ",", "!", "?",
                         "to", "will", "Kay", "and", "David", "ACTION", "Resolved", "decision", "consensus", "agreed", "chat", "join",
                         "http", "https://", "www.", "/", "issues", "labels", "g", "t12-34", "e.g", "Mr", "report.pdf", "[new] ",
                         "\u{301}", "é", "e\u{301}", "\u{600}", "\r", "\n", "\r\n", "ß", "👩‍💻", "K", "İ", "–", "—", "’", "Z", "0", "7"]


    /// Runs `body` on many random texts.
    static func forRandomTexts(seed: UInt64, count: Int = 20_000, _ body: (String) -> Void) {
        MinutesCoreTests.forRandomTexts(of: pieces, seed: seed, count: count, maxPieces: { _ in 24 }, body)
    }

    @Test func findingsScanFindsWhatALowerCasedByteSearchFinds() {
        let words = ["action", "resol", "key points", " favo", "agreement"]
        let needles = FindingsNeedles(words)
        Self.forRandomTexts(seed: 1) { text in
            let lowered = Array(text.utf8.map(\.asciiLowercased))
            var expected: UInt = 0
            for (bit, word) in words.enumerated() where lowered.count >= word.utf8.count {
                let pattern = Array(word.utf8)
                if (0...(lowered.count - pattern.count)).contains(where: { Array(lowered[$0..<($0 + pattern.count)]) == pattern }) {
                    expected |= 1 << UInt(bit)
                }
            }
            let scan = text.findingsScan(needles)
            #expect(scan.mentions == expected && scan.isPlainASCII == text.isPlainASCII, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func leadingWordCountIsTheCountOfTheLeadingWords() {
        Self.forRandomTexts(seed: 2) { text in
            for limit in [1, 4, 7, Int.max] {
                #expect(text.findingsLeadingWordCount(limit: limit) == text.findingsLeadingWords(limit: limit)?.count)
            }
        }
    }

    @Test func aSentenceRefusedOnBytesOpensNoAssignment() {
        let pieces = Self.pieces + ["do", "Do", "\u{345}", "1", "and ", " to ", " will "]
        MinutesCoreTests.forRandomTexts(of: pieces, seed: 3, maxPieces: { _ in 16 }) { text in
            let words = FindingExtractor.openingWords(of: text)
            for markers in [["to", "will"], ["to"]] where !text.findingsMayOpenAssignment(allowingWill: markers.count == 2) {
                // As `assignee(of:)` reads the words up to the verb.
                for nameLength in 1...2 where words.count > nameLength + 1 {
                    var next = nameLength
                    if words[next] == "and", words.count > next + 3 { next += 2 }
                    #expect(!(markers.contains(words[next]) && words[next + 1].first?.isLowercase == true), "\(Array(text.unicodeScalars))")
                }
            }
        }
        #expect("Kay and David to discuss".findingsMayOpenAssignment(allowingWill: false))
        #expect("Lindsey will create lists".findingsMayOpenAssignment(allowingWill: true))
        #expect(!"Lindsey will create lists".findingsMayOpenAssignment(allowingWill: false))
        #expect(!"The group discussed it at length to death".findingsMayOpenAssignment(allowingWill: true))
        #expect(!"Kay to Review".findingsMayOpenAssignment(allowingWill: true))
    }

    @Test func blanksTrimmedOnBytesAreTheBlanksTrimmedByCharacters() {
        Self.forRandomTexts(seed: 4) { text in
            #expect(String(text.trimmingBlanksOnBytes()) == String(text.trimming(.blanks)), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func asciiCharacterSearchOnBytesIsTheCharacterSearch() {
        Self.forRandomTexts(seed: 5) { text in
            for byte in [UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: "\n")] {
                #expect(text.firstIndexOfASCII(byte) == text.firstIndex(of: Character(Unicode.Scalar(byte))), "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func spacedHyphenIsFoundWhereItsBytesAre() {
        Self.forRandomTexts(seed: 6) { text in
            #expect(text.holdsSpacedHyphen() == text.holdsBytes(" - "))
        }
    }

    @Test func asciiPrefixAndSuffixTestsAreTheCharacterTests() {
        let needles = ["http", "https://", ".pdf", "/join", "chat.", "a", "-", "\r"]
        Self.forRandomTexts(seed: 7) { text in
            for needle in needles {
                #expect(text.hasPrefixASCII(needle) == text.hasPrefix(needle), "\(Array(text.unicodeScalars)) \(needle)")
                #expect(text.hasSuffixASCII(needle) == text.hasSuffix(needle), "\(Array(text.unicodeScalars)) \(needle)")
            }
        }
    }

    /// `FindingExtractor.labelKind` as written before its byte path.
    static func labelKindByCharacters(_ label: String) -> FindingKind? {
        var lower = label.lowercased().trimmed(.labelBrackets)
        if lower.containsASCII("[new] ") { lower = lower.replacingOccurrences(of: "[new] ", with: "") }
        while let last = lower.last, last.isNumber || last == "#" || last == " " { lower.removeLast() }
        // The label list is shared; what is compared is the folding before it.
        return FindingExtractor.kind(ofLabel: lower)
    }

    @Test func labelKindOnBytesAgreesWithTheCharacterRule() {
        let labels = ["ACTION", "Action 3", "Resolution #1", "[NEW] ACTION", "x [new] action", "** Decision **", "Agreed", "AI",
                      "action item for the next call", "action for bob", "To Do", "key finding", "Chair", "123", "", "[]"]
        for label in labels { #expect(FindingExtractor.labelKind(label) == Self.labelKindByCharacters(label), "\(label)") }
        Self.forRandomTexts(seed: 8) { text in
            #expect(FindingExtractor.labelKind(text) == Self.labelKindByCharacters(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func labelRefusalsOnTheFirstByteRefuseOnlyTextsWithoutAKnownLabel() {
        Self.forRandomTexts(seed: 9) { text in
            if !FindingExtractor.mayOpenWithKnownLabel(text) {
                if let (label, _) = TextRules.labelled(text) {
                    #expect(FindingExtractor.labelKind(label) == nil && !FindingExtractor.motionLabels.contains(label.lowercased()))
                }
                #expect(FindingExtractor.capitalDashLabelled(text).flatMap { FindingExtractor.labelKind($0.label) } == nil)
            }
        }
        #expect(FindingExtractor.mayOpenWithKnownLabel("**[ACTION]: Jane to …"))
        #expect(!FindingExtractor.mayOpenWithKnownLabel("Bob: hello"))
    }

    @Test func capitalLabelRefusalOnBytesRefusesOnlyTextsWithoutOne() {
        var generator = SplitMix64(seed: 10)
        let capitals = ["DECISION", "ACTION", "AI", " ", "*", "_", " - ", " – ", " — ", "a", "É", "\u{301}", "1"]
        for _ in 0..<20_000 {
            let text = (0..<Int(generator.next() % 8)).map { _ in capitals[Int(generator.next() % UInt64(capitals.count))] }.joined()
            if !FindingExtractor.mayOpenWithCapitalLabel(text) {
                #expect(FindingExtractor.capitalDashLabelled(text) == nil, "\(Array(text.unicodeScalars))")
            }
        }
        #expect(FindingExtractor.capitalDashLabelled("DECISION - we will ship")?.label == "DECISION")
    }

    @Test func sentencesOnBytesAreTheSentencesOfTheCharacters() {
        var generator = SplitMix64(seed: 11)
        let words = ["The", "group", "agreed.", "Mr.", "e.g.", "J.", "Kay", "to", "send", "it!", "Why?", "ok", "[ann]", "@bo", " ", "  ", "\t"]
        for _ in 0..<5_000 {
            let text = (0..<Int(generator.next() % 20)).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            #expect(FindingExtractor.sentences(text) == FindingExtractor.sentences(text, isPlainASCII: false), "\(text)")
        }
        #expect(FindingExtractor.sentences("MM agreed. JM to send out an invite. Done") == ["MM agreed.", "JM to send out an invite.", "Done"])
    }

    @Test func ownerPatternRefusalsRefuseOnlyTextsTheyCannotMatch() {
        Self.forRandomTexts(seed: 12) { text in
            let range = NSRange(location: 0, length: (text as NSString).length)
            if !FindingExtractor.ownerFirstMayMatch(text) {
                #expect(FindingExtractor.ownerFirst.firstMatch(in: text, range: range) == nil, "\(Array(text.unicodeScalars))")
            }
            if !FindingExtractor.ownerTrailingMayMatch(text) {
                #expect(FindingExtractor.ownerTrailing.firstMatch(in: text, range: range) == nil, "\(Array(text.unicodeScalars))")
            }
        }
        #expect(FindingExtractor.ownerFirstMayMatch("Jane to send it"))
        #expect(FindingExtractor.ownerTrailingMayMatch("Send it (Jane)"))
    }

    @Test func relatedDocumentLabelsAndFileNamesOnBytesAreTheCharacterRules() {
        let labels = RelatedDocumentExtractor.sectionLabels.union(RelatedDocumentExtractor.peopleLabels)
        for text in ["**Related documents:**", "## See also", "Present:", "PRESENT", " :: ", "Attendees and guests"] {
            #expect(RelatedDocumentExtractor.isLabel(text, in: labels) == labels.contains(text.lowercased().trimmed(.labelMarks)))
        }
        Self.forRandomTexts(seed: 13) { text in
            #expect(RelatedDocumentExtractor.isLabel(text, in: labels) == labels.contains(text.lowercased().trimmed(.labelMarks)))
            let t = text.trimmed(.fileNameEnds), lower = t.lowercased()
            let isFileName = !t.isEmpty && !t.containsASCII(" ") && t.count <= 120
                && RelatedDocumentExtractor.fileExtensions.contains { lower.hasSuffix($0) && lower.count > $0.count }
            #expect(RelatedDocumentExtractor.isFileName(text) == isFileName, "\(Array(text.unicodeScalars))")
        }
        #expect(RelatedDocumentExtractor.isFileName("board_minutes_2014_01_15.txt."))
    }

    @Test func addressPatternsOnBytesAreTheRegularExpressions() {
        func matches(_ text: String, _ pattern: String) -> Bool { text.range(of: pattern, options: .regularExpression) != nil }
        let paths = ["/w3c/csswg/issues", "/w3c/csswg/pulls", "/a/b/discussions", "/a/issues", "/a/b/c/issues", "//b/issues", "/a/b/issues\n",
                     "/w3c/csswg/labels/bug", "/a/b/labels", "/a//labels/x", "/g/wg", "/g/wg/", "/g/wg/x", "/g/", "/g//", "/g/é", "/g/a\n"]
        for path in paths {
            #expect(RelatedDocumentExtractor.listsRepositoryItems(path) == matches(path, #"^/[^/]+/[^/]+/(issues|pulls|discussions)$"#), "\(path)")
            #expect(RelatedDocumentExtractor.listsRepositoryLabel(path) == matches(path, #"^/[^/]+/[^/]+/labels/"#), "\(path)")
            #expect(RelatedDocumentExtractor.isGroupFrontPage(path) == matches(path, #"^/g/[^/]+/?$"#), "\(path)")
        }
        for fragment in ["t12-34", "t12-3", "t1a-34", "t12-34x", "t١٢-34", "x12-34", "t12–34"] {
            #expect(RelatedDocumentExtractor.isTimestampAnchor(fragment) == matches(fragment, #"^t\d\d-\d\d"#), "\(fragment)")
        }
        Self.forRandomTexts(seed: 14, count: 3_000) { text in
            let path = "/" + text
            #expect(RelatedDocumentExtractor.listsRepositoryItems(path) == matches(path, #"^/[^/]+/[^/]+/(issues|pulls|discussions)$"#))
            #expect(RelatedDocumentExtractor.listsRepositoryLabel(path) == matches(path, #"^/[^/]+/[^/]+/labels/"#))
            #expect(RelatedDocumentExtractor.isGroupFrontPage(path) == matches(path, #"^/g/[^/]+/?$"#))
            #expect(RelatedDocumentExtractor.isTimestampAnchor(text) == matches(text, #"^t\d\d-\d\d"#))
        }
    }

    @Test func joinTextRefusalRefusesOnlyTextsThatAreNeitherChatNorJoin() {
        Self.forRandomTexts(seed: 15) { text in
            guard !RelatedDocumentExtractor.mayNameJoining(text) else { return }
            let lower = text.lowercased().trimmed(RelatedDocumentExtractor.joinTextEnds)
            #expect(lower != "chat" && !lower.hasPrefix("join "), "\(Array(text.unicodeScalars))")
        }
        #expect(RelatedDocumentExtractor.mayNameJoining(": Join the call"))
    }

    /// `RelatedDocumentExtractor.cleanURL` on characters.
    static func cleanURLByCharacters(_ url: String) -> String {
        let characters = Array(url)
        var start = 0, end = characters.count
        let isBlank = { (c: Character) in c == " " || c == "\t" || c == "\n" }
        while start < end, isBlank(characters[start]) { start += 1 }
        while end > start, isBlank(characters[end - 1]) { end -= 1 }
        var opened = characters[start..<end].filter { $0 == "(" }.count, closed = characters[start..<end].filter { $0 == ")" }.count
        _ = opened
        while end > start {
            let last = characters[end - 1]
            if [".", ",", ";", ":"].contains(last) { end -= 1 } else if last == ")", opened < closed { end -= 1; closed -= 1 } else { break }
        }
        opened = 0
        return String(characters[start..<end])
    }

    @Test func cleanedAddressesAreTheAddressesCleanedByCharacters() {
        Self.forRandomTexts(seed: 16) { text in
            let url = "https://" + text
            #expect(RelatedDocumentExtractor.cleanURL(url) == Self.cleanURLByCharacters(url), "\(Array(url.unicodeScalars))")
            #expect(RelatedDocumentExtractor.cleanURL(text) == Self.cleanURLByCharacters(text), "\(Array(text.unicodeScalars))")
        }
        #expect(RelatedDocumentExtractor.cleanURL("https://en.wikipedia.org/wiki/TR_use_case).") == "https://en.wikipedia.org/wiki/TR_use_case")
    }

    @Test func milestonesAgendasAndColonsOnBytesAreTheCharacterRules() {
        for path in ["/a/milestone/3", "/a/milestones/12", "/milestones/", "/milestones/1x", "/a/milestone/3\n", "/a/milestone/٣", "/milestone/7/"] {
            #expect(RelatedDocumentExtractor.namesMilestone(path) == (path.range(of: #"/milestones?/\d+$"#, options: .regularExpression) != nil), "\(path)")
        }
        Self.forRandomTexts(seed: 17) { text in
            let path = "/milestone" + text
            #expect(RelatedDocumentExtractor.namesMilestone(path) == (path.range(of: #"/milestones?/\d+$"#, options: .regularExpression) != nil))
            for heading in [text, "## " + text, "#* Agenda" + text, "agenda" + text] {
                #expect(RelatedDocumentExtractor.opensWithAgenda(heading)
                        == heading.lowercased().trimmed(RelatedDocumentExtractor.headingMarks).hasPrefix("agenda"), "\(Array(heading.unicodeScalars))")
            }
            #expect(text.hasColonSuffix == text.hasSuffix(":"))
        }
        #expect(RelatedDocumentExtractor.isNavigationClass("breadcrumb") && !RelatedDocumentExtractor.isNavigationClass("content"))
        for (classes, transcript) in [(["irc"], true), (["speaker", "phone"], true), (["transcript"], true), (["summary"], false),
                                      (["ircx", "phones", "Transcript"], false)] {
            #expect(FindingExtractor.ClassHints(classes).isTranscript == transcript, "\(classes)")
        }
        let hints = FindingExtractor.ClassHints(["proposed-resolution", "summary", "resolution", "action"])
        #expect(hints.isProposal && hints.isSummary && hints.isResolution && hints.isAction && !hints.isTranscript)
    }

    @Test func lastByteMatchIsFoundationsBackwardSearch() {
        Self.forRandomTexts(seed: 18) { text in
            let full = "x" + text + "[on " + text
            for start in [full.startIndex, full.index(after: full.startIndex)] {
                #expect(full.lastRangeOfASCII("[on ", from: start) == full.range(of: "[on ", options: .backwards, range: start..<full.endIndex),
                        "\(Array(full.unicodeScalars))")
            }
            #expect(text.lastRangeOfASCII(" - ", from: text.startIndex) == text.range(of: " - ", options: .backwards), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func textsStartingWithDifferentASCIIBytesShareNoPrefix() {
        Self.forRandomTexts(seed: 19) { text in
            for other in ["kay", "e\u{301}x", "é", "Kay", ""] where text.startsUnlike(other) {
                #expect(!text.hasPrefix(other) && !other.hasPrefix(text) && text.first != other.first, "\(Array(text.unicodeScalars))")
            }
        }
    }
}
