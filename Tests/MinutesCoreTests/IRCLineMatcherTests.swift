import Foundation
import Testing
@testable import MinutesCore

/// `IRCLineMatcher` answers exactly as the IRC reader's regular expressions do, on every line it answers.
struct IRCLineMatcherTests {
    /// The byte scan's answer, or nil when the scan leaves the line to the patterns.
    static func byBytes(_ line: String) -> IRCLogReader.Message?? {
        guard case .answered(let message) = IRCLineMatcher.answer(for: line) else { return nil }
        return .some(message)
    }

    static let examples = [
        "<alice> hello", "[12:30] <bob> hi there", "2024-01-05 12:30:45 <@carol> topic", "12:30 <+dave>  two spaces",
        "[2024-01-05T09:05:33.123Z] <eve> x", "09:05 *** frank joins", "[09:05] -!- grace has quit", "09:05 --> heidi",
        "09:05 <-- ivan has left", "09:05 -- notice", "09:05 =-= mode", "09:05 **** four stars", "<@> odd", "< spaced> x",
        "<nick>", "<nick>text", "[12:30 <nick> unclosed stamp", "12:30] <nick> unopened", "123:45 <nick> bad time",
        "1:23 <n> one-digit hour", "12:3 <n> short minutes", "12:30:4 <n> short seconds", "12:30,5 <n> comma fraction",
        "  \t 12:30\t<n>\ttabs", "<a b> not a nick", "<a>b> inner", "Present: alice, bob", "", "   ", "12:30", "12:30 ",
        "12:30 *", "12:30 * action", "12:30 -->", "12:30 --x", "2024-01-05 <n> date without time",
    ]

    @Test func knownShapesMatchThePatterns() {
        for line in Self.examples {
            guard let answer = Self.byBytes(line) else { Issue.record("left unanswered: \(line.debugDescription)"); continue }
            #expect(answer == IRCLogReader.messageByPatterns(line), Comment(rawValue: line.debugDescription))
        }
    }

    @Test func generatedLinesMatchThePatterns() {
        let pieces = ["[", "]", "12:30", "9:05:33", "2024-01-05 ", "2024-01-05T", ".123", ",5", "Z", " ", "\t", "<", ">",
                      "@", "+", "~", "nick", "***", "*", "****", "-!-", "-->", "<--", "--", "=-=", "-", "!", "text", ":", "1", "x"]
        var generator = SplitMix64(seed: 7)
        var answered = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...9, using: &generator)
            let line = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            guard let answer = Self.byBytes(line) else { continue }
            answered += 1
            #expect(answer == IRCLogReader.messageByPatterns(line), Comment(rawValue: line.debugDescription))
        }
        #expect(answered == 20_000)
    }

    @Test func linesWithOtherCharactersAreLeftToThePatterns() {
        for line in ["<jos\u{E9}> ol\u{E1}", "12:30 <n> a\rb", "<n> a\u{0B}b", "<n>\u{0C}", "12:30\u{A0}<n> no-break space"] {
            #expect(IRCLineMatcher.answer(for: line) == .unanswered, Comment(rawValue: line.debugDescription))
            // The reader still answers them, through the patterns.
            #expect(IRCLogReader.message(line) == IRCLogReader.messageByPatterns(line) || !IRCLogReader.mayBeLogLine(line))
        }
    }

    @Test func corpusLogLinesMatchThePatterns() {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus")
        let files = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" } ?? []
        #expect(!files.isEmpty)
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let line = String(line)
                guard let answer = Self.byBytes(line) else { continue }
                #expect(answer == IRCLogReader.messageByPatterns(line), Comment(rawValue: file.lastPathComponent + ": " + line.debugDescription))
            }
        }
    }
}
