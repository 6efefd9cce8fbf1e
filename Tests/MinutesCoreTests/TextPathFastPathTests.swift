import Foundation
@testable import MinutesCore
import Testing

/// The plain-text path's byte shortcuts give the answers of the character rules they stand for, on generated texts
/// that mix plain ASCII with combining marks, CR LF, the Kelvin sign, word joiners and other non-ASCII characters.
@Suite("Text path fast paths (PlainText, WordRepair, IRC, Decoding)")
struct TextPathFastPathTests {
    /// Pieces texts are made of: words, list markers, labels, punctuation, and characters that join their neighbours.
    static let pieces = ["meeting", "Meeting", "MEETING", "board", "cleantech", "cluster", "cleantechcluster", "Region.Thus",
                         "anopportunity", "busi-", "ness", "business-tobusiness", "e.g.", "o", "a)", "1.", "12)", "(3)", "1234.",
                         "-", "*", "•", "Present:", "Directors Present:", "AGENDA", "RESOLVED:", "q+", "ack", "has", "joined",
                         "is now known as", "s/", "s|", "19", "2020-03-10", ",", ".", ":", "(", ")", "caf\u{E9}", "cafe\u{301}",
                         "\u{212A}ey", "<tom>", "<@tom>", "[15:59]", "15:59:33", "2020-03-10T15:59:33.000Z", "***", "-->", "\u{2060}", "\u{A0}", "\u{301}", "\u{600}", "\r\n", "\r", "\t", " ", "  ", "x", "Zz"]

    /// A text of up to `count` pieces, joined by spaces or nothing.
    static func text(_ random: inout SplitMix64, count: Int = 12) -> String {
        (0..<Int(random.next() % UInt64(count) + 1)).map { _ in
            random.pick(pieces) + (random.next() % 3 == 0 ? "" : " ")
        }.joined()
    }

    /// A text of the pieces that are plain ASCII only.
    static func asciiText(_ random: inout SplitMix64, count: Int = 12) -> String {
        let ascii = pieces.filter(\.isPlainASCII)
        return (0..<Int(random.next() % UInt64(count) + 1)).map { _ in random.pick(ascii) + (random.next() % 3 == 0 ? "" : " ") }.joined()
    }

    @Test func wordRepairMatchesTheCharacterRule() {
        var random = SplitMix64(seed: 71)
        let lexicon = Lexicon(words: ["meeting", "board", "clean", "tech", "cluster", "region", "thus", "opportunity", "business", "ness"])
        var changed = 0
        for round in 0..<600 {
            let text = round % 2 == 0 ? Self.text(&random, count: 20) : Self.asciiText(&random, count: 20)
            let repair = WordRepair(vocabularyFrom: [text, "an Hub and cluster cluster"], lexicon: lexicon)
            var cache: [String: String] = [:], characterCache: [String: String] = [:]
            let expected = repair.repairByCharacters(text, cache: &characterCache)
            #expect(Array(repair.repair(text, cache: &cache).utf8) == Array(expected.utf8), "\(text.debugDescription)")
            if expected != text { changed += 1 }
        }
        // The texts did get repaired: the test compares repairs, not texts left alone.
        #expect(changed > 100, "\(changed) of 600 texts changed")
    }

    @Test func tokensThatMayNotChangeStayAsTheyAre() {
        var random = SplitMix64(seed: 73)
        let lexicon = Lexicon(words: ["meeting", "board", "clean", "tech", "cluster", "region", "thus"])
        let letters = Array("abcdeghilmnorstuABCRT.-".utf8)
        let repair = WordRepair(vocabularyFrom: ["cleantech cluster cluster Region Thus meeting meeting"], lexicon: lexicon)
        for _ in 0..<3000 {
            var token = (0..<Int(random.next() % 14 + 1)).map { _ in letters[Int(random.next() % UInt64(letters.count))] }
            if random.next() % 3 == 0 { token = Array(random.pick(["cleantechcluster", "meeting.Board", "Region.Thus", "board-meeting", "meetingboard"]).utf8) }
            guard let first = token.first, first != UInt8(ascii: ".") else { continue }
            token.withUnsafeBufferPointer { bytes in
                if !repair.repairASCIITokenMayChange(bytes) {
                    #expect(repair.repairASCIIToken(bytes) == String(decoding: bytes, as: UTF8.self), "\(String(decoding: bytes, as: UTF8.self))")
                }
            }
        }
    }

