import Foundation
@testable import MinutesCore
import Testing

/// The word tally's eight-bytes-at-a-time scan answers as the byte rules it stands for: the letter runs, their
/// lower-cased first bytes and hashes as a byte loop and `WordSet.hash`, the sentences glued as
/// `WordRepair.mayGlueSentences`, the counts as a dictionary of lower-cased words, and `WordSet.hash`'s tail loads
/// as a byte-at-a-time hash.
@Suite("Word repair tally")
struct WordRepairTallyTests {
    /// Pieces of plain-ASCII texts: letters of both cases, words of every length around eight, the punctuation next to
    /// them, and the bytes just outside the letter ranges ("@", "[", "`", "{").
    static let pieces = ["a", "B", "z", "Z", "ab", "Region", "Thus", "opportunity", "cleantechcluster", "abcdefgh", "ABCDEFGHI",
                         "Hub", ". ", ".", "-", " ", "  ", ",", "\n", "@", "[", "`", "{", "0", "9", "'", "x.Yz", "end.Start",
                         "e.G", "abcdefghabcdefgh", "Abcdefg"]

    /// The runs of `isASCIILetter` bytes in `bytes[range]`, a byte at a time.
    static func referenceRuns(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for index in range {
            if WordRepair.isASCIILetter(bytes[index]) {
                if start == nil { start = index }
            } else if let first = start {
                runs.append(first..<index)
                start = nil
            }
        }
        if let first = start { runs.append(first..<range.upperBound) }
        return runs
    }

