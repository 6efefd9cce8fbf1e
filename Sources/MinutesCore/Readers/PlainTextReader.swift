import Foundation

/// Reads plain text (including text extracted from PDFs, board minutes and e-mailed minutes).
///
/// Blank lines separate paragraphs; bullet characters (• · ▪ ◦ - * – o) and numbers
/// ("1.", "2)", "a.") start list items, whose indentation gives their depth;
/// lines that follow an item without a blank line continue it. Short upper-case lines
/// are headings. Words split or run together by PDF extraction are repaired by `WordRepair`.
public struct PlainTextReader: DocumentReader {
    /// Whether to repair PDF-extraction damage (joined words, lost hyphens).
    public var repairsWords: Bool

    /// Creates a reader; `repairsWords` turns on the PDF damage repair.
    public init(repairsWords: Bool = true) {
        self.repairsWords = repairsWords
    }

    /// Reads `text` into paragraphs, list items and headings.
    public func read(_ text: consuming String, baseURL: String?) -> BlockDocument {
        var blocks = Self.blocks(of: text)
        // The blocks hold copies of the lines: the text goes before word repair's tallies come.
        _ = consume text
        if repairsWords {
            let repair = WordRepair(vocabularyFrom: blocks.map(\.text))
            // One token cache for the document; each block's text is replaced as it is repaired (no second copy of all texts).
            var cache: [String: String] = [:]
            // Only the part of each text where the repairer may change something is looked at again.
            // (A text the repairer leaves as it is is not written back.)
            for i in blocks.indices where !repair.leavesAsItIs(textAt: i) {
                blocks[i].text = repair.repair(textAt: i, blocks[i].text, cache: &cache)
            }
        }
        return BlockDocument(blocks: blocks)
    }

