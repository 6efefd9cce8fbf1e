/// A refusal on bytes before a block's label is read: `ParticipantExtractor.LabelReadings` finds the attendance and
/// membership-change cue words (all letters a–z, three or more) in a label, and a label stands before its text's
/// first colon (`TextRules.labelParts` cuts it there, after leading emphasis). A text whose bytes before that colon hold
/// no three letters that open a cue word (in either case) has no label with a cue: its label need not be made.
struct ParticipantLabelCues {
    /// The keys of the first three letters of each cue word (`key(_:_:_:)`), one bit each.
    private var openings = [UInt64](repeating: 0, count: 1 << 15 / 64)

    /// How far into a text the colon is looked for: a text whose first colon stands further is read by the rule.
    static let window = 256

    /// The refusal for `words`, lower-case a–z words of three letters or more.
    init(_ words: [String]) {
        for word in words {
            let letters = Array(word.utf8)
            precondition(letters.count >= 3 && letters.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
            let key = Self.key(Self.letterCode(letters[0]), Self.letterCode(letters[1]), Self.letterCode(letters[2]))
            openings[Int(key / 64)] |= 1 << UInt64(key % 64)
        }
    }

    /// 1–26 for the letters a–z and A–Z, 0 for any other byte.
    @inline(__always)
    private static func letterCode(_ byte: UInt8) -> UInt32 {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") ? UInt32(lower - UInt8(ascii: "a") + 1) : 0
    }

    /// Three letter codes as one 15-bit key.
    @inline(__always)
    private static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt32 { a << 10 | b << 5 | c }

    /// False only where `text` surely has no label holding a cue word: it has no colon, or the bytes before its first
    /// colon hold no three letters in a row that open a cue word. True otherwise (and for a colon past `window`).
    func mayLabelCue(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            // The colon found with `memchr`; without one (most lines of prose), no label.
            guard let colon = UTF8Search.offset(of: UInt8(ascii: ":"), in: bytes) else { return false }
            if colon > Self.window { return true }
            return holdsOpening(UnsafeBufferPointer(rebasing: bytes[..<colon]))
        } ?? true
    }

    /// False only where `text` surely holds no cue word anywhere (no three letters in a row that open one).
    func mayHoldCue(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(holdsOpening) ?? true
    }

    /// Whether `bytes` hold three letters in a row (either case) that open a cue word.
    private func holdsOpening(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run: UInt32 = 0, letters = 0
        for byte in bytes {
            let code = Self.letterCode(byte)
            guard code != 0 else { letters = 0; continue }
            run = (run << 5 | code) & 0x7FFF
            letters += 1
            if letters >= 3, openings[Int(run / 64)] & 1 << UInt64(run % 64) != 0 { return true }
        }
        return false
    }
}
