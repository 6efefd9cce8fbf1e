import Foundation
import GRDB
import MinutesCore

/// Restrictions on which findings a search returns. Every filter set must hold.
public struct SearchFilters: Sendable, Equatable {
    /// Only findings of this kind.
    public var kind: FindingKind?
    /// Only meetings with a participant whose name contains this, or findings owned by such a person.
    public var person: String?
    /// Only meetings mentioning an organisation whose name, acronym or alias contains this
    /// (or with a participant from it).
    public var org: String?
    /// Only meetings on or after this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    public var since: String?
    /// Only meetings on or before this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    public var until: String?
    /// Only the document with this path (exact, canonical, or a trailing part of the path).
    public var document: String?

    /// Creates filters; nil means no restriction.
    public init(kind: FindingKind? = nil, person: String? = nil, org: String? = nil,
                since: String? = nil, until: String? = nil, document: String? = nil) {
        self.kind = kind
        self.person = person
        self.org = org
        self.since = since
        self.until = until
        self.document = document
    }
}

/// How search results are presented.
public struct SearchOptions: Sendable, Equatable {
    /// Put before each matched word in snippets.
    public var highlightOpen: String
    /// Put after each matched word in snippets.
    public var highlightClose: String
    /// Marks text left out of a snippet.
    public var ellipsis: String
    /// Most words in a snippet.
    public var snippetWords: Int

    /// Creates options; by default matches are marked «like this».
    public init(highlightOpen: String = "«", highlightClose: String = "»", ellipsis: String = "…", snippetWords: Int = 24) {
        self.highlightOpen = highlightOpen
        self.highlightClose = highlightClose
        self.ellipsis = ellipsis
        self.snippetWords = snippetWords
    }
}

/// The meeting a hit comes from.
public struct HitDocument: Codable, Sendable, Equatable {
    /// The document's path in the index.
    public var path: String
    /// The meeting's title.
    public var title: String?
    /// The meeting's date (ISO 8601).
    public var date: String?

    /// Creates a hit's document.
    public init(path: String, title: String?, date: String?) {
        self.path = path
        self.title = title
        self.date = date
    }

    private enum CodingKeys: String, CodingKey { case path, title, date }

    /// Encodes every key, missing values as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(title, forKey: .title)
        try container.encode(date, forKey: .date)
    }
}

/// One search result: a finding and where it comes from.
public struct SearchHit: Codable, Sendable, Equatable {
    /// The finding's full text.
    public var text: String
    /// Finding, decision or action.
    public var kind: FindingKind
    /// For actions: who must do it.
    public var owner: String?
    /// Relevance (higher is better): the negated BM25 rank over the findings text (0 for a finding
    /// matched by its meeting's title alone).
    public var score: Double
    /// The finding's text around the matched words, matches marked (see `SearchOptions`).
    public var snippet: String
    /// The meeting the finding comes from.
    public var document: HitDocument

    /// Creates a hit.
    public init(text: String, kind: FindingKind, owner: String?, score: Double, snippet: String, document: HitDocument) {
        self.text = text
        self.kind = kind
        self.owner = owner
        self.score = score
        self.snippet = snippet
        self.document = document
    }

    private enum CodingKeys: String, CodingKey { case text, kind, owner, score, snippet, document }

    /// Encodes every key, missing values as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(kind, forKey: .kind)
        try container.encode(owner, forKey: .owner)
        try container.encode(score, forKey: .score)
        try container.encode(snippet, forKey: .snippet)
        try container.encode(document, forKey: .document)
    }
}

extension MinutesIndex {
    /// BM25 over the findings text (the built-in `bm25`'s scores, see `RankFunction`).
    static let rankExpression = RankFunction.expression(table: IndexSchema.ftsTable, units: nil)
    /// Most matches of one FTS expression that are ranked: when more findings match, the most
    /// recently ingested this many are ranked by BM25 and the rest are not looked at. This bounds
    /// the latency of a query of common words on a large index.
    static let rankedCandidates = 2000
    /// Most findings of meetings whose title matches a query that are ranked with the text
    /// matches (the most recent ones).
    static let titleCandidates = 500
    /// Most sub-queries of one partial-match level (see `rank`); beyond it the remaining
    /// levels are ranked together by counting the words each candidate matches.
    static let maximumLevelSubsets = 64

