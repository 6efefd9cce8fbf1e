import GRDB
import GRDBSQLite

/// `minutes_units(findings_fts, u0, u1, …)`: which units of a natural query the current row's
/// text has, as bits (unit `i` is bit `i`; units from the 64th on are not counted), where the
/// arguments are the unit numbers of the expression's phrases, in order (as for
/// `RankFunction.expression`).
///
/// A unit counts when one of its phrases has an instance in the row. FTS5 reports the instances
/// of every phrase whose part of the expression matches the row (an OR's branches that do not
/// match report none, and no row of the expression lacks all of them), so in a row of an
/// expression of units — `a AND b`, `a OR b`, `(a AND b) OR (a AND c)` — they are the units the
/// row has. Ranking reads it in the same pass (FTS5 keeps a row's instances for both
/// functions), so no query per row and unit has to ask it again. Registered on every
/// connection of the index.
enum MatchedUnits {
    /// The function's SQL name.
    static let name = "minutes_units"

    /// Registers the function on `db`.
    static func register(on db: Database) {
        let api = FTS5.api(db)
        _ = name.withCString { name in
            api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, function, nil)
        }
    }

    /// `name(table, u0, u1, …)` for an expression whose phrases are the units numbered `units`.
    static func expression(table: String, units: [Int]) -> String {
        "\(name)(\(table)" + units.map { ", \($0)" }.joined() + ")"
    }

    /// The bit of unit number `unit`; none from the 64th unit on.
    static func bit(_ unit: Int) -> UInt64 {
        (0..<64).contains(unit) ? UInt64(1) << UInt64(unit) : 0
    }

    /// The FTS5 auxiliary function: the units with an instance in the current row.
    private static let function: fts5_extension_function = { api, fts, context, valueCount, values in
        guard let api, let fts else { return }
        var instances: Int32 = 0
        var code = api.pointee.xInstCount(fts, &instances)
        var units: UInt64 = 0
        var instance: Int32 = 0
        while code == SQLITE_OK && instance < instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            code = api.pointee.xInst(fts, instance, &phrase, &column, &offset)
            if code == SQLITE_OK, phrase >= 0, phrase < valueCount {
                units |= bit(Int(sqlite3_value_int64(values?[Int(phrase)])))
            }
            instance += 1
        }
        guard code == SQLITE_OK else {
            sqlite3_result_error_code(context, code)
            return
        }
        sqlite3_result_int64(context, Int64(bitPattern: units))
    }
}
