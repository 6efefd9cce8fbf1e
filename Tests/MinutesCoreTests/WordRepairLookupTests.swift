import Foundation
@testable import MinutesCore
import Testing

/// The text reader's faster word lookups answer as the rules they stand for: `WordSet`'s Bloom filter and batched
/// lookups as a `Set<String>`, the word-at-a-time lower-casing hash as the hash of a lower-cased copy, and
/// `WordRepair`'s remembered `isKnown` answers as the answers worked out afresh.
@Suite("Word repair lookups")
struct WordRepairLookupTests {
    /// Letters words are made of, upper and lower case, so that many words collide in a small table.
    static let letters = Array("abcdeginorstAEIST".utf8)

    /// A random ASCII word of up to `maxLength` letters (sometimes empty, sometimes with a line feed or a digit).
    static func word(_ random: inout SplitMix64, maxLength: UInt64 = 12) -> [UInt8] {
        var word = (0..<Int(random.next() % (maxLength + 1))).map { _ in letters[Int(random.next() % UInt64(letters.count))] }
        switch random.next() % 20 {
        case 0: word.append(0x0A)
        case 1: word.insert(UInt8(ascii: "7"), at: 0)
        default: break
        }
        return word
    }

    @Test func wordSetLookupsAnswerAsASet() {
        var random = SplitMix64(seed: 101)
        for round in 0..<200 {
            // Small sets (many probes past the first slot) and larger ones; some with a word that lower-cases to ASCII.
            let size = round % 2 == 0 ? Int(random.next() % 12) : Int(random.next() % 400)
            var members = Set((0..<size).map { _ in String(decoding: Self.word(&random).filter { $0 != 0x0A }, as: UTF8.self) })
            members.remove("")
            if round % 5 == 0 { members.insert("\u{212A}ite") }
            let set = Lexicon(words: members).words
            let queries = (0..<300).map { index in
                index % 50 == 1 ? Array("Kite".utf8)
                    : index % 3 == 0 ? Array((members.randomElement(using: &random) ?? "").utf8) : Self.word(&random)
            }
            var single: [Bool] = []
            var batched: [Bool] = []
            withBuffers(queries) { pointers in
                single = pointers.map { set.contains(asciiBytes: $0) }
                batched = set.contains(asciiBatch: pointers)
            }
            for (index, query) in queries.enumerated() {
                let expected = members.contains(String(decoding: query, as: UTF8.self))
                #expect(single[index] == expected, "\(String(decoding: query, as: UTF8.self).debugDescription)")
                #expect(batched[index] == expected, "\(String(decoding: query, as: UTF8.self).debugDescription)")
            }
        }
    }

    @Test func lowerCasingHashIsTheHashOfTheLowerCasedBytes() {
        var random = SplitMix64(seed: 103)
        for _ in 0..<20_000 {
            let chunk = random.next()
            var expected: UInt64 = 0
            for shift in stride(from: 0, to: 64, by: 8) {
                expected |= UInt64(UInt8(truncatingIfNeeded: chunk >> UInt64(shift)).asciiLowercased) << UInt64(shift)
            }
            #expect(WordSet.asciiLowercased(chunk) == expected, "\(String(chunk, radix: 16))")
            let bytes = (0..<Int(random.next() % 24)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let lower = bytes.map(\.asciiLowercased)
            bytes.withUnsafeBufferPointer { bytes in
                lower.withUnsafeBufferPointer { lower in
                    #expect(WordSet.hash(bytes, lowerCasing: true) == WordSet.hash(lower))
                }
            }
        }
    }

    @Test func rememberedKnownWordsAnswerAsWorkedOut() {
        var random = SplitMix64(seed: 107)
        let lexicon = Lexicon(words: ["stain", "strain", "direct", "direction", "tone", "store", "store", "ration", "stone",
                                      "great", "greatness", "nation", "read", "reader", "rest"])
        for _ in 0..<150 {
            let document = (0..<Int(random.next() % 60 + 1)).map { _ in
                random.next() % 4 == 0 ? random.pick(["Directions", "stones", "readers", "restoration", "Greatness", "rations"])
                    : String(decoding: Self.word(&random).filter { $0 != 0x0A && $0 != UInt8(ascii: "7") }, as: UTF8.self)
            }.joined(separator: random.next() % 2 == 0 ? " " : ", ")
            let repair = WordRepair(vocabularyFrom: [document], lexicon: lexicon)
            for word in document.split(whereSeparator: { !$0.isLetterFast }) {
                let lower = Array(word.lowercased().utf8)
                lower.withUnsafeBufferPointer { lower in
                    let afresh = repair.isKnownASCII(lower: lower, inLexicon: lexicon.words.contains(asciiBytes: lower))
                    #expect(repair.isKnownASCII(lower: lower) == afresh, "\(word) in \(document)")
                }
            }
        }
    }

    /// Texts left as they are repair to themselves, and a text repaired within its window as it is whole.
    @Test func textsLeftAsTheyAreAreRepairedToThemselves() {
        var random = SplitMix64(seed: 109)
        let lexicon = Lexicon(words: ["meeting", "board", "clean", "tech", "cluster", "region", "thus", "opportunity", "business",
                                      "ness", "present", "directors", "agenda", "resolved", "joined", "known"])
        var leftAlone = 0, repaired = 0
        for round in 0..<300 {
            let texts = (0..<Int(random.next() % 6 + 1)).map { _ in
                round % 2 == 0 ? TextPathFastPathTests.asciiText(&random, count: 10) : TextPathFastPathTests.text(&random, count: 10)
            }
            let repair = WordRepair(vocabularyFrom: texts, lexicon: lexicon)
            for (index, text) in texts.enumerated() {
                var cache: [String: String] = [:]
                let result = repair.repair(text)
                #expect(repair.repair(textAt: index, text, cache: &cache) == result, "\(text.debugDescription) in \(texts)")
                if repair.leavesAsItIs(textAt: index) {
                    leftAlone += 1
                    #expect(result == text, "\(text.debugDescription) in \(texts)")
                } else if result != text {
                    repaired += 1
                }
            }
            #expect(!repair.leavesAsItIs(textAt: texts.count))
        }
        // Both kinds of texts were made: the test compares texts left alone, not only texts that change.
        #expect(leftAlone > 100 && repaired > 100, "\(leftAlone) left alone, \(repaired) repaired")
    }

    /// Calls `body` with buffers over each of `arrays`, all valid at once.
    private func withBuffers(_ arrays: [[UInt8]], _ body: ([UnsafeBufferPointer<UInt8>]) -> Void) {
        let storage = arrays.map { array -> UnsafeMutableBufferPointer<UInt8> in
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            return buffer
        }
        defer { storage.forEach { $0.deallocate() } }
        body(zip(storage, arrays).map { UnsafeBufferPointer(rebasing: $0[..<$1.count]) })
    }
}
