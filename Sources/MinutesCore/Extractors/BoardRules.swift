import Foundation

/// Rules for formal board and council minutes: resolution clauses written as prose.
enum BoardRules {
    private static let resolved = try! NSRegularExpression(pattern:
        #"^(?:(?:NOW,? )?THEREFORE,? )?(?:BE IT )?(?:FURTHER )?RESOLVED,? (?=that\b|That\b|THAT\b)"#)

    /// The clause of a resolution written in board style — "RESOLVED, that …",
    /// "NOW, THEREFORE, BE IT RESOLVED, that …", "BE IT FURTHER RESOLVED, that …" — without its preamble.
    static func resolvedClause(_ text: String) -> String? {
        // (A match spells "RESOLVED" out, so texts whose bytes do not are refused with a memchr-based search.)
        guard text.holdsBytes("RESOLVED") else { return nil }
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

extension BoardRules {
    /// "@Brett: Request a better report for next month" under a committee report: the director asked
    /// to act and the item ("Brett: Request …"); nil for other lines.
    static func directorRequest(_ text: String) -> (director: String, item: String)? {
        guard text.hasPrefix("@") else { return nil }
        let body = text.dropFirst()
        let name = body.prefix { $0.isLetter }
        guard name.count >= 2, name.first?.isUppercase == true, body.dropFirst(name.count).hasPrefix(": ") else { return nil }
        let item = String(body).trimmed()
        guard item.count > name.count + 4 else { return nil }
        return (String(name), item)
    }
}
