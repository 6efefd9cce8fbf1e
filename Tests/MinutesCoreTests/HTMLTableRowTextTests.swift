import Foundation
import Testing
@testable import MinutesCore

/// `TableRowText.joined` must give the same bytes as the rule it replaces, `joined(separator: " | ")`.
@Suite("Table row text")
struct HTMLTableRowTextTests {
    /// Pieces that cells are made of: ASCII, marks, characters beyond ASCII, the separator's characters.
    static let pieces = ["", " ", "|", " | ", "word", "Cell", "x", "é", "e\u{301}", "\u{301}", "ß", "👩‍💻", "\u{A0}", "—", "\n",
                         "a longer cell text that is not kept inline in the string"]

    @Test("rows of random cells join as joined(separator:) joins them")
    func randomRows() {
        var generator = SplitMix64(seed: 0x7AB1E)
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 7)
            let cells = (0..<count).map { _ in generator.text(of: Self.pieces, maxPieces: 6) }
            let joined = TableRowText.joined(cells)
            #expect(Array(joined.utf8) == Array(cells.joined(separator: " | ").utf8))
        }
    }

    @Test("bridged cells join alike")
    func bridgedCells() {
        let cells = ["a", NSString(string: "b é").description, String(NSString(string: "long bridged cell text, past fifteen bytes"))]
        #expect(TableRowText.joined(cells) == cells.joined(separator: " | "))
    }
}
