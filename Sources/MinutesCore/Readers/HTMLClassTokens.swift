/// The class and id tokens an open element gives the blocks inside it: its class tokens, then "nav" for a
/// `<nav>` whose classes lack it, then its id token.
struct HTMLClassEntry {
    /// The element (the walker's id for it).
    let owner: Int
    /// The class tokens, as `HTMLClassTokenCache` shares them.
    let classes: [String]
    let addsNav: Bool
    let id: String?

    /// How many tokens (with any repeats).
    var count: Int { classes.count + (addsNav ? 1 : 0) + (id == nil ? 0 : 1) }
}

/// The class tokens of the blocks inside a stack of open elements.
enum HTMLClassTokens {
    /// The rule: the tokens of `stack`'s entries (outermost first), innermost first, without repeats; entries
    /// below the 32 innermost are not read, and no entry is read once 16 tokens are there.
    static func collect(_ stack: UnsafeBufferPointer<HTMLClassEntry>) -> [String] {
        guard let innermost = stack.last else { return [] }
        // One entry with class tokens only, none repeated: those tokens as they are.
        if stack.count == 1, !innermost.addsNav, innermost.id == nil,
           !innermost.classes.indices.contains(where: { innermost.classes[..<$0].contains(innermost.classes[$0]) }) {
            return innermost.classes
        }
        let deepest = max(stack.count - 32, 0)
        var capacity = 0
        for index in deepest..<stack.count { capacity += stack[index].count }
        var tokens: [String] = []
        tokens.reserveCapacity(capacity)
        var index = stack.count - 1
        while index >= deepest {
            add(stack[index], to: &tokens)
            if tokens.count >= 16 { break }
            index -= 1
        }
        return tokens
    }

    /// `collect` of a stack whose innermost entry is `entry`, from `outer`, the `collect` of the entries below it;
    /// nil when the stack may be too deep or the tokens too many for the shortcut (more than 32 entries, or 16
    /// tokens or more: there `collect` stops reading), which `collect` then answers.
    ///
    /// Below those limits `collect` reads every token, so its answer is the entry's own tokens without repeats,
    /// then those of `outer` (read the same way) that are not among them.
    static func merging(_ entry: HTMLClassEntry, over outer: [String], stackCount: Int) -> [String]? {
        guard stackCount <= 32, entry.count + outer.count <= 15 else { return nil }
        var tokens: [String] = []
        tokens.reserveCapacity(entry.count + outer.count)
        add(entry, to: &tokens)
        let own = tokens.count
        for token in outer where !tokens[..<own].contains(where: { Self.equal($0, token) }) { tokens.append(token) }
        return tokens
    }

    /// Adds the tokens of `entry` that `tokens` lacks.
    private static func add(_ entry: HTMLClassEntry, to tokens: inout [String]) {
        for token in entry.classes { add(token, to: &tokens) }
        if entry.addsNav { add("nav", to: &tokens) }
        if let id = entry.id { add(id, to: &tokens) }
    }

    /// Adds `token` unless `tokens` holds it already.
    private static func add(_ token: String, to tokens: inout [String]) {
        for known in tokens where equal(known, token) { return }
        tokens.append(token)
    }

    /// Whether two tokens are equal; tokens of another length are told apart without comparing them.
    @inline(__always)
    private static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }
}
