import GRDB
import GRDBSQLite

/// A prepared INSERT run straight through SQLite's C API: the bulk path's per-row statements,
/// without building GRDB `StatementArguments` (an array of boxed values) for every row.
/// Used only inside the writer's transaction, on the writer's connection.
struct DirectInsert {
    private let handle: OpaquePointer
    private let db: Database

    /// Tells SQLite to copy bound text (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Wraps `statement`, which belongs to `db`.
    init(_ statement: Statement, in db: Database) {
        handle = statement.sqliteStatement
        self.db = db
    }

    /// One value of a row.
    enum Value {
        case integer(Int64)
        case text(String?)
        case blob([UInt8])
    }

    /// Binds `values` to the parameters, in order, runs the statement and resets it.
    /// Throws `DatabaseError` with SQLite's message when the insert fails.
    func run(_ values: Value...) throws {
        try run(values)
    }

    /// `run(_:)` with the values as an array.
    func run(_ values: [Value]) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .integer(let number):
                code = sqlite3_bind_int64(handle, index, number)
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob(handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count), Self.transient)
                }
            case .text(nil):
                code = sqlite3_bind_null(handle, index)
            case .text(var text?):
                code = text.withUTF8 { bytes in
                    guard let base = bytes.baseAddress else {
                        // An empty string: text of length 0, not NULL.
                        return sqlite3_bind_text(handle, index, "", 0, Self.transient)
                    }
                    return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        sqlite3_bind_text(handle, index, $0, Int32(bytes.count), Self.transient)
                    }
                }
            }
            guard code == SQLITE_OK else { throw failure(code) }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite error \(code)"
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }
}
