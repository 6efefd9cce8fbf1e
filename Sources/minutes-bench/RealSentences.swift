// Synthetic findings built from the real text of Corpus/: sentences cut out of the documents,
// recombined at word boundaries to the lengths of the corpus's real findings, with the real
// names, titles and organisations the parser finds.

import Foundation
import MinutesCore

/// SplitMix64: a small deterministic generator, so every run measures the same corpus.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Real sentences, names, titles and organisations taken from a directory of minutes.
struct SentencePool {
    var sentences: [[Substring]]
    var names: [String]
    var titles: [String]
    var organisations: [String]
    /// Byte lengths of the real findings the parser extracts from the corpus.
    var findingLengths: [Int]

    /// A word no sentence of the pool contains: forces the partial-match fallback.
    static let absentWord = "zeppelinquux"

    /// Reads every document below `directory`: its text split into sentences (markup removed),
    /// and the parsed record's people, organisations and title.
    static func load(_ directory: String) -> SentencePool {
        var sentences: [[Substring]] = []
        var seen: Set<String> = []
        var names: Set<String> = [], titles: Set<String> = [], organisations: Set<String> = []
        var findingLengths: [Int] = []
        let parser = MinutesParser()
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var paths: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            let path = directory + "/" + relative
            if FormatSniffer.format(forPath: path) != nil { paths.append(path) }
        }
        for path in paths.sorted() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let bytes = [UInt8](data)
            if let records = try? parser.parseMeetings(bytes: bytes, path: path) {
                for record in records {
                    names.formUnion(record.participants.map(\.name))
                    organisations.formUnion(record.organisations.map(\.name))
                    if let title = record.title { titles.insert(title) }
                    for finding in record.findings {
                        Self.add(finding.text, to: &sentences, seen: &seen)
                        findingLengths.append(finding.text.utf8.count)
                    }
                }
            }
            var text = String(decoding: bytes, as: UTF8.self)
            if FormatSniffer.format(forPath: path) == .html { text = Self.stripMarkup(text) }
            for line in text.split(whereSeparator: \.isNewline) {
                for sentence in Self.sentences(in: line) { Self.add(sentence, to: &sentences, seen: &seen) }
            }
        }
        return SentencePool(sentences: sentences, names: names.sorted(), titles: titles.sorted(),
                            organisations: organisations.sorted(), findingLengths: findingLengths.isEmpty ? [100] : findingLengths)
    }

    /// Keeps sentences of 5 to 40 words that read as prose (mostly words of letters, no URLs).
    private static func add<S: StringProtocol>(_ candidate: S, to sentences: inout [[Substring]], seen: inout Set<String>) {
        let cleaned = candidate.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
            .trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "-*#>|")))
        let words = cleaned.split(separator: " ", omittingEmptySubsequences: true)
        guard (5...40).contains(words.count), !cleaned.contains("http"), !cleaned.contains("<"), !cleaned.contains("&") else { return }
        let wordy = words.filter { $0.contains(where: \.isLetter) }.count
        guard wordy * 10 >= words.count * 8, seen.insert(cleaned).inserted else { return }
        sentences.append(words)
    }

    /// Sentences of a line: split after `.`, `!` or `?` followed by a space.
    private static func sentences(in line: Substring) -> [Substring] {
        var result: [Substring] = []
        var start = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            let next = line.index(after: index)
            if ".!?".contains(line[index]), next == line.endIndex || line[next] == " " {
                result.append(line[start..<next])
                start = next
            }
            index = next
        }
        if start < line.endIndex { result.append(line[start...]) }
        return result
    }

    /// Text of an HTML page: scripts and styles dropped, tags turned into line breaks, common entities decoded.
    private static func stripMarkup(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<(script|style)[^>]*>[\\s\\S]*?</(script|style)>", with: " ",
                                             options: .regularExpression)
        text = text.replacingOccurrences(of: "<(p|div|li|h[1-6]|br|tr|dd|dt)[^>]*>", with: "\n", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// One finding's text, as long as a real finding of the corpus (a length drawn from theirs):
    /// words of one real sentence, continued with words of other real sentences when it is
    /// shorter, cut at a word boundary when it is longer.
    func sentence(_ rng: inout SplitMix64) -> String {
        let target = findingLengths.randomElement(using: &rng) ?? 100
        var text = ""
        while text.utf8.count < target, let next = sentences.randomElement(using: &rng) {
            // A sentence after the first is joined from a word near its middle: a recombination.
            let start = text.isEmpty ? 0 : Int.random(in: 0...(next.count / 2), using: &rng)
            for word in next[start...] {
                if !text.isEmpty && text.utf8.count + word.utf8.count + 1 > target + 8 { break }
                text += text.isEmpty ? String(word) : " " + word
            }
            if text.isEmpty, let word = next.first { text = String(word) }
        }
        return text
    }

    /// Documents `first..<first+count`, each with `perDocument` findings, people and organisations from the pool.
    func records(first: Int, count: Int, perDocument: Int, rng: inout SplitMix64) -> [MeetingRecord] {
        (first..<(first + count)).map { number in
            let path = "/bench/meeting-\(number).md"
            var record = MeetingRecord(source: Source(path: path, format: .markdown, encoding: "UTF-8",
                                                      sha256: MinutesParser.sha256(Array(path.utf8)), bytes: 0))
            record.title = (titles.randomElement(using: &rng) ?? "Meeting") + " \(number)"
            record.date = String(format: "20%02d-%02d-%02d", 15 + number % 11, 1 + number % 12, 1 + number % 28)
            let people = (0..<(3 + number % 4)).compactMap { _ in names.randomElement(using: &rng) }
            record.participants = Array(Set(people)).sorted().map { Participant(name: $0) }
            record.organisations = (0..<(number % 3)).compactMap { _ in organisations.randomElement(using: &rng) }
                .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.map { Organisation(name: $0) }
            record.findings = (0..<perDocument).map { _ in
                let kind = FindingKind.allCases.randomElement(using: &rng) ?? .finding
                return Finding(text: sentence(&rng), kind: kind, owner: kind == .action ? people.randomElement(using: &rng) : nil)
            }
            return record
        }
    }

    /// English words too common to make a query.
    private static let common: Set<String> = [
        "that", "this", "with", "from", "have", "will", "would", "should", "there", "their", "they", "what",
        "which", "when", "where", "were", "been", "about", "into", "also", "some", "more", "than", "then",
        "them", "these", "those", "just", "like", "only", "other", "could", "does", "here", "very",
    ]

    /// Search queries drawn from the pool's words (so their frequencies are real):
    /// two or three content words of one sentence, every fourth with a word found nowhere
    /// (partial-match fallback), every tenth a quoted phrase, every tenth with a prefix.
    func queries(_ count: Int, rng: inout SplitMix64) -> [String] {
        (0..<count).map { index in
            let all = sentence(&rng).split(separator: " ").map { $0.lowercased().filter { $0.isLetter } }
            let words = all.filter { $0.count > 3 && !Self.common.contains($0) }
            guard words.count >= 2 else { return "budget approved" }
            if index % 10 == 3 {
                // Two neighbouring words of the text, as a quoted phrase.
                let pairs = zip(all, all.dropFirst()).filter { $0.0.count > 2 && $0.1.count > 2 }
                if let (first, second) = pairs.randomElement(using: &rng) { return "\"\(first) \(second)\"" }
            }
            var query = (0..<(2 + index % 2)).compactMap { _ in words.randomElement(using: &rng) }
            if index % 10 == 7, let word = query.first { query[0] = String(word.prefix(4)) + "*" }
            if index % 4 == 0 { query.append(Self.absentWord) }
            return query.joined(separator: " ")
        }
    }
}
