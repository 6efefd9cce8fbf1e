import Testing
@testable import MinutesCore

/// `MarkdownText.collapsedOnBytes` writes eight ASCII bytes at once when their white space is single
/// characters (`MarkdownText.spacedWord`); its texts must still be `TextRules.collapseWhitespace`'s,
/// on mostly ASCII texts where that path is taken often, at every alignment and length.
@Suite("Markdown spaced words")
struct MarkdownSpacedWordTests {
    /// Mostly ASCII words and single white space, with runs of white space, controls and some bytes beyond ASCII.
    static let pieces = ["word", "ab", "x", "Label:", "a.b", "~", "\u{7F}", " ", " ", " ", "\n", "\t", "\r", "\u{0B}", "\u{0C}",
                         "  ", " \n", "\u{0}", "\u{1}", "\u{8}", "\u{E}", "\u{1F}", "!", "é", "’", "\u{A0}", "\u{2003}"]

    @Test func collapsedOnBytesIsCollapseWhitespace() {
        forRandomTexts(of: Self.pieces, seed: 0x5BACED, count: 30_000, maxPieces: { $0 % 3 == 0 ? 60 : 16 }) { text in
            let collapsed = MarkdownTextTests.onBytes(text, MarkdownText.collapsedOnBytes)
            #expect((collapsed == nil) == MarkdownTextTests.holdsNonASCIISpace(text), "\(Array(text.unicodeScalars))")
            if let collapsed { #expect(collapsed == TextRules.collapseWhitespace(text), "\(Array(text.unicodeScalars))") }
        }
    }

    /// Every ASCII byte, alone and around single spaces, at each of the eight positions of a word.
    @Test func everyASCIIByteAtEveryPosition() {
        for value in UInt8(0)...0x7F {
            for position in 0..<8 {
                for filler in [UInt8(ascii: "a"), 0x20, 0x0A] {
                    var bytes = [UInt8](repeating: filler, count: 17)
                    bytes[position] = value
                    bytes[position + 8] = value
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(MarkdownTextTests.onBytes(text, MarkdownText.collapsedOnBytes) == TextRules.collapseWhitespace(text),
                            "\(bytes)")
                }
            }
        }
    }
}
