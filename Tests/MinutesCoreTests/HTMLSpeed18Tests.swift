import Testing
@testable import MinutesCore

/// The HTML reader's class-token cache must answer exactly as the rule it keeps answers of,
/// `HTMLByteRules.classTokens`, for values it saw, values it did not, and values that share a slot, a length or
/// their first and last eight bytes.
@Suite("HTML reader speed 18")
struct HTMLSpeed18Tests {
    /// Pieces of `class` values: tokens that recur, white space, upper case, non-ASCII letters (String's rule), and
    /// long pieces that make values longer than 16 bytes, which differ only in their middle.
    static let pieces = ["irc", "summary", "phone", "x00", "1", "2", " ", " ", "  ", "\t", "\n", "A", "K", "É", "İ", "ß",
                         "\u{301}", "\u{00A0}", "-", "_", "resolution", "abcdefgh", "abcdefghij", "nav", "Meeting"]

    @Test func cachedClassTokensAreTheRulesTokens() {
        var cache = HTMLClassTokenCache()
        // Few pieces and a small alphabet, so that values come back often (cache hits) and collide in slots.
        forRandomTexts(of: Self.pieces, seed: 18, count: 30_000, maxPieces: { $0 % 3 == 0 ? 9 : 4 }) { value in
            let bytes = Array(value.utf8)
            let cached = bytes.withUnsafeBufferPointer { cache.tokens($0) }
            let rule = bytes.withUnsafeBufferPointer { HTMLByteRules.classTokens($0) }
            #expect(cached == rule, "\(value.debugDescription)")
        }
    }

    @Test func longValuesThatShareTheirEndsAreToldApart() {
        var cache = HTMLClassTokenCache()
        // Same length, same first and last eight bytes: only the kept bytes tell them apart.
        let values = ["abcdefgh one xyzwvuts", "abcdefgh two xyzwvuts", "abcdefgh one xyzwvuts", "abcdefgh ONE xyzwvuts"]
        for value in values + values {
            let bytes = Array(value.utf8)
            let cached = bytes.withUnsafeBufferPointer { cache.tokens($0) }
            #expect(cached == HTMLByteRules.classTokens(value))
        }
    }

    /// A random stack of class entries: up to 40 entries (beyond the 32 `collect` reads), each with up to four
    /// class tokens from a small set (so tokens repeat within and across entries), sometimes "nav", sometimes an id.
    static func randomStack(_ generator: inout SplitMix64) -> [HTMLClassEntry] {
        let tokens = ["irc", "summary", "nav", "meeting", "x002", "x003", "a", "bb", "phone", "main", "toc", "links",
                      "t01", "t02", "resolution", "action", "Ab", "é"]
        let depth = 1 + Int(generator.next() % (generator.next() % 4 == 0 ? 40 : 6))
        return (0..<depth).map { owner in
            let classes = (0..<Int(generator.next() % 5)).map { _ in generator.pick(tokens) }
            let addsNav = generator.next() % 5 == 0
            let id = generator.next() % 2 == 0 ? generator.pick(tokens) : nil
            return HTMLClassEntry(owner: owner, classes: classes, addsNav: addsNav, id: id)
        }
    }

    @Test func mergedClassTokensAreTheCollectedTokens() {
        var generator = SplitMix64(seed: 1818)
        var merged = 0
        for _ in 0..<30_000 {
            let stack = Self.randomStack(&generator)
            guard stack.count > 1 else { continue }
            let outer = stack.dropLast().withUnsafeBufferPointer { HTMLClassTokens.collect($0) }
            let full = stack.withUnsafeBufferPointer { HTMLClassTokens.collect($0) }
            guard let answer = HTMLClassTokens.merging(stack[stack.count - 1], over: outer, stackCount: stack.count) else { continue }
            merged += 1
            #expect(answer == full, "\(stack.map { ($0.classes, $0.addsNav, $0.id) })")
        }
        #expect(merged > 5_000)
    }
}
