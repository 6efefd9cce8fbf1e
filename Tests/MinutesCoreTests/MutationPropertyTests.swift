import Foundation
import Testing
@testable import MinutesCore

/// A small, deterministic, always-on companion to the libFuzzer target (`.ci/fuzz`): mutated
/// `Corpus/` documents — byte flips, truncations, splices, tag soup, odd bytes — go through the
/// whole parse path; each must give a record that encodes, or a `MinutesError` naming the input.
@Suite("Mutated corpus property")
struct MutationPropertyTests {
    static let corpus: [[UInt8]] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus")
        let files = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
            .filter { !$0.hasSuffix("MANIFEST.tsv") }.sorted()
        return files.compactMap { try? MinutesParser.readFile(atPath: root.appendingPathComponent($0).path, maxBytes: 1 << 20) }
            .filter { !$0.isEmpty }
            .map { Array($0.prefix(8192)) }
    }()

    static let soup = ["<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "</td>", "<li>", "<ul>", "</ul>",
                       "<!--", "-->", "<![CDATA[", "]]>", "<script>", "</script>", "&amp;", "&#0;", "&#x110000;",
                       "&nosuch;", "<!DOCTYPE x [<!ENTITY a \"&a;&a;\">]>", "&a;", "<br>", "<pre>", "<h1>", "\u{0}",
                       "---\n", "```\n", "| a | b |\n|---|---|\n", "* [ ] ", "Present:", "ACTION:", "Resolved:", "\r", "\u{FEFF}"]

    static func mutate(_ input: [UInt8], with generator: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where !bytes.isEmpty:  // flip bits in a few bytes
                for _ in 0..<Int.random(in: 1...8, using: &generator) {
                    let i = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[i] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
                }
            case 1 where !bytes.isEmpty:  // truncate
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
            case 2:  // splice another document in
                let other = corpus[Int.random(in: 0..<corpus.count, using: &generator)]
                let at = Int.random(in: 0...bytes.count, using: &generator)
                let from = Int.random(in: 0...other.count, using: &generator)
                bytes = Array(bytes.prefix(at)) + other[from...]
            case 3:  // tag soup
                for _ in 0..<Int.random(in: 1...20, using: &generator) {
                    let token = soup[Int.random(in: 0..<soup.count, using: &generator)]
                    bytes.insert(contentsOf: Array(token.utf8), at: Int.random(in: 0...bytes.count, using: &generator))
                }
            case 4:  // random bytes
                let count = Int.random(in: 1...64, using: &generator)
                let noise = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
                bytes.insert(contentsOf: noise, at: Int.random(in: 0...bytes.count, using: &generator))
            default:  // repeat a slice (long lines, deep nesting)
                guard !bytes.isEmpty else { continue }
                let start = Int.random(in: 0..<bytes.count, using: &generator)
                let slice = bytes[start..<min(bytes.count, start + Int.random(in: 1...16, using: &generator))]
                bytes.insert(contentsOf: Array(repeating: Array(slice), count: Int.random(in: 2...400, using: &generator)).joined(),
                             at: start)
            }
        }
        return bytes
    }

    @Test func mutatedDocumentsGiveARecordOrATypedError() throws {
        try #require(Self.corpus.count > 10)
        var generator = SplitMix64(seed: 20_260_101)
        let formats: [DocumentFormat?] = [nil] + DocumentFormat.allCases
        for iteration in 0..<150 {
            let seed = Self.corpus[Int.random(in: 0..<Self.corpus.count, using: &generator)]
            let bytes = Self.mutate(seed, with: &generator)
            let format = formats[iteration % formats.count]
            do {
                let record = try MinutesParser(options: .init(format: format)).parse(bytes: bytes, path: "mutant")
                _ = try RecordEncoder.encode(record, style: .json)
                _ = try RecordEncoder.encode(record, style: .jsonld)
            } catch let error as MinutesError {
                #expect(error.description.hasPrefix("mutant: "), "iteration \(iteration)")
            }
        }
    }
}
