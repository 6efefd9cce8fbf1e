/// A user's search query translated into FTS5 expressions.
///
/// Two kinds of query:
/// - natural (no upper-case `AND`/`OR`/`NOT`): words and "quoted phrases", `prefix*`
///   allowed. Searched like a search engine: documents with every word first, then
///   those with most of the words. Common English words are dropped when other words remain.
/// - explicit (uses `AND`, `OR`, `NOT`, with optional parentheses): validated and passed
///   to FTS5 as written.
///
/// Every bare word is quoted before it reaches FTS5, so punctuation ("vis-à-vis", "C++",
/// "don't") never causes a syntax error; a malformed explicit query throws
/// `IndexError.invalidQuery` with a message saying what is wrong.
public struct SearchQuery: Sendable, Equatable {
    /// The query as the user typed it.
    public let text: String
    /// Each search unit (word, phrase or prefix) as an FTS5 expression; for natural queries.
    public let units: [String]
    /// The FTS5 expression for an explicit query; nil for natural queries.
    public let explicitExpression: String?

    /// Most units a natural query keeps (bounds the cost of partial matching).
    public static let maximumUnits = 16

    /// Whether the query is natural (ranked by how many units match).
    public var isNatural: Bool { explicitExpression == nil }
    /// The FTS5 expression matching documents with every unit.
    public var allExpression: String { explicitExpression ?? units.joined(separator: " AND ") }
    /// The FTS5 expression matching documents with any unit.
    public var anyExpression: String { explicitExpression ?? units.joined(separator: " OR ") }
    /// True when nothing searchable is left (for example a query of punctuation only).
    public var isEmpty: Bool { explicitExpression == nil && units.isEmpty }

    /// The same natural query with only `units` (a subset of its units, in order).
    func keeping(units: [String]) -> SearchQuery {
        SearchQuery(text: text, units: units)
    }

    private init(text: String, units: [String]) {
        self.text = text
        self.units = units
        explicitExpression = nil
    }

    /// Parses `text`. Throws `IndexError.invalidQuery` for malformed explicit queries.
    public init(_ text: String) throws {
        self.text = text
        let tokens = try Self.tokenize(text)
        if tokens.contains(where: { if case .op = $0 { return true } else { return false } }) {
            var parser = ExplicitParser(tokens: tokens, query: text)
            explicitExpression = try parser.parse()
            units = []
        } else {
            explicitExpression = nil
            units = Self.naturalUnits(tokens)
        }
    }

    // MARK: - Tokens

    enum Operator: String { case and = "AND", or = "OR", not = "NOT" }

    enum Token: Equatable {
        /// A bare word; `prefix` when it ended in `*`.
        case word(String, prefix: Bool)
        /// A "quoted phrase"; `prefix` when followed by `*`.
        case phrase(String, prefix: Bool)
        case op(Operator)
        case open, close
    }

