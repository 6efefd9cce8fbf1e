// Synthetic findings built from the real text of Corpus/: sentences cut out of the documents,
// recombined at word boundaries, with the real names, titles and organisations the parser finds.

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

    /// A word no sentence of the pool contains: forces the partial-match fallback.
    static let absentWord = "zeppelinquux"

    /// Reads every document below `directory`: its text split into sentences (markup removed),
    /// and the parsed record's people, organisations and title.
    static func load(_ directory: String) -> SentencePool {
        var sentences: [[Substring]] = []
        var seen: Set<String> = []
        var names: Set<String> = [], titles: Set<String> = [], organisations: Set<String> = []
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
                    for finding in record.findings { Self.add(finding.text, to: &sentences, seen: &seen) }
                }
            }
            var text = String(decoding: bytes, as: UTF8.self)
            if FormatSniffer.format(forPath: path) == .html { text = Self.stripMarkup(text) }
            for line in text.split(whereSeparator: \.isNewline) {
                for sentence in Self.sentences(in: line) { Self.add(sentence, to: &sentences, seen: &seen) }
            }
        }
        return SentencePool(sentences: sentences, names: names.sorted(), titles: titles.sorted(),
                            organisations: organisations.sorted())
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

    /// One finding's text: a real sentence, or (half the time) the start of one real sentence
    /// joined to the end of another at a word boundary.
    func sentence(_ rng: inout SplitMix64) -> String {
        guard let first = sentences.randomElement(using: &rng) else { return "The board approved the budget." }
        guard Bool.random(using: &rng), let second = sentences.randomElement(using: &rng) else {
            return first.joined(separator: " ")
        }
        let cut = max(2, first.count / 2 + Int.random(in: -1...1, using: &rng))
        let tail = max(2, second.count / 2 + Int.random(in: -1...1, using: &rng))
        return (first.prefix(cut) + second.suffix(tail)).joined(separator: " ")
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
            let words = sentence(&rng).split(separator: " ").map {
                $0.lowercased().filter { $0.isLetter || $0 == "'" }
            }.filter { $0.count > 3 && !Self.common.contains($0) }
            guard words.count >= 2 else { return "budget approved" }
            if index % 10 == 3 {
                let start = Int.random(in: 0..<(words.count - 1), using: &rng)
                return "\"\(words[start]) \(words[start + 1])\""
            }
            var query = (0..<(2 + index % 2)).compactMap { _ in words.randomElement(using: &rng) }
            if index % 10 == 7, let word = query.first { query[0] = String(word.prefix(4)) + "*" }
            if index % 4 == 0 { query.append(Self.absentWord) }
            return query.joined(separator: " ")
        }
    }
}
