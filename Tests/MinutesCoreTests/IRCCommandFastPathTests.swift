import Testing
@testable import MinutesCore

/// The IRC reader's command rule on the bytes of plain ASCII lines against the rule on characters.
@Suite("IRC command fast path")
struct IRCCommandFastPathTests {
    /// Keywords in several cases, the operators, spaces and the Unicode that behaves differently on bytes
    /// (combining marks after an operator or a space, the Kelvin sign, dotted capital I).
    static let pieces = ["present", "Present", "PRESENT", "regrets", "regret", "Chair", "chairs", "scribenick", "scribe",
                         "ScribeNick", "meeting", "date", "topic", "Topic", "resolution", "resolved", "action", "agenda",
                         "+", "-", ":", " ", "  ", "x", "Ann, Bob", "\u{301}", "\u{212A}", "\u{130}", "é", "\t", "q+"]

    @Test func commandOnBytesMatchesTheRuleOnCharacters() {
        var onBytes = 0
        forRandomTexts(of: Self.pieces, seed: 4040, count: 30_000, maxPieces: { $0 % 3 == 0 ? 4 : 8 }) { text in
            let expected = IRCLogReader.commandByCharacters(text)
            let got = IRCLogReader.command(text)
            if text.withPlainASCIIBytes({ _ in true }) == true { onBytes += 1 }
            #expect(got?.word == expected?.word && got?.op == expected?.op && got?.value == expected?.value, "\(text.debugDescription)")
        }
        #expect(onBytes > 5_000)
    }

    @Test func commandsAreReadWithTheirOperators() {
        #expect(IRCLogReader.command("Present+ Ann, Bob")?.value == "Ann, Bob")
        #expect(IRCLogReader.command("regrets: Carol")?.word == "regrets")
        #expect(IRCLogReader.command("scribenick: ann")?.word == "scribenick")
        #expect(IRCLogReader.command("present+x") == nil)
        #expect(IRCLogReader.command("topicality") == nil)
        #expect(IRCLogReader.command("Topic: Budget é")?.value == "Budget é")
    }
}
