import Foundation
import Testing
@testable import MinutesCore

/// The Markdown walker's byte-level rules (`MarkdownText`) must answer exactly as the `String` rules
/// they stand for, around Unicode white space, combining and prepended marks, CR LF and long lines too.
@Suite("Markdown text on bytes")
struct MarkdownTextTests {
    /// Pieces that random texts are made of: ASCII white space and controls, every kind of white
    /// space beyond ASCII, bytes that share their lead with it, marks, and the characters the rules look for.
    static let pieces = [" ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{0}", "\u{1}",
                         "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2007}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}",
                         "\u{202F}", "\u{205F}", "\u{3000}", "\u{3001}", "\u{A9}", "\u{1681}", "\u{2010}", "’", "—", "…", "€",
                         "\u{301}", "e\u{301}", "\u{600}", "İ", "K", "ß", "👩‍💻", "é",
                         "word", "Label", ":", "{", "}", "{:", ".", "#", "<", ">", "br", "BR", "Br", "b", "r", "<br", "<BR>", "-", "x"]

    static func randomText(_ generator: inout SplitMix64, maxPieces: UInt64 = 24) -> String {
        generator.text(of: pieces, maxPieces: maxPieces)
    }

    /// Runs `body` on many random texts, some longer than the 60 characters a label is looked for in.
    static func forRandomTexts(seed: UInt64, count: Int = 20_000, _ body: (String) -> Void) {
        MinutesCoreTests.forRandomTexts(of: pieces, seed: seed, count: count, maxPieces: { $0 % 4 == 0 ? 90 : 24 }, body)
    }

    /// `body` run on the UTF-8 bytes of `text`.
    static func onBytes<T>(_ text: String, _ body: (MarkdownText.Bytes) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer { body($0[...]) }
    }