    /// A ranked row: its id, BM25 rank (lower is better), the expression its snippet highlights
    /// and the units of a natural query its text has, as bits (see `MatchedUnits`; 0 otherwise).
    struct Ranked {
        var rowid: Int64
        var rank: Double
        var expression: String
        var textUnits: UInt64 = 0
    }

    /// A row matching one FTS expression: its id, BM25 rank and the query units its text has
    /// (bits, see `MatchedUnits`; 0 when the expression is not made of the query's units).
    typealias Candidate = (rowid: Int64, rank: Double, units: UInt64)

    /// Searches the findings.
    ///
    /// A natural query returns findings with every word first (by BM25), then — when fewer
    /// than `limit` — findings with most of the words: by number of words matched, then BM25
    /// (over all the query's words). A word in the meeting's title counts as a word of each of
    /// its findings. An explicit query (`AND`/`OR`/`NOT`) is run as written, on the findings text.
    /// At each step at most `rankedCandidates` matches (the most recently ingested) are ranked.
    /// Throws `IndexError.invalidQuery` or `.invalidFilter` for bad input.
    public func search(query: String, filters: SearchFilters = SearchFilters(), limit: Int = 10,
                       options: SearchOptions = SearchOptions()) throws -> [SearchHit] {
        let parsed = try SearchQuery(query)
        let limit = max(1, min(limit, 1000))
        let filter = try FilterClause(filters)
        if parsed.isEmpty { return [] }
        return try reading { db in
            do {
                guard let searched = try Self.withoutAbsentUnits(parsed, in: db) else { return [] }
                let ranked = try RankFunction.sharingUnitHits(on: db) { try Self.rank(searched, filter: filter, limit: limit, in: db) }
                return try Self.hits(ranked, query: searched, options: options, in: db)
            } catch let error as DatabaseError where (error.message ?? "").contains("fts5") {
                throw IndexError.invalidQuery(query: query, reason: error.message ?? "not understood")
            }
        }
    }

    /// The best `limit` rows for `query`, best first.
    ///
    /// First the rows matching the whole expression, by BM25. When a natural query of k units
    /// has fewer than `limit` of those, level m (from k-1 down to 1) adds the findings with
    /// exactly m of the units — the OR of every m-unit AND, less the rows of the levels above —
    /// until there are `limit` rows. BM25 over a level's expression counts each unit
    /// C(k-1, m-1) times, so dividing by that gives BM25 over all the query's units.
    static func rank(_ query: SearchQuery, filter: FilterClause, limit: Int, in db: Database) throws -> [Ranked] {
        let ranked = try rankByText(query, filter: filter, limit: limit, in: db)
        guard query.isNatural else { return ranked }
        let titles = try TitleMatches(query.units, in: db)
        return titles.isEmpty ? ranked : try merge(ranked, titles: titles, query: query, filter: filter, limit: limit, in: db)
    }

    /// `rank` on the findings text alone.
    static func rankByText(_ query: SearchQuery, filter: FilterClause, limit: Int, in db: Database) throws -> [Ranked] {
        var ranked = try candidates(query.allExpression, units: query.isNatural ? Array(query.units.indices) : nil,
                                    filter: filter, limit: limit, excluding: [], in: db)
            .map { Ranked(rowid: $0.rowid, rank: $0.rank, expression: query.allExpression, textUnits: $0.units) }
        guard query.isNatural, query.units.count > 1, ranked.count < limit else { return ranked }
        var seen = Set(ranked.map(\.rowid))
        let units = query.units
        for level in stride(from: units.count - 1, through: 1, by: -1) where ranked.count < limit {
            guard binomial(units.count, level) <= maximumLevelSubsets else {
                // Too many combinations: rank what is left by the number of units matched.
                let rest = try rankByMatchedUnits(query, filter: filter, limit: limit - ranked.count, excluding: seen, in: db)
                ranked += rest.map { Ranked(rowid: $0.rowid, rank: $0.rank, expression: query.anyExpression, textUnits: $0.units) }
                break
            }
            let subsets = combinations(of: units.indices, choosing: level)
            let expression = subsets.map { "(" + $0.map { units[$0] }.joined(separator: " AND ") + ")" }.joined(separator: " OR ")
            let weight = Double(binomial(units.count - 1, level - 1))
            for row in try candidates(expression, units: subsets.flatMap { $0 }, filter: filter, limit: limit - ranked.count,
                                      excluding: seen, in: db) {
                ranked.append(Ranked(rowid: row.rowid, rank: row.rank / weight, expression: query.anyExpression, textUnits: row.units))
                seen.insert(row.rowid)
            }
        }
        return ranked
    }

