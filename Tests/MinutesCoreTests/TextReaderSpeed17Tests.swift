import Foundation
import Testing
@testable import MinutesCore

/// The plain-text reader's byte shortcuts must answer exactly as the character rules they stand for, around
/// combining marks, CR LF and other Unicode that behaves differently on bytes.
@Suite("Plain-text reader fast paths")
struct TextReaderSpeed17Tests {
    /// Pieces of random lines: the words, marks and punctuation the rules look at, and Unicode that joins bytes.
    static let pieces = [" ", " ", "  ", "\t", ",", ".", ":", "-", "(", ")", "*", "_", "Present", "Jane", "Smith", "and", "of",
                         "ACTION", "Regrets", "TODO", "Chair", "x", "Q", "A", "z", "1", "12", "\u{301}", "é", "e\u{301}", "\u{600}",
                         "\r", "\r\n", "ß", "👩‍💻", "İ", "–", "’", "a very long run of words that goes on and on", "ÉCOLE"]

    /// The byte offsets of each of `lines` once they are joined with LF into `text`.
    static func ranges(of lines: [String]) -> [Range<Int>] {
        var start = 0
        return lines.map { line in
            defer { start += line.utf8.count + 1 }
            return start..<start + line.utf8.count
        }
    }

    /// Calls `body` with random lines (no LF, none ending in CR, which the reader's lines never split from an LF), their
    /// text joined with LF, its bytes, the lines' byte ranges and the reader's way of slicing a range.
    static func forRandomLines(seed: UInt64, _ body: ([Range<Int>], UnsafeBufferPointer<UInt8>, (Range<Int>) -> Substring) -> Void) {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 4)
            let lines = (0..<count).map { _ in generator.text(of: pieces, maxPieces: 14).replacingOccurrences(of: "\n", with: " ") }
            guard !lines.contains(where: { $0.utf8.last == 0x0D }) else { continue }
            let text = lines.joined(separator: "\n")
            let utf8 = text.utf8
            func slice(_ range: Range<Int>) -> Substring {
                let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                return text[from..<utf8.index(from, offsetBy: range.count)]
            }
            // The bytes are read from a copy: `slice` reads `text` while they are at hand.
            var copy = text
            copy.withUTF8 { bytes in body(ranges(of: lines), bytes, slice) }
        }
    }

    @Test func nameColumnOnBytesIsTheCharacterRule() {
        Self.forRandomLines(seed: 17) { ranges, bytes, slice in
            let lines = ranges.map(slice)
            #expect(PlainTextReader.isNameColumn(ranges, in: bytes, slice: slice) == PlainTextReader.isNameColumn(lines),
                    "\(lines)")
        }
    }

    @Test func fewerThan50CharactersIsTheCharacterCount() {
        Self.forRandomLines(seed: 18) { ranges, bytes, slice in
            for range in ranges {
                let line = slice(range)
                #expect(PlainTextReader.hasFewerThan50Characters(UnsafeBufferPointer(rebasing: bytes[range]), line) == (line.count < 50),
                        "\(line)")
            }
        }
    }

    @Test func wordCountOnBytesIsTheSplitCount() {
        Self.forRandomLines(seed: 19) { ranges, _, slice in
            for line in ranges.map(slice) { #expect(PlainTextReader.wordCount(line) == line.split(separator: " ").count, "\(line)") }
        }
    }

    @Test func bareLabelAndHeadingOnBytesAreTheCharacterRules() {
        let pieces = Self.pieces + ["Present:", "AGENDA", "MINUTES OF THE MEETING", "(s)", "Directors Present", ":"]
        var generator = SplitMix64(seed: 22)
        for _ in 0..<20_000 {
            var text = generator.text(of: pieces, maxPieces: 8)
            let line = Substring(text)
            let (bareLabel, heading) = text.withUTF8 { bytes in
                (PlainTextReader.isBareLabel(bytes: bytes, line), PlainTextReader.isHeading(bytes: bytes, line))
            }
            #expect(bareLabel == (line.hasSuffix(":") && PlainTextReader.isBareLabelByCharacters(line)), "\(line)")
            #expect(heading == PlainTextReader.isHeadingByCharacters(line), "\(line)")
        }
    }

    @Test func listItemMarkersMatchTheCharacterRule() {
        let pieces = ["-", "*", "o", "•", "a", "b", "z", "A", "1", "12", "(", ")", ".", " ", "\t", "x", "\u{301}", "é", "٣", "\r\n",
                      "item", "ok", "3"]
        var items = 0
        forRandomTexts(of: pieces, seed: 24, maxPieces: { _ in 7 }) { text in
            let line = Substring(text)
            let item = PlainTextReader.listItem(line), expected = PlainTextReader.listItemByCharacters(line)
            #expect(item?.text == expected?.text && item?.ordered == expected?.ordered, "\(line.debugDescription)")
            if expected != nil { items += 1 }
        }
        #expect(items > 100)
    }

    /// `startsLabelledLine(_:)` as it was written before its colon shortcut.
    static func startsLabelledLineAsWritten(_ line: Substring) -> Bool {
        guard let firstByte = line.utf8.first, firstByte >= 0x41, firstByte <= 0x5A, let (label, _) = TextRules.labelled(String(line)) else { return false }
        let lower = label.lowercased()
        if lower == "todo" || lower == "to do" { return false }
        if Vocabulary.attendanceLabel(label) != nil || FindingExtractor.labelKind(label) != nil { return true }
        return PlainTextReader.isShortCapitalLabel(label)
    }

    @Test func labelledLineShortcutIsTheRule() {
        let pieces = Self.pieces + ["RESOLVED", "In attendance", "Apologies", "NEXT STEPS", "AOB", ": ", "**"]
        forRandomTexts(of: pieces, seed: 20, maxPieces: { $0 % 3 == 0 ? 40 : 10 }) { text in
            let line = Substring(text)
            #expect(PlainTextReader.startsLabelledLine(line) == Self.startsLabelledLineAsWritten(line), "\(text)")
        }
    }
}

