import CLibCrypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        return try parse(bytes: consume bytes, path: path)
    }

    /// Parses `bytes` that came from `path` (used for format guessing, messages and provenance).
    /// A file holding several dated meetings gives its first (as listed) meeting, with a warning;
    /// `parseMeetings(bytes:path:)` gives them all.
    /// The bytes are consumed: a caller that passes its last use of them lets the parse free them
    /// once they are decoded, so they do not stay beside the text and its blocks.
    public func parse(bytes: consuming [UInt8], path: String) throws -> MeetingRecord {
        let (document, source, decodeWarnings) = try read(bytes: bytes, path: path)
        let meetings = MeetingSplitter.split(document)
        var record = Self.record(for: meetings[0], source: source, warnings: decodeWarnings)
        if meetings.count > 1 { record.warnings.append("\(meetings.count) meetings in one file; use --split") }
        return record
    }

    /// Parses `bytes` into one record per meeting: files of running notes with a dated heading per
    /// meeting give one record each (in the file's order); ordinary minutes give one record.
    /// The bytes are consumed, as by `parse(bytes:path:)`.
    public func parseMeetings(bytes: consuming [UInt8], path: String) throws -> [MeetingRecord] {
        let (document, source, decodeWarnings) = try read(bytes: bytes, path: path)
        return MeetingSplitter.split(document).map { Self.record(for: $0, source: source, warnings: decodeWarnings) }
    }

    /// Reads and parses every meeting of the file at `path`.
    public func parseMeetingsInFile(atPath path: String) throws -> [MeetingRecord] {
        let bytes = try Self.readFile(atPath: path, maxBytes: options.maxBytes)
        return try parseMeetings(bytes: consume bytes, path: path)
    }

    /// Checks, decodes and reads `bytes` into blocks.
    /// `bytes` are released once decoded (when the caller passed its last use of them).
    func read(bytes: consuming [UInt8], path: String) throws -> (BlockDocument, Source, [String]) {
        guard !bytes.isEmpty else { throw MinutesError.empty(path: path) }
        guard bytes.count <= options.maxBytes else {
            throw MinutesError.tooLarge(path: path, bytes: bytes.count, limit: options.maxBytes)
        }
        let format = options.format ?? FormatSniffer.format(forPath: path) ?? FormatSniffer.format(forContent: bytes)
        let (digest, count) = (Self.sha256(bytes), bytes.count)
        let document: BlockDocument, encoding: String, warnings: [String]
        if let reader = Self.reader(for: format) as? any UTF8DocumentReader {
            // libxml2 and cmark-gfm read UTF-8 bytes: the decoded text stays bytes (normalised in place when they are UTF-8).
            let charset = format == .html ? FormatSniffer.declaredCharset(html: bytes) : nil
            var decoded = try TextDecoder.decodeUTF8(consume bytes, path: path, declaredCharset: charset)
            (encoding, warnings) = (decoded.encoding, decoded.warnings)
            // The reader gets the only reference to the text, so it can free it as soon as it is read.
            let utf8 = decoded.utf8
            decoded.utf8 = []
            document = reader.read(utf8: consume utf8, baseURL: nil)
        } else {
            var decoded = try TextDecoder.decode(bytes, path: path)
            bytes = []
            (encoding, warnings) = (decoded.encoding, decoded.warnings)
            let reader = Self.reader(for: format, text: decoded.text)
            let text = decoded.text
            decoded.text = ""
            document = reader.read(consume text, baseURL: nil)
        }
        return (document, Source(path: path, format: format, encoding: encoding, sha256: digest, bytes: count), warnings)
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

    /// Reads a whole file, refusing what cannot be a document before reading a byte of it:
    /// a missing path, a directory, anything but a regular file (a FIFO would block, `/dev/zero`
    /// would never end), a file without read permission, and a file over `maxBytes`.
    /// Never reads more than `maxBytes + 1` bytes, even from a file that grows while it is read.
    public static func readFile(atPath path: String, maxBytes: Int) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw MinutesError.notFound(path: path)
            default: throw MinutesError.unreadable(path: path, reason: describe(errno: code))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw MinutesError.isDirectory(path: path)
        case S_IFIFO: throw MinutesError.unreadable(path: path, reason: "a named pipe, not a regular file")
        case S_IFSOCK: throw MinutesError.unreadable(path: path, reason: "a socket, not a regular file")
        case S_IFCHR, S_IFBLK: throw MinutesError.unreadable(path: path, reason: "a device, not a regular file")
        default: throw MinutesError.unreadable(path: path, reason: "not a regular file")
        }
        if info.st_size > maxBytes { throw MinutesError.tooLarge(path: path, bytes: Int(info.st_size), limit: maxBytes) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw MinutesError.unreadable(path: path, reason: describe(errno: errno)) }
        defer { close(fd) }
        return try read(fileDescriptor: fd, path: path, maxBytes: maxBytes, sizeHint: Int(info.st_size))
    }

    /// Reads `fileDescriptor` to its end (standard input, a file), refusing more than `maxBytes`
    /// with `MinutesError.tooLarge` as soon as the limit is passed, so memory stays bounded.
    /// The first `sizeHint` bytes (a file's size) and one more are read straight into the result, which keeps that
    /// one byte of room (a reader may end the bytes with a NUL without a copy); only a longer input is read on in chunks.
    public static func read(fileDescriptor: Int32, path: String, maxBytes: Int, sizeHint: Int = 0) throws -> [UInt8] {
        let capacity = min(max(sizeHint, 0), maxBytes) + 1
        var bytes = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            while count < buffer.count {
                let got = try readSome(fileDescriptor, into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...])), path: path)
                if got == 0 { return }
                count += got
            }
        }
        guard bytes.count == capacity else { return bytes }
        // Longer than the hint said (standard input, a file that grew): read on a chunk at a time.
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while bytes.count <= maxBytes {
            let count = try buffer.withUnsafeMutableBytes { try readSome(fileDescriptor, into: $0, path: path) }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        if bytes.count > maxBytes {
            throw MinutesError.tooLarge(path: path, bytes: bytes.count, limit: maxBytes)
        }
        return bytes
    }

    /// One `read(2)` into `buffer`, tried again when interrupted or not ready: the byte count, 0 at the end.
    private static func readSome(_ fileDescriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
        while true {
            let count = Glibc.read(fileDescriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN { usleep(1000); continue }
            throw MinutesError.unreadable(path: path, reason: describe(errno: code))
        }
    }

    /// `strerror(3)` in lower case ("permission denied", "too many levels of symbolic links").
    private static func describe(errno code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        let text = String(cString: message)
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// Lower-case hex SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        bytes.withUnsafeBufferPointer { input in
            // One-shot digest with the algorithm fetched once: OpenSSL 3's `SHA256()` looks the algorithm up in the
            // provider store on every call, which cost more than hashing a small document.
            if let algorithm = sha256Algorithm, EVP_Digest(input.baseAddress, input.count, &digest, nil, algorithm, nil) == 1 {
                return
            }
            _ = SHA256(input.baseAddress, input.count, &digest)
        }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        return String(decoding: digest.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    /// OpenSSL's SHA-256 implementation, fetched once; an `EVP_MD` is read-only after fetching, so threads share it.
    nonisolated(unsafe) private static let sha256Algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)
}
