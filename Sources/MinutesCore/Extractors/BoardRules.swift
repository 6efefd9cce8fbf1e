import Foundation

/// Rules for formal board and council minutes: resolution clauses written as prose.
enum BoardRules {
    /// The opening of a resolution clause, up to "that".
    static let resolved = try! NSRegularExpression(pattern:
        #"^(?:(?:NOW,? )?THEREFORE,? )?(?:BE IT )?(?:FURTHER )?RESOLVED,? (?=that\b|That\b|THAT\b)"#)

    /// The clause of a resolution written in board style — "RESOLVED, that …",
    /// "NOW, THEREFORE, BE IT RESOLVED, that …", "BE IT FURTHER RESOLVED, that …" — without its preamble.
    static func resolvedClause(_ text: String) -> String? {
        // (Texts whose bytes cannot open a match are refused before the regular expression runs.)
        guard mayOpenResolvedClause(text) else { return nil }
        let ns = text as NSString
        guard let m = resolved.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        var clause = ns.substring(from: m.range.length).trimmed()
        // "…; and be it further" closes a clause that the next one continues.
        for tail in ["; and be it further", ", and be it further", " and be it further"] where clause.lowercased().hasSuffix(tail) {
            clause = String(clause.dropLast(tail.count))
        }
        return clause
    }

    /// Whether the UTF-8 bytes of `text` may match `resolved`: the pattern is anchored at the start, which must be the
    /// "N", "T", "B", "F" or "R" of its first word, and it spells "RESOLVED" out before an optional ",", a space and the
    /// "t" or "T" of its look-ahead (all ASCII, compared as code points). False is a sure no.
    static func mayOpenResolvedClause(_ text: String) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, first.isOne(of: "NTBFR") else { return false }
            let word: StaticString = "RESOLVED"
            let pattern = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            var from = 0
            while let hit = UTF8Search.offset(of: pattern, in: bytes, from: from) {
                var next = hit + pattern.count
                if next < bytes.count, bytes[next] == UInt8(ascii: ",") { next += 1 }
                if next + 1 < bytes.count, bytes[next] == UInt8(ascii: " "), bytes[next + 1] | 0x20 == UInt8(ascii: "t") { return true }
                from = hit + 1
            }
            return false
        }
        return answer ?? text.holdsBytes("RESOLVED")
    }
}

extension BoardRules {
    /// "@Brett: Request a better report for next month" under a committee report: the director asked
    /// to act and the item ("Brett: Request …"); nil for other lines.
    static func directorRequest(_ text: String) -> (director: String, item: String)? {
        // (The first byte is looked at before the characters.)
        guard text.utf8.first == UInt8(ascii: "@"), text.hasPrefix("@") else { return nil }
        let body = text.dropFirst()
        let name = body.prefix { $0.isLetter }
        guard name.count >= 2, name.first?.isUppercase == true, body.dropFirst(name.count).hasPrefix(": ") else { return nil }
        let item = String(body).trimmed()
        guard item.count > name.count + 4 else { return nil }
        return (String(name), item)
    }
}