    /// `WordSet.hash` worked out a byte at a time (the tail assembled byte by byte).
    static func referenceHash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0
        var offset = 0
        while offset + 8 <= bytes.count {
            var chunk: UInt64 = 0
            for index in 0..<8 { chunk |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
            hash = WordSet.mix(hash, chunk)
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << UInt64(8 * (index - offset)) }
            hash = WordSet.mix(hash, tail)
        }
        return WordSet.finish(hash, length: bytes.count)
    }

    @Test func letterRunsAnswerAsAByteLoop() {
        var random = SplitMix64(seed: 211)
        forRandomTexts(of: Self.pieces, seed: 213, count: 5_000, maxPieces: { $0 % 3 == 0 ? 40 : 8 }) { text in
            let bytes = Array(text.utf8)
            let lower = Int(random.next() % UInt64(bytes.count + 1))
            let range = lower..<(lower + Int(random.next() % UInt64(bytes.count - lower + 1)))
            var runs: [Range<Int>] = [], heads: [UInt64] = [], hashes: [UInt64] = []
            bytes.withUnsafeBufferPointer { buffer in
                ASCIILetterRuns.forEach(in: buffer, range, hashing: true) { start, length, head, hash in
                    runs.append(start..<start + length)
                    heads.append(head)
                    hashes.append(hash)
                }
            }
            let expected = Self.referenceRuns(bytes, range)
            #expect(runs == expected, "\(text.debugDescription) \(range)")
            for (index, run) in zip(runs.indices, runs) where index < expected.count {
                let lowered = bytes[run].map(\.asciiLowercased)
                var head: UInt64 = 0
                for (offset, byte) in lowered.prefix(8).enumerated() { head |= UInt64(byte) << UInt64(8 * offset) }
                #expect(heads[index] == head, "\(text.debugDescription) \(run)")
                #expect(hashes[index] == Self.referenceHash(lowered), "\(text.debugDescription) \(run)")
            }
        }
    }

    @Test func tallyCountsAndGlueAnswerAsTheRules() {
        var texts: [String] = []
        forRandomTexts(of: Self.pieces, seed: 217, count: 3_000, maxPieces: { $0 % 4 == 0 ? 60 : 10 }) { texts.append($0) }
        for start in stride(from: 0, to: texts.count, by: 50) {
            var tally = ASCIIWordTally()
            var counts: [String: Int] = [:], capitalised: Set<String> = []
            for text in texts[start..<min(start + 50, texts.count)] {
                let bytes = Array(text.utf8)
                var longRuns: [UInt32] = []
                let glues = bytes.withUnsafeBufferPointer { tally.addLetterRuns(of: $0, in: 0..<$0.count, longRuns: &longRuns) }
                let glueRule = bytes.withUnsafeBufferPointer(WordRepair.mayGlueSentences)
                #expect(glues == glueRule, "\(text.debugDescription)")
                let runs = Self.referenceRuns(bytes, 0..<bytes.count)
                #expect(longRuns.count == runs.filter { $0.count >= 5 }.count, "\(text.debugDescription)")
                for run in runs {
                    let word = String(decoding: bytes[run].map(\.asciiLowercased), as: UTF8.self)
                    counts[word, default: 0] += 1
                    if bytes[run.lowerBound].isASCIIUppercase { capitalised.insert(word) }
                }
            }
            for (word, count) in counts {
                let entry = Array(word.utf8).withUnsafeBufferPointer { tally.entry(for: $0) }
                #expect(entry?.count == count, "\(word)")
                #expect(entry?.capitalised == capitalised.contains(word), "\(word)")
                // Looked up in any case, the word is found (the tally compares lower-cased).
                let upper = Array(word.uppercased().utf8).withUnsafeBufferPointer { tally.entry(for: $0) }
                #expect(upper?.count == count, "\(word)")
            }
            #expect(Array("qqqqqqqqqq".utf8).withUnsafeBufferPointer { tally.entry(for: $0) } == nil)
        }
    }

    @Test func packedFunctionWordsAnswerAsTheSet() {
        var random = SplitMix64(seed: 223)
        let letters = Array("abdefhinorstuwy".utf8)
        var pieces = Lexicon.functionWords.map { Array($0.utf8) }
        pieces += pieces.map { Array($0.dropLast()) } + pieces.map { $0 + [UInt8(ascii: "s")] } + [[], Array("withthat".utf8), Array("fromthe".utf8)]
        for _ in 0..<20_000 { pieces.append((0..<Int(random.next() % 6)).map { _ in letters[Int(random.next() % UInt64(letters.count))] }) }
        for piece in pieces {
            let expected = Lexicon.functionWords.contains(String(decoding: piece, as: UTF8.self))
            #expect(piece.withUnsafeBufferPointer(WordRepair.isFunctionWord) == expected, "\(String(decoding: piece, as: UTF8.self))")
        }
    }

    @Test func batchedLookupsWithHashesAnswerAsASet() {
        var random = SplitMix64(seed: 227)
        let letters = Array("abcdeinorstAEST".utf8)
        for _ in 0..<100 {
            let members = Set((0..<Int(random.next() % 300)).map { _ in
                String(decoding: (0..<Int(random.next() % 9 + 1)).map { _ in letters[Int(random.next() % 10)] }, as: UTF8.self)
            })
            let set = Lexicon(words: members).words
            let queries = (0..<200).map { index -> [UInt8] in
                index % 3 == 0 ? Array((members.randomElement(using: &random) ?? "a").utf8)
                    : (0..<Int(random.next() % 9)).map { _ in letters[Int(random.next() % UInt64(letters.count))] }
            }
            let pointers = queries.map { query -> UnsafeMutableBufferPointer<UInt8> in
                let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(query.count, 1))
                _ = buffer.initialize(from: query)
                return UnsafeMutableBufferPointer(rebasing: buffer[..<query.count])
            }
            defer { pointers.forEach { UnsafeMutableBufferPointer(start: $0.baseAddress, count: max($0.count, 1)).deallocate() } }
            let buffers = pointers.map { UnsafeBufferPointer($0) }
            let answers = set.contains(asciiBatch: buffers, hashes: buffers.map { WordSet.hash($0) })
            for (query, answer) in zip(queries, answers) {
                #expect(answer == members.contains(String(decoding: query, as: UTF8.self)), "\(String(decoding: query, as: UTF8.self))")
            }
        }
    }

    @Test func hashTailLoadsAnswerAsAByteLoop() {
        var random = SplitMix64(seed: 219)
        for _ in 0..<20_000 {
            let bytes = (0..<Int(random.next() % 40)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes.withUnsafeBufferPointer { buffer in
                #expect(WordSet.hash(buffer) == Self.referenceHash(bytes), "\(bytes)")
                #expect(WordSet.hash(buffer, lowerCasing: true) == Self.referenceHash(bytes.map(\.asciiLowercased)), "\(bytes)")
            }
        }
    }
}