    /// A natural query of several units without those found nowhere in the index (they add
    /// nothing to BM25 and no row has them, so a query with a misspelt or unknown word costs no
    /// more than one without); nil when none is left. Other queries as they are.
    static func withoutAbsentUnits(_ query: SearchQuery, in db: Database) throws -> SearchQuery? {
        guard query.isNatural && query.units.count > 1 else { return query }
        let present = try query.units.filter { try isPresent($0, in: db) }
        return present.isEmpty ? nil : query.keeping(units: present)
    }

    /// Whether any finding text or meeting title matches the natural-query unit `unit`. Prefix
    /// units are taken as present: checking one would cost as much as running it.
    private static func isPresent(_ unit: String, in db: Database) throws -> Bool {
        if unit.hasSuffix("*") { return true }
        for table in [IndexSchema.ftsTable, IndexSchema.titlesTable] {
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE \(table) MATCH ? LIMIT 1")
            if try Int.fetchOne(statement, arguments: [unit]) != nil { return true }
        }
        return false
    }

    /// The meetings whose title matches units of a natural query: for each such meeting (among
    /// the `rankedCandidates` most recent per unit), the units its title has and its findings' ids.
    struct TitleMatches {
        /// Meeting id → the units its title has, as bits (the query's 64 first units).
        var units: [Int64: UInt64] = [:]
        /// Finding id ranges of those meetings, sorted by first id.
        var ranges: [(findings: ClosedRange<Int64>, document: Int64)] = []

        var isEmpty: Bool { units.isEmpty }

        init(_ queryUnits: [String], in db: Database) throws {
            // Each match's meeting row is read as the match comes (a primary-key seek), not
            // by a second query over a list of every matched meeting (which cost a JSON
            // list, its lookup table and a sort: ~6,500 instructions a meeting).
            let statement = try db.cachedStatement(sql: """
                SELECT \(IndexSchema.titlesTable).rowid, d.first_finding, d.findings
                FROM \(IndexSchema.titlesTable) LEFT JOIN documents d ON d.id = \(IndexSchema.titlesTable).rowid
                WHERE \(IndexSchema.titlesTable) MATCH ?
                ORDER BY \(IndexSchema.titlesTable).rowid DESC LIMIT \(rankedCandidates)
                """)
            var findings: [Int64: (first: Int64, count: Int64)] = [:]
            for (number, unit) in queryUnits.prefix(64).enumerated() {
                let bit = UInt64(1) << UInt64(number)
                let rows = try Row.fetchCursor(statement, arguments: [unit])
                while let row = try rows.next() {
                    let document: Int64 = row[0]
                    units[document, default: 0] |= bit
                    if let first: Int64 = row[1], let count: Int64 = row[2], count > 0 { findings[document] = (first, count) }
                }
            }
            ranges = findings.map { document, span in (span.first...(span.first + span.count - 1), document) }
                .sorted { $0.findings.lowerBound < $1.findings.lowerBound }
        }

        /// The units the title of finding `rowid`'s meeting has, as bits.
        func units(ofFinding rowid: Int64) -> UInt64 {
            var low = 0, high = ranges.count
            while low < high {
                let middle = (low + high) / 2
                if ranges[middle].findings.upperBound < rowid { low = middle + 1 } else { high = middle }
            }
            guard low < ranges.count, ranges[low].findings.contains(rowid) else { return 0 }
            return units[ranges[low].document] ?? 0
        }
    }

