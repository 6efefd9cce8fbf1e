import CLibCrypto
import Foundation

/// The whole pipeline: bytes → decoded text → blocks → extractors → `MeetingRecord`.
public struct MinutesParser: Sendable {
    /// Limits and choices for parsing.
    public struct Options: Sendable {
        /// Largest input accepted, in bytes (default 64 MiB).
        public var maxBytes: Int = 64 << 20
        /// Forces a format instead of guessing from the extension and content.
        public var format: DocumentFormat?
        /// Creates options with the defaults.
        public init(maxBytes: Int = 64 << 20, format: DocumentFormat? = nil) {
            self.maxBytes = maxBytes
            self.format = format
        }
    }

    /// The options in force.
    public var options: Options

    /// Creates a parser.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads and parses the file at `path`. Throws `MinutesError` naming the file and the problem.
    public func parseFile(atPath path: String) throws -> MeetingRecord {
        let bytes = try Self.readFile(atPath: path, maxBytes: options.maxBytes)
        return try parse(bytes: bytes, path: path)
    }

    /// Parses `bytes` that came from `path` (used for format guessing, messages and provenance).
    /// A file holding several dated meetings gives its first (as listed) meeting, with a warning;
    /// `parseMeetings(bytes:path:)` gives them all.
    public func parse(bytes: [UInt8], path: String) throws -> MeetingRecord {
        let (document, source, decodeWarnings) = try read(bytes: bytes, path: path)
        let meetings = MeetingSplitter.split(document)
        var record = Self.record(for: meetings[0], source: source, warnings: decodeWarnings)
        if meetings.count > 1 { record.warnings.append("\(meetings.count) meetings in one file; use --split") }
        return record
    }

    /// Parses `bytes` into one record per meeting: files of running notes with a dated heading per
    /// meeting give one record each (in the file's order); ordinary minutes give one record.
    public func parseMeetings(bytes: [UInt8], path: String) throws -> [MeetingRecord] {
        let (document, source, decodeWarnings) = try read(bytes: bytes, path: path)
        return MeetingSplitter.split(document).map { Self.record(for: $0, source: source, warnings: decodeWarnings) }
    }

    /// Reads and parses every meeting of the file at `path`.
    public func parseMeetingsInFile(atPath path: String) throws -> [MeetingRecord] {
        let bytes = try Self.readFile(atPath: path, maxBytes: options.maxBytes)
        return try parseMeetings(bytes: bytes, path: path)
    }

    /// Checks, decodes and reads `bytes` into blocks.
    func read(bytes: [UInt8], path: String) throws -> (BlockDocument, Source, [String]) {
        guard !bytes.isEmpty else { throw MinutesError.empty(path: path) }
        guard bytes.count <= options.maxBytes else {
            throw MinutesError.tooLarge(path: path, bytes: bytes.count, limit: options.maxBytes)
        }
        let format = options.format ?? FormatSniffer.format(forPath: path) ?? FormatSniffer.format(forContent: bytes)
        let charset = format == .html ? FormatSniffer.declaredCharset(html: bytes) : nil
        let decoded = try TextDecoder.decode(bytes, path: path, declaredCharset: charset)
        let document = Self.reader(for: format, text: decoded.text).read(decoded.text, baseURL: nil)
        let source = Source(path: path, format: format, encoding: decoded.encoding, sha256: Self.sha256(bytes), bytes: bytes.count)
        return (document, source, decoded.warnings)
    }

    /// Runs the extractors over one meeting's blocks.
    static func record(for document: BlockDocument, source: Source, warnings: [String]) -> MeetingRecord {
        var record = MeetingRecord(source: source)
        record.warnings = warnings + document.warnings
        MeetingExtractor().extract(from: document, into: &record)
        return record
    }

    /// The reader for `format`.
    public static func reader(for format: DocumentFormat) -> any DocumentReader {
        switch format {
        case .text: return PlainTextReader()
        case .html: return HTMLReader()
        case .markdown: return MarkdownReader()
        }
    }

    /// The reader for `format`, looking at the decoded `text`: plain text that is an IRC log gets the `IRCLogReader`.
    public static func reader(for format: DocumentFormat, text: String) -> any DocumentReader {
        if format == .text, IRCLogReader.looksLikeIRCLog(text) { return IRCLogReader() }
        return reader(for: format)
    }

    /// Reads a whole file, refusing directories, unreadable files and files over `maxBytes`.
    public static func readFile(atPath path: String, maxBytes: Int) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MinutesError.notFound(path: path)
        }
        if isDirectory.boolValue { throw MinutesError.isDirectory(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MinutesError.unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            if size > UInt64(maxBytes) { throw MinutesError.tooLarge(path: path, bytes: Int(size), limit: maxBytes) }
            try handle.seek(toOffset: 0)
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch let error as MinutesError {
            throw error
        } catch {
            throw MinutesError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Lower-case hex SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = bytes.withUnsafeBufferPointer { SHA256($0.baseAddress, $0.count, &digest) }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        return String(decoding: digest.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