/// The packed function-word table must answer as `Lexicon.functionWords`.
@Suite("Word repair function-word table")
struct WordRepairFunctionWordTests {
    @Test func packedTableIsTheFunctionWordSet() {
        let letters = ["a", "n", "s", "t", "o", "f", "h", "e", "w", "i", "d", "b", "r", "u", "y", "c", "x"]
        var checked = 0
        forRandomTexts(of: letters, seed: 21, count: 50_000, maxPieces: { $0 % 2 == 0 ? 5 : 11 }) { piece in
            var bytes = piece
            let expected = Lexicon.functionWords.contains(piece)
            bytes.withUTF8 { #expect(WordRepair.isFunctionWord($0) == expected, "\(piece)") }
            if expected { checked += 1 }
        }
        for word in Lexicon.functionWords {
            var word = word
            word.withUTF8 { #expect(WordRepair.isFunctionWord($0)) }
        }
        #expect(checked > 0)
    }
}

/// The IRC sniffer's shortcut: a line `mayBeLogLine` turns away is no log line, by the byte scan or the patterns.
@Suite("IRC sniffer shortcut")
struct IRCSnifferShortcutTests {
    @Test func linesThatMayNotBeLogLinesHaveNoShape() {
        let pieces = ["[", "]", "12:30", "9:05:33", "2024-01-05 ", ".123", "Z", " ", "\t", "<", ">", "@", "nick", "***", "-!-", "-->",
                      "text", ":", "1", "x", "\u{661}", "\u{662}", "é", "\u{301}", "\r", "\u{A0}", "\u{FF1C}"]
        var checked = 0
        forRandomTexts(of: pieces, seed: 23, maxPieces: { _ in 10 }) { line in
            var bytes = line
            guard !bytes.withUTF8({ IRCLogReader.mayBeLogLine($0) }) else { return }
            checked += 1
            #expect(IRCLogReader.message(line) == nil, "\(line.debugDescription)")
            #expect(IRCLogReader.messageByPatterns(line) == nil, "\(line.debugDescription)")
            #expect(IRCLogReader.mayBeLogLine(line) == false)
        }
        #expect(checked > 1_000)
    }

    @Test func namesWithoutTwoUnderscoresHaveNoBridgeSuffix() {
        let pieces = ["_", "__", "a", "Bob", "W3C", "X", "&", "1", " ", "é", "\u{301}", "\u{FF3F}", "-", "Z_"]
        var matched = 0
        forRandomTexts(of: pieces, seed: 26, maxPieces: { _ in 8 }) { text in
            let match = IRCLogReader.bridgeSuffix.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length))
            if match != nil { matched += 1 }
            #expect(IRCLogReader.mayHaveBridgeSuffix(text) || match == nil, "\(text.debugDescription)")
        }
        #expect(matched > 100)
    }
}

/// The IRC line matcher's eight-bytes-at-a-time test for line-break bytes must answer as a byte loop.
@Suite("IRC line-break bytes")
struct IRCLineBreakBytesTests {
    @Test func wordTestIsTheByteLoop() {
        var generator = SplitMix64(seed: 27)
        for _ in 0..<50_000 {
            let count = Int(generator.next() % 40)
            // ASCII bytes, most of them near the line breaks (0x08–0x0F) so that every neighbour of the range is met.
            let bytes: [UInt8] = (0..<count).map { _ in
                let value = generator.next()
                return value % 3 == 0 ? UInt8(0x08 + (value >> 8) % 8) : UInt8((value >> 8) % 128)
            }
            let expected = bytes.contains { $0 >= 0x0A && $0 <= 0x0D }
            bytes.withUnsafeBufferPointer { #expect(IRCLineMatcher.holdsLineBreakASCII($0) == expected, "\(bytes)") }
        }
    }
}
