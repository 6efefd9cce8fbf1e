import Foundation

/// `WordRepair`'s rules on the UTF-8 bytes of ASCII tokens (nearly all of them): one byte a character, so the
/// rules' character tests are byte tests and the pieces of a candidate split are byte ranges, looked up without
/// building a `String` per piece until a lookup needs one. Each function gives exactly the answer of the
/// `String` rule it stands for (`repairToken`, `split`, `isKnown`, `pieceScore`).
extension WordRepair {
    /// `repairToken(_:)` for a token of ASCII letters, hyphens and full stops.
    func repairASCIIToken(_ token: UnsafeBufferPointer<UInt8>) -> String {
        // "Region.Thus": a sentence end glued to a capitalised word.
        if let dot = token.firstIndex(of: UInt8(ascii: ".")), dot != 0 {
            let head = UnsafeBufferPointer(rebasing: token[..<dot])
            let tail = UnsafeBufferPointer(rebasing: token[(dot + 1)...])
            if Self.gluesSentences(head, tail) {
                return repairASCIIToken(head) + ". " + repairASCIIToken(tail)
            }
            return token.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
                .map { repairASCIIToken(UnsafeBufferPointer(rebasing: $0)) }.joined(separator: ".")
        }
        let segments = token.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        if segments.count == 1 {
            return splitASCII(token).joined(separator: " ")
        }
        // In a hyphenated compound a lost line break also lost a hyphen ("business-to|business"):
        // pieces of a split segment rejoin with hyphens, and a third piece is the next word.
        return segments.map { slice -> String in
            let segment = UnsafeBufferPointer(rebasing: slice)
            let pieces = splitASCII(segment)
            guard pieces.count > 1 else { return String(decoding: segment, as: UTF8.self) }
            if pieces.count == 2 { return pieces.joined(separator: "-") }
            return pieces.dropLast().joined(separator: "-") + " " + (pieces.last ?? "")
        }.joined(separator: "-")
    }

    /// `split(_:)` for an ASCII word: two or three known pieces, or the word whole.
    func splitASCII(_ word: UnsafeBufferPointer<UInt8>) -> [String] {
        let count = word.count
        let whole = [String(decoding: word, as: UTF8.self)]
        guard Self.maySplit(word) else { return whole }
        return Self.withLowerCased(word) { lower -> [String] in
            guard !isKnownASCII(lower: lower) else { return whole }
            /// The best split so far: where its pieces start after the first, and its score.
            var best: (cuts: [Int], score: Int)?
            func consider(_ cuts: [Int], score: Int) {
                guard let current = best else { best = (cuts, score); return }
                if cuts.count < current.cuts.count || (cuts.count == current.cuts.count && score > current.score) {
                    best = (cuts, score)
                }
            }
            func score(_ range: Range<Int>) -> Int? {
                pieceScoreASCII(UnsafeBufferPointer(rebasing: lower[range]), startsUppercase: word[range.lowerBound].isASCIIUppercase,
                                isFirst: range.lowerBound == 0)
            }
            // The last pieces are scored once for all the splits that end with them.
            let lastScores = (0..<count).map { j in j == 0 ? nil : score(j..<count) }
            for i in 1..<count {
                guard let tail = lastScores[i], let head = score(0..<i) else { continue }
                consider([i], score: head + tail)
            }
            if best == nil {
                // A split in three needs a last piece that scores: a head that ends at or after the start of the last
                // such piece leaves none, so it is not scored at all.
                let lastTail = lastScores.lastIndex { $0 != nil } ?? 0
                for i in 1..<max(1, min(count - 1, lastTail)) {
                    guard let head = score(0..<i) else { continue }
                    for j in (i + 1)..<count {
                        guard let tail = lastScores[j], let middle = score(i..<j) else { continue }
                        consider([i, j], score: head + middle + tail)
                    }
                }
            }
            guard let cuts = best?.cuts else { return whole }
            let bounds = [0] + cuts + [count]
            return (1..<bounds.count).map { String(decoding: UnsafeBufferPointer(rebasing: word[bounds[$0 - 1]..<bounds[$0]]), as: UTF8.self) }
        }
    }

    /// Whether `repairASCIIToken(token)` may give something other than `token`: false only where it surely gives the
    /// token as it is, which it does unless a sentence end is glued to a capitalised word or `splitASCII` splits one of
    /// the parts between full stops and hyphens. A part is split only when `maySplit` and no known word; the search
    /// itself is left to `repairASCIIToken`. No `String` is made.
    func repairASCIITokenMayChange(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        if let dot = token.firstIndex(of: UInt8(ascii: ".")), dot != 0 {
            if Self.gluesSentences(UnsafeBufferPointer(rebasing: token[..<dot]), UnsafeBufferPointer(rebasing: token[(dot + 1)...])) {
                return true
            }
            return Self.anyPart(of: token, between: UInt8(ascii: "."), satisfies: repairASCIITokenMayChange)
        }
        return Self.anyPart(of: token, between: UInt8(ascii: "-")) { part in
            Self.maySplit(part) && !isKnownASCII(word: part)
        }
    }

