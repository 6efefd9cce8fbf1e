import Foundation
@testable import MinutesCore
import Testing

/// `WordRepair`'s word counts kept by bytes (`DocumentWords`) answer as the `[String: Int]` and
/// `Set<String>` they replace, and the ASCII rules repair as the `String` rules do.
@Suite("Word repair")
struct WordRepairTests {
    /// Word pieces: plain, capitalised, accented (both precomposed and decomposed), the Kelvin sign
    /// (which lower-cases to ASCII "k"), a combining mark after ASCII, and non-letters between.
    static let pieces = ["key", "Key", "\u{212A}ey", "caf\u{E9}", "cafe\u{301}", "Caf\u{E9}", "cafe", "na\u{EF}ve", "NAIVE",
                         "board", "Board", "meeting", "Meeting", "a\u{308}", "\u{C4}", "x", "Zürich", "zurich", "stra\u{DF}e"]
    static let separators = [" ", ", ", ". ", "\n", "-", " \u{2014} ", "\u{A0}", "’"]

    static func randomText(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...30, using: &random)).map { _ in
            (pieces.randomElement(using: &random) ?? "") + (separators.randomElement(using: &random) ?? " ")
        }.joined()
    }

    @Test func wordCountsAnswerAsTheDictionaryTheyReplace() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let texts = (0..<Int.random(in: 1...4, using: &random)).map { _ in Self.randomText(&random) }
                + (Bool.random(using: &random) ? ["plain ascii Board key meeting"] : [])
            // The rule as it was: every text's letter runs, lower-cased, in one dictionary and one set.
            var counts: [String: Int] = [:]
            var capitalised = Set<String>()
            for text in texts {
                for word in text.split(whereSeparator: { !$0.isLetterFast }) {
                    let lower = word.lowercased()
                    counts[lower, default: 0] += 1
                    if word.first?.isUppercase == true { capitalised.insert(lower) }
                }
            }
            let words = WordRepair(vocabularyFrom: texts, lexicon: Lexicon(words: [])).words
            let probes = Set(counts.keys).union(Self.pieces.map { $0.lowercased() }).union(["k", "kelvin", "caf", "zz"])
            for probe in probes {
                #expect(words.count(probe) == (counts[probe] ?? 0), "\(probe.unicodeScalars.map(\.value)) in \(texts)")
                #expect(words.isCapitalised(probe) == capitalised.contains(probe), "\(probe.unicodeScalars.map(\.value)) in \(texts)")
            }
        }
    }

    @Test func asciiTextRepairsAsTheStringRulesDo() {
        // Words the document uses, run together in every way: the ASCII rules (plain text) and the String
        // rules (the same text with a non-ASCII word after it) must cut them alike.
        let lexicon = Lexicon(words: ["cluster", "network", "business", "cooperation", "region", "meeting", "budget",
                                      "approved", "board", "report", "benchmark", "thus", "opportunity", "clean", "tech"])
        let words = ["clean", "tech", "cluster", "network", "business", "cooperation", "Region", "Thus", "an", "opportunity",
                     "Hub", "and", "the", "budget", "Board", "approved", "report", "benchmarking", "of", "to"]
        var random = SplitMix64(seed: 11)
        var changed = 0
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                let joined = (0..<Int.random(in: 1...3, using: &random)).map { _ in words.randomElement(using: &random) ?? "" }
                let glue = ["", "", "-", ".", " "].randomElement(using: &random) ?? ""
                text += joined.joined(separator: glue) + ([" ", ", ", ". ", "\n"].randomElement(using: &random) ?? " ")
            }
            let vocabulary = [text, words.joined(separator: " "), "Hub network Region"]
            let repair = WordRepair(vocabularyFrom: vocabulary, lexicon: lexicon)
            let ascii = repair.repair(text)
            let viaStrings = repair.repair(text + " \u{E9}t\u{E9}")
            #expect(viaStrings == ascii + " \u{E9}t\u{E9}", "\(text)")
            if ascii != text { changed += 1 }
        }
        // The texts did get repaired (the test compares repairs, not texts left alone).
        #expect(changed > 100, "\(changed) of 400 texts changed")
    }
}