    /// Adds to `ranked` (the best rows by their text) the findings of meetings whose title has
    /// units of the query: a finding has a unit when its text or its meeting's title has it.
    /// The `titleCandidates` most recent findings of those meetings join the rows ranked by
    /// text; all are ordered by the number of units they have, then by BM25 over the text
    /// (rows matched by their title alone come after those of the same count with text matches).
    static func merge(_ ranked: [Ranked], titles: TitleMatches, query: SearchQuery, filter: FilterClause, limit: Int,
                      in db: Database) throws -> [Ranked] {
        // The matching meetings' findings, most recent first (by id range: no index needed).
        var titled: [Int64] = []
        for range in titles.ranges.reversed() where titled.count < titleCandidates {
            titled += range.findings.reversed().prefix(titleCandidates - titled.count)
        }
        if !filter.sql.isEmpty, !titled.isEmpty {
            titled = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT f.id FROM findings f CROSS JOIN documents d ON d.id = f.document_id
                WHERE f.id IN (SELECT value FROM json_each(?))\(filter.sql)
                """), arguments: StatementArguments(["[" + titled.map(String.init).joined(separator: ",") + "]"]) + filter.arguments)
        }
        var rows = Dictionary(ranked.map { ($0.rowid, $0) }, uniquingKeysWith: { first, _ in first })
        for rowid in titled where rows[rowid] == nil { rows[rowid] = Ranked(rowid: rowid, rank: 0, expression: "") }

        // The units each row has, as bits (a query's 64 first units are counted): its title's, then
        // its text's — known for the text-ranked rows, by one range query per unit for the
        // meetings' other findings.
        var units = Dictionary(uniqueKeysWithValues: rows.values.map { ($0.rowid, titles.units(ofFinding: $0.rowid) | $0.textUnits) })
        var inText = Set(ranked.map(\.rowid))
        let untested = titled.filter { rows[$0]?.expression.isEmpty ?? false }
        if let low = untested.min(), let high = untested.max() {
            let inRange = try db.cachedStatement(sql: """
                SELECT rowid FROM \(IndexSchema.ftsTable) WHERE \(IndexSchema.ftsTable) MATCH ? AND rowid BETWEEN ? AND ?
                """)
            for (number, unit) in query.units.prefix(64).enumerated() {
                let matches = try Int64.fetchCursor(inRange, arguments: [unit, low, high])
                while let rowid = try matches.next() {
                    guard units[rowid] != nil, rows[rowid]?.expression.isEmpty ?? false else { continue }
                    units[rowid]? |= MatchedUnits.bit(number)
                    inText.insert(rowid)
                }
            }
        }
        let scored = rows.values.map { row -> (row: Ranked, units: Int) in
            var row = row
            if row.expression.isEmpty, inText.contains(row.rowid) { row.expression = query.anyExpression }
            return (row, (units[row.rowid] ?? 0).nonzeroBitCount)
        }
        let sorted = scored.sorted { a, b in
            if a.units != b.units { return a.units > b.units }
            return a.row.rank != b.row.rank ? a.row.rank < b.row.rank : a.row.rowid > b.row.rowid
        }
        return sorted.prefix(limit).map(\.row)
    }

    /// The best `limit` rows matching `expression` (and the filters), not in `excluded`, among
    /// its `rankedCandidates` most recent matches; by BM25, best first. `units` are the query
    /// unit numbers of the expression's phrases, in order, when it is made of the query's units:
    /// then each row comes with the units its text has.
    private static func candidates(_ expression: String, units: [Int]?, filter: FilterClause, limit: Int,
                                   excluding excluded: Set<Int64>, in db: Database) throws -> [Candidate] {
        let table = IndexSchema.ftsTable
        let sql = """
            SELECT rid, rank, units FROM (
                SELECT \(table).rowid AS rid, \(RankFunction.expression(table: table, units: units)) AS rank,
                       \(units.map { MatchedUnits.expression(table: table, units: $0) } ?? "0") AS units
                FROM \(IndexSchema.ftsTable)\(filter.joins)
                WHERE \(IndexSchema.ftsTable) MATCH ?\(filter.sql)
                ORDER BY \(IndexSchema.ftsTable).rowid DESC LIMIT \(rankedCandidates))
            ORDER BY rank LIMIT ?
            """
        let rows = try Row.fetchAll(db.cachedStatement(sql: sql),
                                    arguments: StatementArguments([expression]) + filter.arguments + [limit + excluded.count])
        return rows.lazy.map { (rowid: $0[0] as Int64, rank: $0[1] as Double, units: UInt64(bitPattern: $0[2] as Int64)) }
            .filter { !excluded.contains($0.rowid) }.prefix(limit).map { $0 }
    }

    /// Rows matching any unit, not in `excluded`: by number of units matched, then BM25 over all
    /// units, among the `rankedCandidates` most recent rows matching any unit.
    private static func rankByMatchedUnits(_ query: SearchQuery, filter: FilterClause, limit: Int,
                                           excluding excluded: Set<Int64>, in db: Database) throws -> [Candidate] {
        let candidates = try Self.candidates(query.anyExpression, units: Array(query.units.indices), filter: filter,
                                             limit: rankedCandidates,
                                             excluding: excluded, in: db)
        let sorted = candidates.sorted { a, b in
            let (ma, mb) = (a.units.nonzeroBitCount, b.units.nonzeroBitCount)
            return ma != mb ? ma > mb : a.rank < b.rank
        }
        return Array(sorted.prefix(limit))
    }

    /// n choose k.
    static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1
        for step in 0..<min(k, n - k) {
            result = result * (n - step) / (step + 1)
            if result > 1 << 40 { return result }
        }
        return result
    }

    /// Every `k`-element subset of `indices`, in lexicographic order.
    static func combinations(of indices: Range<Int>, choosing k: Int) -> [[Int]] {
        guard k > 0, k <= indices.count else { return k == 0 ? [[]] : [] }
        var result: [[Int]] = []
        var current: [Int] = []
        func extend(from start: Int) {
            if current.count == k {
                result.append(current)
                return
            }
            let remaining = k - current.count
            guard start <= indices.upperBound - remaining else { return }
            for index in start...(indices.upperBound - remaining) {
                current.append(index)
                extend(from: index + 1)
                current.removeLast()
            }
        }
        extend(from: indices.lowerBound)
        return result
    }

    /// The full hits for ranked rows, in their order, with snippets highlighting each row's
    /// expression. See `snippetGroups` for how many queries that takes.
    private static func hits(_ ranked: [Ranked], query: SearchQuery, options: SearchOptions, in db: Database) throws -> [SearchHit] {
        let sql = """
            SELECT \(IndexSchema.ftsTable).rowid AS rowid, f.text, f.kind, f.owner,
                   snippet(\(IndexSchema.ftsTable), 0, ?, ?, ?, ?) AS snippet, d.path, d.title, d.date
            FROM \(IndexSchema.ftsTable)
            CROSS JOIN findings f ON f.id = \(IndexSchema.ftsTable).rowid
            CROSS JOIN documents d ON d.id = f.document_id
            WHERE \(IndexSchema.ftsTable) MATCH ? AND \(IndexSchema.ftsTable).rowid BETWEEN ? AND ?
              AND +\(IndexSchema.ftsTable).rowid IN (SELECT value FROM json_each(?))
            """
        let titleOnlySQL = """
            SELECT f.id AS rowid, f.text, f.kind, f.owner, NULL AS snippet, d.path, d.title, d.date
            FROM findings f CROSS JOIN documents d ON d.id = f.document_id
            WHERE f.id BETWEEN ? AND ? AND +f.id IN (SELECT value FROM json_each(?))
            """
        let words = max(1, min(options.snippetWords, 64))
        var found: [Int64: SearchHit] = [:]
        for expression in Set(ranked.map(\.expression)) {
            for rows in snippetGroups(ranked.filter { $0.expression == expression }, expression: expression, query: query) {
                guard let low = rows.map(\.rowid).min(), let high = rows.map(\.rowid).max() else { continue }
                let ranks = Dictionary(rows.map { ($0.rowid, $0.rank) }, uniquingKeysWith: { first, _ in first })
                let list = "[" + rows.map { String($0.rowid) }.joined(separator: ",") + "]"
                // Rows matched by their meeting's title alone have no words to highlight.
                let cursor = expression.isEmpty
                    ? try Row.fetchCursor(db.cachedStatement(sql: titleOnlySQL), arguments: [low, high, list])
                    : try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: [
                        options.highlightOpen, options.highlightClose, options.ellipsis, words, expression, low, high, list,
                    ])
                while let row = try cursor.next() {
                    let rowid: Int64 = row["rowid"]
                    let text: String = row["text"]
                    let snippet: String? = row["snippet"]
                    found[rowid] = SearchHit(
                        text: text,
                        kind: IndexWriter.kind(code: row["kind"]),
                        owner: row["owner"],
                        score: (-(ranks[rowid] ?? 0) * 1000).rounded() / 1000,
                        snippet: (snippet?.isEmpty ?? true) ? text : snippet ?? text,
                        document: HitDocument(path: row["path"], title: row["title"], date: row["date"]))
                }
            }
        }
        return ranked.compactMap { found[$0.rowid] }
    }

    /// The rows of one snippet expression split into the groups read by one query each (over
    /// the group's rowid range). FTS5 reads every match of the expression in that range.
    ///
    /// Rows matched by the whole expression are among its `rankedCandidates` most recent
    /// matches, so their range holds at most that many: one query. Rows of the partial-match
    /// levels (highlighting any unit, `anyExpression`) can lie anywhere in the index, and a
    /// range over them would read most of each unit's posting list: they are read one by one,
    /// as setting an expression up costs only a seek per term — except for a `prefix*`, for
    /// which FTS5 first merges every matching term's list: then all in one query again.
    static func snippetGroups(_ rows: [Ranked], expression: String, query: SearchQuery) -> [[Ranked]] {
        // Units quote their words and never hold a `"` unescaped, so `" *` only ends a prefix.
        let oneByOne = query.isNatural && query.units.count > 1 && expression == query.anyExpression
            && !expression.contains("\" *")
        return oneByOne ? rows.map { [$0] } : [rows]
    }
}

/// The SQL conditions (on `f` findings and `d` documents) for a set of filters.
struct FilterClause {
    var sql = ""
    var arguments = StatementArguments()

    /// The joins the conditions need; none without filters, so ranking reads only the FTS index.
    var joins: String {
        sql.isEmpty ? "" : """

            CROSS JOIN findings f ON f.id = \(IndexSchema.ftsTable).rowid
            CROSS JOIN documents d ON d.id = f.document_id
            """
    }

    init(_ filters: SearchFilters) throws {
        if let kind = filters.kind {
            add("f.kind = ?", [IndexWriter.kindCode(kind)])
        }
        if let person = Self.nonEmpty(filters.person) {
            let pattern = Self.likePattern(person)
            add("""
                (f.owner LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM participants p
                    WHERE p.document_id = f.document_id AND p.name LIKE ? ESCAPE '\\'))
                """, [pattern, pattern])
        }
        if let org = Self.nonEmpty(filters.org) {
            let pattern = Self.likePattern(org)
            add("""
                (EXISTS (SELECT 1 FROM organisations o WHERE o.document_id = f.document_id
                    AND (o.name LIKE ? ESCAPE '\\' OR o.acronym LIKE ? ESCAPE '\\' OR o.aliases LIKE ? ESCAPE '\\'))
                 OR EXISTS (SELECT 1 FROM participants p WHERE p.document_id = f.document_id
                    AND p.organisation LIKE ? ESCAPE '\\'))
                """, [pattern, pattern, pattern, pattern])
        }
        if let since = Self.nonEmpty(filters.since) {
            add("d.date >= ?", [try Self.date(since, name: "since", end: false)])
        }
        if let until = Self.nonEmpty(filters.until) {
            add("d.date <= ?", [try Self.date(until, name: "until", end: true)])
        }
        if let document = Self.nonEmpty(filters.document) {
            let suffix = "%/" + Self.escapeLike(document.hasPrefix("/") ? String(document.dropFirst()) : document)
            add("(d.path = ? OR d.path = ? OR d.path LIKE ? ESCAPE '\\')",
                [document, MinutesIndex.canonicalPath(document), suffix])
        }
    }

    private mutating func add(_ condition: String, _ values: StatementArguments) {
        sql += " AND " + condition
        arguments += values
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// `%text%` with LIKE wildcards in `text` escaped.
    static func likePattern(_ text: String) -> String {
        "%" + escapeLike(text) + "%"
    }

    /// Validates `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; an `end` bound is widened to the
    /// last day of its year or month so that string comparison includes it.
    static func date(_ value: String, name: String, end: Bool) throws -> String {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
              zip(parts, widths).allSatisfy({ $0.count == $1 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else {
            throw IndexError.invalidFilter(name: name, value: value, reason: "expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
        }
        if parts.count >= 2, let month = Int(parts[1]), !(1...12).contains(month) {
            throw IndexError.invalidFilter(name: name, value: value, reason: "month must be 01 to 12")
        }
        if parts.count == 3, let day = Int(parts[2]), !(1...31).contains(day) {
            throw IndexError.invalidFilter(name: name, value: value, reason: "day must be 01 to 31")
        }
        guard end else { return value }
        switch parts.count {
        case 1: return value + "-12-31"
        case 2: return value + "-31"
        default: return value
        }
    }
}