    /// The paragraphs, list items and headings of `text`, before word repair.
    static func blocks(of text: String) -> [Block] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { blocks(of: text, bytes: $0) } ?? []
    }

    /// `blocks(of:)` with the text's UTF-8 bytes at hand: lines are byte ranges of `bytes`; a line becomes a
    /// `Substring` only where a rule must look at its characters, and a block's String is made once from the bytes.
    private static func blocks(of text: String, bytes: UnsafeBufferPointer<UInt8>) -> [Block] {
        let utf8 = text.utf8
        /// The characters at byte offsets `range` (scalar boundaries: line ends, ASCII bytes or a character rule's ends).
        func slice(_ range: Range<Int>) -> Substring {
            let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return text[from..<utf8.index(from, offsetBy: range.count)]
        }
        /// The byte offsets of a slice of `text`.
        func offsets(_ part: Substring) -> Range<Int> {
            let start = utf8.distance(from: utf8.startIndex, to: part.startIndex)
            return start..<start + part.utf8.count
        }
        func bytesOf(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
        /// `listItem(_:)` of the line at `range`: where its text starts and whether it is numbered.
        func listItem(at range: Range<Int>) -> (text: Range<Int>, ordered: Bool)? {
            let line = bytesOf(range)
            if UTF8Search.isPlainASCII(line) { return listItemASCII(line).map { (range.lowerBound + $0.textStart..<range.upperBound, $0.ordered) } }
            return Self.listItem(slice(range)).map { (offsets($0.text), $0.ordered) }
        }

        var blocks: [Block] = []
        var pending: [Range<Int>] = []
        var pendingKind: Block.Kind = .paragraph
        var pendingLevel = 0
        var pendingOrdered = false
        // Whether the open paragraph began with a bare label line ("Present:"), whose value is indented below it.
        var pendingLabel = false

        func flush() {
            guard !pending.isEmpty else { return }
            // A column of short lines under a bare label ("Directors Present:" then one name a line) is a list.
            // (The last block is read in place: a copy of it would retain its parts.)
            if pendingKind == .paragraph, !pendingLabel, let last = blocks.indices.last, blocks[last].kind == .paragraph,
               Self.isBareLabel(blocks[last].text), Self.isNameColumn(pending, in: bytes, slice: slice) {
                for line in pending { blocks.append(Block(.listItem, String(decoding: bytesOf(line), as: UTF8.self))) }
                pending.removeAll(keepingCapacity: true)
                pendingLevel = 0
                pendingOrdered = false
                return
            }
            let joined = Self.joinLines(pending, in: bytes, slice: slice)
            if !joined.isEmpty {
                blocks.append(Block(pendingKind, joined, level: pendingLevel, ordered: pendingOrdered,
                                    links: LinkScanner.links(in: joined)))
            }
            // The line list keeps its room for the next block.
            pending.removeAll(keepingCapacity: true)
            pendingKind = .paragraph
            pendingLevel = 0
            pendingOrdered = false
            pendingLabel = false
        }

        for line in PlainTextLineRanges(bytes, omittingEmpty: false) {
            let trimmed = PlainTextLines.trimmedBlanks(in: bytes, line) ?? offsets(slice(line).trimming(.blanks))
            if trimmed.isEmpty { flush(); continue }
            let indent = indentationASCII(bytesOf(line)) ?? indentation(of: slice(line))
            let firstByte = bytes[trimmed.lowerBound]
            // E-mailed minutes: "Present:" alone on a line, its value on indented lines below;
            // the next unindented line starts a new block.
            if indent == 0, pendingLabel { flush() }
            if indent == 0, bytes[trimmed.upperBound - 1] == UInt8(ascii: ":"), Self.isBareLabel(bytes: bytesOf(trimmed), slice(trimmed)) {
                flush()
                pending.append(trimmed)
                pendingLabel = true
                continue
            }
            // A short "Label: value" line ("PRESENT: Councillor A (Chair)") is complete: an unindented
            // capitalised line after it starts a new block rather than wrapping it.
            if indent == 0, pendingKind == .paragraph, pending.count == 1, let first = pending.first,
               Self.hasFewerThan50Characters(bytesOf(first), slice(first)),
               firstByte < 0x80 ? firstByte.isASCIIUppercase : TextRules.startsUppercase(slice(trimmed)),
               bytes[first].contains(UInt8(ascii: ":")), TextRules.labelled(String(decoding: bytesOf(first), as: UTF8.self)) != nil {
                flush()
            }
            // "In attendance: …", "RESOLVED: That …", "ACTION: X to …" open a block of their own even where
            // the minutes put no blank line before them.
            if indent == 0, !pending.isEmpty, Self.startsLabelledLine(bytes: bytesOf(trimmed), slice(trimmed)) {
                flush()
            }
            let second = trimmed.count > 1 ? bytes[trimmed.lowerBound + 1] : 0
            if Self.mayStartListItem(firstByte, second), let item = listItem(at: trimmed) {
                flush()
                pending.append(item.text)
                pendingKind = .listItem
                pendingLevel = min(indent / 2, 6)
                pendingOrdered = item.ordered
            } else if Self.isHeading(bytes: bytesOf(trimmed), slice(trimmed)),
                      pending.isEmpty || pendingKind != .listItem {
                flush()
                blocks.append(Block(.heading, String(decoding: bytesOf(trimmed), as: UTF8.self), level: 2))
            } else {
                pending.append(trimmed)
            }
        }
        flush()
        return blocks
    }

    /// The width of the spaces and tabs that start `line` (a tab counts four).
    static func indentation(of line: Substring) -> Int {
        if let width = line.utf8.withContiguousStorageIfAvailable(indentationASCII), let width { return width }
        let blanks: Substring = line.prefix { $0 == " " || $0 == "\t" }
        return blanks.reduce(0) { (width: Int, blank: Character) in width + (blank == "\t" ? 4 : 1) }
    }

    /// `indentation(of:)` on a line's bytes, or nil when a non-ASCII scalar (a combining mark) follows the blanks:
    /// it may join the last blank into a character that is no blank.
    static func indentationASCII(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var width = 0
        for byte in line {
            switch byte {
            case 0x20: width += 1
            case 0x09: width += 4
            default: return byte >= 0x80 && width > 0 ? nil : width
            }
        }
        return width
    }

    /// A line that starts with a bullet or a list number; returns the text after the marker.
    static func listItem(_ line: Substring) -> (text: Substring, ordered: Bool)? {
        // Most lines start with an ASCII character that begins no marker; it is a whole character when ASCII follows.
        if let byte = line.utf8.first, !mayStartListItem(byte, line.utf8.dropFirst().first ?? 0) { return nil }
        if let answer = line.withPlainASCIIBytes(listItemASCII) {
            return answer.map { (line[line.utf8.index(line.utf8.startIndex, offsetBy: $0.textStart)...], $0.ordered) }
        }
        return listItemByCharacters(line)
    }

    /// `listItemByCharacters(_:)` on the bytes of a plain-ASCII line (one byte a character, where the only bullets are
    /// "-", "*" and "o" and the only numbers the digits): where the text after the marker starts, or nil.
    static func listItemASCII(_ line: UnsafeBufferPointer<UInt8>) -> (textStart: Int, ordered: Bool)? {
        func isBlank(_ index: Int) -> Bool { index < line.count && (line[index] == 0x20 || line[index] == 0x09) }
        /// The text after the blanks from `index`, when there is any.
        func text(from index: Int) -> Int? {
            var start = index
            while isBlank(start) { start += 1 }
            return start < line.count ? start : nil
        }
        guard let first = line.first else { return nil }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "o") {
            guard isBlank(1) else { return nil }
            return text(from: 2).map { ($0, false) }
        }
        // "1." "12)" "a)" "(3)" — a short marker, then a space.
        var markerEnd = 0
        while markerEnd < line.count, line[markerEnd].isASCIIDigit || line[markerEnd] == UInt8(ascii: "(") { markerEnd += 1 }
        if markerEnd == 0, first.isASCIILowercase, line.count > 2 { markerEnd = 1 }
        guard markerEnd > 0, markerEnd <= 3, markerEnd < line.count,
              line[markerEnd] == UInt8(ascii: ".") || line[markerEnd] == UInt8(ascii: ")"), isBlank(markerEnd + 1) else { return nil }
        return text(from: markerEnd + 2).map { ($0, true) }
    }

    /// The rule of `listItem(_:)` character by character.
    static func listItemByCharacters(_ line: Substring) -> (text: Substring, ordered: Bool)? {
        guard let first = line.first else { return nil }
        if bullets.contains(first) {
            let rest = line.dropFirst()
            guard let next = rest.first, next == " " || next == "\t" else { return nil }
            let text = rest.drop { $0 == " " || $0 == "\t" }
            return text.isEmpty ? nil : (text, false)
        }
        // "1." "12)" "a)" "(3)" — a short marker, then a space.
        var marker = line.prefix { $0.isNumber || $0 == "(" }
        if marker.isEmpty, let letter = line.first, letter.isLowercase, line.count > 2 { marker = line.prefix(1) }
        guard !marker.isEmpty, marker.count <= 3 else { return nil }
        let afterMarker = line.dropFirst(marker.count)
        guard let punct = afterMarker.first, punct == "." || punct == ")" else { return nil }
        let rest = afterMarker.dropFirst()
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        let text = rest.drop { $0 == " " || $0 == "\t" }
        return text.isEmpty ? nil : (text, true)
    }

    /// Whether a line whose first two bytes are `first` and `second` (0 for none) may start with a list marker: not
    /// when it starts with an ASCII character that begins no marker (a whole character when ASCII follows), nor when
    /// an ASCII second byte starts a character no marker of that shape has second: a blank after a bullet ("-", "*",
    /// "o"), "." or ")" after a letter, a digit, "(", "." or ")" after a digit or "(". (Lower-case letters begin most
    /// wrapped lines, which the marker test then skips.)
    static func mayStartListItem(_ first: UInt8, _ second: UInt8) -> Bool {
        if first >= 0x80 || second >= 0x80 { return true }
        guard isMarkerStart(first) else { return false }
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "o"):
            return second == 0x20 || second == 0x09
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            return second == UInt8(ascii: ".") || second == UInt8(ascii: ")")
        default:
            return second.isASCIIDigit || second == UInt8(ascii: "(") || second == UInt8(ascii: ".") || second == UInt8(ascii: ")")
        }
    }

    /// A line that starts with an attendance or findings label ("Apologies:", "In attendance:", "RESOLVED:",
    /// "ACTION:", "MOTION:") or with any upper-case label of one or two words.
    static func startsLabelledLine(_ line: Substring) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { startsLabelledLine(bytes: $0, line) } ?? startsLabelledLineByLabel(line)
    }

    /// `startsLabelledLine(_:)` of `line`, whose UTF-8 is `bytes`. A label's colon is among the first 64 bytes after the
    /// emphasis `TextRules.labelled` skips, and a line that starts with A–Z starts with none: a line with no colon there
    /// is no label, and neither the line nor a String of it is made.
    static func startsLabelledLine(bytes: UnsafeBufferPointer<UInt8>, _ line: @autoclosure () -> Substring) -> Bool {
        guard let firstByte = bytes.first, firstByte >= 0x41, firstByte <= 0x5A,
              UnsafeBufferPointer(rebasing: bytes.prefix(64)).contains(UInt8(ascii: ":")) else { return false }
        return startsLabelledLineByLabel(line())
    }

    /// The rule of `startsLabelledLine(_:)`, with the label found by `TextRules.labelled`.
    private static func startsLabelledLineByLabel(_ line: Substring) -> Bool {
        guard let firstByte = line.utf8.first, firstByte >= 0x41, firstByte <= 0x5A, let (label, _) = TextRules.labelled(String(line)) else { return false }
        let lower = label.lowercased()
        // A "TODO:" inside pasted report text is a note in that report, not a line of the minutes.
        if lower == "todo" || lower == "to do" { return false }
        // (The byte test first: the vocabularies are asked only about the other labels.)
        return isShortCapitalLabel(label) || Vocabulary.attendanceLabel(label) != nil || FindingExtractor.labelKind(label) != nil
    }

    /// A label of one or two words in capitals, with three letters or more ("AOB", "NEXT STEPS").
    static func isShortCapitalLabel(_ label: String) -> Bool {
        label.withPlainASCIIBytes(isShortCapitalLabelASCII) ?? isShortCapitalLabelByCharacters(label)
    }

    /// `isShortCapitalLabelByCharacters(_:)` on the bytes of a plain-ASCII label, where the letters are A–Z and a–z
    /// and the words are the runs between space bytes.
    static func isShortCapitalLabelASCII(_ label: UnsafeBufferPointer<UInt8>) -> Bool {
        var capitals = 0, words = 0, previous = UInt8(ascii: " ")
        for byte in label {
            if byte.isASCIILowercase { return false }
            if byte.isASCIIUppercase { capitals += 1 }
            if byte != 0x20, previous == 0x20 { words += 1 }
            previous = byte
        }
        return capitals >= 3 && words <= 2
    }

    /// The rule of `isShortCapitalLabel(_:)` character by character.
    static func isShortCapitalLabelByCharacters(_ label: String) -> Bool {
        let letters = label.filter(\.isLetter)
        return letters.count >= 3 && label.split(separator: " ").count <= 2 && letters.allSatisfy(\.isUppercase)
    }

    /// Whether an ASCII first character may begin a marker: an ASCII bullet ("-", "*", "o"), a digit or "(" of a
    /// list number, or a lower-case letter ("a)").
    private static func isMarkerStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "("), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            return true
        default:
            return false
        }
    }

    /// Characters that mark a bulleted list item.
    private static let bullets: Set<Character> = ["•", "·", "▪", "◦", "‣", "-", "*", "–", "—", "o", "■", "□", "●", "\u{F0B7}", "➢", "►"]

    /// `isBareLabel(_:)` of `line`, whose UTF-8 is `bytes`: a plain-ASCII line (see `UTF8Search.isPlainASCII`) is judged
    /// on its bytes, with no `Substring` made.
    static func isBareLabel(bytes: UnsafeBufferPointer<UInt8>, _ line: @autoclosure () -> Substring) -> Bool {
        guard bytes.last == UInt8(ascii: ":") else { return false }
        return UTF8Search.isPlainASCII(bytes) ? isBareLabelASCII(bytes) : isBareLabelByCharacters(line())
    }

    /// A line that is only a short label: "Present:", "Agenda:", "Scribe:".
    static func isBareLabel<Line: StringProtocol>(_ line: Line) -> Bool where Line.UTF8View: BidirectionalCollection {
        // The last character is ":" only where the last byte is (no other character is canonically equivalent to it).
        guard line.utf8.last == UInt8(ascii: ":") else { return false }
        return line.withPlainASCIIBytes(isBareLabelASCII) ?? isBareLabelByCharacters(line)
    }

    /// `isBareLabelByCharacters(_:)` on the bytes of a plain-ASCII line, where the letters are A–Z and a–z.
    static func isBareLabelASCII(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.last == UInt8(ascii: ":"), line.count <= 30, let first = line.first, WordRepair.isASCIILetter(first) else { return false }
        return line.dropLast().allSatisfy { byte in
            WordRepair.isASCIILetter(byte) || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
        }
    }

    /// The rule of `isBareLabel(_:)` character by character.
    static func isBareLabelByCharacters<Line: StringProtocol>(_ line: Line) -> Bool {
        guard line.hasSuffix(":"), line.dropFirst(30).isEmpty, let first = line.first, first.isLetter else { return false }
        return line.dropLast().allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "(" || $0 == ")" }
    }

    /// Short lines (≤ 80 characters), none ending like a sentence: a column of names or items.
    static func isNameColumn(_ lines: [Substring]) -> Bool {
        (lines.count >= 2 || (lines.count == 1 && !lines[0].contains(","))) && lines.allSatisfy(isColumnLine)
    }

    /// A line of `isNameColumn(_:)`: at most 80 characters and 12 words, starting upper-case, not ending in "." or ",".
    static func isColumnLine(_ line: Substring) -> Bool {
        (line.utf8.count <= 80 || line.dropFirst(80).isEmpty) && wordCount(line) <= 12 && !line.hasSuffix(".") && !line.hasSuffix(",")
            && line.first?.isUppercase == true
    }

    /// `isNameColumn(_:)` of the lines at byte ranges `lines` of `bytes`; `slice` gives a line's characters. A plain-ASCII
    /// line (see `UTF8Search.isPlainASCII`: one byte a character) is judged on its bytes (`isColumnLineASCII`).
    static func isNameColumn(_ lines: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>, slice: (Range<Int>) -> Substring) -> Bool {
        func isPlainASCII(_ range: Range<Int>) -> Bool { UTF8Search.isPlainASCII(UnsafeBufferPointer(rebasing: bytes[range])) }
        if lines.count == 1 {
            // Only a "," byte can be (or belong to a character that holds) a ",".
            let hasComma = bytes[lines[0]].contains(UInt8(ascii: ",")) && (isPlainASCII(lines[0]) || slice(lines[0]).contains(","))
            if hasComma { return false }
        }
        return !lines.isEmpty && lines.allSatisfy { line in
            isPlainASCII(line) ? isColumnLineASCII(UnsafeBufferPointer(rebasing: bytes[line])) : isColumnLine(slice(line))
        }
    }

    /// `isColumnLine(_:)` of a plain-ASCII line's bytes, each a character: at most 80 bytes and 12 runs of non-space
    /// bytes, an upper-case first byte (A–Z, the only upper-case ASCII characters), a last byte other than "." and ",".
    static func isColumnLineASCII(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count <= 80, let first = line.first, let last = line.last, first.isASCIIUppercase,
              last != UInt8(ascii: "."), last != UInt8(ascii: ",") else { return false }
        return wordCountASCII(line) <= 12
    }

    /// Whether the line at `bytes` (`line`'s UTF-8) has fewer than 50 characters: in plain ASCII (see
    /// `UTF8Search.isPlainASCII`) each byte is one; otherwise the characters are counted up to the 50th.
    static func hasFewerThan50Characters(_ bytes: UnsafeBufferPointer<UInt8>, _ line: @autoclosure () -> Substring) -> Bool {
        if bytes.count < 50 { return true }
        return UTF8Search.isPlainASCII(bytes) ? false : line().dropFirst(49).isEmpty
    }

    /// The number of words between spaces (`split(separator: " ").count`), counted on bytes in ASCII lines.
    static func wordCount(_ line: Substring) -> Int {
        guard line.utf8.allSatisfy({ $0 < 0x80 }) else { return line.split(separator: " ").count }
        return line.utf8.withContiguousStorageIfAvailable(wordCountASCII) ?? Array(line.utf8).withUnsafeBufferPointer(wordCountASCII)
    }

    /// `wordCount(_:)` of an ASCII line's bytes: the runs of bytes other than space.
    static func wordCountASCII(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0, inWord = false
        for byte in line {
            if byte == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// A short line written in capitals, such as "PRESENT:" or "MINUTES OF THE MEETING".
    static func isHeading(_ line: Substring) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { isHeading(bytes: $0, line) } ?? isHeadingByCharacters(line)
    }

    /// `isHeading(_:)` of `line`, whose UTF-8 is `bytes`: a plain-ASCII line (see `UTF8Search.isPlainASCII`) is judged
    /// on its bytes (`isHeadingASCII`), with no `Substring` made.
    static func isHeading(bytes: UnsafeBufferPointer<UInt8>, _ line: @autoclosure () -> Substring) -> Bool {
        guard bytes.count <= 320, !bytes.contains(where: \.isASCIILowercase) else { return false }
        return UTF8Search.isPlainASCII(bytes) ? isHeadingASCII(bytes) : isHeadingByCharacters(line())
    }

    /// `isHeadingByCharacters(_:)` on the bytes of a plain-ASCII line, where the letters are A–Z and a–z.
    static func isHeadingASCII(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count <= 80, !line.contains(UInt8(ascii: ",")) else { return false }
        var capitals = 0
        for byte in line {
            if byte.isASCIILowercase { return false }
            if byte.isASCIIUppercase { capitals += 1 }
        }
        return capitals >= 4
    }

    /// The rule of `isHeading(_:)` character by character.
    static func isHeadingByCharacters(_ line: Substring) -> Bool {
        guard line.utf8.count <= 320, !line.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        let letters = line.filter(\.isLetter)
        guard letters.count >= 4, line.count <= 80 else { return false }
        return letters.allSatisfy { $0.isUppercase || !$0.isCased } && !line.contains(",")
    }

    /// Joins the wrapped lines at byte ranges `lines` of `bytes` with spaces, written straight into a String sized
    /// once; a line ending in a hyphen after a letter joins the next without a space ("busi-" + "ness"), which
    /// `WordRepair` later judges. `slice` gives a line's characters where the hyphen rule must look at them.
    static func joinLines(_ lines: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>, slice: (Range<Int>) -> Substring) -> String {
        guard lines.count > 1 else { return lines.first.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) } ?? "" }
        // A separator takes at most 3 bytes.
        return String(unsafeUninitializedCapacity: lines.reduce(0) { $0 + $1.count + 3 }) { buffer -> Int in
            var written = 0
            for line in lines {
                if written > 0 {
                    // Only a text whose last byte is "-" can end in the character "-" (no other is canonically
                    // equivalent to it): only then are the characters looked at.
                    let joins = buffer[written - 1] == UInt8(ascii: "-")
                        && joinsAtHyphen(String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[..<written]), as: UTF8.self), slice(line))
                    // A word joiner (E2 81 A0) marks a line-break hyphen for WordRepair.
                    if joins {
                        buffer[written] = 0xE2
                        buffer[written + 1] = 0x81
                        buffer[written + 2] = 0xA0
                        written += 3
                    } else {
                        buffer[written] = UInt8(ascii: " ")
                        written += 1
                    }
                }
                written += UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(fromContentsOf: bytes[line])
            }
            return written
        }
    }

    /// Whether `line` joins `text` without a space: `text` ends in a hyphen after a letter ("busi-") and `line` starts
    /// lower-case ("ness").
    static func joinsAtHyphen(_ text: String, _ line: Substring) -> Bool {
        guard text.hasSuffix("-"), line.first?.isLowercase == true else { return false }
        return text[..<text.index(before: text.endIndex)].last?.isLetter == true
    }
}
