import Foundation
import Testing
@testable import MinutesCore
#if canImport(Glibc)
import Glibc
#endif

/// Deterministic pseudo-random bytes (SplitMix64), so every run sees the same "random" input.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A fresh temporary directory, removed when the value is released.
final class ScratchDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "minutes-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let target = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Writes `size` bytes by repeating `unit`, a megabyte at a time (no big buffer in memory).
    @discardableResult
    func writeRepeating(_ name: String, unit: String, size: Int) throws -> String {
        let target = file(name)
        #expect(FileManager.default.createFile(atPath: target, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: target))
        defer { try? handle.close() }
        let unitBytes = Array(unit.utf8)
        var chunk: [UInt8] = []
        while chunk.count < 1 << 20 { chunk += unitBytes }
        var written = 0
        while written < size {
            let part = chunk.prefix(size - written)
            try handle.write(contentsOf: Data(part))
            written += part.count
        }
        return target
    }
}

private let sampleMinutes = """
    Board meeting, 12 March 2024
    Present: Alice Martin, Bob Jones
    Resolved: the board approved the budget.
    ACTION: Alice to prepare the benchmarking report.

    """

/// Every bad input gets a defined outcome: a typed `MinutesError` naming the file, or a record
/// whose `warnings` say what was odd. Nothing crashes, hangs or grows without bound.
@Suite("Hostile input")
struct HostileInputTests {
    // MARK: Files that are not documents

