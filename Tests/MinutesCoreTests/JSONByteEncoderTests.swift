import Foundation
import Testing
@testable import MinutesCore

/// `JSONByteEncoder` writes the bytes Foundation's `JSONEncoder` writes with the options `RecordEncoder` uses.
@Suite("JSON byte encoder")
struct JSONByteEncoderTests {
    /// `JSONEncoder`'s text of `value`, with the options `RecordEncoder` uses for `.json`.
    private func foundationJSON<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Expects both encoders to write the same bytes for `value`, pretty and compact.
    private func expectSameJSON<T: Encodable>(_ value: T, _ label: String) throws {
        for pretty in [false, true] {
            let bytes = JSONByteEncoder(pretty: pretty).encode(value)
            let expected = try foundationJSON(value, pretty: pretty)
            #expect(bytes == expected, "\(label) (pretty: \(pretty)): \(String(decoding: bytes ?? [], as: UTF8.self).prefix(300))")
        }
    }

    /// Every meeting of every corpus document and every gold-test input.
    @Test func everyCorpusAndGoldRecordIsWrittenAsJSONEncoderWritesIt() throws {
        let parser = MinutesParser()
        var documents = try CorpusSnapshot(corpus: repositoryRoot.appendingPathComponent("Corpus"),
                                           output: repositoryRoot.appendingPathComponent("Output")).documents()
            .map { "Corpus/" + $0 }
        let gold = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Tests/Gold").path)
        documents += gold.filter { FormatSniffer.format(forPath: $0) != nil && !$0.hasSuffix(".json") && !$0.hasSuffix(".tsv") }
            .sorted().map { "Tests/Gold/" + $0 }
        #expect(documents.count > 50)
        for document in documents {
            let records = try parser.parseMeetingsInFile(atPath: repositoryRoot.appendingPathComponent(document).path)
            for (number, record) in records.enumerated() {
                try expectSameJSON(record, "\(document) #\(number)")
                for pretty in [false, true] {
                    #expect(Array(try RecordEncoder.encode(record, pretty: pretty)) == (try foundationJSON(record, pretty: pretty)))
                }
            }
        }
    }

    /// Pieces of hostile strings: quotes, backslashes, slashes, every kind of control character, U+007F,
    /// combining marks, non-BMP characters, line and paragraph separators, a byte-order mark.
    private static let pieces = ["a", "Z", " ", "é", "e\u{301}", "\u{301}", "😀", "👩‍👩‍👧", "\u{10FFFF}", "\"", "\\", "/", "\r\n", "\n",
                                 "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{8}", "\u{C}", "\u{B}", "\u{2028}", "\u{FEFF}",
                                 "ß", "Ω", "日本", "http://example.org/a?b=c&d", "<b>", "'", "{", "]", ":", ","]

    /// Random records whose every string is hostile, with empty and absent fields.
    @Test func randomRecordsWithHostileStringsAreWrittenAsJSONEncoderWritesThem() throws {
        var generator = SplitMix64(seed: 0x4A53_4F4E)
        func text() -> String { generator.text(of: Self.pieces, maxPieces: 6) }
        func maybe() -> String? { generator.next() % 3 == 0 ? nil : text() }
        func count() -> Int { Int(generator.next() % 4) }
        for round in 0 ..< 1_500 {
            let format = DocumentFormat.allCases[Int(generator.next() % 3)]
            var record = MeetingRecord(source: Source(path: text(), format: format, encoding: text(), sha256: text(),
                                                      bytes: Int(bitPattern: UInt(generator.next())) >> Int(generator.next() % 64)))
            record.title = maybe()
            record.date = maybe()
            record.location = maybe()
            record.participants = (0 ..< count()).map { _ in
                Participant(name: text(), jobTitle: maybe(), organisation: maybe(), location: maybe(),
                            attendance: generator.next() % 2 == 0 ? .present : .absent,
                            meetingRoles: (0 ..< count()).map { _ in [MeetingRole.chair, .scribe, .guest][Int(generator.next() % 3)] })
            }
            record.organisations = (0 ..< count()).map { _ in
                Organisation(name: text(), acronym: maybe(), aliases: (0 ..< count()).map { _ in text() })
            }
            record.findings = (0 ..< count()).map { _ in
                Finding(text: text(), kind: FindingKind.allCases[Int(generator.next() % 3)], owner: maybe(), due: maybe(), topic: maybe())
            }
            record.relatedDocuments = (0 ..< count()).map { _ in RelatedDocument(title: text(), url: maybe()) }
            record.warnings = (0 ..< count()).map { _ in text() }
            try expectSameJSON(record, "random record \(round)")
        }
    }

    /// Keys sort by their UTF-8 bytes as `JSONEncoder` sorts them (upper case first, "a10" before "a9",
    /// non-ASCII last), whatever order they were encoded in; empty objects and arrays at every depth.
    @Test func keysSortAndEmptyContainersAreLaidOutAsJSONEncoderDoes() throws {
        var generator = SplitMix64(seed: 7)
        let keys = ["b", "B", "a10", "a9", "a", "é", "e\u{301}", "_", "Z", "z", "", "😀", "\"", "a b", "ab"]
        for _ in 0 ..< 500 {
            var dictionary: [String: [String: [Int]]] = [:]
            for _ in 0 ..< Int(generator.next() % 6) {
                var inner: [String: [Int]] = [:]
                for _ in 0 ..< Int(generator.next() % 4) {
                    inner[generator.pick(keys)] = (0 ..< Int(generator.next() % 3)).map { _ in Int(bitPattern: UInt(generator.next())) }
                }
                dictionary[generator.pick(keys)] = inner
            }
            try expectSameJSON(dictionary, "dictionary \(dictionary)")
            try expectSameJSON([dictionary, [:]], "array of dictionaries")
        }
        try expectSameJSON([[String]](), "empty array")
        try expectSameJSON([[[String]]()], "nested empty arrays")
        try expectSameJSON([Int8.min, 0, Int8.max].map { $0 }, "Int8")
        try expectSameJSON([UInt64.max], "UInt64")
        try expectSameJSON([Int.min, -1, 0, Int.max], "Int")
        try expectSameJSON([true, false], "Bool")
        try expectSameJSON(["a", nil] as [String?], "nil element")
    }

    /// A value with a field `JSONEncoder` writes with a strategy of its own.
    private struct Dated: Encodable {
        var when = Date(timeIntervalSince1970: 0)
    }

    /// A value that writes a member through a nested container.
    private struct Nested: Encodable {
        enum Keys: String, CodingKey { case outer, inner }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
            try nested.encode("x", forKey: .inner)
        }
    }

    /// What the byte encoder leaves to `JSONEncoder` gives nil rather than different text.
    @Test func whatItDoesNotCoverGivesNil() {
        #expect(JSONByteEncoder().encode([1.5]) == nil)
        #expect(JSONByteEncoder().encode(Dated()) == nil)
        #expect(JSONByteEncoder().encode([URL(fileURLWithPath: "/tmp")]) == nil)
        #expect(JSONByteEncoder().encode(Data([1, 2])) == nil)
        #expect(JSONByteEncoder().encode(Nested()) == nil)
    }
}
