import Foundation

extension IntroductionRules {
    /// The participants' names and first names that a plain ASCII line can open with (`NameIndex.byFirstWord`'s entries),
    /// as lower-case bytes keyed by a hash of the first word they stand under: the lines that open with no name, most of
    /// them, are told on their bytes without a string made of their first word.
    struct ASCIIOpenings {
        /// The entries' bytes by the hash of their key (with those of any other key of the same hash).
        private var names: [UInt64: [[UInt8]]] = [:]

        /// FNV-1a's starting value.
        static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

        /// One FNV-1a step.
        @inline(__always)
        static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
            (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }

        /// The plain ASCII entries of `byFirstWord`; nil when another entry may equal ASCII text (a string is canonically
        /// equivalent to ASCII only through KELVIN SIGN, GREEK QUESTION MARK or GREEK VARIA: any other scalar over 0x7F,
        /// or a CR, keeps an entry from equalling the opening of a plain ASCII line).
        init?(_ byFirstWord: [String: [(index: Int, name: String, length: Int)]]) {
            func mayEqualASCII(_ text: String) -> Bool {
                text.unicodeScalars.contains { [0x212A, 0x037E, 0x1FEF].contains($0.value) }
            }
            for (key, entries) in byFirstWord {
                // Every plain ASCII key is there, with or without entries of its own that are ASCII.
                if key.isPlainASCII {
                    names[key.utf8.reduce(Self.seed, Self.hash), default: []].append(contentsOf: entries.filter { $0.name.isPlainASCII }.map { Array($0.name.utf8) })
                } else if mayEqualASCII(key) {
                    return nil
                }
                if entries.contains(where: { !$0.name.isPlainASCII && mayEqualASCII($0.name) }) { return nil }
            }
        }

        /// The plain ASCII entries under the key whose (lower-case) bytes hash to `hash`, and those of any other key of that
        /// hash; nil when no plain ASCII key has that hash.
        func names(hash: UInt64) -> [[UInt8]]? {
            names[hash]
        }
    }
}

extension IntroductionRules.NameIndex {
    /// What may follow a name for `speaker(of:names:)` to take the line, as bytes: `IntroductionRules.cues`, "also ", "phd ".
    private static let openingCues: [[UInt8]] = (IntroductionRules.cues + ["also ", "phd "]).map { Array($0.utf8) }

    /// Whether `IntroductionRules.speaker(of: text, names: self)` may find someone, told on the bytes of plain ASCII text
    /// (every byte a character): false only where it surely finds no one, no name opening the line (or the line behind
    /// its speaker tag) with a cue after it. True for other text, or when a name may equal ASCII text without being it.
    func mayIntroduce(_ text: String) -> Bool {
        guard let openings = asciiOpenings, nicks.isEmpty else { return true }
        return text.withPlainASCIIBytes { bytes in
            var start = 0
            while start < bytes.count, [UInt8(ascii: "*"), 0x20, UInt8(ascii: "["), UInt8(ascii: "<")].contains(bytes[start]) { start += 1 }
            return mayIntroduce(bytes, from: start, openings, behindTag: false)
        } ?? true
    }

    /// The first bytes of `openingCues` (all lower-case), one bit each: a text whose byte there is none of them opens with no cue.
    private static let openingCueStarts: (low: UInt64, high: UInt64) = {
        var low: UInt64 = 0, high: UInt64 = 0
        for byte in openingCues.compactMap(\.first) {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        return (low, high)
    }()

    /// Whether `bytes` from `start` hold `lowerCase` (lower-case bytes), their ASCII capitals compared in lower case.
    @inline(__always)
    private static func holds(_ lowerCase: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard lowerCase.count <= bytes.count - start else { return false }
        var i = 0
        while i < lowerCase.count, bytes[start + i].asciiLowercased == lowerCase[i] { i += 1 }
        return i == lowerCase.count
    }

    /// Whether `bytes` from `start` open with one of `openingCues`, in any case.
    private static func opensWithCue(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start < bytes.count else { return false }
        let byte = bytes[start].asciiLowercased
        guard byte < 128, byte < 64 ? openingCueStarts.low & (1 << UInt64(byte)) != 0 : openingCueStarts.high & (1 << UInt64(byte - 64)) != 0 else {
            return false
        }
        return openingCues.contains { cue in cue.withUnsafeBufferPointer { holds($0, in: bytes, at: start) } }
    }

    /// One round of `speaker(of:names:)` on the bytes from `start`: the names under the first word (`candidates(for:)`),
    /// each followed by one of " :,*]>", then a cue; or, after a tag (":", "]", ">") in the first round, the same once more.
    private func mayIntroduce(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ openings: IntroductionRules.ASCIIOpenings,
                              behindTag: Bool) -> Bool {
        // The first word as `opening(of:)` reads it: its hash and the letters it opens with.
        var hash = IntroductionRules.ASCIIOpenings.seed
        var end = start, letters = 0
        while end < bytes.count, !Self.isOpeningEnd(bytes[end]) {
            let lower = bytes[end].asciiLowercased
            hash = IntroductionRules.ASCIIOpenings.hash(hash, lower)
            if letters == end - start, lower.isASCIILowercase { letters += 1 }
            end += 1
        }
        // Whether a name of `length` bytes opening the text from `start` is followed by a cue (or by a tag, then a name and a cue).
        func followedByCue(_ length: Int) -> Bool {
            let after = start + length
            guard after < bytes.count, Self.isOpeningEnd(bytes[after]) else { return false }
            var rest = after
            while rest < bytes.count, Self.isOpeningEnd(bytes[rest]) { rest += 1 }
            if Self.opensWithCue(bytes, at: rest) { return true }
            let next = bytes[after]
            return !behindTag && (next == UInt8(ascii: ":") || next == UInt8(ascii: "]") || next == UInt8(ascii: ">"))
                && mayIntroduce(bytes, from: rest, openings, behindTag: true)
        }
        // The letters alone, when a name: what follows them is looked at once.
        var lettersTried = false
        for name in openings.names(hash: hash) ?? [] where name.withUnsafeBufferPointer({ Self.holds($0, in: bytes, at: start) }) {
            if name.count == letters { lettersTried = true }
            if followedByCue(name.count) { return true }
        }
        // A nick the opening letters (four or more) begin makes them a name; they are followed by what ends the word, if anything.
        guard !lettersTried, letters >= 4, letters == end - start, end < bytes.count else { return false }
        let nickBegun = asciiNicks.contains { nick in
            nick.letters.count > letters && nick.letters.withUnsafeBufferPointer { Self.holds(UnsafeBufferPointer(rebasing: $0[..<letters]), in: bytes, at: start) }
        }
        return nickBegun && followedByCue(letters)
    }
}
