import Foundation

/// Byte-level shortcuts of the organisation extractor: each answers exactly as the rule it stands for
/// (`OrganisationFastPathTests` compares them on random texts).
extension OrganisationExtractor {
    /// What `addMentions` reads in a block text: a capitalised run found on the bytes, or a stretch with non-ASCII
    /// words whose runs `TextRules.capitalisedRuns(in:multiWordOnly: true)` finds.
    enum MentionSource {
        /// A run of two words or more, worked out on the bytes of a stretch of plain ASCII words.
        case run(String)
        /// A stretch of two words or more, at least one of them not plain ASCII.
        case stretch(String)
    }

    /// Calls `body` with the capitalised runs of `text`, in order: together (a stretch standing for its runs) they are
    /// `TextRules.capitalisedRuns(in: text, multiWordOnly: true)`.
    ///
    /// The text is cut into stretches on the bytes. A run never takes in a word that is neither capitalised nor a
    /// connector, never goes on after a word that ends a clause and always stops before a word opening with "(" or
    /// a quote; so the runs of the stretches between such breaks, in order, are the runs of the whole text. Only
    /// stretches of two words or more can hold a run of two words. A word with non-ASCII bytes (or a CR) may be
    /// anything: its stretch goes whole to `capitalisedRuns`. The runs of a stretch of plain ASCII words are
    /// worked out here, as `capitalisedRuns` works them out for such words.
    static func forEachMentionSource(in text: String, _ body: (MentionSource) -> Void) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var first = 0, last = 0, words = 0   // the stretch so far: its bytes and its number of words
            var plainStretch = true              // whether every word of the stretch is plain ASCII
            func cut() {
                if words >= 2 {
                    if plainStretch {
                        if let run = asciiRun(in: bytes, from: first, to: last) { body(.run(run)) }
                    } else {
                        body(.stretch(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)))
                    }
                }
                words = 0
                plainStretch = true
            }
            var start = 0
            while start < bytes.count {
                guard bytes[start] != UInt8(ascii: " ") else { start += 1; continue }
                var end = start, plain = true
                while end < bytes.count, bytes[end] != UInt8(ascii: " ") {
                    if bytes[end] >= 0x80 || bytes[end] == 0x0D { plain = false }
                    end += 1
                }
                defer { start = end }
                let (from, to) = trimmedWord(in: bytes, start, end)
                guard !plain || isCapital(bytes, from, to) || isConnector(bytes, from, to) else {
                    cut()
                    continue
                }
                if bytes[start] == UInt8(ascii: "(") || bytes[start] == UInt8(ascii: "\"") { cut() }
                if words == 0 { first = start }
                words += 1
                if !plain { plainStretch = false }
                last = end
                if isRunClauseEnder(bytes[end - 1]) { cut() }
            }
            cut()
        }
        if done == nil { body(.stretch(text)) }
    }

    /// `TextRules.capitalisedRuns(in:multiWordOnly: true)` of a stretch of plain ASCII words (no byte above 0x7F, no
    /// CR) between byte offsets `from` and `to` of `bytes`, as `forEachMentionSource` cuts them.
    ///
    /// Every word of such a stretch is capitalised or a connector, only its first word can open with "(" or a quote
    /// and only its last can end a clause: `capitalisedRuns` skips the connectors before its first capitalised word
    /// and takes in every word from there, so it sees one run, which it trims of connectors and determiners at its
    /// front and of connectors at its back, and keeps when two words or more are left.
    static func asciiRun(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> String? {
        var runFrom = -1, runTo = -1      // where the run's first word starts and its last word ends
        var words = 0, wordsToTail = 0    // words from the first: all of them, and up to the last that is no connector
        var single = true, singleToTail = true   // whether those words stand one space apart, unpunctuated between
        var previousTo = 0
        forEachWord(in: bytes, from: from, to: to) { start, end in
            let (wordFrom, wordTo) = trimmedWord(in: bytes, start, end)
            let connector = isConnector(bytes, wordFrom, wordTo)
            if runFrom < 0 {
                if connector || isDeterminer(bytes, wordFrom..<wordTo) { return }
                runFrom = wordFrom
            } else if wordFrom != previousTo + 1 {
                single = false
            }
            previousTo = wordTo
            words += 1
            if !connector { runTo = wordTo; wordsToTail = words; singleToTail = single }
        }
        guard wordsToTail >= 2 else { return nil }
        if singleToTail { return String(decoding: UnsafeBufferPointer(rebasing: bytes[runFrom..<runTo]), as: UTF8.self) }
        // Punctuation or more spaces between words: the trimmed words joined by single spaces.
        var run: [UInt8] = []
        run.reserveCapacity(runTo - runFrom)
        forEachWord(in: bytes, from: runFrom, to: runTo) { start, end in
            let (wordFrom, wordTo) = trimmedWord(in: bytes, start, end)
            if !run.isEmpty { run.append(UInt8(ascii: " ")) }
            run.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[wordFrom..<wordTo]))
        }
        return String(decoding: run, as: UTF8.self)
    }

    /// Calls `body` with the start and end of each word (bytes between ASCII spaces) between `from` and `to`.
    @inline(__always)
    private static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, _ body: (Int, Int) -> Void) {
        var start = from
        while start < to {
            guard bytes[start] != UInt8(ascii: " ") else { start += 1; continue }
            var end = start + 1
            while end < to, bytes[end] != UInt8(ascii: " ") { end += 1 }
            body(start, end)
            start = end
        }
    }

    /// The word between byte offsets `start` and `end`, without the ASCII punctuation that capitalised runs trim
    /// from its ends (`Set<Character>.wordPunctuation`).
    @inline(__always)
    private static func trimmedWord(in bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var from = start, to = end
        while from < to, isRunPunctuation(bytes[from]) { from += 1 }
        while to > from, isRunPunctuation(bytes[to - 1]) { to -= 1 }
        return (from, to)
    }

    /// Whether the word between `from` and `to` opens with an ASCII capital.
    @inline(__always)
    private static func isCapital(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        from < to && bytes[from] >= UInt8(ascii: "A") && bytes[from] <= UInt8(ascii: "Z")
    }

    /// `TextRules.isConnector` of the ASCII word between `from` and `to`.
    @inline(__always)
    private static func isConnector(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        to - from <= 3 && asciiConnectorCodes.contains(shortWordCode(UnsafeBufferPointer(rebasing: bytes[from..<to])))
    }

    /// Whether the ASCII word `word` is one of `TextRules.leadingDeterminers`.
    private static func isDeterminer(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard word.count <= longestDeterminer, isCapital(bytes, word.lowerBound, word.upperBound) else { return false }
        let candidate = UnsafeBufferPointer(rebasing: bytes[word])
        return asciiDeterminers.contains { $0.elementsEqual(candidate) }
    }

    /// The bytes of `TextRules.leadingDeterminers`, and the length of the longest.
    private static let asciiDeterminers = TextRules.leadingDeterminers.map { Array($0.utf8) }
    private static let longestDeterminer = asciiDeterminers.map(\.count).max() ?? 0

    /// Whether `byte` is ASCII punctuation that capitalised runs trim from a word: `,;:.!?()"'`.
    @inline(__always)
    static func isRunPunctuation(_ byte: UInt8) -> Bool {
        isRunClauseEnder(byte) || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "'")
    }

    /// Whether `byte` is one of `,;:.!?)"`, which end a capitalised run after the word they end.
    @inline(__always)
    static func isRunClauseEnder(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"),
             UInt8(ascii: ")"), UInt8(ascii: "\""):
            return true
        default:
            return false
        }
    }
}
