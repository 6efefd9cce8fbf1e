/// A set of words kept as a Bloom filter of their `OrganisationWordFilter.hash`es: a word whose bits are not all set
/// was never inserted (a word whose bits are set may still not have been).
struct OrganisationWordFilter {
    /// 4,096 bits, two of them set for each word inserted.
    private var bits = [UInt64](repeating: 0, count: 64)

    /// A filter of the `hash`es of `words`.
    init(_ words: some Sequence<String> = [String]()) {
        for word in words { insert(word.utf8) }
    }

    /// Records `word` (its `hash`).
    mutating func insert(_ word: some Sequence<UInt8>) {
        let (first, second) = Self.bitIndices(Self.hash(word))
        bits[first >> 6] |= 1 << UInt64(first & 63)
        bits[second >> 6] |= 1 << UInt64(second & 63)
    }

    /// Whether a word whose `hash` is `hash` may have been inserted; false means it was not.
    @inline(__always)
    func mayHold(_ hash: UInt64) -> Bool {
        let (first, second) = Self.bitIndices(hash)
        return bits[first >> 6] >> UInt64(first & 63) & bits[second >> 6] >> UInt64(second & 63) & 1 != 0
    }

    /// The two bits of a hash.
    @inline(__always)
    private static func bitIndices(_ hash: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: hash >> 52), Int(truncatingIfNeeded: hash >> 40) & 4095)
    }

    /// The hash of a word's ASCII letters and digits, letters lower-cased, its other bytes left out ("Foo-Bar," and
    /// "foobar" hash alike): `start`, then `step` for each of them.
    static func hash(_ word: some Sequence<UInt8>) -> UInt64 {
        var hash = start
        for byte in word where isLetterOrDigit(byte) { hash = step(hash, byte | 0x20) }
        return hash
    }

    /// The hash of no byte.
    static let start: UInt64 = 0xCBF2_9CE4_8422_2325

    /// `hash` taking in the lower-cased letter or digit `lower` (FNV-1a).
    @inline(__always)
    static func step(_ hash: UInt64, _ lower: UInt8) -> UInt64 {
        (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
    }

    /// Whether `byte` is an ASCII letter or digit (`byte | 0x20` lower-cases a letter and keeps a digit).
    @inline(__always)
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }
}

extension OrganisationRegistry {
    /// The organisation words (`Vocabulary.organisationCues`), for `mayChange(trying:nameWords:)`.
    static let cueWordFilter = OrganisationWordFilter(Vocabulary.organisationCues)

    /// Whether trying the capitalised run `run` (its UTF-8 bytes: one of `TextRules.capitalisedRuns(in:multiWordOnly:
    /// true)`, or a stretch of plain ASCII words whose run `OrganisationExtractor.asciiRun(in:from:to:)` works out) in
    /// `OrganisationExtractor.addMentions` may change the registry whose `nameWordFilter` is `names`; false when it
    /// surely changes nothing, told on the run's bytes, before any string is made of it. (A stretch holds its run's
    /// words, with punctuation, which no rule here reads, and with more words at its ends only.)
    ///
    /// Trying a run changes the registry only through a candidate, the whole run or a piece of it (the words between
    /// its " and ", " in ", " – " or " - "), trimmed of connectors and determiners at its ends:
    /// - as an alias (`addAliasIfReordered`): two significant words of the candidate's key or more, every one a word
    ///   of `everyNameWord`. The key of a run's word between spaces hashes as its ASCII letters and digits lower-cased,
    ///   as the name word's does, unless keys read the run otherwise (`keyReadsOtherwise`; "&", a tab, a line break):
    ///   such a run is not screened. So no word between two words that are neither connectors nor name words holds two
    ///   name words, or no candidate does (a word with non-ASCII bytes never breaks the count);
    /// - as a new organisation (`MentionMemo.namesNewOrganisation`): the candidate's head word, lower-cased, is an
    ///   organisation word (plain ASCII). The head is the word before its first "of" or "for", or its last word: a word
    ///   that a connector follows in the run, or the run's last word.
    static func mayChange(trying run: UnsafeBufferPointer<UInt8>, nameWords names: OrganisationWordFilter) -> Bool {
        let cues = cueWordFilter, connectors = OrganisationExtractor.asciiConnectorSlots
        var previousIsCue = false   // whether the word before is an organisation word, on its letters and digits
        var nameWords = 0           // name words since the last word that is neither a connector nor a name word
        var start = 0               // where the current word starts
        var hash = OrganisationWordFilter.start, letters = 0, code: UInt32 = 0   // the current word's letters and digits
        var plain = true            // whether the current word is plain ASCII
        for index in 0...run.count {
            let byte = index < run.count ? run[index] : UInt8(ascii: " ")
            if OrganisationWordFilter.isLetterOrDigit(byte) {
                hash = OrganisationWordFilter.step(hash, byte | 0x20)
                code = code << 8 | UInt32(byte | 0x20)
                letters += 1
                continue
            }
            guard byte == UInt8(ascii: " ") else {
                if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") { return true }
                if byte >= 0x80 {
                    plain = false
                    if byte >= 0xC2, keyReadsOtherwise(run, at: index) { return true }
                }
                continue
            }
            // The end of a word (or of spaces).
            defer { start = index + 1; hash = OrganisationWordFilter.start; letters = 0; code = 0; plain = true }
            guard index > start else { continue }
            // A head that a connector follows: a word whose letters and digits spell one ("of", "(of)"), or that has
            // none ("-", "–").
            if previousIsCue, letters == 0 || (letters <= 3 && connectors.contains(code << 2 | UInt32(letters))) {
                return true
            }
            if plain {
                // A word without letters or digits is no word of a key, and no organisation word.
                guard letters > 0 else { previousIsCue = false; continue }
                previousIsCue = cues.mayHold(hash)
                if letters <= 3, connectors.contains(code << 2 | UInt32(letters)) { continue }
            } else {
                // No organisation word. Its key word may be a connector ("“of”"), a word of other letters (whose hash is
                // `start`) or none at all ("–"): it counts when it may be a name word, and never breaks a count.
                previousIsCue = false
                if !names.mayHold(hash) { continue }
            }
            if names.mayHold(hash) {
                nameWords += 1
                if nameWords >= 2 { return true }
            } else {
                nameWords = 0
            }
        }
        // The run's last word as a head.
        return previousIsCue
    }

    /// Whether the character whose UTF-8 bytes start at `index` of `run` may make a registry key read the run's words
    /// otherwise than its bytes do: whitespace, where a key cuts words (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
    /// U+2029, U+202F, U+205F, U+3000); "İ" U+0130 and KELVIN SIGN U+212A, which lower-case into ASCII; and the scripts
    /// with prepended marks (U+0600–U+073F, U+0880–U+0DFF, and every character beyond U+FFFF), which join the space
    /// or the ASCII letter after them into one character.
    private static func keyReadsOtherwise(_ run: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let second = index + 1 < run.count ? run[index + 1] : 0, third = index + 2 < run.count ? run[index + 2] : 0
        switch run[index] {
        case 0xC2: return second == 0x85 || second == 0xA0
        case 0xC4: return second == 0xB0
        case 0xD8...0xDC, 0xF0...0xFF: return true
        case 0xE0: return (0xA2...0xB7).contains(second)
        case 0xE1: return second == 0x9A && third == 0x80
        case 0xE2:
            switch second {
            case 0x80: return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF
            case 0x81: return third == 0x9F
            case 0x84: return third == 0xAA
            default: return false
            }
        case 0xE3: return second == 0x80 && third == 0x80
        default: return false
        }
    }
}
