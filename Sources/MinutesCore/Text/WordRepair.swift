import Foundation

/// Repairs the damage PDF text extraction does to words, by rule:
///
/// - words run together where a line break was lost ("anopportunity", "cleantechcluster",
///   "Huband", "business-tobusinesscooperation") are split where every piece is a word the
///   document itself uses or a common dictionary word;
/// - a sentence glued to the next ("Region.Thus") gets its space back;
/// - a hyphen at a line break is dropped when the joined word is a known word ("busi-" "ness").
///
/// A word is never split when the dictionary knows it or when the document uses it twice.
public struct WordRepair: Sendable {
    /// The words of the document being repaired: how often each is used, lower-cased, which are capitalised, and
    /// (once the document is tallied) which of those `maySplit` could split are known words.
    private(set) var words: DocumentWords
    let lexicon: Lexicon
    /// For each text of `init(vocabularyFrom:lexicon:)`, the bytes outside which `repair` surely changes nothing
    /// (`window(ofTextAt:)`): empty for a text it returns as it is, nil where the whole text must be looked at.
    private var windows: [CompactRange] = []

    /// Builds a repairer that knows the words of `texts` (the whole document).
    public init(vocabularyFrom texts: [String], lexicon: Lexicon = .shared) {
        let (words, longRuns, plainTexts) = Self.tally(texts)
        // The tally is handed over, not shared: `memoKnown` below then changes its tables in place rather than a copy of them.
        self.words = consume words
        self.lexicon = lexicon
        // `isKnownASCII(lower:)` depends only on the word, the finished tallies and the dictionary: it is answered
        // once for each distinct word here, so a word used a hundred times is looked up in the dictionary once.
        // Their dictionary lookups, nearly all cache misses, are made together (`WordSet.contains(asciiBatch:)`).
        // A word the document uses twice is known whatever the dictionary says: only the others are looked up.
        // The repairer is read through one copy made here (a closure that read `self` in an initialiser copies it each
        // call); the copy ends with the closure, before the tally is changed.
        let rare = {
            let repairer = self
            return repairer.words.rareASCIIWords { words, hashes, counts in
                let inLexicon = lexicon.words.contains(asciiBatch: words, hashes: hashes)
                return words.indices.map { repairer.isKnownASCII(lower: words[$0], inLexicon: inLexicon[$0], count: counts[$0]) }
            }
        }()
        self.words.memoKnown(rare)
        // A plain-ASCII text changes only where a token may change (`repairASCIITokenMayChange`): where a sentence
        // end is glued to a capitalised word, or where a part between hyphens and full stops, which is one of the
        // text's letter runs, may be split (five letters or more) and is no known word.
        // Tokens that hold none of the others change in no text: only the bytes from the first such run to the last
        // one are looked at again.
        // The tally is read through a local copy: a closure that read `self` would copy the whole repairer each call.
        let tally = self.words
        var windows: [CompactRange] = []
        windows.reserveCapacity(texts.count)
        for (text, plain) in zip(texts, plainTexts) {
            guard let runs = plain.range else { windows.append(.none); continue }
            guard runs.contains(where: { tally.knownMemo(entry: Int(longRuns[$0])) != true }) else {
                windows.append(CompactRange(0..<0))
                continue
            }
            let window = Self.window(of: text, runs: runs) { tally.knownMemo(entry: Int(longRuns[$0])) != true }
            windows.append(window.map(CompactRange.init) ?? .none)
        }
        self.windows = windows
    }

