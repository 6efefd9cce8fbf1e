import Foundation

/// The whole running text of a document, for rules that look at how a phrase is used elsewhere.
///
/// The texts are read as they are, joined by line breaks: the first search runs with `memchr`/`memcmp` over each
/// text's UTF-8 bytes in place. A document that asks more than `searchesInPlace` questions gets its texts joined
/// into one buffer once (sized by the first search), and the rest of its searches run over that: a visit of the
/// texts costs some 300 instructions a text, a search of the joined bytes a `memchr` over all. The joined buffer
/// is one more copy of the text, so a document over `smallJoin` bytes keeps searching in place for longer
/// (`searchesInPlaceWhenLarge`): its parse memory stays under three times its size.
/// When the caller tells the joined size up front (`OrganisationExtractor.extract` adds it up on its first pass), a
/// document of up to `smallJoin` bytes is joined for its first search instead.
/// Either way the answers are those of the joined text (a needle holding a line break, which could match
/// across two texts, is always looked for in the joined bytes).
struct MentionContext {
    /// How many searches run over the texts in place before they are joined.
    static let searchesInPlace = 1
    /// Joined size (bytes) up to which the texts are joined after `searchesInPlace` searches.
    static let smallJoin = 1 << 20
    /// How many searches run in place over a larger document's texts before they are joined (a 4 MB
    /// document of the corpus asks about 25, so it never pays for the copy).
    static let searchesInPlaceWhenLarge = 64

    /// The texts, and their joined bytes once built.
    private final class Storage {
        /// Calls its argument with each text's bytes, in order, until it returns false.
        let visit: ((UnsafeBufferPointer<UInt8>) -> Bool) -> Void
        var joined: [UInt8]?
        /// The size of the joined bytes, once a search in place has visited every text.
        var joinedSize: Int?
        var searches = 0
        let searchesInPlace: Int

        init(searchesInPlace: Int, visit: @escaping ((UnsafeBufferPointer<UInt8>) -> Bool) -> Void) {
            self.searchesInPlace = searchesInPlace
            self.visit = visit
        }

        /// The joined bytes, built on first use.
        func joinedBytes() -> [UInt8] {
            if let joined { return joined }
            var size = joinedSize ?? -1
            if joinedSize == nil { visit { size += $0.count + 1; return true } }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(max(0, size))
            var first = true
            visit { text in
                if !first { bytes.append(0x0A) }
                first = false
                bytes.append(contentsOf: text)
                return true
            }
            joined = bytes
            return bytes
        }
    }

    private let storage: Storage

    /// Creates a context over `texts` joined by line breaks, without building the joined string.
    /// `searchesInPlace` is there for tests, which compare both ways of searching. `joinedSize`, the size of the joined
    /// bytes when the caller knows it, spares the search in place that would measure it: texts of up to `smallJoin`
    /// bytes are then joined for their first search (a visit of every text in place costs more than the copy).
    init<Texts: Collection<String>>(texts: Texts, searchesInPlace: Int = MentionContext.searchesInPlace, joinedSize: Int? = nil) {
        let inPlace = joinedSize.map { $0 <= Self.smallJoin ? 0 : searchesInPlace } ?? searchesInPlace
        storage = Storage(searchesInPlace: inPlace) { body in
            for text in texts {
                var text = text
                if !text.withUTF8(body) { return }
            }
        }
        storage.joinedSize = joinedSize
    }

    /// Calls `body` with the bytes to search for `patterns`: each text in turn, or the joined text once.
    /// `body` returns false to stop. One call is one search, whatever the number of patterns.
    private func eachText(searchingFor patterns: [[UInt8]], _ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
        storage.searches += 1
        let inPlace = (storage.joinedSize ?? 0) <= Self.smallJoin ? storage.searchesInPlace : max(storage.searchesInPlace, Self.searchesInPlaceWhenLarge)
        if storage.joined != nil || storage.searches > inPlace || patterns.contains(where: { $0.contains(0x0A) }) {
            storage.joinedBytes().withUnsafeBufferPointer { _ = body($0) }
        } else {
            // The size of the joined bytes comes with a visit that reads every text.
            var size = -1, complete = true
            storage.visit { text in
                size += text.count + 1
                complete = body(text)
                return complete
            }
            if complete { storage.joinedSize = size }
        }
    }

