import Foundation
import Testing
@testable import MinutesCore

/// `MarkdownText.labelColonOpens(collapsing:)` must answer as `labelColonOpens` on the collapsed line
/// whenever it answers, around white space beyond ASCII, marks after a colon and lines past 60 characters.
@Suite("Markdown label colon on bytes")
struct MarkdownLabelColonTests {
    @Test func bytesAnswerAsTheCollapsedLine() {
        var answered = 0
        MarkdownTextTests.forRandomTexts(seed: 31, count: 40_000) { text in
            let rule = MarkdownText.labelColonOpens(TextRules.collapseWhitespace(text))
            guard let fast = MarkdownTextTests.onBytes(text, MarkdownText.labelColonOpens(collapsing:)) else { return }
            answered += 1
            #expect(fast == rule, "\(Array(text.unicodeScalars))")
        }
        #expect(answered > 2_000)
    }

    @Test func longASCIILines() {
        // A colon just before, at and after the 60th character, after runs of white space.
        for spaces in 0..<4 {
            for position in 55..<66 {
                let head = String(repeating: " ", count: spaces) + (0..<position).map { $0 % 7 == 3 ? " \t " : "a" }.joined()
                let text = head + ":" + " rest"
                let fast = MarkdownTextTests.onBytes(text, MarkdownText.labelColonOpens(collapsing:))
                #expect(fast == MarkdownText.labelColonOpens(TextRules.collapseWhitespace(text)), "\(text)")
            }
        }
    }
}