    @Test func emptyFileIsRefused() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("empty.txt", [])
        #expect(throws: MinutesError.empty(path: path)) { try MinutesParser().parseFile(atPath: path) }
        #expect(throws: MinutesError.empty(path: "-")) { try MinutesParser().parse(bytes: [], path: "-") }
    }

    @Test func missingPathIsRefused() {
        let path = "/nonexistent-\(UUID().uuidString)/minutes.txt"
        #expect(throws: MinutesError.notFound(path: path)) { try MinutesParser().parseFile(atPath: path) }
    }

    @Test func directoryIsRefused() throws {
        let dir = try ScratchDirectory()
        #expect(throws: MinutesError.isDirectory(path: dir.path)) { try MinutesParser().parseFile(atPath: dir.path) }
    }

    /// Root reads any file whatever its mode; `CLITests.unreadableFile` runs this case as `nobody` then.
    @Test(.enabled(if: getuid() != 0, "running as root: CLITests.unreadableFile covers this as an unprivileged user"))
    func fileWithoutReadPermissionIsRefused() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("secret.txt", Array(sampleMinutes.utf8))
        chmod(path, 0)
        #expect(throws: MinutesError.unreadable(path: path, reason: "permission denied")) {
            try MinutesParser().parseFile(atPath: path)
        }
    }

    @Test func namedPipeIsRefusedWithoutBlocking() throws {
        let dir = try ScratchDirectory()
        let path = dir.file("pipe.txt")
        try #require(mkfifo(path, 0o644) == 0)
        #expect(throws: MinutesError.unreadable(path: path, reason: "a named pipe, not a regular file")) {
            try MinutesParser().parseFile(atPath: path)
        }
    }

    @Test func endlessDeviceIsRefused() {
        #expect(throws: MinutesError.unreadable(path: "/dev/zero", reason: "a device, not a regular file")) {
            try MinutesParser().parseFile(atPath: "/dev/zero")
        }
    }

    @Test func endlessStreamStopsAtTheSizeCap() throws {
        // What `minutes parse -` does with standard input: read no more than the cap allows.
        let fd = open("/dev/zero", O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(throws: MinutesError.self) {
            try MinutesParser.read(fileDescriptor: fd, path: "-", maxBytes: 1 << 20)
        }
        do {
            _ = try MinutesParser.read(fileDescriptor: fd, path: "-", maxBytes: 1 << 20)
        } catch let error as MinutesError {
            #expect(error.description.hasPrefix("-: "))
            #expect(error.description.contains("over the size limit of 1048576 bytes"))
        }
    }

    // MARK: Bytes that are not text

    @Test func pngIsRefusedAsBinary() throws {
        let dir = try ScratchDirectory()
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        var generator = SplitMix64(seed: 1)
        png += (0..<4000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = try dir.write("minutes.txt", png)
        #expect(throws: MinutesError.binary(path: path, reason: "PNG image")) { try MinutesParser().parseFile(atPath: path) }
    }

    @Test func randomBytesAreRefusedAsBinary() throws {
        var generator = SplitMix64(seed: 42)
        let bytes = (0..<65536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: MinutesError.self) { try MinutesParser().parse(bytes: bytes, path: "noise.txt") }
        do {
            _ = try MinutesParser().parse(bytes: bytes, path: "noise.txt")
        } catch let error as MinutesError {
            guard case .binary(let path, let reason) = error else { Issue.record("expected .binary, got \(error)"); return }
            #expect(path == "noise.txt")
            #expect(reason.contains("control characters"))
        }
    }

    @Test func shortRandomInputsGiveAnErrorOrAWarnedRecord() {
        // Short noise may pass for Windows-1252 text; then the record must say so.
        for seed in 0..<200 as Range<UInt64> {
            var generator = SplitMix64(seed: seed)
            let count = Int.random(in: 1...512, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for format in DocumentFormat.allCases {
                do {
                    let record = try MinutesParser(options: .init(format: format)).parse(bytes: bytes, path: "noise")
                    #expect(!record.warnings.isEmpty, "seed \(seed) \(format): a record from noise without warnings")
                } catch let error as MinutesError {
                    #expect(error.description.hasPrefix("noise: "))
                } catch {
                    Issue.record("seed \(seed): unexpected \(error)")
                }
            }
        }
    }

    @Test func invalidUTF8IsReadAsWindows1252WithAWarning() throws {
        let bytes = Array(sampleMinutes.utf8) + [0xC3, 0x28, 0xFF, 0x80, 0xE9] + Array(" end\n".utf8)
        let record = try MinutesParser().parse(bytes: bytes, path: "latin.txt")
        #expect(record.source.encoding == "windows-1252")
        #expect(record.warnings.contains { $0.contains("not valid UTF-8") })
    }

    @Test func utf16WithoutBOMIsReadWithAWarning() throws {
        let bytes = sampleMinutes.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let record = try MinutesParser().parse(bytes: bytes, path: "wide.txt")
        #expect(record.source.encoding == "UTF-16LE")
        #expect(record.warnings.contains { $0.contains("no byte-order mark") })
    }

    @Test func nulBytesInsideTextAreRemovedWithAWarning() throws {
        var bytes = Array(sampleMinutes.utf8)
        bytes.insert(0, at: 10)
        bytes.insert(0, at: 40)
        let record = try MinutesParser().parse(bytes: bytes, path: "nul.txt")
        #expect(record.warnings.contains("2 NUL characters removed"))
        let json = String(decoding: try RecordEncoder.encode(record), as: UTF8.self)
        #expect(!json.contains("\\u0000"))
    }

    // MARK: Size

    @Test func hundredMegabyteFileIsRefusedByTheSizeCap() throws {
        let dir = try ScratchDirectory()
        let size = 100 << 20
        let path = try dir.writeRepeating("huge.txt", unit: sampleMinutes, size: size)
        #expect(throws: MinutesError.tooLarge(path: path, bytes: size, limit: 64 << 20)) {
            try MinutesParser().parseFile(atPath: path)
        }
        #expect(MinutesError.tooLarge(path: path, bytes: size, limit: 64 << 20).description.contains("--max-size"))
    }

    @Test func bigFileParsesWithARaisedCap() throws {
        let dir = try ScratchDirectory()
        let size = 20 << 20
        let path = try dir.writeRepeating("big.txt", unit: sampleMinutes, size: size)
        #expect(throws: MinutesError.tooLarge(path: path, bytes: size, limit: 16 << 20)) {
            try MinutesParser(options: .init(maxBytes: 16 << 20)).parseFile(atPath: path)
        }
        let record = try MinutesParser(options: .init(maxBytes: 24 << 20)).parseFile(atPath: path)
        #expect(record.source.bytes == size)
        #expect(record.source.encoding == "UTF-8")
    }

    @Test(arguments: DocumentFormat.allCases)
    func singleFiveMegabyteLine(format: DocumentFormat) throws {
        var generator = SplitMix64(seed: 5)
        // Acronyms after capitalised words: each "(ACR)" looks back at the words before it, which must cost the
        // tail read, not the whole line before it (that was quadratic: minutes on a 1 MB line).
        let words = ["budget", "approved", "the", "board", "Alice", "report", "résumé", "Malmø", "ACTION:", "2024-03-12",
                     "Global", "Cleantech", "Cluster", "Association", "(GCCA)", "(W3C)"]
        var line = "Resolved: "
        while line.utf8.count < 5 << 20 {
            line += words[Int.random(in: 0..<words.count, using: &generator)] + " "
        }
        let record = try MinutesParser(options: .init(format: format)).parse(bytes: Array(line.utf8), path: "line")
        #expect(record.source.bytes >= 5 << 20)
    }

    // MARK: HTML

    @Test func htmlNestedTwentyThousandLevelsIsTruncatedWithAWarning() throws {
        let depth = 20_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Resolved: deep text</p>"
            + String(repeating: "</div>", count: depth) + "<p>Resolved: shallow text</p></body></html>"
        let record = try MinutesParser().parse(bytes: Array(html.utf8), path: "deep.html")
        #expect(record.warnings.contains { $0.contains("nested more than 256 levels") })
        let inline = "<p>" + String(repeating: "<b><i>", count: depth) + "x" + String(repeating: "</i></b>", count: depth)
        _ = try MinutesParser().parse(bytes: Array(inline.utf8), path: "deep-inline.html")
    }

    @Test func markdownNestedTwentyThousandLevelsDoesNotOverflowTheStack() throws {
        let inputs = [
            String(repeating: ">", count: 20_000) + " Resolved: deep\n",
            String(repeating: "1. ", count: 20_000) + "x\n",
            (0..<2_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined(),
            String(repeating: "*", count: 20_000) + "x" + String(repeating: "*", count: 20_000) + "\n"
                + String(repeating: "[", count: 20_000) + "x" + String(repeating: "]", count: 20_000) + "\n",
        ]
        for markdown in inputs {
            _ = try MinutesParser().parse(bytes: Array(markdown.utf8), path: "deep.md")
        }
    }

    @Test func unclosedAndMisnestedTagsAreRecovered() throws {
        let html = """
            <html><head><title>Board meeting<body><h1>Board <i>meeting</h1>
            <p>Present: Alice Martin, Bob Jones
            <p>Resolved: <b>the board <i>approved</b> the budget</i>
            <ul><li>ACTION: Alice to prepare the report<li>second <table><tr><td>cell</p></ul>
            <div><span><p>unclosed everything
            """
        let record = try MinutesParser().parse(bytes: Array(html.utf8), path: "soup.html")
        #expect(record.findings.contains { $0.text.contains("approved the budget") })
        let document = HTMLReader().read(html, baseURL: nil)
        #expect(document.blocks.contains { $0.text.contains("unclosed everything") })
    }

    @Test func entityExpansionBombIsNotExpanded() throws {
        // "Billion laughs": 10 levels of 10 references would be 3 GB of "lol" if expanded.
        var dtd = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        for prolog in ["", "<?xml version=\"1.0\"?>\n"] {
            let html = prolog + "<!DOCTYPE html [\n" + dtd + "]>\n<html><body><p>Resolved: &lol9; done</p></body></html>"
            let record = try MinutesParser().parse(bytes: Array(html.utf8), path: "bomb.html")
            let json = try RecordEncoder.encode(record)
            #expect(json.count < 100 * html.utf8.count)
        }
    }

    @Test func externalEntitiesAreNotLoaded() throws {
        let dir = try ScratchDirectory()
        let secret = try dir.write("secret.txt", Array("TOP-SECRET-CONTENT-4711".utf8))
        let html = """
            <?xml version="1.0"?>
            <!DOCTYPE html [
              <!ENTITY xxe SYSTEM "file://\(secret)">
              <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;
            ]>
            <html><body><p>Resolved: value &xxe; here</p></body></html>
            """
        for format in [DocumentFormat.html, .markdown] {
            let record = try MinutesParser(options: .init(format: format)).parse(bytes: Array(html.utf8), path: "xxe.html")
            let json = String(decoding: try RecordEncoder.encode(record), as: UTF8.self)
            #expect(!json.contains("TOP-SECRET"))
        }
    }

    @Test func libxml2IsNeverAskedToExpandEntitiesOrLiftLimits() throws {
        // XML_PARSE_NOENT / HTML_PARSE_NOENT expand entities, *_HUGE lifts the depth and size limits,
        // DTDLOAD fetches external DTDs: none may appear in code (comments may mention them).
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") || $0.hasSuffix(".h") }
        #expect(files.contains("MinutesCore/Readers/HTMLReader.swift"))
        for file in files {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//"), !code.hasPrefix("*"), !code.hasPrefix("/*") else { continue }
                for flag in ["PARSE_NOENT", "PARSE_HUGE", "PARSE_DTDLOAD", "PARSE_DTDVALID", "xmlSubstituteEntitiesDefault"] {
                    #expect(!code.contains(flag), "\(file): \(code)")
                }
            }
        }
        let reader = try String(contentsOfFile: sources.appendingPathComponent("MinutesCore/Readers/HTMLReader.swift").path,
                                encoding: .utf8)
        #expect(reader.contains("HTML_PARSE_NONET"))
    }
}
