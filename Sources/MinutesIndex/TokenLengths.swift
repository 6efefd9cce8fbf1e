import Foundation
import GRDB
import GRDBSQLite

/// Every finding's length in tokens, one byte each, in rows of 256 findings: what the
/// full-text table's own per-row counts held (schema v4 turns those off: 10 bytes a finding)
/// in about one byte a finding. BM25 reads it (see `RankFunction`).
///
/// Byte `id % 256` of row `id / 256` is 1 + the token count of finding `id`; 0 means not
/// recorded (more than 254 tokens, or a finding written before the table existed), and the
/// count is then taken from the text by FTS5. A deleted finding's byte stays until its id is
/// used again; no query asks for it, since it is no longer in the full-text index.
enum TokenLengths {
    /// The table's name.
    static let table = "finding_lengths"
    /// Findings per row.
    static let chunkSize: Int64 = 256
    /// The SQL that creates the table.
    static let createSQL = "CREATE TABLE \(table)(chunk INTEGER PRIMARY KEY, counts BLOB NOT NULL)"

    /// The stored byte for a count: 1 + the count, or 0 when it does not fit.
    static func code(_ count: Int) -> UInt8 {
        count >= 0 && count <= 254 ? UInt8(count + 1) : 0
    }

    /// The number of tokens `unicode61` makes of a plain-ASCII `text` (runs of letters and
    /// digits; `porter` and `minutes_fold` neither add nor drop a token); nil when `text`
    /// holds other bytes.
    static func asciiTokenCount(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        var inToken = false
        for byte in text {
            if byte >= 0x80 { return nil }
            let letter = byte | 0x20
            let isTokenByte = (byte >= 0x30 && byte <= 0x39) || (letter >= 0x61 && letter <= 0x7A)
            if isTokenByte && !inToken { count += 1 }
            inToken = isTokenByte
        }
        return count
    }

    /// Stores `codes` (see `code`) for the findings `first ..< first + codes.count`, one read
    /// and one write per row of 256 touched.
    static func store(_ codes: [UInt8], first: Int64, read: Statement, write: Statement) throws {
        var offset = 0
        while offset < codes.count {
            let id = first + Int64(offset)
            let chunk = id / chunkSize
            let start = Int(id % chunkSize)
            let count = min(codes.count - offset, Int(chunkSize) - start)
            var bytes = [UInt8]((try Data.fetchOne(read, arguments: [chunk])) ?? Data())
            if bytes.count < start + count { bytes += [UInt8](repeating: 0, count: start + count - bytes.count) }
            bytes.replaceSubrange(start..<start + count, with: codes[offset..<offset + count])
            try write.execute(arguments: [chunk, Data(bytes)])
            offset += count
        }
    }
}

/// Counts a text's tokens the way the full-text tables' tokenizer does: by hand for plain
/// ASCII, through `unicode61 remove_diacritics 2` otherwise (the outer tokenizers keep the count).
struct TokenCounter {
    private let tokenizer: any FTS5Tokenizer

    /// Makes the `unicode61` tokenizer on `db`.
    init(_ db: Database) throws {
        tokenizer = try db.makeTokenizer(FTS5TokenizerDescriptor(components: ["unicode61", "remove_diacritics", "2"]))
    }

    /// The number of tokens in `text`.
    func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes -> Int in
            if let count = TokenLengths.asciiTokenCount(bytes) { return count }
            guard let base = bytes.baseAddress else { return 0 }
            var count = 0
            _ = withUnsafeMutablePointer(to: &count) { counter in
                UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                    tokenizer.tokenize(context: counter, tokenization: .document, pText: pointer, nText: CInt(bytes.count)) {
                        context, flags, _, _, _, _ in
                        if flags & FTS5_TOKEN_COLOCATED == 0 {
                            context?.assumingMemoryBound(to: Int.self).pointee += 1
                        }
                        return 0
                    }
                }
            }
            return count
        }
    }
}