    /// Whether `body` holds for one of the parts of `bytes` between `separator` bytes (`split(separator:
    /// omittingEmptySubsequences: false)`), without an array of them.
    private static func anyPart(of bytes: UnsafeBufferPointer<UInt8>, between separator: UInt8,
                                satisfies body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == separator {
            if body(UnsafeBufferPointer(rebasing: bytes[start..<end])) { return true }
            start = end + 1
        }
        return false
    }

    /// "Region.Thus": the text before a full stop ends in a lower-case word and the text after it starts one capitalised.
    @inline(__always)
    static func gluesSentences(_ head: UnsafeBufferPointer<UInt8>, _ tail: UnsafeBufferPointer<UInt8>) -> Bool {
        head.count >= 2 && head[head.count - 1].isASCIILowercase && tail.count >= 2 && tail[0].isASCIIUppercase && tail[1].isASCIILowercase
    }

    /// Whether `splitASCII` looks for a split of `word` at all: five letters or more, and no upper case inside the
    /// word (which means a name or acronym: McDonald, iPhone).
    @inline(__always)
    static func maySplit(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count >= 5 && word.allSatisfy(isASCIILetter) && !word.dropFirst().contains(where: \.isASCIIUppercase)
    }

    /// `isKnown(_:)` for the bytes of an ASCII word in any case.
    func isKnownASCII(word: UnsafeBufferPointer<UInt8>) -> Bool {
        // The tally compares words lower-cased: an answer remembered for the word is found with no lower-cased copy.
        if let known = words.knownMemo(ascii: word) { return known }
        guard word.contains(where: \.isASCIIUppercase) else { return isKnownASCIIAfresh(lower: word) }
        // The repairer goes to the closure as an argument: captured, it would be copied (all its tables retained) each time.
        return Self.withLowerCased(word, passing: self) { lower, repair in repair.isKnownASCIIAfresh(lower: lower) }
    }

    /// `isKnown(_:)` for the lower-cased bytes of an ASCII word: the answer remembered for a word of the document
    /// (`DocumentWords.memoKnown`), else worked out.
    func isKnownASCII(lower: UnsafeBufferPointer<UInt8>) -> Bool {
        words.knownMemo(ascii: lower) ?? isKnownASCIIAfresh(lower: lower)
    }

    /// `isKnownASCII(lower:)` worked out, without a remembered answer.
    private func isKnownASCIIAfresh(lower: UnsafeBufferPointer<UInt8>) -> Bool {
        isKnownASCII(lower: lower, inLexicon: lexicon.words.contains(asciiBytes: lower))
    }

    /// `isKnownASCII(lower:)` worked out, given whether the dictionary holds the word (and how often the document uses
    /// it, when the caller knows).
    func isKnownASCII(lower: UnsafeBufferPointer<UInt8>, inLexicon: Bool, count: Int? = nil) -> Bool {
        if inLexicon || (count ?? words.count(ascii: lower)) >= 2 { return true }
        // A known word with a derivational ending ("benchmark|ing", "entrepreneur|ship").
        let length = lower.count
        guard let last = lower.last else { return false }
        for suffix in Self.asciiSuffixes(endingWith: last) where length > suffix.count + 3 && Self.hasSuffix(lower, suffix) {
            let stem = UnsafeBufferPointer(rebasing: lower[..<(length - suffix.count)])
            if lexicon.words.contains(asciiBytes: stem) || Self.withAppendedE(stem, lexicon.words.contains(asciiBytes:))
                || words.count(ascii: stem) >= 1 {
                return true
            }
            if stem[stem.count - 1] == stem[stem.count - 2], lexicon.words.contains(asciiBytes: UnsafeBufferPointer(rebasing: stem.dropLast())) {
                return true
            }
        }
        return false
    }

