import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// `minutes_bm25(findings_fts)`: FTS5's built-in `bm25` (k1 = 1.2, b = 0.75, one weight per
/// column), giving the same scores, for the findings table, which keeps no per-row token counts
/// (`columnsize=0`). The lengths it reads are those of findings, so it ranks only that table.
///
/// There the built-in function runs the whole tokenizer on every ranked row's text to learn
/// its length, which costs a read of the row and its tokenizing. This one reads the length
/// from `TokenLengths` (one small row per 256 findings; the ranked rows come in id order, so
/// most share it), and asks FTS5 only for rows that have none recorded. Registered on every
/// connection of the index.
enum RankFunction {
    /// The function's SQL name.
    static let name = "minutes_bm25"

    /// Registers the function on `db`.
    static func register(on db: Database) {
        let api = FTS5.api(db)
        _ = name.withCString { name in
            api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, rank, nil)
        }
    }

    /// What a query's rows share: the average row length, each phrase's IDF, and the
    /// statement reading `TokenLengths` with the last row of it read.
    final class QueryData {
        /// Average tokens per row.
        let averageLength: Double
        /// Inverse document frequency of each phrase of the query.
        let inverseFrequencies: [Double]
        /// Per-row phrase frequencies (scratch space, one per phrase).
        var frequencies: [Double]
        /// `SELECT counts FROM finding_lengths WHERE chunk = ?`; nil when there is no such table.
        private let lookup: OpaquePointer?
        /// The chunk whose counts are in `counts`.
        private var chunk: Int64 = -1
        /// The stored bytes of `chunk` (see `TokenLengths`).
        private var counts: [UInt8] = []

        /// Keeps the query's figures and prepares the `TokenLengths` read on `connection`.
        init(averageLength: Double, inverseFrequencies: [Double], connection: OpaquePointer?) {
            self.averageLength = averageLength
            self.inverseFrequencies = inverseFrequencies
            frequencies = Array(repeating: 0, count: inverseFrequencies.count)
            var statement: OpaquePointer?
            let sql = "SELECT counts FROM \(TokenLengths.table) WHERE chunk = ?"
            if sqlite3_prepare_v3(connection, sql, -1, 0, &statement, nil) != SQLITE_OK {
                sqlite3_finalize(statement)
                statement = nil
            }
            lookup = statement
        }

        deinit { sqlite3_finalize(lookup) }

        /// The recorded token count of row `rowid`; nil when none is recorded.
        func recordedLength(of rowid: Int64) -> Int? {
            guard let lookup, rowid >= 0 else { return nil }
            let wanted = rowid / TokenLengths.chunkSize
            if wanted != chunk {
                chunk = wanted
                counts = []
                sqlite3_bind_int64(lookup, 1, wanted)
                if sqlite3_step(lookup) == SQLITE_ROW, let blob = sqlite3_column_blob(lookup, 0) {
                    let size = Int(sqlite3_column_bytes(lookup, 0))
                    counts = [UInt8](UnsafeRawBufferPointer(start: blob, count: size))
                }
                sqlite3_reset(lookup)
            }
            let offset = Int(rowid % TokenLengths.chunkSize)
            guard offset < counts.count, counts[offset] > 0 else { return nil }
            return Int(counts[offset]) - 1
        }
    }

    /// How many findings hold each unit of the search running on a connection (see
    /// `sharingUnitHits(on:_:)`): the IDF of a unit is counted once per search, not once per
    /// statement of it that ranks (a natural query of k words runs up to k + 1 of them).
    final class UnitHits: @unchecked Sendable {
        /// Findings holding unit `i`, once counted.
        var hits: [Int: Int64] = [:]
    }

    /// The unit counts of the search running on each connection (by its handle's address).
    private static let runningSearches = Mutex<[Int: UnitHits]>([:])

    /// Runs `body` (one search, inside one read transaction) with a count of each unit's
    /// findings kept for all its statements. Statements pass the unit number of each of their
    /// phrases after the column weight: `minutes_bm25(findings_fts, 1.0, 0, 1, 0, 2, …)`.
    static func sharingUnitHits<T>(on db: Database, _ body: () throws -> T) rethrows -> T {
        let key = Int(bitPattern: db.sqliteConnection)
        runningSearches.withLock { $0[key] = UnitHits() }
        defer { _ = runningSearches.withLock { $0.removeValue(forKey: key) } }
        return try body()
    }

    /// `name(findings_fts, 1.0, u0, u1, …)`: the rank of rows matching an expression whose phrases
    /// are, in order, the units numbered `units`; plain `name(findings_fts)` without them.
    static func expression(table: String, units: [Int]?) -> String {
        guard let units, !units.isEmpty else { return "\(name)(\(table))" }
        return "\(name)(\(table), 1.0, " + units.map(String.init).joined(separator: ", ") + ")"
    }

    /// The query's shared data, computed on the first row and kept by FTS5 until the query ends.
    /// The function's `arguments` after the column weight are the unit numbers of the
    /// expression's phrases, when the statement passed them (see `expression`).
    private static func queryData(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, _ context: OpaquePointer?,
                                  arguments: (count: Int32, values: UnsafeMutablePointer<OpaquePointer?>?)) -> (QueryData?, Int32) {
        if let stored = api.pointee.xGetAuxdata(fts, 0) {
            return (Unmanaged<QueryData>.fromOpaque(stored).takeUnretainedValue(), SQLITE_OK)
        }
        var rows: sqlite3_int64 = 0
        var tokens: sqlite3_int64 = 0
        var code = api.pointee.xRowCount(fts, &rows)
        if code == SQLITE_OK { code = api.pointee.xColumnTotalSize(fts, -1, &tokens) }
        guard code == SQLITE_OK else { return (nil, code) }
        var inverseFrequencies: [Double] = []
        let phrases = api.pointee.xPhraseCount(fts)
        // Unit numbers count only when there is one for each phrase.
        let units = arguments.count > 1 && Int(arguments.count) - 1 == Int(phrases)
            ? (1..<Int(arguments.count)).map { Int(sqlite3_value_int64(arguments.values?[$0])) } : nil
        let shared = units == nil ? nil : runningSearches.withLock {
            $0[Int(bitPattern: sqlite3_context_db_handle(context))]
        }
        for phrase in 0..<phrases {
            let unit = units?[Int(phrase)]
            var hits: sqlite3_int64 = 0
            if let unit, let known = shared?.hits[unit] {
                hits = known
            } else {
                code = api.pointee.xQueryPhrase(fts, phrase, &hits) { _, _, counter in
                    counter?.assumingMemoryBound(to: sqlite3_int64.self).pointee += 1
                    return SQLITE_OK
                }
                guard code == SQLITE_OK else { return (nil, code) }
                if let unit { shared?.hits[unit] = hits }
            }
            // As FTS5: log((N - n + 0.5) / (n + 0.5)), at least 1e-6.
            let idf = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
            inverseFrequencies.append(idf <= 0 ? 1e-6 : idf)
        }
        let data = QueryData(averageLength: Double(tokens) / Double(rows), inverseFrequencies: inverseFrequencies,
                             connection: sqlite3_context_db_handle(context))
        let retained = Unmanaged.passRetained(data).toOpaque()
        code = api.pointee.xSetAuxdata(fts, retained) { pointer in
            if let pointer { Unmanaged<QueryData>.fromOpaque(pointer).release() }
        }
        return code == SQLITE_OK ? (data, SQLITE_OK) : (nil, code)
    }

    /// The current row's length in tokens: as recorded, else counted by FTS5.
    private static func rowLength(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer,
                                  _ data: QueryData) -> (Int, Int32) {
        if let length = data.recordedLength(of: api.pointee.xRowid(fts)) { return (length, SQLITE_OK) }
        var length: Int32 = 0
        let code = api.pointee.xColumnSize(fts, -1, &length)
        return (Int(length), code)
    }

    /// The FTS5 auxiliary function: the negated BM25 score of the current row.
    private static let rank: fts5_extension_function = { api, fts, context, valueCount, values in
        guard let api, let fts else { return }
        let (stored, dataCode) = queryData(api, fts, context, arguments: (valueCount, values))
        guard let data = stored else {
            sqlite3_result_error_code(context, dataCode)
            return
        }
        for phrase in data.frequencies.indices { data.frequencies[phrase] = 0 }
        var instances: Int32 = 0
        var code = api.pointee.xInstCount(fts, &instances)
        var instance: Int32 = 0
        while code == SQLITE_OK && instance < instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            code = api.pointee.xInst(fts, instance, &phrase, &column, &offset)
            if code == SQLITE_OK, data.frequencies.indices.contains(Int(phrase)) {
                let weight = valueCount > column ? sqlite3_value_double(values?[Int(column)]) : 1.0
                data.frequencies[Int(phrase)] += weight
            }
            instance += 1
        }
        guard code == SQLITE_OK else {
            sqlite3_result_error_code(context, code)
            return
        }
        let (length, lengthCode) = rowLength(api, fts, data)
        guard lengthCode == SQLITE_OK else {
            sqlite3_result_error_code(context, lengthCode)
            return
        }
        let k1 = 1.2, b = 0.75
        var score = 0.0
        for (phrase, idf) in data.inverseFrequencies.enumerated() {
            let frequency = data.frequencies[phrase]
            score += idf * (frequency * (k1 + 1)) / (frequency + k1 * (1 - b + b * Double(length) / data.averageLength))
        }
        sqlite3_result_double(context, -score)
    }
}
