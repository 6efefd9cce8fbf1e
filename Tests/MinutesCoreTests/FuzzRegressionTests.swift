import Foundation
import Testing
@testable import MinutesCore

/// Replays every input the fuzzer (`.ci/fuzz`) once found a problem with, through the same path
/// the fuzz target takes: as text, HTML, Markdown and guessed, then encoded as JSON and JSON-LD.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("FuzzRegressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0 != "README.md" }.sorted()
    }

    @Test func regressionDirectoryExists() {
        #expect(FileManager.default.fileExists(atPath: Self.directory.appendingPathComponent("README.md").path))
    }

    @Test(arguments: inputs)
    func replay(name: String) throws {
        let bytes = try MinutesParser.readFile(atPath: Self.directory.appendingPathComponent(name).path, maxBytes: 64 << 20)
        for format in [nil] + DocumentFormat.allCases.map(Optional.some) {
            do {
                let record = try MinutesParser(options: .init(format: format)).parse(bytes: bytes, path: name)
                _ = try RecordEncoder.encode(record, style: .json)
                _ = try RecordEncoder.encode(record, style: .jsonld)
            } catch let error as MinutesError {
                #expect(error.description.hasPrefix(name + ": "))
            }
        }
    }
}