    /// `pieceScore(_:isFirst:)` for the lower-cased bytes of an ASCII piece; `startsUppercase` tells the piece's own case.
    private func pieceScoreASCII(_ lower: UnsafeBufferPointer<UInt8>, startsUppercase: Bool, isFirst: Bool) -> Int? {
        let length = lower.count
        let isFunctionWord = Self.isFunctionWord(lower)
        // Short pieces must be function words (the guards below refuse any other piece under three letters).
        guard isFunctionWord || length >= 3 else { return nil }
        // (A piece of three letters that is neither first nor a function word is refused below whatever the document
        // says: it is turned away before the lookup.)
        guard isFunctionWord || length >= 4 || isFirst else { return nil }
        // The piece's count and capitalisation in the document, looked up once.
        let used = words.entry(ascii: lower)
        // A capitalised word splits only after a capitalised word the document uses elsewhere
        // ("Hub|and"), so proper nouns ("Colorado", "Johansen") stay whole.
        if isFirst, startsUppercase, !isFunctionWord, used?.capitalised != true { return nil }
        let inDocument = (used?.count ?? 0) >= 1
        guard length >= 4 || isFunctionWord || (inDocument && isFirst) else { return nil }
        guard isFunctionWord || inDocument || lexicon.words.contains(asciiBytes: lower) else { return nil }
        return (inDocument ? 2 : 0) + (isFunctionWord ? 1 : 0) + min(length, 8) / 4
    }

    /// Whether the lower-cased ASCII `piece` is one of `Lexicon.functionWords` (`Lexicon.functionWords.contains`), without
    /// a `String`: a piece of up to eight bytes is packed into a word (zero bytes above it) and looked for among the
    /// function words packed the same way; longer pieces, which no function word is, are looked up as strings.
    static func isFunctionWord(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        // Longer pieces, which no function word is, are turned away first (most pieces are).
        if piece.count > functionWordMaxLength { return false }
        guard piece.count <= 8, let base = piece.baseAddress else { return Lexicon.functionWords.contains(String(decoding: piece, as: UTF8.self)) }
        return packedFunctionWords.contains(ASCIILetterRuns.load(base, at: 0, limit: piece.count))
    }

    /// The function words of up to eight bytes, packed as `isFunctionWord` packs a piece.
    private static let packedFunctionWords = PackedWordTable(Lexicon.functionWords.compactMap { word in
        var word = word
        return word.withUTF8 { bytes in bytes.count <= 8 ? bytes.baseAddress.map { ASCIILetterRuns.load($0, at: 0, limit: bytes.count) } : nil }
    })

    /// The length of the longest function word: longer pieces need not be looked up among them.
    private static let functionWordMaxLength = Lexicon.functionWords.map(\.utf8.count).max() ?? 0

    /// Whether `bytes` end with `suffix`.
    @inline(__always)
    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard bytes.count >= suffix.count else { return false }
        let start = bytes.count - suffix.count
        for (offset, byte) in suffix.enumerated() where bytes[start + offset] != byte { return false }
        return true
    }

    /// The `suffixes` (as bytes) that end with `byte`: only they can end a word that does. (`isKnownASCII` asks
    /// whether any suffix vouches for the word, so the order it takes them in does not matter.)
    @inline(__always)
    private static func asciiSuffixes(endingWith byte: UInt8) -> [[UInt8]] {
        byte < 0x80 ? asciiSuffixesByLastByte[Int(byte)] : []
    }

    /// `suffixes` as bytes, by their last byte (0–127); the suffixes are turned into bytes once, not once a last byte.
    private static let asciiSuffixesByLastByte: [[[UInt8]]] = {
        let all = suffixes.map { Array($0.utf8) }
        return (0..<128).map { last in all.filter { $0.last == UInt8(last) } }
    }()

    /// Calls `body` with `bytes` and an "e" after them ("stem" + "e").
    @inline(__always)
    static func withAppendedE<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { buffer in
            for (i, byte) in bytes.enumerated() { buffer[i] = byte }
            buffer[bytes.count] = UInt8(ascii: "e")
            return body(UnsafeBufferPointer(buffer))
        }
    }

    /// Calls `body` with the ASCII `bytes` lower-cased (A–Z to a–z, as `lowercased()` does for ASCII).
    @inline(__always)
    static func withLowerCased<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withLowerCased(bytes, passing: ()) { lower, _ in body(lower) }
    }

    /// `withLowerCased(_:_:)` that hands `context` on to `body` as an argument rather than in a capture.
    @inline(__always)
    static func withLowerCased<Context, R>(_ bytes: UnsafeBufferPointer<UInt8>, passing context: Context,
                                           _ body: (UnsafeBufferPointer<UInt8>, Context) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer in
            for (i, byte) in bytes.enumerated() { buffer[i] = byte.asciiLowercased }
            return body(UnsafeBufferPointer(rebasing: buffer[..<bytes.count]), context)
        }
    }
}

