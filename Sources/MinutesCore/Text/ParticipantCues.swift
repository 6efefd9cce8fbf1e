/// The cue words of the participant rules that read every text of a document — regrets notes, nicknames, scribes
/// named in the agenda and trackbot's action owners — looked for in one pass over each text instead of one pass a rule.
struct ParticipantCues {
    /// Words that a regrets note holds (a cheap test before the phrases of `ParticipantExtractor.regretNotes`).
    static let regretWords = ["regret", "able to", "can't", "cannot", "apolog"]
    /// What introduces a nickname.
    static let nickWords = [" aka ", " a.k.a. ", " also known as "]
    /// What a line naming the scribes holds.
    static let scribeWords = ["cribe"]
    /// What opens trackbot's note of an action's owner ("[on Axel Polleres - due 2019-04-11]").
    static let ownerWords = ["[on "]

    /// All the words, in the order above: bit `i` of a text's mask is the `i`-th word.
    private static let all = ASCIINeedleSet(regretWords + nickWords + scribeWords + ownerWords)
    /// The words looked for in texts too long for the regrets and scribe rules: the nick words, then the owner words.
    private static let longTextWords = ASCIINeedleSet(nickWords + ownerWords)
    /// `all` and `longTextWords`, each scanned with its anchors held in registers.
    private static let allScan = CueWordScan(regretWords + nickWords + scribeWords + ownerWords)
    private static let longTextScan = CueWordScan(nickWords + ownerWords)
    /// The bits of each group.
    private static let regretBits = bits(0, regretWords.count)
    private static let nickBits = bits(regretWords.count, nickWords.count)
    private static let scribeBits = bits(regretWords.count + nickWords.count, scribeWords.count)
    private static let ownerBits = bits(regretWords.count + nickWords.count + scribeWords.count, ownerWords.count)
    /// The bits of the nick and of the owner words among `longTextWords`.
    private static let longTextNickBits = bits(0, nickWords.count)
    private static let longTextOwnerBits = bits(nickWords.count, ownerWords.count)

    /// `count` bits from bit `first` on.
    private static func bits(_ first: Int, _ count: Int) -> UInt32 {
        (0..<count).reduce(0) { $0 | 1 << UInt32(first + $1) }
    }

    /// The longest text the regrets and scribe rules read (in bytes); longer texts are looked at for nicknames and
    /// owners only.
    static let longestRead = 240

    /// For each text, the words it holds (only the nick and owner words' bits for a text over `longestRead` bytes).
    private let masks: [UInt32]

    /// The cues of each of `texts`.
    init(_ texts: [String]) {
        masks = texts.map { text in
            guard text.utf8.count > Self.longestRead else { return Self.allScan.matches(in: text) ?? Self.all.matches(in: text) }
            let found = Self.longTextScan.matches(in: text) ?? Self.longTextWords.matches(in: text)
            return (found & Self.longTextNickBits != 0 ? Self.nickBits : 0) | (found & Self.longTextOwnerBits != 0 ? Self.ownerBits : 0)
        }
    }

    /// Whether text `index` holds a regrets word (`ASCIINeedleSet(regretWords).containsAny`); texts up to `longestRead` bytes.
    func holdsRegretWord(_ index: Int) -> Bool { masks[index] & Self.regretBits != 0 }
    /// Whether text `index` holds a nick word (`ASCIINeedleSet(nickWords).containsAny`).
    func holdsNickWord(_ index: Int) -> Bool { masks[index] & Self.nickBits != 0 }
    /// Whether text `index` holds a scribe word (`ASCIINeedleSet(scribeWords).containsAny`); texts up to `longestRead` bytes.
    func holdsScribeWord(_ index: Int) -> Bool { masks[index] & Self.scribeBits != 0 }
    /// Whether text `index` holds an owner word (`ASCIINeedleSet(ownerWords).containsAny`).
    func holdsOwnerWord(_ index: Int) -> Bool { masks[index] & Self.ownerBits != 0 }
}

