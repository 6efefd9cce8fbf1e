import Foundation

/// The whole running text of a document, for rules that look at how a phrase is used elsewhere.
struct MentionContext {
    let text: String

    /// How often `word` occurs as a whole word (case-sensitive).
    func wordCount(_ word: String) -> Int {
        var count = 0
        var searchRange = text.startIndex..<text.endIndex
        // Byte-level search (no Foundation bridging of the whole text on every call).
        while let r = text.utf8[searchRange].firstRange(of: word.utf8) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !(before?.isLetter ?? false || before?.isNumber ?? false),
               !(after?.isLetter ?? false || after?.isNumber ?? false) {
                count += 1
            }
            searchRange = r.upperBound..<text.endIndex
        }
        return count
    }

    /// Whether some occurrence of `phrase` follows an affiliation cue ("from X", "at X", "(X", "Name - X").
    func followsAffiliationCue(_ phrase: String) -> Bool {
        let cues = [" from ", " at ", " with ", " by ", "(", " - ", " – ", " of the ", "\t"]
        var searchRange = text.startIndex..<text.endIndex
        while let r = text.utf8[searchRange].firstRange(of: phrase.utf8) {
            let start = text.index(r.lowerBound, offsetBy: -8, limitedBy: text.startIndex) ?? text.startIndex
            let before = text[start..<r.lowerBound]
            if cues.contains(where: { before.hasSuffix($0) }) { return true }
            searchRange = r.upperBound..<text.endIndex
        }
        return false
    }

    /// What follows each occurrence of `phrase`, up to `length` characters.
    func followers(of phrase: String, length: Int = 12) -> [Substring] {
        var out: [Substring] = []
        var searchRange = text.startIndex..<text.endIndex
        while let r = text.utf8[searchRange].firstRange(of: phrase.utf8) {
            let end = text.index(r.upperBound, offsetBy: length, limitedBy: text.endIndex) ?? text.endIndex
            out.append(text[r.upperBound..<end])
            searchRange = r.upperBound..<text.endIndex
            if out.count > 50 { break }
        }
        return out
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
        let words = phrase.split(separator: " ").map { $0.lowercased() }
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
        if let f = phrase.split(separator: " ").first, f.hasSuffix("'s") || f.hasSuffix("’s"),
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
        let words = phrase.split(separator: " ")
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
        let words = name.split(separator: " ").filter { !TextRules.isConnector(String($0)) && $0 != "The" }
        guard words.count >= 3, words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        return String(words.compactMap(\.first))
    }
}