    static func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if character == "\"" {
                let start = text.index(after: index)
                guard let end = text[start...].firstIndex(of: "\"") else {
                    throw IndexError.invalidQuery(query: text, reason: "unclosed quotation mark")
                }
                var next = text.index(after: end)
                var prefix = false
                if next < text.endIndex && text[next] == "*" {
                    prefix = true
                    next = text.index(after: next)
                }
                tokens.append(.phrase(String(text[start..<end]), prefix: prefix))
                index = next
            } else if character == "(" {
                tokens.append(.open)
                index = text.index(after: index)
            } else if character == ")" {
                tokens.append(.close)
                index = text.index(after: index)
            } else {
                var end = index
                while end < text.endIndex, !text[end].isWhitespace, !"\"()".contains(text[end]) {
                    end = text.index(after: end)
                }
                let word = String(text[index..<end])
                if let op = Operator(rawValue: word) {
                    tokens.append(.op(op))
                } else if word.hasSuffix("*") {
                    tokens.append(.word(String(word.drop { $0 == "*" }.reversed().drop { $0 == "*" }.reversed()), prefix: true))
                } else {
                    tokens.append(.word(word, prefix: false))
                }
                index = end
            }
        }
        return tokens
    }

    /// True when `text` has something the tokenizer indexes (a letter or a digit).
    static func isSearchable(_ text: String) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
    }

    /// `text` as an FTS5 string literal (a phrase of its tokens), with `*` when a prefix.
    static func quote(_ text: String, prefix: Bool) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? " *" : "")
    }

    // MARK: - Natural queries

    /// Common English words that say nothing about what to find.
    static let stopwords: Set<String> = [
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "by",
        "can", "did", "do", "does", "for", "from", "had", "has", "have", "how", "i", "if", "in", "into",
        "is", "it", "its", "me", "meeting", "my", "no", "not", "of", "on", "or", "our", "should", "so",
        "that", "the", "their", "them", "there", "they", "this", "to", "was", "we", "were", "what", "when",
        "where", "which", "who", "whom", "why", "will", "with", "would", "you",
    ]

    static func naturalUnits(_ tokens: [Token]) -> [String] {
        var units: [(expression: String, stopword: Bool)] = []
        var seen: Set<String> = []
        for token in tokens {
            switch token {
            case .word(let word, let prefix):
                guard isSearchable(word) else { continue }
                let expression = quote(word, prefix: prefix)
                guard seen.insert(expression.lowercased()).inserted else { continue }
                units.append((expression, !prefix && stopwords.contains(word.lowercased())))
            case .phrase(let phrase, let prefix):
                guard isSearchable(phrase) else { continue }
                let expression = quote(phrase, prefix: prefix)
                guard seen.insert(expression.lowercased()).inserted else { continue }
                units.append((expression, false))
            case .open, .close, .op:
                continue
            }
        }
        let meaningful = units.filter { !$0.stopword }
        let kept = meaningful.isEmpty ? units : meaningful
        return kept.prefix(maximumUnits).map(\.expression)
    }

    // MARK: - Explicit queries

    /// Recursive descent over: or := and (OR and)* ; and := not ((AND)? not)* ;
    /// not := primary (NOT primary)* ; primary := word | phrase | ( or ).
    /// Produces a fully parenthesised FTS5 expression.
    struct ExplicitParser {
        var tokens: [Token]
        var query: String
        var position = 0

        init(tokens: [Token], query: String) {
            self.tokens = tokens
            self.query = query
        }

        mutating func parse() throws -> String {
            let expression = try parseOr()
            if position < tokens.count {
                if tokens[position] == .close { throw failure("a ')' has no matching '('") }
                throw failure("unexpected \(describe(tokens[position]))")
            }
            return expression
        }

        func failure(_ reason: String) -> IndexError {
            .invalidQuery(query: query, reason: reason)
        }

        func describe(_ token: Token) -> String {
            switch token {
            case .op(let op): return "'\(op.rawValue)'"
            case .open: return "'('"
            case .close: return "')'"
            case .word(let word, _): return "'\(word)'"
            case .phrase(let phrase, _): return "\"\(phrase)\""
            }
        }

        var current: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func parseOr() throws -> String {
            var parts = [try parseAnd()]
            while current == .op(.or) {
                position += 1
                guard current != nil else { throw failure("'OR' at the end needs a word after it") }
                parts.append(try parseAnd())
            }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")"
        }

        mutating func parseAnd() throws -> String {
            var parts = [try parseNot()]
            while let token = current, token != .close, token != .op(.or) {
                if token == .op(.and) {
                    position += 1
                    guard current != nil else { throw failure("'AND' at the end needs a word after it") }
                }
                parts.append(try parseNot())
            }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " AND ") + ")"
        }

        mutating func parseNot() throws -> String {
            var expression = try parsePrimary()
            while current == .op(.not) {
                position += 1
                guard current != nil else { throw failure("'NOT' at the end needs a word after it") }
                expression = "(" + expression + " NOT " + (try parsePrimary()) + ")"
            }
            return expression
        }

        mutating func parsePrimary() throws -> String {
            guard let token = current else { throw failure("the query ends where a word was expected") }
            switch token {
            case .word(let word, let prefix):
                guard isSearchable(word) else { throw failure("'\(word)' has no letters or digits to search for") }
                position += 1
                return quote(word, prefix: prefix)
            case .phrase(let phrase, let prefix):
                guard isSearchable(phrase) else { throw failure("the phrase \"\(phrase)\" has no letters or digits") }
                position += 1
                return quote(phrase, prefix: prefix)
            case .open:
                position += 1
                guard current != .close else { throw failure("empty parentheses") }
                let inner = try parseOr()
                guard current == .close else { throw failure("a '(' is never closed") }
                position += 1
                return inner
            case .close:
                throw failure("a ')' has no matching '('")
            case .op(let op):
                if position == 0 { throw failure("the query cannot start with '\(op.rawValue)'") }
                throw failure("'\(op.rawValue)' where a word was expected (two operators in a row?)")
            }
        }
    }
}