    /// Whether `text` holds a white-space scalar beyond ASCII.
    static func holdsNonASCIISpace(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value > 0x7F && $0.properties.isWhitespace }
    }

    @Test func collapsedIsCollapseWhitespace() {
        Self.forRandomTexts(seed: 11) { text in
            #expect(Self.onBytes(text, MarkdownText.collapsed) == TextRules.collapseWhitespace(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func bytesAreCollapsedUnlessTheyHoldWhiteSpaceBeyondASCII() {
        Self.forRandomTexts(seed: 12) { text in
            let collapsed = Self.onBytes(text, MarkdownText.collapsedOnBytes)
            #expect((collapsed == nil) == Self.holdsNonASCIISpace(text), "\(Array(text.unicodeScalars))")
            if let collapsed { #expect(collapsed == TextRules.collapseWhitespace(text), "\(Array(text.unicodeScalars))") }
        }
    }

    @Test func everyWhiteSpaceBeyondASCIIIsSeenOnItsBytes() {
        // All white space lies in the first plane, where every scalar is tried on its bytes.
        let planes = (UInt32(0x10000)...0x10FFFF).compactMap(Unicode.Scalar.init)
        #expect(!planes.contains { $0.properties.isWhitespace })
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            #expect((Self.onBytes(text, MarkdownText.collapsedOnBytes) == nil) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    /// A paragraph's text is its lines, each collapsed, joined with a space and collapsed again; the
    /// walker collapses the lines joined by a line feed at once when none holds white space beyond ASCII.
    @Test func linesCollapsedAtOnceAreTheLinesCollapsedOneByOneAndJoined() {
        var generator = SplitMix64(seed: 13)
        for _ in 0..<10_000 {
            let lines = (0..<Int(1 + generator.next() % 4)).map { _ in Self.randomText(&generator, maxPieces: 8) }
            let expected = TextRules.collapseWhitespace(lines.map(TextRules.collapseWhitespace).joined(separator: " "))
            let atOnce = Self.onBytes(lines.joined(separator: "\n"), MarkdownText.collapsedOnBytes)
            #expect((atOnce == nil) == lines.contains(where: Self.holdsNonASCIISpace), "\(lines)")
            if let atOnce { #expect(atOnce == expected, "\(lines)") }
        }
    }

    @Test func labelColonIsFoundAsInTheFirstSixtyCharacters() {
        Self.forRandomTexts(seed: 14) { text in
            let line = TextRules.collapseWhitespace(text)
            #expect(MarkdownText.labelColonOpens(line) == line.prefix(60).contains(":"), "\(Array(line.unicodeScalars))")
        }
        let long = String(repeating: "x", count: 59)
        for tail in [":", ":\u{301}", "e:", "\u{301}:", ": x", "é:"] {
            let line = long + tail
            #expect(MarkdownText.labelColonOpens(line) == line.prefix(60).contains(":"), "\(tail)")
        }
    }

    @Test func lineBreakTagIsToldAsOnTheLowerCasedText() {
        Self.forRandomTexts(seed: 15) { text in
            let html = "<" + text
            for candidate in [text, html] {
                let expected = candidate.lowercased().hasPrefix("<br")
                // A C string ends at its first NUL, as cmark-gfm's literals do.
                let answer = candidate.withCString { pointer in
                    MarkdownText.opensLineBreakTag(pointer) == String(cString: pointer).lowercased().hasPrefix("<br")
                }
                #expect(answer, "\(Array(candidate.unicodeScalars)) \(expected)")
            }
        }
    }

    @Test func blankIsToldAsByTheStringRule() {
        Self.forRandomTexts(seed: 16) { text in
            #expect(Self.onBytes(text, MarkdownText.isBlank) == TextRules.isBlank(text), "\(Array(text.unicodeScalars))")
        }
        for text in [" \u{600}", "\u{600} x", "\u{A0}\u{301}", " \u{2003}\r\n", "\u{85}x"] {
            #expect(Self.onBytes(text, MarkdownText.isBlank) == TextRules.isBlank(text), "\(Array(text.unicodeScalars))")
        }
    }

    /// The walker keeps a line's answer once it is not blank: text appended never makes it blank.
    @Test func aLineThatIsNotBlankStaysSoAsTextIsAppended() {
        var generator = SplitMix64(seed: 17)
        for _ in 0..<20_000 {
            let line = Self.randomText(&generator, maxPieces: 6)
            guard !TextRules.isBlank(line) else { continue }
            let more = Self.randomText(&generator, maxPieces: 6)
            #expect(!TextRules.isBlank(line + more), "\(Array(line.unicodeScalars)) + \(Array(more.unicodeScalars))")
        }
    }

    @Test func extensionNodeTypesAreToldByTheirName() {
        for (name, type) in MarkdownNodeType.byName {
            #expect(name.description.withCString(MarkdownNodeType.init(typeName:)) == type, "\(name)")
        }
        for unknown in ["", "strikethrough", "tabl", "table_cells", "Table", "tasklist "] {
            #expect(unknown.withCString(MarkdownNodeType.init(typeName:)) == .other, "\(unknown)")
        }
    }

    /// Paragraph texts with white space beyond ASCII take the `String` rule line by line.
    @Test func paragraphsWithUnicodeSpaceAreCollapsedLineByLine() {
        let lines = ["**Date:**\u{A0}2024-01-02", "**Chair:** Ann\u{2003}Lee", "plain \u{3000} text"]
        let doc = MarkdownReader().read(lines.joined(separator: "\n") + "\n", baseURL: nil)
        #expect(doc.blocks.map(\.text) == ["Date: 2024-01-02", "Chair: Ann Lee", "plain text"])
        let single = MarkdownReader().read("One\u{A0} two\nthree\u{2009}\u{301}four [a\u{A0}link](https://example.org/)\n", baseURL: nil)
        let expected = TextRules.collapseWhitespace(["One\u{A0} two", "three\u{2009}\u{301}four a\u{A0}link"]
            .map(TextRules.collapseWhitespace).joined(separator: " "))
        #expect(single.blocks.map(\.text) == [expected])
        #expect(single.blocks.first?.links.map(\.text) == [TextRules.collapseWhitespace("a\u{A0}link")])
    }
}
