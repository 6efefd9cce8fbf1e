import Testing
@testable import MinutesCore

/// Smoke test of the whole pipeline: bytes in, a record with provenance out.
@Test func parserRecordsProvenance() throws {
    let bytes = Array("Minutes of the board meeting\n\nRESOLVED: the budget is approved.\n".utf8)
    let record = try MinutesParser().parse(bytes: bytes, path: "board.txt")
    #expect(record.source.path == "board.txt")
    #expect(record.source.bytes == bytes.count)
    #expect(record.source.sha256.count == 64)
}

/// Empty input is refused with a typed error naming the file.
@Test func parserRefusesEmptyInput() {
    #expect(throws: MinutesError.empty(path: "empty.txt")) {
        try MinutesParser().parse(bytes: [], path: "empty.txt")
    }
}
