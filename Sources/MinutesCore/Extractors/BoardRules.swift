import Foundation

/// Rules for formal board and council minutes: resolution clauses written as prose.
enum BoardRules {
    private static let resolved = try! NSRegularExpression(pattern:
        #"^(?:(?:NOW,? )?THEREFORE,? )?(?:BE IT )?(?:FURTHER )?RESOLVED,? (?=that\b|That\b|THAT\b)"#)

    /// The clause of a resolution written in board style — "RESOLVED, that …",
    /// "NOW, THEREFORE, BE IT RESOLVED, that …", "BE IT FURTHER RESOLVED, that …" — without its preamble.
    static func resolvedClause(_ text: String) -> String? {
        guard text.containsASCII("RESOLVED") else { return nil }
        let ns = text as NSString
        guard let m = resolved.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        var clause = ns.substring(from: m.range.length).trimmed()
        // "…; and be it further" closes a clause that the next one continues.
        for tail in ["; and be it further", ", and be it further", " and be it further"] where clause.lowercased().hasSuffix(tail) {
            clause = String(clause.dropLast(tail.count))
        }
        return clause
    }
}