/// `ASCIINeedleSet.matches(in:)` for the few cue words of `ParticipantCues`, read over every text of a document: the
/// same search (each needle found by its rarest byte, eight bytes at a time), with at most six anchor bytes held in
/// a fixed group of words instead of an array, so that each eight bytes are tested against them without a loop.
/// It answers only where the bytes decide: nil when a needle's first match is followed by a byte over 0x7F (a
/// combining mark there would change the character, for the needle set to decide), or when the bytes are not stored
/// in one piece.
struct CueWordScan {
    /// The needles' bytes and anchors.
    private let needles: AnchoredNeedles
    /// Each anchor byte repeated in the eight bytes of a word; 0xFF (never a byte of UTF-8) in the unused places.
    private let anchors: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    /// Whether more than two anchors are used (a text is then tested against all six words, else against two).
    private let wide: Bool

    /// Bytes from the most to the least common in English text (as `ASCIINeedleSet` ranks them); bytes not listed
    /// count as rarer still.
    private static let commonBytes = Array(" etaoinsrhldcumfpgwybv,.kxjqz".utf8)

    /// Needles of ASCII bytes without canonical equivalents, at most 32, on at most six distinct rarest bytes.
    init(_ needles: [String]) {
        precondition(needles.count <= 32 && needles.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(UTF8Search.hasNoCanonicalEquivalent) })
        func rarity(_ byte: UInt8) -> Int { Self.commonBytes.firstIndex(of: byte) ?? Self.commonBytes.count }
        let patterns = needles.map { Array($0.utf8) }
        let anchors = patterns.map { pattern in pattern.indices.max { rarity(pattern[$0]) < rarity(pattern[$1]) } ?? 0 }
        var anchorBytes: [UInt8] = []
        for (pattern, anchor) in zip(patterns, anchors) where !anchorBytes.contains(pattern[anchor]) { anchorBytes.append(pattern[anchor]) }
        precondition(anchorBytes.count <= 6)
        let words = (anchorBytes + Array(repeating: 0xFF, count: 6 - anchorBytes.count)).map { UInt64($0) &* 0x0101_0101_0101_0101 }
        self.needles = AnchoredNeedles(patterns, anchors: anchors)
        self.anchors = (words[0], words[1], words[2], words[3], words[4], words[5])
        wide = anchorBytes.count > 2
    }

    /// The needles (bit `i` for needle `i`) that `text` holds, as `ASCIINeedleSet.matches(in:)` finds them; nil where
    /// the bytes alone cannot tell.
    func matches(in text: String) -> UInt32? {
        let scan = text.utf8.withContiguousStorageIfAvailable { text -> AnchoredNeedles.Scan in
            wide ? needles.scan(text, stoppingAtFirst: false, anchors: SixAnchors(words: anchors))
                : needles.scan(text, stoppingAtFirst: false, anchors: TwoAnchors(a: anchors.0, b: anchors.1))
        }
        guard let scan, scan.undecided == 0 else { return nil }
        return scan.found
    }

    /// Two anchor bytes, each repeated in the eight bytes of a word, held in registers.
    private struct TwoAnchors: AnchorTest {
        let a: UInt64, b: UInt64
        @inline(__always)
        func anchorBits(of word: UInt64) -> UInt64 { UTF8Search.zeroBytes(word ^ a) | UTF8Search.zeroBytes(word ^ b) }
    }

    /// Six anchor bytes, each repeated in the eight bytes of a word, held in registers.
    private struct SixAnchors: AnchorTest {
        let words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
        @inline(__always)
        func anchorBits(of word: UInt64) -> UInt64 {
            let (a, b, c, d, e, f) = words
            return UTF8Search.zeroBytes(word ^ a) | UTF8Search.zeroBytes(word ^ b) | UTF8Search.zeroBytes(word ^ c)
                | UTF8Search.zeroBytes(word ^ d) | UTF8Search.zeroBytes(word ^ e) | UTF8Search.zeroBytes(word ^ f)
        }
    }
}
