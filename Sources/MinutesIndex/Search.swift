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
    /// Relevance (higher is better): the negated BM25 rank, findings text weighted above titles.
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
    /// Weights of the FTS columns in BM25: findings text, then the meeting title.
    static let rankExpression = "bm25(\(IndexSchema.ftsTable), 10.0, 1.0)"
    /// Most rows ranked when looking for partial matches (bounds latency).
    static let partialCandidates = 1000

    /// Searches the findings.
    ///
    /// A natural query returns findings with every word first (by BM25), then — when
    /// fewer than `limit` — findings with most of the words, by number of words matched
    /// and then BM25. An explicit query (`AND`/`OR`/`NOT`) is run as written.
    /// Throws `IndexError.invalidQuery` or `.invalidFilter` for bad input.
    public func search(query: String, filters: SearchFilters = SearchFilters(), limit: Int = 10,
                       options: SearchOptions = SearchOptions()) throws -> [SearchHit] {
        let parsed = try SearchQuery(query)
        let limit = max(1, min(limit, 1000))
        let filter = try FilterClause(filters)
        if parsed.isEmpty { return [] }
        return try reading { db in
            do {
                var ranked = try Self.rankAll(parsed.allExpression, filter: filter, limit: limit, in: db)
                    .map { (rowid: $0.rowid, rank: $0.rank, expression: parsed.allExpression) }
                if parsed.isNatural && parsed.units.count > 1 && ranked.count < limit {
                    let seen = Set(ranked.map(\.rowid))
                    let partial = try Self.rankPartial(parsed, filter: filter, limit: limit + ranked.count, in: db)
                    for hit in partial where !seen.contains(hit.rowid) && ranked.count < limit {
                        ranked.append((hit.rowid, hit.rank, parsed.anyExpression))
                    }
                }
                return try ranked.compactMap { try Self.hit(rowid: $0.rowid, rank: $0.rank, expression: $0.expression,
                                                            options: options, in: db) }
            } catch let error as DatabaseError where (error.message ?? "").contains("fts5") {
                throw IndexError.invalidQuery(query: query, reason: error.message ?? "not understood")
            }
        }
    }

    /// Row ids and ranks of findings matching `expression`, best first.
    private static func rankAll(_ expression: String, filter: FilterClause, limit: Int,
                                in db: Database) throws -> [(rowid: Int64, rank: Double)] {
        let sql = """
            SELECT \(IndexSchema.ftsTable).rowid, \(rankExpression) AS rank
            FROM \(IndexSchema.ftsTable)\(filter.joins)
            WHERE \(IndexSchema.ftsTable) MATCH ?\(filter.sql)
            ORDER BY rank LIMIT ?
            """
        let rows = try Row.fetchAll(db.cachedStatement(sql: sql),
                                    arguments: StatementArguments([expression]) + filter.arguments + [limit])
        return rows.map { ($0[0], $0[1]) }
    }

    /// Findings matching any unit: by number of units matched, then rank, over the best
    /// `partialCandidates` by rank.
    private static func rankPartial(_ query: SearchQuery, filter: FilterClause, limit: Int,
                                    in db: Database) throws -> [(rowid: Int64, rank: Double)] {
        let matched = query.units.map { _ in
            "(rid IN (SELECT rowid FROM \(IndexSchema.ftsTable) WHERE \(IndexSchema.ftsTable) MATCH ?))"
        }.joined(separator: " + ")
        let sql = """
            WITH candidates AS (
                SELECT \(IndexSchema.ftsTable).rowid AS rid, \(rankExpression) AS rank
                FROM \(IndexSchema.ftsTable)\(filter.joins)
                WHERE \(IndexSchema.ftsTable) MATCH ?\(filter.sql)
                ORDER BY rank LIMIT \(partialCandidates))
            SELECT rid, rank, \(matched) AS matched FROM candidates
            ORDER BY matched DESC, rank LIMIT ?
            """
        var arguments = StatementArguments([query.anyExpression]) + filter.arguments
        arguments += StatementArguments(query.units)
        arguments += [limit]
        let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
        return rows.map { ($0[0], $0[1]) }
    }

    /// The full hit for one ranked row, with a snippet highlighting `expression`'s matches.
    private static func hit(rowid: Int64, rank: Double, expression: String, options: SearchOptions,
                            in db: Database) throws -> SearchHit? {
        let sql = """
            SELECT f.text, f.kind, f.owner, snippet(\(IndexSchema.ftsTable), 0, ?, ?, ?, ?) AS snippet,
                   d.path, d.title, d.date
            FROM \(IndexSchema.ftsTable)
            CROSS JOIN findings f ON f.id = \(IndexSchema.ftsTable).rowid
            CROSS JOIN documents d ON d.id = f.document_id
            WHERE \(IndexSchema.ftsTable) MATCH ? AND \(IndexSchema.ftsTable).rowid = ?
            """
        let words = max(1, min(options.snippetWords, 64))
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [
            options.highlightOpen, options.highlightClose, options.ellipsis, words, expression, rowid,
        ]) else { return nil }
        let text: String = row["text"]
        let snippet: String? = row["snippet"]
        return SearchHit(
            text: text,
            kind: FindingKind(rawValue: row["kind"]) ?? .finding,
            owner: row["owner"],
            score: (-rank * 1000).rounded() / 1000,
            snippet: (snippet?.isEmpty ?? true) ? text : snippet ?? text,
            document: HitDocument(path: row["path"], title: row["title"], date: row["date"]))
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
            add("f.kind = ?", [kind.rawValue])
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