    @Test func plainTextLineRulesMatchTheCharacterRules() {
        var random = SplitMix64(seed: 79)
        var items = 0, labels = 0, headings = 0
        for round in 0..<4000 {
            let line = Substring(round % 2 == 0 ? Self.text(&random, count: 5) : Self.asciiText(&random, count: 5))
            #expect(line.readersTrimmingBlanks() == line.trimming(.blanks), "\(line.debugDescription)")
            let item = PlainTextReader.listItem(line), expectedItem = PlainTextReader.listItemByCharacters(line)
            #expect(item?.text == expectedItem?.text && item?.ordered == expectedItem?.ordered, "\(line.debugDescription)")
            #expect(PlainTextReader.isBareLabel(line) == PlainTextReader.isBareLabelByCharacters(line), "\(line.debugDescription)")
            #expect(PlainTextReader.isHeading(line) == PlainTextReader.isHeadingByCharacters(line), "\(line.debugDescription)")
            #expect(PlainTextReader.isShortCapitalLabel(String(line)) == PlainTextReader.isShortCapitalLabelByCharacters(String(line)),
                    "\(line.debugDescription)")
            #expect(IRCLineMatcher.hasShape(line).map { $0 == (IRCLogReader.message(String(line)) != nil) } ?? true, "\(line.debugDescription)")
            if expectedItem != nil { items += 1 }
            if PlainTextReader.isBareLabelByCharacters(line) { labels += 1 }
            if PlainTextReader.isHeadingByCharacters(line) { headings += 1 }
        }
        #expect(items > 100 && labels > 20 && headings > 20, "\(items) items, \(labels) labels, \(headings) headings")
    }

    @Test func joinedLinesMatchTheCharacterRule() {
        /// `joinLines` as the rule was written, character by character.
        func joinedByCharacters(_ lines: [Substring]) -> String {
            guard lines.count > 1 else { return lines.first.map(String.init) ?? "" }
            var out = ""
            for line in lines {
                if out.isEmpty { out += line; continue }
                out += out.hasSuffix("-") && out.dropLast().last?.isLetter == true && line.first?.isLowercase == true ? "\u{2060}" : " "
                out += line
            }
            return out
        }
        /// `PlainTextReader.joinLines` of `lines`, copied into one text to give it byte ranges.
        func joinedOnBytes(_ lines: [Substring]) -> String {
            var text = lines.joined(separator: "\n")
            var ranges: [Range<Int>] = [], start = 0
            for line in lines {
                ranges.append(start..<start + line.utf8.count)
                start += line.utf8.count + 1
            }
            let source = text
            return text.withUTF8 { bytes in
                PlainTextReader.joinLines(ranges, in: bytes) { range in
                    let from = source.utf8.index(source.startIndex, offsetBy: range.lowerBound)
                    return source[from..<source.utf8.index(from, offsetBy: range.count)]
                }
            }
        }
        var random = SplitMix64(seed: 83)
        for _ in 0..<2000 {
            let lines = (0..<Int(random.next() % 4 + 1)).map { _ in Substring(Self.text(&random, count: 3)) }
            #expect(joinedOnBytes(lines) == joinedByCharacters(lines), "\(lines)")
        }
    }

    @Test func ircNoiseAndPatternChecksMatchTheRules() throws {
        var random = SplitMix64(seed: 89)
        let substitution = try NSRegularExpression(pattern: #"^s([/|])(.+?)\1(.*?)(?:\1[gG]?)?\s*$"#)
        let isoDate = try NSRegularExpression(pattern: #"^((?:19|20)\d\d-\d\d-\d\d)"#)
        func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
            pattern.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
        }
        for round in 0..<4000 {
            let text = round % 2 == 0 ? Self.text(&random, count: 6) : Self.asciiText(&random, count: 6)
            #expect(IRCLogReader.isNoise(text) == IRCLogReader.isNoiseByCharacters(text), "\(text.debugDescription)")
            if matches(substitution, text) { #expect(IRCLogReader.mayBeSubstitution(text), "\(text.debugDescription)") }
            if matches(isoDate, text) { #expect(IRCLogReader.mayStartWithYear(text), "\(text.debugDescription)") }
        }
        for text in ["Q+", "ACK", "ack", "Zakim, next", "tom has JOINED #chan", "a  has   left", "x is NOW known as y", "s/a/b/", "s|a|b"] {
            #expect(IRCLogReader.isNoise(text) == IRCLogReader.isNoiseByCharacters(text), "\(text)")
        }
        #expect(IRCLogReader.mayBeSubstitution("s/old/new/") && IRCLogReader.mayStartWithYear("2020-03-10T15:59:33Z"))
    }

    @Test func utf8ValidityAndRewriteMatchTheStandardLibrary() {
        var random = SplitMix64(seed: 97)
        let alphabet: [[UInt8]] = [[0x61], [0x20], [0x0D], [0x0A], [0x00], [0xC2, 0xA0], [0xE2, 0x80, 0xAF], [0xEF, 0xBB, 0xBF],
                                   [0xC3, 0xA9], [0x65, 0xCC, 0x81], [0xE2, 0x81, 0xA0], [0xF0, 0x9F, 0x98, 0x80], [0xC2], [0x80],
                                   [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFF], [0xEF]]
        for _ in 0..<5000 {
            let bytes = (0..<Int(random.next() % 24)).flatMap { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            bytes.withUnsafeBufferPointer { buffer in
                let expected = String(validating: buffer, as: UTF8.self)
                #expect(TextDecoder.isValidUTF8(buffer) == (expected != nil), "\(bytes)")
                var warnings: [String] = [], expectedWarnings: [String] = []
                let text = TextDecoder.utf8Text(buffer, warnings: &warnings).map { TextDecoder.normalise($0, warnings: &warnings) }
                let reference = expected.map { TextDecoder.normalise($0, warnings: &expectedWarnings) }
                #expect(text.map { Array($0.utf8) } == reference.map { Array($0.utf8) } && warnings == expectedWarnings, "\(bytes)")
            }
        }
    }
}
