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
            if head.count >= 2, head[head.count - 1].isASCIILowercase, tail.count >= 2,
               tail[0].isASCIIUppercase, tail[1].isASCIILowercase {
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
        // Upper-case inside the word means a name or acronym (McDonald, iPhone): leave it.
        guard count >= 5, word.allSatisfy(Self.isASCIILetter), !word.dropFirst().contains(where: \.isASCIIUppercase) else {
            return whole
        }
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
                for i in 1..<count - 1 {
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

    /// `isKnown(_:)` for the lower-cased bytes of an ASCII word.
    func isKnownASCII(lower: UnsafeBufferPointer<UInt8>) -> Bool {
        if lexicon.words.contains(asciiBytes: lower) || words.count(ascii: lower) >= 2 { return true }
        // A known word with a derivational ending ("benchmark|ing", "entrepreneur|ship").
        let length = lower.count
        for suffix in Self.asciiSuffixes where length > suffix.count + 3 && Self.hasSuffix(lower, suffix) {
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
        let isFunctionWord = length <= Self.functionWordMaxLength && Lexicon.functionWords.contains(String(decoding: lower, as: UTF8.self))
        // Short pieces must be function words (the guards below refuse any other piece under three letters).
        guard isFunctionWord || length >= 3 else { return nil }
        // A capitalised word splits only after a capitalised word the document uses elsewhere
        // ("Hub|and"), so proper nouns ("Colorado", "Johansen") stay whole.
        if isFirst, startsUppercase, !isFunctionWord, !words.isCapitalised(ascii: lower) { return nil }
        let inDocument = words.count(ascii: lower) >= 1
        guard length >= 4 || isFunctionWord || (inDocument && isFirst) else { return nil }
        guard isFunctionWord || inDocument || lexicon.words.contains(asciiBytes: lower) else { return nil }
        return (inDocument ? 2 : 0) + (isFunctionWord ? 1 : 0) + min(length, 8) / 4
    }

    /// The length of the longest function word: longer pieces need not be looked up among them.
    private static let functionWordMaxLength = Lexicon.functionWords.map(\.utf8.count).max() ?? 0

    /// Whether `bytes` end with `suffix`.
    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard bytes.count >= suffix.count, let base = bytes.baseAddress else { return false }
        return memcmp(base + (bytes.count - suffix.count), suffix, suffix.count) == 0
    }

    /// `suffixes` as bytes.
    private static let asciiSuffixes: [[UInt8]] = suffixes.map { Array($0.utf8) }

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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer in
            for (i, byte) in bytes.enumerated() { buffer[i] = byte.asciiLowercased }
            return body(UnsafeBufferPointer(rebasing: buffer[..<bytes.count]))
        }
    }
}

/// The words of a document, lower-cased: how often each is used and whether it was ever capitalised.
/// ASCII words (nearly all) are kept by their bytes in an `ASCIIWordTally`, so neither counting nor looking
/// up a word makes a `String` of it; other words in a dictionary. A lower-cased word that is not ASCII is never
/// canonically equivalent to an ASCII one (of the letters only the Kelvin sign decomposes to ASCII, and it
/// lower-cases to "k"), so the two halves answer exactly as one `[String: Int]` would.
struct DocumentWords {
    private var ascii = ASCIIWordTally()
    private var others: [String: Int] = [:]
    private var othersCapitalised: Set<String> = []

    /// Counts one word of ASCII letters (any case); it is capitalised when its first letter is upper-case.
    mutating func add(ascii word: UnsafeBufferPointer<UInt8>) {
        let capitalised = word[0].isASCIIUppercase
        WordRepair.withLowerCased(word) { ascii.add(lower: $0, capitalised: capitalised) }
    }

    /// Counts one lower-cased word of any script.
    mutating func add(lower: String, capitalised: Bool) {
        if lower.isPlainASCII {
            var lower = lower
            lower.withUTF8 { ascii.add(lower: $0, capitalised: capitalised) }
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

/// Counts ASCII words by their lower-cased bytes: one byte arena and an open-addressing table over it, so
/// a word used a hundred times is hashed as bytes a hundred times and never becomes a `String`.
struct ASCIIWordTally {
    /// The distinct lower-cased words, one after another.
    private var arena: [UInt8] = []
    /// Per distinct word: where it starts in `arena`, its length, its count, and whether it was ever capitalised.
    private var entries: [(start: Int, length: Int, count: Int, capitalised: Bool)] = []
    /// Index + 1 into `entries`; 0 for an empty slot. The count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)

    /// Counts one lower-cased ASCII word, capitalised or not where it stood.
    mutating func add(lower: UnsafeBufferPointer<UInt8>, capitalised: Bool) {
        if entries.count * 2 >= slots.count { grow() }
        var slot = Self.slot(of: lower, in: slots.count)
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if matches(entries[index], lower) {
                entries[index].count += 1
                if capitalised { entries[index].capitalised = true }
                return
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        entries.append((arena.count, lower.count, 1, capitalised))
        arena.append(contentsOf: lower)
        slots[slot] = Int32(entries.count)
    }

    /// The count of the lower-cased word `lower` and whether it was ever capitalised; nil for a word never counted.
    func entry(for lower: UnsafeBufferPointer<UInt8>) -> (count: Int, capitalised: Bool)? {
        var slot = Self.slot(of: lower, in: slots.count)
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot]) - 1]
            if matches(entry, lower) { return (entry.count, entry.capitalised) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Whether the entry's bytes are `lower`.
    private func matches(_ entry: (start: Int, length: Int, count: Int, capitalised: Bool), _ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        entry.length == lower.count && arena.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress, let query = lower.baseAddress else { return lower.isEmpty }
            return memcmp(base + entry.start, query, lower.count) == 0
        }
    }

    /// Doubles the table and places every entry again.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        arena.withUnsafeBufferPointer { all in
            for (index, entry) in entries.enumerated() {
                var slot = Self.slot(of: UnsafeBufferPointer(rebasing: all[entry.start..<(entry.start + entry.length)]), in: slots.count)
                while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Int32(index + 1)
            }
        }
    }

    /// The first slot to probe for `bytes` (FNV-1a) in a table of `count` slots.
    private static func slot(of bytes: UnsafeBufferPointer<UInt8>, in count: Int) -> Int {
        let hash = bytes.reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash) & (count - 1)
    }
}