/// The words of a document, lower-cased: how often each is used and whether it was ever capitalised.
/// ASCII words (nearly all) are kept by their bytes in an `ASCIIWordTally`, so neither counting nor looking
/// up a word makes a `String` of it; other words in a dictionary. A lower-cased word that is not ASCII is never
/// canonically equivalent to an ASCII one (of the letters only the Kelvin sign decomposes to ASCII, and it
/// lower-cases to "k"), so the two halves answer exactly as one `[String: Int]` would.
struct DocumentWords {
    private var ascii: ASCIIWordTally
    private var others: [String: Int] = [:]
    private var othersCapitalised: Set<String> = []

    /// No words yet.
    init() {
        ascii = ASCIIWordTally()
    }

    /// No words yet, with room made for the words of texts of `byteCount` bytes in all (`ASCIIWordTally.init(sizedFor:)`).
    init(sizedFor byteCount: Int) {
        ascii = ASCIIWordTally(sizedFor: byteCount)
    }

    /// Counts one word of ASCII letters (any case); it is capitalised when its first letter is upper-case.
    /// Returns the word's entry in the tally (`knownMemo(entry:)`).
    @discardableResult
    mutating func add(ascii word: UnsafeBufferPointer<UInt8>) -> Int {
        ascii.add(word, capitalised: word.first?.isASCIIUppercase ?? false)
    }

    /// Counts the letter runs of the plain-ASCII `bytes[range]` (`ASCIIWordTally.addLetterRuns`): appends the entries
    /// of those of five letters or more to `longRuns` and returns whether the runs glue sentences.
    mutating func addLetterRuns(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, longRuns: inout [UInt32]) -> Bool {
        ascii.addLetterRuns(of: bytes, in: range, longRuns: &longRuns)
    }

    /// Counts one lower-cased word of any script.
    mutating func add(lower: String, capitalised: Bool) {
        if lower.isPlainASCII {
            var lower = lower
            _ = lower.withUTF8 { ascii.add($0, capitalised: capitalised) }
            return
        }
        others[lower, default: 0] += 1
        if capitalised { othersCapitalised.insert(lower) }
    }

    /// How often the document uses the lower-cased `word`.
    func count(_ word: String) -> Int {
        guard word.isPlainASCII else { return others[word] ?? 0 }
        var word = word
        return word.withUTF8 { count(ascii: $0) }
    }

    /// The lower-cased ASCII words of the document that `memoKnown` takes answers for: those of five letters or more
    /// (`WordRepair.maySplit` splits no shorter one) that it uses fewer than twice (a word used twice is known), all
    /// passed to `isKnown` at once with their hashes (`WordSet.hash`) and counts, which answers each of them in order.
    /// Returns their entries and the answers, for `memoKnown`.
    func rareASCIIWords(_ isKnown: (_ words: [UnsafeBufferPointer<UInt8>], _ hashes: [UInt64], _ counts: [Int]) -> [Bool])
        -> (entries: [Int32], answers: [Bool]) {
        let (entries, answers) = ascii.withRareWords(minimumLength: 5, countedFewerThan: 2, isKnown)
        return (entries, answers)
    }

    /// Remembers whether each ASCII word of five letters or more is known: the answers of `rareASCIIWords` for its words,
    /// true for the others (used twice or more).
    mutating func memoKnown(_ rare: (entries: [Int32], answers: [Bool])) {
        ascii.setKnown(minimumLength: 5, rare: rare.entries, answers: rare.answers)
    }

    /// `knownMemo(ascii:)` of the word whose entry `add(ascii:)` returned.
    func knownMemo(entry: Int) -> Bool? {
        ascii.known(entry: entry)
    }

    /// Whether the ASCII word `bytes` (in any case: the tally compares lower-cased) is known, when remembered by `memoKnown`.
    func knownMemo(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        ascii.entry(for: bytes)?.known
    }

    /// How often the document uses the ASCII word `bytes` (compared lower-cased) and whether it capitalises it somewhere;
    /// nil for a word it does not use.
    func entry(ascii bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, capitalised: Bool)? {
        ascii.entry(for: bytes).map { ($0.count, $0.capitalised) }
    }

    /// How often the document uses the lower-cased ASCII word `bytes`.
    func count(ascii bytes: UnsafeBufferPointer<UInt8>) -> Int {
        ascii.entry(for: bytes)?.count ?? 0
    }

    /// Whether the document capitalises the lower-cased `word` somewhere.
    func isCapitalised(_ word: String) -> Bool {
        guard word.isPlainASCII else { return othersCapitalised.contains(word) }
        var word = word
        return word.withUTF8 { isCapitalised(ascii: $0) }
    }

    /// Whether the document capitalises the lower-cased ASCII word `bytes` somewhere.
    func isCapitalised(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ascii.entry(for: bytes)?.capitalised ?? false
    }
}
