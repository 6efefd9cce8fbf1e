import Foundation

/// The whole running text of a document, for rules that look at how a phrase is used elsewhere.
///
/// Searches run with `memchr`/`memcmp` over the UTF-8 bytes, once per candidate phrase, so a document with
/// thousands of capitalised phrases stays linear in practice.
struct MentionContext {
    /// The text's UTF-8 bytes.
    private let bytes: [UInt8]

    /// Creates a context over `texts` joined by line breaks, without building the joined string.
    init(texts: some Collection<String>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(texts.reduce(texts.count) { $0 + $1.utf8.count })
        var first = true
        for text in texts {
            if !first { bytes.append(0x0A) }
            first = false
            bytes.append(contentsOf: text.utf8)
        }
        self.bytes = bytes
    }

    /// Byte offsets where `needle` starts, at most `limit` of them.
    private func offsets(of needle: String, limit: Int = .max) -> [Int] {
        bytes.organisationOffsets(of: Array(needle.utf8), limit: limit)
    }

    /// Whether the byte at `index` continues a word (an ASCII letter or digit, or any non-ASCII byte).
    private func isWordByte(at index: Int) -> Bool {
        guard index >= 0, index < bytes.count else { return false }
        let b = bytes[index]
        return b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    /// How often `word` occurs as a whole word (case-sensitive).
    func wordCount(_ word: String) -> Int {
        let length = word.utf8.count
        return offsets(of: word).filter { !isWordByte(at: $0 - 1) && !isWordByte(at: $0 + length) }.count
    }

    /// Whether some occurrence of `phrase` follows an affiliation cue ("from X", "at X", "(X", "Name - X").
    func followsAffiliationCue(_ phrase: String) -> Bool {
        offsets(of: phrase).contains { start in
            Self.affiliationCues.contains { cue in start >= cue.count && bytes[(start - cue.count)..<start].elementsEqual(cue) }
        }
    }

    /// The bytes of the cues `followsAffiliationCue(_:)` looks for.
    private static let affiliationCues = [" from ", " at ", " with ", " by ", "(", " - ", " – ", " of the ", "\t"].map { Array($0.utf8) }

    /// What follows each occurrence of `phrase`, up to `length` bytes (at most 51 occurrences).
    func followers(of phrase: String, length: Int = 12) -> [Substring] {
        let phraseLength = phrase.utf8.count
        return offsets(of: phrase, limit: 51).map { start in
            let from = start + phraseLength
            let to = min(bytes.count, from + length)
            return Substring(String(decoding: bytes[from..<to], as: UTF8.self))
        }
    }
}

/// Rules that tell a capitalised phrase that names an organisation from one that names a product,
/// a technology, a specification, a document part or a generic idea.
enum OrganisationRules {
    /// Words that start an instruction or a sentence rather than a name ("See Attachment AG").
    static let leadingVerbs: Set<String> = [
        "see", "please", "refer", "note", "read", "join", "visit", "contact", "follow", "let's", "lets", "let",
        "ask", "check", "review", "discuss", "approve", "thank", "thanks", "welcome", "use", "using", "add",
        "create", "update", "submit", "send", "move", "make", "get", "go", "call", "email", "ping", "attend",
    ]

    /// Words that mark a phrase as a part of a document ("Attachment AG", "Appendix B").
    static let documentParts: Set<String> = [
        "attachment", "attachments", "appendix", "annex", "exhibit", "section", "chapter", "page", "item",
        "figure", "table", "schedule", "clause", "paragraph",
    ]

    /// Heads of technology and product phrases ("Hadoop Distributed File *System*").
    static let technologyHeads: Set<String> = [
        "system", "platform", "framework", "engine", "database", "server", "browser", "runtime", "toolkit",
        "sdk", "interface", "file", "format", "parallel", "computing", "processing", "storage", "compiler",
        "extension", "extensions", "app", "application", "tool", "tools", "plugin", "module", "package",
    ]

