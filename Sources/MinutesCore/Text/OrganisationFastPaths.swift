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

    /// A `MentionSource` as `forEachMentionSpan` gives it: a stretch of plain ASCII words comes as its bytes, in place,
    /// for the caller to work out its run (`asciiRun(in:from:to:)`, which may find none) only when it wants it, and a
    /// run that stands as it is in the text as its bytes too, so that a run seen before costs no string.
    enum MentionSpan {
        /// A stretch of plain ASCII words (no byte above 0x7F, no CR) with two words or more that can start or end a
        /// run: its run, if any, is `MentionSource.run`.
        case plainStretch(UnsafeBufferPointer<UInt8>)
        /// `MentionSource.stretch`.
        case stretch(String)
    }

    /// Calls `body` with the capitalised runs of `text`, in order: together (a stretch standing for its runs) they are
    /// `TextRules.capitalisedRuns(in: text, multiWordOnly: true)`.
    ///
    /// The text is cut into stretches on the bytes. A run never takes in a word that is neither capitalised nor a
    /// connector, never goes on after a word that ends a clause and always stops before a word opening with "(" or
    /// a quote; so the runs of the stretches between such breaks, in order, are the runs of the whole text. Only
    /// stretches of two words or more can hold a run of two words. A word with non-ASCII bytes (or a CR) may be
    /// anything, unless it opens with an ASCII lower-case letter that no connector opens with, or with a mark such as
    /// "…" (`opensWithBreakingMark`): then it breaks a run as a plain lower-case word does: its stretch goes whole to `capitalisedRuns`. The runs of a stretch of plain ASCII words are
    /// worked out here, as `capitalisedRuns` works them out for such words.
    ///
    /// Returns what the pass saw of the last words of the agent cues (`agentCueEndings`), found as words between spaces.
    @discardableResult
    static func forEachMentionSource(in text: String, _ body: (MentionSource) -> Void) -> CueEndingScan {
        forEachMentionSpan(in: text) { span in
            switch span {
            case .plainStretch(let stretch):
                switch asciiRun(in: stretch, from: 0, to: stretch.count) {
                case .inPlace(let run)?: body(.run(String(decoding: UnsafeBufferPointer(rebasing: stretch[run]), as: UTF8.self)))
                case .joined(let run)?: body(.run(run))
                case nil: break
                }
            case .stretch(let stretch): body(.stretch(stretch))
            }
        }
    }

    /// `forEachMentionSource(in:_:)`, each stretch of plain ASCII words given as its bytes in place (`MentionSpan`).
    @discardableResult
    static func forEachMentionSpan(in text: String, _ body: (MentionSpan) -> Void) -> CueEndingScan {
        // (Globals read once: each read of a global worked out at run time is a call.)
        let connectorInitials = asciiConnectorInitials, cueWords = agentCueWords, quietInitials = quietWordInitials
        let connectorSlots = asciiConnectorSlots
        let scan: CueEndingScan? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var cueEndings = CueEndingScan()
            var first = 0, last = 0, words = 0   // the stretch so far: its bytes and its number of words
            var plainStretch = true              // whether every word of the stretch is plain ASCII
            // The words of the stretch that can start or end a run of two words: capitalised plain ASCII words but the
            // connectors, and words that are not plain ASCII (which may be anything). A run's first and last words
            // are two such (a word with a non-ASCII character, or joined to one by a space that is no character of its
            // own), so a stretch with fewer holds no run: it goes neither to `asciiRun` nor to `capitalisedRuns`.
            var ends = 0
            func cut() {
                if ends >= 2 {
                    if plainStretch {
                        body(.plainStretch(UnsafeBufferPointer(rebasing: bytes[first..<last])))
                    } else {
                        body(.stretch(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)))
                    }
                }
                words = 0
                ends = 0
                plainStretch = true
            }
            var start = 0
            var previousStart = -1, previousEnd = -1   // where the word before starts and ends
            while start < bytes.count {
                guard bytes[start] != UInt8(ascii: " ") else { start += 1; continue }
                let initial = bytes[start] &- UInt8(ascii: "a")
                // Most words open with a quiet letter (`quietWordInitials`): such a word only breaks a stretch, and
                // tells the cue scan whether it is plain.
                if initial < 26, quietInitials >> initial & 1 != 0 {
                    let (end, plain) = wordEnd(in: bytes, from: start)
                    if !plain { cueEndings.seeWordNotPlain() }
                    if words > 0 { cut() }
                    previousStart = start
                    previousEnd = end
                    start = end + 1
                    continue
                }
                let (end, plain) = wordEnd(in: bytes, from: start)
                // The byte at `end` (if any) is a space: the next word starts after it at the earliest.
                defer { previousEnd = end; start = end + 1 }
                if !plain { cueEndings.seeWordNotPlain() }
                // Only words of two or four bytes can be the cues' last words or " from " (`see`, `seeAgentCueEnd`).
                let length = end - start
                if length == 2 || length == 4, start > 0, end < bytes.count {
                    cueEndings.see(bytes, start, end)
                    if previousEnd == start - 1 {
                        cueEndings.seeAgentCueEnd(bytes, previousStart: previousStart, start, end, cueWords: cueWords)
                    }
                }
                previousStart = start
                // A word that opens with an ASCII lower-case letter that no connector opens with is neither a connector
                // nor capitalised, as most words are, told on that byte alone: nothing is trimmed before that letter, and
                // `capitalisedRuns` tells a word that opens with an ASCII byte capitalised by that byte, plain ASCII or
                // not (and no connector holds a non-ASCII byte but "–").
                let opensLowercase = initial < 26 ? connectorInitials >> initial & 1 == 0 : opensWithBreakingMark(bytes, start, end)
                let (from, to) = opensLowercase ? (start, end) : trimmedWord(in: bytes, start, end)
                let connector = !opensLowercase && plain && isConnector(bytes, from, to, slots: connectorSlots)
                let canEnd = !opensLowercase && (!plain || (!connector && isCapital(bytes, from, to)))
                guard canEnd || connector else {
                    // Most words: without a stretch open there is nothing to cut.
                    if words > 0 { cut() }
                    continue
                }
                if bytes[start] == UInt8(ascii: "(") || bytes[start] == UInt8(ascii: "\"") { cut() }
                if words == 0 { first = start }
                words += 1
                if canEnd { ends += 1 }
                if !plain { plainStretch = false }
                last = end
                if isRunClauseEnder(bytes[end - 1]) { cut() }
            }
            cut()
            return cueEndings
        }
        if let scan { return scan }
        body(.stretch(text))
        return CueEndingScan(undecided: true)
    }

    /// Where the word that starts at `start` of `bytes` ends (at the next ASCII space, or the end of the bytes), and
    /// whether it is plain ASCII (no byte above 0x7F, no CR): read eight bytes at a time.
    @inline(__always)
    static func wordEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, plain: Bool) {
        var end = start, plain = true
        if let base = bytes.baseAddress {
            while end + 8 <= bytes.count {
                let chunk = UInt64(littleEndian: UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self))
                let spaces = UTF8Search.zeroBytes(chunk ^ 0x2020_2020_2020_2020)
                let odd = (chunk & 0x8080_8080_8080_8080) | UTF8Search.zeroBytes(chunk ^ 0x0D0D_0D0D_0D0D_0D0D)
                if spaces != 0 {
                    // The lowest flag of `spaces` is the first space; only the bytes before it count.
                    let space = spaces.trailingZeroBitCount / 8
                    if odd & ((1 << (8 * UInt64(space))) &- 1) != 0 { plain = false }
                    return (end + space, plain)
                }
                if odd != 0 { plain = false }
                end += 8
            }
        }
        while end < bytes.count, bytes[end] != UInt8(ascii: " ") {
            if bytes[end] >= 0x80 || bytes[end] == 0x0D { plain = false }
            end += 1
        }
        return (end, plain)
    }

    /// What a pass over the words of a text saw of `agentCueEndings` (" by ", " at ", " like ", " as "): each is a word
    /// between two spaces. `ASCIINeedleSet.containsAny` counts a needle's first match when an ASCII byte or the end
    /// follows it, and leaves a needle whose first match a non-ASCII byte follows to Foundation: so does this.
    struct CueEndingScan {
        /// Whether the first match of some needle is followed by ASCII or the end.
        private(set) var found = false
        /// The needles (one bit each, in `agentCueEndings` order) matched so far.
        private var seen: UInt8 = 0
        /// Whether some needle's first match is followed by a non-ASCII byte, or the text was not scanned.
        private var undecided = false
        /// What the pass saw of " from " (`addPersonFromMentions`), told as `containsASCII(" from ")` tells it: nil
        /// until its first match, then whether an ASCII byte or the end follows that match.
        private var fromFollowedByASCII: Bool?
        /// Whether the text was not scanned.
        private let unscanned: Bool
        /// Whether some word (between spaces) holds a non-ASCII byte or a CR.
        private var sawWordNotPlain = false
        /// Whether two words one space apart, the second followed by a space, read in lower case as the last two words
        /// of an agent cue (`agentCueWordPairs`).
        private var sawAgentCueEnd = false

        init(undecided: Bool = false) {
            self.undecided = undecided
            unscanned = undecided
        }

        /// Whether the text holds one of the needles (as `agentCueEndings.containsAny`), nil when Foundation must tell.
        var holdsCueEnding: Bool? {
            found ? true : undecided ? nil : false
        }

        /// Whether `agentCueEnds(in:)` may find a cue in the text: false only for a scanned plain ASCII text where no two
        /// words one space apart read as the last two words of a cue (each cue found starts a word, so its last two
        /// words are two words of the text, one space apart, a space after them). Nil when the pass cannot tell.
        var mayHoldAgentCue: Bool? {
            unscanned || sawWordNotPlain ? nil : sawAgentCueEnd
        }

        /// Notes a word with a non-ASCII byte or a CR.
        mutating func seeWordNotPlain() {
            sawWordNotPlain = true
        }

        /// Looks at the word between `start` and `end` of `bytes`, a space after it, one space after the word that
        /// starts at `previousStart`.
        @inline(__always)
        mutating func seeAgentCueEnd(_ bytes: UnsafeBufferPointer<UInt8>, previousStart: Int, _ start: Int, _ end: Int,
                                     cueWords: AgentCueWords) {
            guard !sawAgentCueEnd else { return }
            // Most words are none of the cues' last words, told on their length and letters ("| 0x20" lower-cases an
            // ASCII letter, and no other byte turns into one).
            let last: Int
            switch end - start {
            case 2:
                let first = bytes[start] | 0x20, second = bytes[start + 1] | 0x20
                if first == UInt8(ascii: "b") && second == UInt8(ascii: "y") {
                    last = 0
                } else if first == UInt8(ascii: "a") && second == UInt8(ascii: "t") {
                    last = 1
                } else if first == UInt8(ascii: "a") && second == UInt8(ascii: "s") {
                    last = 2
                } else {
                    return
                }
            case 4:
                guard bytes[start] | 0x20 == UInt8(ascii: "l"), bytes[start + 1] | 0x20 == UInt8(ascii: "i"),
                      bytes[start + 2] | 0x20 == UInt8(ascii: "k"), bytes[start + 3] | 0x20 == UInt8(ascii: "e") else { return }
                last = 3
            default:
                return
            }
            sawAgentCueEnd = cueWords.mayPrecede(last, UnsafeBufferPointer(rebasing: bytes[previousStart..<(start - 1)]))
        }

        /// Whether the text holds " from " (as `containsASCII(" from ")`), nil when Foundation must tell.
        var holdsFrom: Bool? {
            unscanned ? nil : fromFollowedByASCII.map { $0 ? true : nil } ?? false
        }

        /// Looks at the word between `start` and `end` of `bytes`, with a space before it and one after it.
        @inline(__always)
        mutating func see(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            if end - start == 4, fromFollowedByASCII == nil, bytes[start] == UInt8(ascii: "f"), bytes[start + 1] == UInt8(ascii: "r"),
               bytes[start + 2] == UInt8(ascii: "o"), bytes[start + 3] == UInt8(ascii: "m") {
                fromFollowedByASCII = end + 1 == bytes.count || bytes[end + 1] < 0x80
                return
            }
            guard !found, end - start == 2 || end - start == 4 else { return }
            let needle: UInt8
            switch (bytes[start], bytes[start + 1]) {
            case (UInt8(ascii: "b"), UInt8(ascii: "y")) where end - start == 2: needle = 1
            case (UInt8(ascii: "a"), UInt8(ascii: "t")) where end - start == 2: needle = 2
            case (UInt8(ascii: "a"), UInt8(ascii: "s")) where end - start == 2: needle = 8
            case (UInt8(ascii: "l"), UInt8(ascii: "i"))
                where end - start == 4 && bytes[start + 2] == UInt8(ascii: "k") && bytes[start + 3] == UInt8(ascii: "e"):
                needle = 4
            default: return
            }
            guard seen & needle == 0 else { return }
            seen |= needle
            if end + 1 == bytes.count || bytes[end + 1] < 0x80 { found = true } else { undecided = true }
        }
    }

    /// `TextRules.capitalisedRuns(in:multiWordOnly: true)` of a stretch of plain ASCII words (no byte above 0x7F, no
    /// CR) between byte offsets `from` and `to` of `bytes`, as `forEachMentionSource` cuts them.
    ///
    /// Every word of such a stretch is capitalised or a connector, only its first word can open with "(" or a quote
    /// and only its last can end a clause: `capitalisedRuns` skips the connectors before its first capitalised word
    /// and takes in every word from there, so it sees one run, which it trims of connectors and determiners at its
    /// front and of connectors at its back, and keeps when two words or more are left.
    /// The run comes as its range in `bytes` when its words stand one space apart there, unpunctuated between.
    static func asciiRun(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> ASCIIRun? {
        var runFrom = -1, runTo = -1      // where the run's first word starts and its last word ends
        var words = 0, wordsToTail = 0    // words from the first: all of them, and up to the last that is no connector
        var single = true, singleToTail = true   // whether those words stand one space apart, unpunctuated between
        var previousTo = 0
        let connectorSlots = asciiConnectorSlots
        forEachWord(in: bytes, from: from, to: to) { start, end in
            let (wordFrom, wordTo) = trimmedWord(in: bytes, start, end)
            let connector = isConnector(bytes, wordFrom, wordTo, slots: connectorSlots)
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
        if singleToTail { return .inPlace(runFrom..<runTo) }
        // Punctuation or more spaces between words: the trimmed words joined by single spaces.
        var trimmedWords: [Range<Int>] = []
        forEachWord(in: bytes, from: runFrom, to: runTo) { start, end in
            let (wordFrom, wordTo) = trimmedWord(in: bytes, start, end)
            trimmedWords.append(wordFrom..<wordTo)
        }
        return .joined(joined(trimmedWords[...], of: bytes))
    }

    /// A run that `asciiRun(in:from:to:)` works out.
    enum ASCIIRun {
        /// The run is these bytes of the text.
        case inPlace(Range<Int>)
        /// The run is the text's words joined by single spaces.
        case joined(String)
    }

    /// The first letters of the ASCII connectors (`TextRules.connectors`) lower-cased, one bit each from "a" (any
    /// connector that opens with no letter sets none).
    static let asciiConnectorInitials: UInt32 = TextRules.connectors.reduce(0) { mask, connector in
        guard let first = connector.utf8.first?.asciiLowercased, first &- UInt8(ascii: "a") < 26 else { return mask }
        return mask | 1 << (first &- UInt8(ascii: "a"))
    }

    /// The ASCII lower-case letters, one bit each from "a", that open no connector (`asciiConnectorInitials`) and none
    /// of the words that `CueEndingScan` looks at ("by", "at", "as", "like", "from", in any case): a word that opens
    /// with one is neither capitalised nor a connector, and the cue scan learns nothing from it but whether it is plain.
    static let quietWordInitials: UInt32 = "abfl".utf8.reduce(~asciiConnectorInitials & ((1 << 26) - 1)) { mask, letter in
        mask & ~(1 << (letter - UInt8(ascii: "a")))
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

    /// The "Name (ACR)" half of `addExpandedAcronyms` on the bytes of a plain ASCII text (no byte above 0x7F, no
    /// CR), as the rules on characters work it out: each "(ACR)" with two capitals or more, the capitalised words
    /// before it (`capitalisedTail(of:)`) and the shortest run of them that it abbreviates. False, having done nothing,
    /// for any other text.
    static func addNamesBeforeAcronymsOnBytes(in text: String, to registry: inout OrganisationRegistry) -> Bool {
        guard text.isPlainASCII else { return false }
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            AcronymPatterns.forEachParenthesised(in: bytes) { acronym, open in
                guard acronym.lazy.filter({ isCapital(bytes, $0, $0 + 1) }).count >= 2 else { return }
                let acronymBytes = UnsafeBufferPointer(rebasing: bytes[acronym])
                let letters = asciiLetters(of: acronymBytes)
                let words = asciiCapitalisedTail(in: bytes, before: open)
                // The shortest run of trailing words whose initials spell the acronym.
                for start in stride(from: words.count - 1, through: 0, by: -1)
                where asciiAbbreviates(letters: letters, words: words[start...], in: bytes) {
                    addNameBeforeAcronym(joined(words[start...], of: bytes), acronym: String(decoding: acronymBytes, as: UTF8.self),
                                         to: &registry)
                    break
                }
            }
        }
        return done != nil
    }

    /// `capitalisedTail(of:)` of the plain ASCII bytes of `bytes` before offset `end`, as byte ranges of its words.
    static func asciiCapitalisedTail(in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> [Range<Int>] {
        var words: [Range<Int>] = []   // from the last word back
        var wordEnd = end
        while true {
            while wordEnd > 0, bytes[wordEnd - 1] == UInt8(ascii: " ") { wordEnd -= 1 }
            guard wordEnd > 0 else { break }
            var wordStart = wordEnd - 1
            while wordStart > 0, bytes[wordStart - 1] != UInt8(ascii: " "), wordEnd - wordStart <= longestTailWord { wordStart -= 1 }
            guard wordEnd - wordStart <= longestTailWord else { break }
            guard isCapital(bytes, wordStart, wordEnd) || (!words.isEmpty && isConnector(bytes, wordStart, wordEnd)) else { break }
            words.append(wordStart..<wordEnd)
            if words.count > 12 { break }
            wordEnd = wordStart
        }
        // Connectors and "The" off the front.
        while let first = words.last,
              isConnector(bytes, first.lowerBound, first.upperBound) || UnsafeBufferPointer(rebasing: bytes[first]).elementsEqual("The".utf8) {
            words.removeLast()
        }
        return words.reversed()
    }

    /// `TextRules.abbreviates(acronym, phrase)`, on the bytes when both are plain ASCII. `onBytes` is there for
    /// tests, which compare both ways.
    static func abbreviates(_ acronym: String, _ phrase: String, onBytes: Bool = true) -> Bool {
        guard onBytes, acronym.isPlainASCII, phrase.isPlainASCII else { return TextRules.abbreviates(acronym, phrase) }
        var acronym = acronym, phrase = phrase
        let letters = acronym.withUTF8 { asciiLetters(of: $0) }
        return phrase.withUTF8 { bytes in
            var words: [Range<Int>] = []
            forEachWord(in: bytes, from: 0, to: bytes.count) { words.append($0..<$1) }
            return asciiAbbreviates(letters: letters, words: words[...], in: bytes)
        }
    }

    /// The letters of an ASCII acronym, upper-cased (`acronym.uppercased().filter(\.isLetter)`).
    static func asciiLetters(of acronym: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        acronym.compactMap { byte in
            let upper = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte
            return upper >= UInt8(ascii: "A") && upper <= UInt8(ascii: "Z") ? upper : nil
        }
    }

    /// `TextRules.abbreviates` of an acronym whose upper-cased letters are `letters` and of the phrase made of the
    /// plain ASCII words `words` of `bytes`: the letters are the initials of its pieces between spaces and hyphens but
    /// the minor words (`TextRules.initials`), or of all its words.
    static func asciiAbbreviates(letters: [UInt8], words: ArraySlice<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard letters.count >= 2 else { return false }
        let upper = { (byte: UInt8) in byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte }
        if words.count == letters.count, zip(words, letters).allSatisfy({ upper(bytes[$0.0.lowerBound]) == $0.1 }) { return true }
        var matched = 0
        for word in words {
            var pieceStart = word.lowerBound
            while pieceStart < word.upperBound {
                var pieceEnd = pieceStart
                while pieceEnd < word.upperBound, bytes[pieceEnd] != UInt8(ascii: "-") { pieceEnd += 1 }
                defer { pieceStart = pieceEnd + 1 }
                guard pieceEnd > pieceStart, !isMinorWord(bytes, pieceStart, pieceEnd) else { continue }
                guard matched < letters.count, upper(bytes[pieceStart]) == letters[matched] else { return false }
                matched += 1
            }
        }
        return matched == letters.count
    }

    /// Whether the ASCII word between `from` and `to` is one of `TextRules.minorWords`, in any case.
    @inline(__always)
    private static func isMinorWord(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        to - from <= 3 && asciiMinorWordCodes.contains(shortWordCode(UnsafeBufferPointer(rebasing: bytes[from..<to])))
    }

    /// The codes (`shortWordCode`) of the ASCII members of `TextRules.minorWords`.
    private static let asciiMinorWordCodes = TextRules.minorWords.filter(\.isPlainASCII).map { shortWordCode($0.utf8) }

    /// The words `words` of `bytes` joined by single spaces.
    static func joined(_ words: ArraySlice<Range<Int>>, of bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text: [UInt8] = []
        for word in words {
            if !text.isEmpty { text.append(UInt8(ascii: " ")) }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[word]))
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The separator a capitalised run is cut at when its whole names nothing: the first of " and ", " in ", " – " and
    /// " - " that it holds (nil without any); and whether it holds " - ", which separates a person from an organisation.
    /// A plain ASCII run is read once on its bytes.
    static func pieceSeparators(in run: String) -> (first: String?, spacedHyphen: Bool) {
        let separators = [" and ", " in ", " – ", " - "]
        guard run.isPlainASCII else { return (separators.first { run.containsASCII($0) }, run.containsASCII(" - ")) }
        var and = false, `in` = false, hyphen = false
        var copy = run
        copy.withUTF8 { bytes in
            // Each separator is a word between spaces: look at the words between spaces.
            guard var space = UTF8Search.offset(of: UInt8(ascii: " "), in: bytes) else { return }
            while let next = UTF8Search.offset(of: UInt8(ascii: " "), in: bytes, from: space + 1) {
                switch next - space - 1 {
                case 1 where bytes[space + 1] == UInt8(ascii: "-"): hyphen = true
                case 2 where bytes[space + 1] == UInt8(ascii: "i") && bytes[space + 2] == UInt8(ascii: "n"): `in` = true
                case 3 where bytes[space + 1] == UInt8(ascii: "a") && bytes[space + 2] == UInt8(ascii: "n") && bytes[space + 3] == UInt8(ascii: "d"):
                    and = true
                default: break
                }
                space = next
            }
        }
        let first = and ? separators[0] : `in` ? separators[1] : hyphen ? separators[3] : nil
        return (first, hyphen)
    }

    /// `TextRules.isConnector(word)`, on the bytes when the word is plain ASCII.
    static func isASCIIConnector(_ word: String) -> Bool {
        guard word.utf8.count <= 3 else { return false }
        guard word.isPlainASCII else { return TextRules.isConnector(word) }
        return asciiConnectorSlots.contains(shortWordCode(word.utf8))
    }

    /// `agentCueEnds(in:)` of a plain ASCII text (every character one byte), found in place: at each space, the
    /// cue endings (" by ", " at ", …) that start there and the cues that end with them, matched with ASCII letters
    /// lower-cased. Nil for any other text.
    static func asciiAgentCueEnds(in text: String) -> [Int]? {
        guard text.isPlainASCII else { return nil }
        return text.utf8.withContiguousStorageIfAvailable(agentCueEnds(inBytes:))
    }

    /// The words before the agent cues' last words ("developed" before "by", "such" before "as"), for
    /// `CueEndingScan.seeAgentCueEnd`.
    struct AgentCueWords {
        /// The last words, in the order `seeAgentCueEnd` numbers them.
        static let lastWords = ["by", "at", "as", "like"].map { Array($0.utf8) }
        /// For each last word, the lengths (one bit each) of the words before it.
        private let lengths: [UInt64]
        /// For each last word, the words before it, lower case.
        private let previous: [[[UInt8]]]

        init(cues: [[UInt8]]) {
            var lengths = [UInt64](repeating: 0, count: Self.lastWords.count)
            var previous = [[[UInt8]]](repeating: [], count: Self.lastWords.count)
            for cue in cues {
                let words = cue.split(separator: UInt8(ascii: " ")).map(Array.init)
                guard words.count >= 2, let last = Self.lastWords.firstIndex(of: words[words.count - 1]) else {
                    preconditionFailure("every agent cue ends with one of \(Self.lastWords) after another word")
                }
                let word = words[words.count - 2]
                lengths[last] |= 1 << UInt64(min(word.count, 63))
                previous[last].append(word)
            }
            self.lengths = lengths
            self.previous = previous
        }

        /// Whether `word`, lower-cased, is a word that comes before the last word numbered `last` in some cue.
        @inline(__always)
        func mayPrecede(_ last: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
            guard word.count < 64, lengths[last] >> UInt64(word.count) & 1 != 0 else { return false }
            return previous[last].contains { candidate in
                candidate.count == word.count && candidate.indices.allSatisfy { word[$0].asciiLowercased == candidate[$0] }
            }
        }
    }

    /// The words before the agent cues' last words.
    static let agentCueWords = AgentCueWords(cues: agentCueBytes)

    /// The agent cues' ends in `bytes`, in bytes, found as `asciiAgentCueEnds(in:)` finds them (for a text that is not
    /// plain ASCII: those found on its bytes with ASCII letters lower-cased).
    static func agentCueEnds(inBytes bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        let groups = agentCueEndingGroups, cues = agentCueBytes, initials = agentCueEndingInitials
        /// Whether `pattern` (lower case) stands at `start` of the bytes, lower-cased.
        func matches(_ pattern: [UInt8], at start: Int) -> Bool {
            guard start >= 0, start + pattern.count <= bytes.count else { return false }
            for (offset, byte) in pattern.enumerated() where bytes[start + offset].asciiLowercased != byte { return false }
            return true
        }
        var found: [(cue: Int, start: Int)] = []
        forEachSpace(in: bytes) { next in
            // Most words open with a letter that no ending has.
            guard next + 1 < bytes.count else { return }
            let letter = bytes[next + 1].asciiLowercased &- UInt8(ascii: "a")
            guard letter < 26, initials >> letter & 1 != 0 else { return }
            for (ending, group) in groups where matches(ending, at: next) {
                for cue in group {
                    let start = next + ending.count - cues[cue].count
                    if matches(cues[cue], at: start) { found.append((cue, start)) }
                }
            }
        }
        // Cue by cue, left to right, each match taking its bytes from the next, as a search from the last
        // match's end finds them; a cue counts where it starts a word.
        found.sort { ($0.cue, $0.start) < ($1.cue, $1.start) }
        var ends: [Int] = []
        var cue = -1, searchStart = 0
        for match in found {
            if match.cue != cue { cue = match.cue; searchStart = 0 }
            guard match.start >= searchStart else { continue }
            searchStart = match.start + cues[cue].count
            if match.start == 0 || bytes[match.start - 1] == UInt8(ascii: " ") { ends.append(searchStart) }
        }
        return ends
    }

    /// Whether the word between `start` and `end` opens with "…", "—", "•", "·" or a no-break space, which
    /// `capitalisedRuns` trims from no word, which are no capitals and with which no connector opens: such a word
    /// breaks a run as a lower-case word does.
    @inline(__always)
    static func opensWithBreakingMark(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        switch bytes[start] {
        case 0xE2:
            // U+2026 "…" is E2 80 A6, U+2014 "—" E2 80 94, U+2022 "•" E2 80 A2 (U+2013 "–", a connector, is E2 80 93).
            return end - start >= 3 && bytes[start + 1] == 0x80
                && (bytes[start + 2] == 0xA6 || bytes[start + 2] == 0x94 || bytes[start + 2] == 0xA2)
        case 0xC2:
            // U+00A0 (no-break space) is C2 A0, U+00B7 "·" C2 B7.
            return end - start >= 2 && (bytes[start + 1] == 0xA0 || bytes[start + 1] == 0xB7)
        default:
            return false
        }
    }

    /// Calls `body` with the offset of each ASCII space of `bytes`, left to right: eight bytes at a time, each space of
    /// a chunk told exactly by its high bit.
    @inline(__always)
    static func forEachSpace(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        var offset = 0
        if let base = bytes.baseAddress {
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while offset + 8 <= bytes.count {
                let chunk = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) ^ 0x2020_2020_2020_2020
                // The high bit of each byte that is zero (a space before the XOR), and of no other byte.
                var spaces = ~(((chunk & low) &+ low) | chunk | low)
                while spaces != 0 {
                    body(offset + spaces.trailingZeroBitCount / 8)
                    spaces &= spaces &- 1
                }
                offset += 8
            }
        }
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: " ") { body(offset) }
            offset += 1
        }
    }

    /// The first letters of the agent cues' last words ("b" of " by "), one bit each from "a".
    private static let agentCueEndingInitials: UInt32 = agentCueEndingGroups.reduce(0) { mask, group in
        let letter = group.ending[1] &- UInt8(ascii: "a")
        precondition(letter < 26, "an ending opens with a space and a lower-case letter")
        return mask | 1 << letter
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

    /// `TextRules.isConnector` of the ASCII word between `from` and `to`; `slots` are `asciiConnectorSlots`, which a
    /// caller in a loop reads once.
    @inline(__always)
    private static func isConnector(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int,
                                    slots: ConnectorCodeSlots = asciiConnectorSlots) -> Bool {
        to - from <= 3 && slots.contains(shortWordCode(UnsafeBufferPointer(rebasing: bytes[from..<to])))
    }

    /// `asciiConnectorCodes` in slots, for the words' loops: one look at a slot tells a connector, where a search of the
    /// codes compares a word that is none with each of them.
    static let asciiConnectorSlots = ConnectorCodeSlots(codes: asciiConnectorCodes)

    /// A set of word codes (`shortWordCode`) in 64 slots, each code in the slot its hash gives (`slot(of:)`), no two
    /// codes in one slot: a code is in the set when its slot holds it. No code is `UInt32.max` (a code is at most three
    /// bytes and a length), which marks an empty slot.
    struct ConnectorCodeSlots {
        /// The odd multiplier of the hash, the first that puts no two codes in one slot.
        private let multiplier: UInt64
        /// The codes, by slot.
        private let slots: [UInt32]

        init(codes: [UInt32]) {
            var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            while true {
                var slots = [UInt32](repeating: .max, count: 64)
                var clash = false
                for code in codes {
                    let slot = Self.slot(of: code, multiplier)
                    if slots[slot] != .max && slots[slot] != code { clash = true; break }
                    slots[slot] = code
                }
                if !clash {
                    self.multiplier = multiplier
                    self.slots = slots
                    return
                }
                // The next odd multiplier of a linear congruential sequence.
                multiplier = (multiplier &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407) | 1
            }
        }

        /// The slot of `code`: the top six bits of its product with `multiplier`.
        @inline(__always)
        private static func slot(of code: UInt32, _ multiplier: UInt64) -> Int {
            Int(truncatingIfNeeded: (UInt64(code) &* multiplier) >> 58)
        }

        /// Whether `code` is one of the set's codes.
        @inline(__always)
        func contains(_ code: UInt32) -> Bool {
            slots[Self.slot(of: code, multiplier)] == code
        }
    }

    /// Whether the ASCII word `word` of `bytes` is one of `TextRules.leadingDeterminers` (each of them capitalised).
    static func isDeterminer(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard word.count <= longestDeterminer, isCapital(bytes, word.lowerBound, word.upperBound) else { return false }
        let candidate = UnsafeBufferPointer(rebasing: bytes[word])
        return asciiDeterminers.contains { $0.elementsEqual(candidate) }
    }

    /// The bytes of `TextRules.leadingDeterminers`, and the length of the longest.
    private static let asciiDeterminers = TextRules.leadingDeterminers.map { Array($0.utf8) }
    private static let longestDeterminer = asciiDeterminers.map(\.count).max() ?? 0

    /// Whether `byte` is ASCII punctuation that capitalised runs trim from a word (`Set<Character>.wordPunctuation`).
    @inline(__always)
    static func isRunPunctuation(_ byte: UInt8) -> Bool {
        byte < 64 && runPunctuation >> byte & 1 != 0
    }

    /// Whether `byte` is one of `,;:.!?)"`, which end a capitalised run after the word they end.
    @inline(__always)
    static func isRunClauseEnder(_ byte: UInt8) -> Bool {
        byte < 64 && runClauseEnders >> byte & 1 != 0
    }

    /// The ASCII members of `Set<Character>.wordPunctuation` (`!"'(),.:;?`), one bit each (all of them below 64).
    /// Written as a constant, which costs no call to read as a global worked out at run time does in the words' loop
    /// (`OrganisationSpeed19Tests` checks it against `wordPunctuation`).
    static let runPunctuation: UInt64 = 1 << 0x21 | 1 << 0x22 | 1 << 0x27 | 1 << 0x28 | 1 << 0x29 | 1 << 0x2C | 1 << 0x2E
        | 1 << 0x3A | 1 << 0x3B | 1 << 0x3F

    /// `,;:.!?)"`, one bit each, a constant as `runPunctuation` is.
    static let runClauseEnders: UInt64 = 1 << 0x2C | 1 << 0x3B | 1 << 0x3A | 1 << 0x2E | 1 << 0x21 | 1 << 0x3F | 1 << 0x29
        | 1 << 0x22
}
