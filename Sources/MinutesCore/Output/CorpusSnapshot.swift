import Foundation

/// Keeps `Output/` in step with `Corpus/`: every corpus document's record as pretty JSON,
/// at the same relative path with `.json` appended (`Corpus/text/a.txt` → `Output/text/a.txt.json`).
public struct CorpusSnapshot: Sendable {
    /// The folder of sample minutes.
    public var corpus: URL
    /// The folder of generated JSON.
    public var output: URL

    /// Creates a snapshot over `corpus` and `output`.
    public init(corpus: URL, output: URL) {
        self.corpus = corpus
        self.output = output
    }

    /// Corpus documents (relative paths, sorted): every file but the manifest and licence notes.
    public func documents() throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw MinutesError.notFound(path: corpus.path)
        }
        var paths: [String] = []
        let base = corpus.standardizedFileURL.path
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  FormatSniffer.format(forPath: url.path) != nil, !url.lastPathComponent.hasPrefix("MANIFEST"),
                  !url.lastPathComponent.hasPrefix("README") else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }

    /// The JSON each document should have, keyed by its output path (relative).
    /// Records carry the path relative to the corpus, so output does not depend on where the checkout is.
    public func expected(parser: MinutesParser = MinutesParser()) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for relative in try documents() {
            let bytes = try MinutesParser.readFile(atPath: corpus.appendingPathComponent(relative).path, maxBytes: parser.options.maxBytes)
            let record = try parser.parse(bytes: bytes, path: relative)
            var data = try RecordEncoder.encode(record, pretty: true)
            data.append(0x0A)
            result[relative + ".json"] = data
        }
        return result
    }

    /// Writes every expected file and deletes JSON files no document produces. Returns how many were written.
    @discardableResult
    public func write(parser: MinutesParser = MinutesParser()) throws -> Int {
        let expected = try expected(parser: parser)
        for (relative, data) in expected {
            let url = output.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        for stale in try existingOutputs() where expected[stale] == nil {
            try FileManager.default.removeItem(at: output.appendingPathComponent(stale))
        }
        return expected.count
    }

    /// Relative paths of outputs that are missing, different or left over; empty when in sync.
    public func staleOutputs(parser: MinutesParser = MinutesParser()) throws -> [String] {
        let expected = try expected(parser: parser)
        var stale: [String] = []
        for (relative, data) in expected.sorted(by: { $0.key < $1.key }) {
            if FileManager.default.contents(atPath: output.appendingPathComponent(relative).path) != data { stale.append(relative) }
        }
        stale += try existingOutputs().filter { expected[$0] == nil }
        return stale
    }

    private func existingOutputs() throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil) else { return [] }
        let base = output.standardizedFileURL.path
        return walker.compactMap { ($0 as? URL)?.standardizedFileURL.path }
            .filter { $0.hasSuffix(".json") }
            .map { String($0.dropFirst(base.count + 1)) }
    }
}