    /// Calls `body` with each start of `pattern` in `text`, left to right and not overlapping, until it
    /// returns false; returns false when `body` did.
    /// `anchor` is the index in `pattern` of the byte looked for first (`UTF8Search.rarestByteIndex(of:)`).
    fileprivate static func occurrences(of pattern: [UInt8], anchor: Int, in text: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) -> Bool {
        pattern.withUnsafeBufferPointer { needle in
            var from = 0
            while let start = UTF8Search.offset(of: needle, anchor: anchor, in: text, from: from) {
                if !body(start) { return false }
                from = start + needle.count
            }
            return true
        }
    }

    /// How often `word` occurs as a whole word (case-sensitive).
    func wordCount(_ word: String) -> Int {
        wordCounts([word])[0]
    }

    /// `wordCount(_:)` of each of `words`, found in one search of the texts.
    func wordCounts(_ words: [String]) -> [Int] {
        var counters = words.map { WordCounter(pattern: Array($0.utf8)) }
        guard counters.contains(where: { !$0.pattern.isEmpty }) else { return counters.map(\.count) }
        eachText(searchingFor: counters.map(\.pattern)) { text in
            for index in counters.indices { counters[index].scan(text) }
            return true
        }
        return counters.map(\.count)
    }

    /// Whether some occurrence of `phrase` follows an affiliation cue ("from X", "at X", "(X", "Name - X").
    func followsAffiliationCue(_ phrase: String) -> Bool {
        var scan = PhraseScan(pattern: Array(phrase.utf8), length: 0, limit: 0, looksForCue: true)
        guard !scan.pattern.isEmpty else { return false }
        eachText(searchingFor: [scan.pattern]) { scan.scan($0) }
        return scan.followsCue
    }

    /// What follows each occurrence of `phrase`, up to `length` bytes (at most 51 occurrences).
    func followers(of phrase: String, length: Int = 12) -> [Substring] {
        var scan = PhraseScan(pattern: Array(phrase.utf8), length: length, limit: PhraseScan.followerLimit, looksForCue: false)
        guard !scan.pattern.isEmpty else { return [] }
        eachText(searchingFor: [scan.pattern]) { scan.scan($0) }
        return scan.followerStrings
    }

    /// How the document uses `phrase`, found in one search of the texts: `followers(of: phrase)`, with
    /// `lookForCue` `followsAffiliationCue(phrase)` (false without), and `wordCount(word)` (0 without a word).
    func use(of phrase: String, countingWord word: String?, lookForCue: Bool) -> (followers: [Substring], followsCue: Bool, wordCount: Int) {
        var scan = PhraseScan(pattern: Array(phrase.utf8), length: 12, limit: PhraseScan.followerLimit, looksForCue: lookForCue)
        var counter = WordCounter(pattern: Array((word ?? "").utf8))
        guard !scan.pattern.isEmpty || !counter.pattern.isEmpty else { return ([], false, 0) }
        eachText(searchingFor: [scan.pattern, counter.pattern]) { text in
            let more = !scan.pattern.isEmpty && scan.scan(text)
            counter.scan(text)
            return more || !counter.pattern.isEmpty
        }
        return (scan.followerStrings, scan.followsCue, counter.count)
    }
}

/// Counts the whole-word occurrences of a pattern in the texts it is shown, in order (`MentionContext.wordCount`).
private struct WordCounter {
    /// The bytes of the word.
    let pattern: [UInt8]
    /// The index of the byte of `pattern` looked for first.
    private let anchor: Int
    /// The occurrences so far.
    private(set) var count = 0

    init(pattern: [UInt8]) {
        self.pattern = pattern
        anchor = UTF8Search.rarestByteIndex(of: pattern)
    }