    /// Common adjectives that never make a name by themselves ("Minimum Viable Foundation").
    static let genericModifiers: Set<String> = [
        "minimum", "minimal", "viable", "new", "joint", "possible", "proposed", "future", "common", "general",
        "basic", "single", "shared", "combined", "merged", "umbrella", "strong", "good", "better", "best",
        "healthy", "small", "large", "big", "local", "global", "first", "second", "next", "current", "existing",
        "ideal", "hypothetical", "potential", "separate", "independent", "neutral", "own",
    ]

    /// Organisation words too common in product names to count on one mention
    /// ("Microsoft *Office*", "Visual *Studio*", "Reading *Systems*").
    static let weakCues: Set<String> = [
        "office", "studio", "studios", "systems", "software", "technologies", "technology", "solutions", "services",
        "media", "lab", "labs", "press", "network", "communications", "publishing", "fund", "ventures", "partners",
        "ag", "bv", "oy",
    ]

    /// Whether a phrase can name an organisation at all, whatever its context.
    static func isPlausibleName(_ phrase: String) -> Bool {
        let words = phrase.splitOnSpaces().map { $0.lowercased() }
        guard let first = words.first, let last = words.last else { return false }
        if leadingVerbs.contains(first) { return false }
        if words.contains(where: { documentParts.contains($0) }) { return false }
        let head = OrganisationExtractor.headWord(of: phrase)
        if technologyHeads.contains(head) || technologyHeads.contains(last) { return false }
        // Every word before the head a common adjective: a description, not a name.
        if let h = words.firstIndex(of: head), h > 0, words[..<h].allSatisfy({ genericModifiers.contains($0) }) {
            return false
        }
        // "Treasurer's Office": an office of a role, not a body of its own.
        if let f = phrase.splitOnSpaces().first, f.hasSuffix("'s") || f.hasSuffix("’s"),
           Vocabulary.jobTitleHeads.contains(String(f.dropLast(2)).lowercased()) {
            return false
        }
        return true
    }

    /// Whether a mention found only by its head word is used as a name in the document:
    /// never followed by a version number ("EPUB Reading Systems 3.4"), not a common noun phrase the
    /// document also writes in lower case ("reading systems"), and a weak organisation word needs
    /// the phrase more than once.
    static func isMentionedAsName(_ phrase: String, in context: MentionContext) -> Bool {
        let followers = context.followers(of: phrase)
        if followers.contains(where: startsWithVersion) { return false }
        let words = phrase.splitOnSpaces()
        if words.count >= 2 {
            let tail = words.suffix(2).joined(separator: " ").lowercased()
            if context.wordCount(tail) > 0 { return false }
        }
        let head = OrganisationExtractor.headWord(of: phrase)
        if weakCues.contains(head), followers.count < 2, !words.contains("of"), !context.followsAffiliationCue(phrase) {
            return false
        }
        return true
    }

    /// " 3.4", " 2013", " v2": a version or edition number.
    static func startsWithVersion(_ text: Substring) -> Bool {
        guard text.first == " " else { return false }
        let rest = text.dropFirst()
        let token = rest.prefix { !$0.isWhitespace && $0 != "," && $0 != ";" && $0 != ")" }
        var t = token
        if t.hasSuffix(".") { t = t.dropLast() }
        if t.first == "v" || t.first == "V" { t = t.dropFirst() }
        guard let firstChar = t.first, firstChar.isNumber else { return false }
        return t.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// The initials of a name without "The" and connectors ("The Apache Software Foundation" → "ASF"),
    /// nil when fewer than three (two letters are too ambiguous).
    static func initialism(of name: String) -> String? {
        let words = name.splitOnSpaces().filter { !TextRules.isConnector(String($0)) && $0 != "The" }
        guard words.count >= 3, words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        return String(words.compactMap(\.first))
    }
}
