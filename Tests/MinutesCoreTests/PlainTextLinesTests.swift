import Testing
@testable import MinutesCore

/// The plain-text readers' byte line rules (`PlainTextLines`) give the lines, trimmed lines and indentation of the
/// character rules they stand for, on random texts of line ends, blanks and the characters that join neighbours.
struct PlainTextLinesTests {
    /// Pieces of random texts: LF, CR, CR LF, blanks, letters, combining and prepended marks, list markers.
    static let pieces = ["\n", "\n", "\r", "\r\n", " ", "\t", "a", "B", "\u{E9}", "\u{301}", "\u{600}", "x y", "- ", "1. ", ":"]

    @Test func linesMatchSplittingOnLineFeedCharacters() {
        forRandomTexts(of: Self.pieces, seed: 0x11E5, maxPieces: { 2 + UInt64($0 % 40) }) { text in
            #expect(Array(text.readersLines(omittingEmpty: false)) == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.debugDescription)")
            #expect(Array(text.readersLines(omittingEmpty: true)) == text.split(separator: "\n", omittingEmptySubsequences: true), "\(text.debugDescription)")
        }
    }

    @Test func trimmedLinesAndIndentsMatchTheCharacterRules() {
        forRandomTexts(of: Self.pieces.filter { $0 != "\n" && $0 != "\r\n" }, seed: 0x7B1A, maxPieces: { 1 + UInt64($0 % 12) }) { text in
            let line = Substring(text)
            #expect(line.readersTrimmingBlanks() == line.trimming(.blanks), "\(text.debugDescription)")
            let blanks: Substring = line.prefix { $0 == " " || $0 == "\t" }
            let indent = blanks.reduce(0) { (width: Int, blank: Character) in width + (blank == "\t" ? 4 : 1) }
            #expect(PlainTextReader.indentation(of: line) == indent, "\(text.debugDescription)")
        }
    }
}
