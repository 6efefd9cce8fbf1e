import Foundation

/// Rules for formal board and council minutes: resolution clauses written as prose.
enum BoardRules {
    /// The opening of a resolution clause, up to "that".
    static let resolved = try! NSRegularExpression(pattern:
        #"^(?:(?:NOW,? )?THEREFORE,? )?(?:BE IT )?(?:FURTHER )?RESOLVED,? (?=that\b|That\b|THAT\b)"#)

    /// The clause of a resolution written in board style — "RESOLVED, that …",
    /// "NOW, THEREFORE, BE IT RESOLVED, that …", "BE IT FURTHER RESOLVED, that …" — without its preamble.
    static func resolvedClause(_ text: String) -> String? {
        // Texts whose bytes cannot open a match are refused first; the opening of the others is matched on the bytes
        // (`resolvedOpeningLength`), and the regular expression runs only where they cannot tell.
        guard mayOpenResolvedClause(text) else { return nil }
        let matched = text.utf8.withContiguousStorageIfAvailable(resolvedOpeningLength(in:))
        guard let matched, let matched else { return resolvedClauseByPattern(text) }
        guard let length = matched else { return nil }
        // (The opening is ASCII: its bytes are its characters.)
        return clause(String(text[text.utf8.index(text.utf8.startIndex, offsetBy: length)...]))
    }

    /// `resolvedClause(_:)` as written: `resolved` matched by the regular expression (texts whose bytes cannot open a
    /// match refused before it runs).
    static func resolvedClauseByPattern(_ text: String) -> String? {
        guard mayOpenResolvedClause(text) else { return nil }
        let ns = text as NSString
        guard let m = resolved.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return clause(ns.substring(from: m.range.length))
    }

    /// The clause after a resolution's opening (`rest`), trimmed, without a closing "…; and be it further".
    private static func clause(_ rest: String) -> String {
        var clause = rest.trimmed()
        // "…; and be it further" closes a clause that the next one continues (lower-cased again only once cut).
        var lower = clause.lowercased()
        for tail in ["; and be it further", ", and be it further", " and be it further"] where lower.hasSuffix(tail) {
            clause = String(clause.dropLast(tail.count))
            lower = clause.lowercased()
        }
        return clause
    }

    /// How many bytes `resolved` matches at the start of UTF-8 `bytes` (then as many UTF-16 code units: the match is
    /// ASCII), read on the bytes: `.some(nil)` when it matches nothing, nil when the bytes cannot tell (a byte that is
    /// not ASCII right after the "that" of the look-ahead, where `\b` depends on the character it starts).
    ///
    /// The pattern's optional parts each open with their own capital ("NOW", "THEREFORE", "BE IT", "FURTHER") unlike
    /// what may follow them, and an optional "," is always followed by a space, so the match (when there is one) is
    /// the one found taking each part greedily, without going back.
    static func resolvedOpeningLength(in bytes: UnsafeBufferPointer<UInt8>) -> Int?? {
        var position = 0
        /// Whether `word` stands at `position`; `position` moves past it when it does.
        func take(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            let pattern = UnsafeBufferPointer(start: word.utf8Start, count: count)
            for offset in 0..<count where bytes[position + offset] != pattern[offset] { return false }
            position += count
            return true
        }
        /// `,? ` at `position`.
        func takeCommaAndSpace() -> Bool {
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1 }
            return take(" ")
        }
        guard let first = bytes.first, first.isOne(of: "NTBFR") else { return .some(nil) }
        // `(?:(?:NOW,? )?THEREFORE,? )?`
        if !((!take("NOW") || takeCommaAndSpace()) && take("THEREFORE") && takeCommaAndSpace()) { position = 0 }
        _ = take("BE IT ")
        _ = take("FURTHER ")
        guard take("RESOLVED"), takeCommaAndSpace() else { return .some(nil) }
        let length = position
        // `(?=that\b|That\b|THAT\b)`
        guard take("that") || take("That") || take("THAT") else { return .some(nil) }
        guard position < bytes.count else { return .some(length) }
        let next = bytes[position]
        if next >= 0x80 { return nil }
        return next.isASCIIWordByte ? .some(nil) : .some(length)
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
