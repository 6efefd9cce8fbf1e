import Testing
@testable import MinutesCore

/// The byte shortcut for a link target (`href` trimmed of blanks and newlines) must give what the String rule
/// gives on every all-ASCII value, and leave every other value to the rule.
@Suite("HTML link targets")
struct HTMLLinkTargetTests {
    @Test func trimmedLinkTargetIsTheRule() {
        HTMLByteRuleTests.forRandomTexts(seed: 31, maxPieces: 12) { text in
            let fast = HTMLByteRuleTests.withBytes(text, HTMLByteRules.trimmedLinkTarget)
            #expect((fast == nil) == text.utf8.contains { $0 >= 0x80 }, "\(Array(text.unicodeScalars))")
            if let fast {
                #expect(Array(fast.utf8) == Array(text.trimmed(.blanksAndNewlines).utf8), "\(Array(text.unicodeScalars))")
            }
        }
        for text in ["", " ", "\r\n", " \r\n#top\t", "\n\rhttps://example.org/a b\r", "\u{0B}x\u{0C}"] {
            let fast = HTMLByteRuleTests.withBytes(text, HTMLByteRules.trimmedLinkTarget)
            #expect(fast.map { Array($0.utf8) } == Array(text.trimmed(.blanksAndNewlines).utf8))
        }
    }
}