    /// The words of `texts` counted (`DocumentWords`), with, for `init`, the tally entries of the letter runs of five
    /// letters or more of the plain-ASCII texts that glue no sentences, and for each text the range of its runs among
    /// them (`.none` for other texts).
    private static func tally(_ texts: [String]) -> (words: DocumentWords, longRuns: [UInt32], plainTexts: [CompactRange]) {
        var words = DocumentWords(sizedFor: texts.reduce(0) { $0 + $1.utf8.count })
        // The tally entries of the letter runs of five letters or more, text after text, and for each plain-ASCII
        // text that glues no sentences where its runs are among them (`.none` for other texts). Four bytes a run and
        // eight a text, since a long document has hundreds of thousands: where a run lies in its text is found again,
        // for the few texts that need it, by the same scan.
        var longRuns: [UInt32] = []
        var plainTexts: [CompactRange] = []
        plainTexts.reserveCapacity(texts.count)
        for text in texts {
            var text = text
            text.withUTF8 { bytes in
                let firstRun = longRuns.count
                // Letter runs of plain-ASCII texts and stretches are tallied on their bytes, with no String per word, in
                // the same pass that finds the long runs and sentences glued together; stretches with other characters
                // are split by characters.
                if UTF8Search.isPlainASCII(bytes) {
                    let glues = words.addLetterRuns(of: bytes, in: 0..<bytes.count, longRuns: &longRuns)
                    if !glues { return plainTexts.append(CompactRange(firstRun..<longRuns.count)) }
                } else {
                    Self.forEachStretch(of: bytes) { range, isPlainASCII in
                        guard !isPlainASCII else { return _ = words.addLetterRuns(of: bytes, in: range, longRuns: &longRuns) }
                        for word in Self.words(in: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)) {
                            words.add(lower: word.lowercased(), capitalised: word.first?.isUppercase == true)
                        }
                    }
                }
                // Only the runs of the texts looked at by their windows are kept.
                longRuns.removeSubrange(firstRun...)
                plainTexts.append(.none)
            }
        }
        return (words, longRuns, plainTexts)
    }

    /// The bytes of plain-ASCII `text` from the first of its letter runs of five letters or more for which `isUnknown`
    /// holds to the end of the last; the runs are numbered from `runs.lowerBound` in the order `init` tallied them.
    private static func window(of text: String, runs: Range<Int>, where isUnknown: (Int) -> Bool) -> Range<Int>? {
        var text = text
        return text.withUTF8 { bytes -> Range<Int>? in
            var number = runs.lowerBound, first: Int?, last = 0
            ASCIILetterRuns.forEach(in: bytes, 0..<bytes.count, hashing: false) { start, length, _, _ in
                guard length >= 5 else { return }
                defer { number += 1 }
                guard isUnknown(number) else { return }
                if first == nil { first = start }
                last = start + length
            }
            return first.map { $0..<last }
        }
    }

    /// The bytes of the text at `index` of those the repairer was built from outside which `repair` surely changes
    /// nothing, since every token there stays as it is: for a plain-ASCII text with no sentence end glued to a
    /// capitalised word (`mayGlueSentences`), from its first word of five letters or more that is not known to the
    /// end of its last (empty when all are known); nil for other texts.
    func window(ofTextAt index: Int) -> Range<Int>? {
        index < windows.count ? windows[index].range : nil
    }

    /// Whether `repair` surely returns the text at `index` of those the repairer was built from as it is.
    func leavesAsItIs(textAt index: Int) -> Bool {
        window(ofTextAt: index)?.isEmpty == true
    }

    /// `repair(_:cache:)` of the text at `index` of those the repairer was built from (`text`), looking only at the
    /// tokens that hold bytes of its `window(ofTextAt:)`.
    func repair(textAt index: Int, _ text: String, cache: inout [String: String]) -> String {
        guard let window = window(ofTextAt: index) else { return repair(text, cache: &cache) }
        return window.isEmpty ? text : repair(text, cache: &cache, within: window)
    }

    /// Whether `bytes` hold a lower-case letter, a full stop, an upper-case letter and a lower-case one in a row: the
    /// bytes around the full stop of every token `gluesSentences` holds for.
    static func mayGlueSentences(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var dot = 1
        while let found = UTF8Search.offset(of: UInt8(ascii: "."), in: bytes, from: dot) {
            if found + 2 < bytes.count, bytes[found - 1].isASCIILowercase, bytes[found + 1].isASCIIUppercase,
               bytes[found + 2].isASCIILowercase {
                return true
            }
            dot = found + 1
        }
        return false
    }

    /// Calls `body` with each stretch of `bytes` between standalone spaces (space bytes with an ASCII byte or an end
    /// on both sides), and whether the stretch is plain ASCII (see `UTF8Search.isPlainASCII`). A standalone space is a
    /// character of its own and belongs to no word or token, so the characters of each stretch, and the words and tokens
    /// made of them, are those of the whole text: a rule that looks at one word or token at a time may take the stretches
    /// one by one, and plain-ASCII ones (nearly all) on their bytes. A plain-ASCII text is one stretch.
    static func forEachStretch(of bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Bool) -> Void) {
        if UTF8Search.isPlainASCII(bytes) { return body(0..<bytes.count, true) }
        var start = 0
        while start <= bytes.count {
            var end = start, isPlainASCII = true
            while end < bytes.count {
                let byte = bytes[end]
                if byte == 0x20, end == 0 || bytes[end - 1] < 0x80, end + 1 == bytes.count || bytes[end + 1] < 0x80 { break }
                if byte >= 0x80 || byte == 0x0D { isPlainASCII = false }
                end += 1
            }
            body(start..<end, isPlainASCII)
            start = end + 1
        }
    }

    /// Returns `text` with joined words split, glued sentences spaced and line-break hyphens resolved.
    public func repair(_ text: String) -> String {
        var cache: [String: String] = [:]
        return repair(text, cache: &cache)
    }

    /// Where the token that holds the letter at `offset` starts (the tokens of `repair(_:cache:)`: a run of letters,
    /// hyphens and full stops, less the full stops it starts with), looking back no further than `lower`.
    private static func tokenStart(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, notBefore lower: Int) -> Int {
        var start = offset
        while start > lower, isASCIILetter(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "-") || bytes[start - 1] == UInt8(ascii: ".") {
            start -= 1
        }
        while start < offset, bytes[start] == UInt8(ascii: ".") { start += 1 }
        return start
    }

    /// `repair(_:)` with the repaired form of each token already seen in `cache` (token → repaired).
    ///
    /// The text is taken a stretch at a time (`forEachStretch`): plain-ASCII stretches on their bytes, where tokens are
    /// runs of letters, hyphens and inner full stops and a token is looked at only when it may change
    /// (`repairASCIITokenMayChange`); other stretches by `repairByCharacters`. Bytes are copied in runs up to a
    /// stretch or token that changes; a text with none is returned as it is.
    func repair(_ text: String, cache: inout [String: String]) -> String {
        repair(text, cache: &cache, within: nil)
    }

    /// `repair(_:cache:)` that, given a `window` of a plain-ASCII text outside which no token changes, looks only at
    /// the tokens from the one that holds the window's first byte to the last that starts inside it.
    private func repair(_ text: String, cache: inout [String: String], within window: Range<Int>?) -> String {
        var source = text
        var output: [UInt8] = []
        let changed: Bool = source.withUTF8 { bytes in
            var copied = 0, changed = false
            /// Writes the bytes up to `range` and then `replacement` in place of `bytes[range]`.
            func replace(_ range: Range<Int>, with replacement: String) {
                if !changed { output.reserveCapacity(bytes.count + 16) }
                changed = true
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<range.lowerBound]))
                output.append(contentsOf: replacement.utf8)
                copied = range.upperBound
            }
            Self.forEachStretch(of: bytes) { range, isPlainASCII in
                guard isPlainASCII else {
                    let stretch = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                    let result = repairByCharacters(stretch, cache: &cache)
                    if !result.utf8.elementsEqual(stretch.utf8) { replace(range, with: result) }
                    return
                }
                var start = range.lowerBound, stop = range.upperBound
                if let window {
                    // Tokens wholly before or after the window stay as they are.
                    if window.lowerBound >= range.upperBound || window.upperBound <= range.lowerBound { return }
                    if window.lowerBound > start { start = Self.tokenStart(at: window.lowerBound, in: bytes, notBefore: start) }
                    stop = min(stop, window.upperBound)
                }
                while start < stop {
                    let byte = bytes[start]
                    guard Self.isASCIILetter(byte) || byte == UInt8(ascii: "-") else {
                        start += 1
                        continue
                    }
                    var end = start + 1
                    while end < range.upperBound, Self.isASCIILetter(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".") {
                        end += 1
                    }
                    let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if asciiTokenMayChange(token) {
                        let original = String(decoding: token, as: UTF8.self)
                        let result = repaired(original, cache: &cache)
                        if result != original { replace(start..<end, with: result) }
                    }
                    start = end
                }
            }
            guard changed else { return false }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
            return true
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// `repairToken(token)`, remembered in `cache`.
    private func repaired(_ token: String, cache: inout [String: String]) -> String {
        if let known = cache[token] { return known }
        let result = repairToken(token)
        cache[token] = result
        return result
    }

    /// The rule of `repair(_:cache:)` character by character: tokens are runs of letters, hyphens, word joiners
    /// (U+2060, which marks a line-break hyphen) and inner full stops, each replaced by `repairToken`.
    func repairByCharacters(_ text: String, cache: inout [String: String]) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        var token = ""
        func emit() {
            guard !token.isEmpty else { return }
            // A plain-ASCII token that the byte rules show to stay as it is (as `repair(_:cache:within:)` finds them) is
            // neither looked up nor remembered.
            out += surelyStays(&token) ? token : repaired(token, cache: &cache)
            token = ""
        }
        for ch in text {
            if ch.isLetterFast || ch == "-" || ch == "\u{2060}" || (ch == "." && !token.isEmpty) {
                token.append(ch)
            } else {
                emit()
                out.append(ch)
            }
        }
        emit()
        return out
    }

    /// Whether `repairToken` surely returns `token` as it is, by the rules for plain-ASCII tokens (`asciiTokenMayChange`).
    /// False for a token that is not plain ASCII.
    func surelyStays(_ token: inout String) -> Bool {
        guard token.isPlainASCII else { return false }
        return token.withUTF8 { !asciiTokenMayChange($0) }
    }

    /// Whether `repairToken` may change the plain-ASCII token `token`: not when it `staysAsItIs`, nor when no part of it
    /// may change (`repairASCIITokenMayChange`).
    func asciiTokenMayChange(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        !Self.staysAsItIs(token) && repairASCIITokenMayChange(token)
    }

    /// Whether `repairToken` returns the ASCII `token` unchanged without looking it up: no full stop, and every
    /// part between hyphens shorter than the five letters `split` needs.
    static func staysAsItIs(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        var partLength = 0
        for byte in token {
            if byte == UInt8(ascii: ".") { return false }
            partLength = byte == UInt8(ascii: "-") ? 0 : partLength + 1
            if partLength >= 5 { return false }
        }
        return true
    }

    /// Repairs one run of letters, hyphens and full stops.
    private func repairToken(_ token: String) -> String {
        if token.isPlainASCII {
            var token = token
            return token.withUTF8 { repairASCIIToken($0) }
        }
        // "Region.Thus": a sentence end glued to a capitalised word.
        if token.utf8.contains(UInt8(ascii: ".")), let dot = token.firstIndex(of: "."), dot != token.startIndex {
            let head = String(token[..<dot])
            let tail = String(token[token.index(after: dot)...])
            if head.count >= 2, head.last?.isLowercase == true, let first = tail.first, first.isUppercase,
               tail.dropFirst().first?.isLowercase == true {
                return repairToken(head) + ". " + repairToken(tail)
            }
            return token.split(separator: ".", omittingEmptySubsequences: false).map { repairToken(String($0)) }.joined(separator: ".")
        }
        // "busi-\u{2060}ness": a hyphen that stood at a line break.
        // U+2060 is E2 81 A0 in UTF-8: tokens without the byte E2 cannot hold it.
        if token.utf8.contains(0xE2), token.contains(Character("\u{2060}")) {
            let parts = token.components(separatedBy: "-\u{2060}")
            var result = parts[0]
            for part in parts.dropFirst() {
                let joined = result + part
                let lastWord = String(joined.split(separator: "-").last ?? "")
                result = isKnown(lastWord) ? joined : result + "-" + part
            }
            return repairToken(result.replacingOccurrences(of: "\u{2060}", with: ""))
        }
        let segments = token.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if segments.count == 1 {
            return split(token).joined(separator: " ")
        }
        // In a hyphenated compound a lost line break also lost a hyphen ("business-to|business"):
        // pieces of a split segment rejoin with hyphens, and a third piece is the next word.
        return segments.map { segment -> String in
            let pieces = split(segment)
            guard pieces.count > 1 else { return segment }
            if pieces.count == 2 { return pieces.joined(separator: "-") }
            return pieces.dropLast().joined(separator: "-") + " " + (pieces.last ?? "")
        }.joined(separator: "-")
    }

    /// Whether the document or the dictionary vouches for `word` as it stands.
    func isKnown(_ word: String) -> Bool {
        if word.isPlainASCII {
            var word = word
            return word.withUTF8 { isKnownASCII(word: $0) }
        }
        let lower = word.lowercased()
        if lexicon.words.contains(lower) || words.count(lower) >= 2 { return true }
        // A known word with a derivational ending ("benchmark|ing", "entrepreneur|ship").
        let length = lower.count
        for suffix in Self.suffixes where length > suffix.count + 3 && lower.hasSuffix(suffix) {
            let stem = String(lower.dropLast(suffix.count))
            if lexicon.words.contains(stem) || lexicon.words.contains(stem + "e") || words.count(stem) >= 1 { return true }
            if let last = stem.last, stem.dropLast().last == last, lexicon.words.contains(String(stem.dropLast())) { return true }
        }
        return false
    }

    /// Endings that make a new word from a known one; such a word is never split.
    static let suffixes = ["ization", "isation", "ations", "ation", "ships", "ship", "ings", "ing", "ness", "ments", "ment",
                           "ers", "er", "ed", "es", "s", "ly", "ity", "ities", "ize", "ise", "ized", "ised", "izing",
                           "ising", "able", "ible", "al", "ally", "ism", "ist", "ists", "ful", "less", "wise"]

    /// Splits an unknown word into two or three known pieces, or returns it whole.
    func split(_ word: String) -> [String] {
        if word.isPlainASCII {
            var word = word
            return word.withUTF8 { splitASCII($0) }
        }
        guard word.count >= 5, !isKnown(word), word.allSatisfy(\.isLetter) else { return [word] }
        // Upper-case inside the word means a name or acronym (McDonald, iPhone): leave it.
        guard word.dropFirst().allSatisfy({ !$0.isUppercase }) else { return [word] }
        let chars = Array(word)
        let count = chars.count
        var best: (pieces: [String], score: Int)?
        func consider(_ pieces: [String], score: Int) {
            guard let current = best else { best = (pieces, score); return }
            if pieces.count < current.pieces.count || (pieces.count == current.pieces.count && score > current.score) {
                best = (pieces, score)
            }
        }
        // A split's score is the sum of its pieces' scores, so each piece is scored on its own, and the
        // last pieces once for all the splits that end with them.
        let lastScores = (0..<count).map { j in j == 0 ? nil : pieceScore(String(chars[j...]), isFirst: false) }
        for i in 1..<count {
            guard let tail = lastScores[i], let head = pieceScore(String(chars[..<i]), isFirst: true) else { continue }
            consider([String(chars[..<i]), String(chars[i...])], score: head + tail)
        }
        if best == nil {
            for i in 1..<count - 1 {
                guard let head = pieceScore(String(chars[..<i]), isFirst: true) else { continue }
                for j in (i + 1)..<count {
                    guard let tail = lastScores[j], let middle = pieceScore(String(chars[i..<j]), isFirst: false) else { continue }
                    consider([String(chars[..<i]), String(chars[i..<j]), String(chars[j...])], score: head + middle + tail)
                }
            }
        }
        return best?.pieces ?? [word]
    }

    /// Scores one piece of a candidate split: nil when it is not a word; more for pieces the document uses.
    /// `isFirst` says whether it starts the split word.
    private func pieceScore(_ piece: String, isFirst: Bool) -> Int? {
        let lower = piece.lowercased()
        let inDocument = words.count(lower) >= 1
        let isFunctionWord = Lexicon.functionWords.contains(lower)
        let inDictionary = lower.count >= 3 && lexicon.words.contains(lower)
        if isFirst, piece.first?.isUppercase == true {
            // A capitalised word splits only after a capitalised word the document uses elsewhere
            // ("Hub|and"), so proper nouns ("Colorado", "Johansen") stay whole.
            guard words.isCapitalised(lower) || isFunctionWord else { return nil }
        }
        // Short pieces must be function words: "ado", "sen" and the like are too rare to trust.
        guard lower.count >= 4 || isFunctionWord || (inDocument && lower.count >= 3 && isFirst) else { return nil }
        guard isFunctionWord || inDictionary || (inDocument && lower.count >= 3) else { return nil }
        return (inDocument ? 2 : 0) + (isFunctionWord ? 1 : 0) + min(lower.count, 8) / 4
    }

    /// Letter runs in `text`.
    static func words(in text: String) -> [Substring] {
        text.split { !$0.isLetterFast }
    }

    /// A–Z or a–z.
    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
}

/// A range of offsets in eight bytes (the repairer keeps one per text of a document), or `none`.
struct CompactRange: Sendable {
    private let lower: UInt32
    private let upper: UInt32

    /// No range (and any range whose bounds do not fit in 32 bits, which then stands for "unknown").
    static let none = CompactRange(lower: .max, upper: .max)

    private init(lower: UInt32, upper: UInt32) {
        self.lower = lower
        self.upper = upper
    }

    /// `range`, or `none` when a bound does not fit.
    init(_ range: Range<Int>) {
        guard range.upperBound < Int(UInt32.max) else { self = .none; return }
        self.init(lower: UInt32(range.lowerBound), upper: UInt32(range.upperBound))
    }

    /// The range, nil for `none`.
    var range: Range<Int>? {
        lower == .max ? nil : Int(lower)..<Int(upper)
    }
}