    /// Counts the occurrences in `text`.
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>) {
        guard !pattern.isEmpty else { return }
        let length = pattern.count
        _ = MentionContext.occurrences(of: pattern, anchor: anchor, in: text) { start in
            if !Self.isWordByte(at: start - 1, in: text) && !Self.isWordByte(at: start + length, in: text) { count += 1 }
            return true
        }
    }

    /// Whether the byte at `index` of `text` continues a word (an ASCII letter or digit, or any non-ASCII byte).
    private static func isWordByte(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index >= 0, index < text.count else { return false }
        let b = text[index]
        return b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }
}

/// Reads the occurrences of a phrase in the texts it is shown, in order: what follows the first `limit` of them
/// (`MentionContext.followers`) and, when it `looksForCue`, whether one follows an affiliation cue
/// (`MentionContext.followsAffiliationCue`).
private struct PhraseScan {
    /// How many followers are kept at most.
    static let followerLimit = 51
    /// The bytes of the phrase.
    let pattern: [UInt8]
    /// The bytes kept of each follower.
    let length: Int
    /// How many followers are kept.
    let limit: Int
    /// Whether to look for an affiliation cue.
    let looksForCue: Bool
    /// The index of the byte of `pattern` looked for first.
    private let anchor: Int
    /// The followers so far.
    private(set) var followers: [[UInt8]] = []
    /// Followers that reached the end of their text, completed from the texts after it.
    private var open: [Int] = []
    /// Whether some occurrence so far follows an affiliation cue.
    private(set) var followsCue = false

    init(pattern: [UInt8], length: Int, limit: Int, looksForCue: Bool) {
        self.pattern = pattern
        self.length = length
        self.limit = limit
        self.looksForCue = looksForCue
        anchor = UTF8Search.rarestByteIndex(of: pattern)
    }

    /// The followers as text.
    var followerStrings: [Substring] {
        followers.map { Substring(String(decoding: $0, as: UTF8.self)) }
    }

    /// Whether it still looks for occurrences.
    private var wantsOccurrences: Bool {
        followers.count < limit || (looksForCue && !followsCue)
    }

    /// Reads `text`, the text after those it was shown; false when it needs no more text.
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if !open.isEmpty {
            open = open.filter { index in
                followers[index].append(0x0A)
                followers[index] += text.prefix(length - followers[index].count)
                return followers[index].count < length
            }
        }
        guard wantsOccurrences else { return !open.isEmpty }
        return MentionContext.occurrences(of: pattern, anchor: anchor, in: text) { start in
            if followers.count < limit {
                let from = start + pattern.count
                followers.append(Array(text[from..<min(text.count, from + length)]))
                if followers[followers.count - 1].count < length { open.append(followers.count - 1) }
            }
            if looksForCue, !followsCue {
                followsCue = Self.affiliationCues.contains { cue in start >= cue.count && text[(start - cue.count)..<start].elementsEqual(cue) }
            }
            return wantsOccurrences
        } || !open.isEmpty
    }

    /// The bytes of the cues `MentionContext.followsAffiliationCue(_:)` looks for.
    private static let affiliationCues = [" from ", " at ", " with ", " by ", "(", " - ", " – ", " of the ", "\t"].map { Array($0.utf8) }
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
    /// The document is searched once for all of it (`MentionContext.use(of:countingWord:lookForCue:)`).
    static func isMentionedAsName(_ phrase: String, in context: MentionContext) -> Bool {
        let words = phrase.splitOnSpaces()
        let tail = words.count >= 2 ? words.suffix(2).joined(separator: " ").lowercased() : nil
        let weak = weakCues.contains(OrganisationExtractor.headWord(of: phrase)) && !words.contains("of")
        let use = context.use(of: phrase, countingWord: tail, lookForCue: weak)
        if use.followers.contains(where: startsWithVersion) { return false }
        if use.wordCount > 0 { return false }
        if weak, use.followers.count < 2, !use.followsCue { return false }
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
