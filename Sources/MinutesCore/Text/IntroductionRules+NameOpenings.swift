import Foundation

extension IntroductionRules {
    /// What tells, on a line's bytes, that no participant's name opens it with an introduction after it: the bytes the
    /// names open with, their first words hashed (`ASCIIOpenings`) and the nicks. Built per document on the names' bytes,
    /// without the strings of `NameIndex`, which `affiliations(in:participants:)` builds only for a line this lets through.
    struct NameOpenings {
        /// Nicks of other characters than ASCII letters.
        private(set) var nicks: [(index: Int, letters: String)] = []
        /// The letters of the nicks of ASCII letters, as bytes: a line's opening letters are compared with their beginnings.
        private(set) var asciiNicks: [(index: Int, letters: [UInt8])] = []
        /// The bytes (one bit each, lower-case) that the names and nicks open with; nil when one opens with another
        /// character than ASCII or with none (then any line may open with a name).
        private(set) var openingBytes: (low: UInt64, high: UInt64)?
        /// The entries of `NameIndex.byFirstWord` that plain ASCII text can open with, on bytes; nil when unsure (see `ASCIIOpenings`).
        private(set) var asciiOpenings: ASCIIOpenings?
        /// Whether every key of `NameIndex.byFirstWord` is plain ASCII: then a first word that opens with a scalar over 0x7F
        /// is none of them, unless the scalar lower-cases to ASCII (see `lowersToASCII(_:at:)`).
        private(set) var plainKeys = true
        /// The first two letters of the ASCII nicks of five letters or more (those that four opening letters or more may
        /// begin), one bit each of 26 × 26: a line's opening letters begin none of them when their pair is not there.
        private var nickPairs = [UInt64](repeating: 0, count: 11)

        init(_ participants: [Participant]) {
            var table = ASCIIOpenings(keys: participants.count)
            var opening: (low: UInt64, high: UInt64)? = (0, 0)
            func open(with byte: UInt8?) {
                guard let byte, byte < 0x80, let bits = opening else { opening = nil; return }
                opening = byte < 64 ? (bits.low | 1 << UInt64(byte), bits.high) : (bits.low, bits.high | 1 << UInt64(byte - 64))
            }
            asciiNicks.reserveCapacity(participants.count)
            for index in participants.indices {
                let person = participants[index].name
                // A plain ASCII name is read on its bytes (every byte a character), as `NameIndex.entries(of:)` reads it.
                let plain: Void? = person.withPlainASCIIBytes { name in
                    let start = name.firstIndex { $0 != 0x20 } ?? name.count
                    let end = name[start...].firstIndex(of: 0x20) ?? name.count
                    let oneWord = start == 0 && end == name.count
                    let word = UnsafeBufferPointer(rebasing: name[start..<end])
                    // The full name and the first name (once when they are one), those of two characters or more, under the first word.
                    let full = name.count >= 2, first = !oneWord && word.count >= 2
                    if full || first {
                        open(with: word.first?.asciiLowercased)
                        let key = table.key(lowercasing: word)
                        if full { table.add(lowercasing: name, under: key) }
                        if first { table.add(lowercasing: word, under: key) }
                    }
                    // A name without a space is a nick: its letters A–Z and a–z, lower-cased.
                    if oneWord { asciiNicks.append((index, name.compactMap { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A ? $0 | 0x20 : nil })) }
                }
                guard plain == nil else { continue }
                let (key, names) = NameIndex.entries(of: person)
                if !names.isEmpty {
                    open(with: key.utf8.first)
                    if !key.isPlainASCII { plainKeys = false }
                    table.add(key: key, names: names.map(\.name))
                }
                if !person.contains(" ") {
                    let letters = TextRules.compactLetters(person)
                    if letters.isPlainASCII { asciiNicks.append((index, Array(letters.utf8))) } else { nicks.append((index, letters)) }
                }
            }
            // A nick of four letters or fewer is begun by no opening of four letters or more that it is not.
            for nick in asciiNicks where nick.letters.count > 4 {
                open(with: nick.letters.first)
                // The letters are a–z (an ASCII nick's letters are ASCII letters, lower-cased).
                let pair = Int(nick.letters[0] &- 0x61) * 26 + Int(nick.letters[1] &- 0x61)
                if pair < 26 * 26 { nickPairs[pair >> 6] |= 1 << UInt64(pair & 63) } else { nickPairs = [UInt64](repeating: ~0, count: 11) }
            }
            openingBytes = nicks.isEmpty ? opening : nil
            asciiOpenings = table.build()
        }

        /// The marks "*", " ", "[", "<" that `speaker(of:names:)` drops before a line's first word.
        @inline(__always)
        private static func isMark(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "*") || byte == 0x20 || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "<")
        }

        /// Where the first word of `bytes` starts, after the marks.
        @inline(__always)
        private static func wordStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var start = 0
            while start < bytes.count, isMark(bytes[start]) { start += 1 }
            return start
        }

        /// Whether a name or nick may open `text` (after the "*", " ", "[", "<" that `speaker(of:names:)` drops), told by its
        /// first byte: a first word opening with another ASCII byte than all the names and nicks is none of them (a string
        /// equal to a name begins with the same ASCII byte, or with a character that is not ASCII). Then by its first word,
        /// read on the bytes as `NameIndex.opening(of:)` reads it: `NameIndex.candidates(for:)` is empty when no key of
        /// `byFirstWord` has its hash and no nick begins with its letters. True when unsure.
        /// A first word that opens with a scalar over 0x7F is a key only when the scalar lower-cases to ASCII, or when a key
        /// is not plain ASCII.
        func mayOpen(_ text: String) -> Bool {
            text.utf8.withContiguousStorageIfAvailable { bytes in mayOpen(bytes, at: Self.wordStart(bytes), readingWord: true) } ?? true
        }

        /// `mayOpen(_:)` on the bytes of the line, its first word starting at `start`; without `readingWord`, told by the
        /// first byte alone.
        @inline(__always)
        private func mayOpen(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, readingWord: Bool) -> Bool {
            guard let bits = openingBytes else { return true }
            // Nothing after the marks: no name (none is empty).
            guard start < bytes.count else { return false }
            let byte = bytes[start]
            guard byte < 0x80 else { return !plainKeys || Self.lowersToASCII(bytes, at: start) }
            let lower = byte.asciiLowercased
            guard lower < 64 ? bits.low & (1 << UInt64(lower)) != 0 : bits.high & (1 << UInt64(lower - 64)) != 0 else { return false }
            return !readingWord || mayOpenWithWord(UnsafeBufferPointer(rebasing: bytes[start...]))
        }

        /// The UTF-8 of the only scalars over 0x7F whose lower case is canonically equivalent to ASCII: GREEK QUESTION MARK
        /// (";"), GREEK VARIA ("`") and KELVIN SIGN ("k").
        static let asciiLowerScalars: [[UInt8]] = [[0xCD, 0xBE], [0xE1, 0xBF, 0xAF], [0xE2, 0x84, 0xAA]]

        /// Whether the scalar at `start` (over 0x7F) is one of `asciiLowerScalars`. Any other scalar over 0x7F that a line's
        /// first word holds (the marks before it dropped, alone or with a combining scalar after them) keeps the word,
        /// lower-cased, from being canonically equivalent to plain ASCII (a key), and its letters from beginning an ASCII nick.
        @inline(__always)
        private static func lowersToASCII(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            asciiLowerScalars.contains { scalar in scalar.withUnsafeBufferPointer { holds($0, in: bytes, at: start) } }
        }

        /// Whether the first word of `line` (its marks dropped) may be a key of `byFirstWord` or its letters begin a nick:
        /// false only where `candidates(for:)` is surely empty. The word ends at one of " :,*]>" as in `asciiOpening(of:)`;
        /// where that reading falls back to characters (a byte over 0x7F or a CR in the word, or over 0x7F after its end),
        /// the answer is true.
        private func mayOpenWithWord(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let asciiOpenings else { return true }
            var hash = ASCIIOpenings.seed
            var end = 0, letters = 0
            while end < line.count {
                let byte = line[end]
                if byte >= 0x80 || byte == 0x0D { return true }
                if NameIndex.isOpeningEnd(byte) { break }
                let lower = byte.asciiLowercased
                hash = ASCIIOpenings.hash(hash, lower)
                if letters == end, lower.isASCIILowercase { letters += 1 }
                end += 1
            }
            if end + 1 < line.count, line[end + 1] >= 0x80 { return true }
            if asciiOpenings.names(hash: hash) != nil { return true }
            // The nicks that the opening letters (four or more) begin.
            guard letters >= 4 else { return false }
            if !nicks.isEmpty { return true }
            guard mayBeginNick(line, at: 0) else { return false }
            return asciiNicks.contains { nick in
                nick.letters.count > letters && zip(nick.letters, line.prefix(letters)).allSatisfy { $0 == $1.asciiLowercased }
            }
        }

        /// Whether the two ASCII letters at `start` may begin a nick of five letters or more (see `nickPairs`).
        @inline(__always)
        private func mayBeginNick(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            let pair = Int(bytes[start].asciiLowercased &- 0x61) * 26 + Int(bytes[start + 1].asciiLowercased &- 0x61)
            return pair >= 26 * 26 || nickPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
        }

        /// What may follow a name for `speaker(of:names:)` to take the line, as bytes: `IntroductionRules.cues`, "also ", "phd ".
        private static let openingCues: [[UInt8]] = (IntroductionRules.cues + ["also ", "phd "]).map { Array($0.utf8) }

        /// Whether `IntroductionRules.speaker(of: text, names:)` may find someone: false only where it surely finds no one.
        /// `mayOpen(_:)` first; then, on the bytes of plain ASCII text (every byte a character), whether a name opens the
        /// line (or the line behind its speaker tag) with a cue after it. True for other text, or when a name may equal
        /// ASCII text without being it.
        func mayIntroduce(_ text: String) -> Bool {
            text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                let start = Self.wordStart(bytes)
                guard mayOpen(bytes, at: start, readingWord: false) else { return false }
                guard let openings = asciiOpenings, nicks.isEmpty, UTF8Search.isPlainASCII(bytes) else {
                    return mayOpen(bytes, at: start, readingWord: true)
                }
                // The byte rule reads the first word as `mayOpenWithWord(_:)` reads it on plain ASCII bytes, and more.
                return mayIntroduce(bytes, from: start, openings, behindTag: false)
            } ?? true
        }

        /// The first two bytes of each of `openingCues` (all lower-case, two bytes or more), as one number: a text whose two
        /// bytes there are those of no cue opens with none.
        private static let openingCuePairs: [UInt16] = openingCues.map { UInt16($0[0]) << 8 | UInt16($0[1]) }

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
            guard start + 1 < bytes.count else { return false }
            let pair = UInt16(bytes[start].asciiLowercased) << 8 | UInt16(bytes[start + 1].asciiLowercased)
            let pairs = openingCuePairs
            return pairs.indices.contains { cue in
                pairs[cue] == pair && openingCues[cue].withUnsafeBufferPointer { holds($0, in: bytes, at: start) }
            }
        }

        /// One round of `speaker(of:names:)` on the bytes from `start`: the names under the first word (`candidates(for:)`),
        /// each followed by one of " :,*]>", then a cue; or, after a tag (":", "]", ">") in the first round, the same once more.
        private func mayIntroduce(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ openings: ASCIIOpenings, behindTag: Bool) -> Bool {
            // The first word as `opening(of:)` reads it: its hash and the letters it opens with.
            var hash = ASCIIOpenings.seed
            var end = start, letters = 0
            while end < bytes.count, !NameIndex.isOpeningEnd(bytes[end]) {
                let lower = bytes[end].asciiLowercased
                hash = ASCIIOpenings.hash(hash, lower)
                if letters == end - start, lower.isASCIILowercase { letters += 1 }
                end += 1
            }
            // Whether a name of `length` bytes opening the text from `start` is followed by a cue (or by a tag, then a name and a cue).
            func followedByCue(_ length: Int) -> Bool {
                let after = start + length
                guard after < bytes.count, NameIndex.isOpeningEnd(bytes[after]) else { return false }
                var rest = after
                while rest < bytes.count, NameIndex.isOpeningEnd(bytes[rest]) { rest += 1 }
                if Self.opensWithCue(bytes, at: rest) { return true }
                let next = bytes[after]
                return !behindTag && (next == UInt8(ascii: ":") || next == UInt8(ascii: "]") || next == UInt8(ascii: ">"))
                    && mayIntroduce(bytes, from: rest, openings, behindTag: true)
            }
            // The letters alone, when a name: what follows them is looked at once.
            var lettersTried = false
            if let first = openings.names(hash: hash), openings.contains(from: first, where: { name in
                guard Self.holds(name, in: bytes, at: start) else { return false }
                if name.count == letters { lettersTried = true }
                return followedByCue(name.count)
            }) {
                return true
            }
            // A nick the opening letters (four or more) begin makes them a name; they are followed by what ends the word, if anything.
            guard !lettersTried, letters >= 4, letters == end - start, end < bytes.count, mayBeginNick(bytes, at: start) else { return false }
            let nickBegun = asciiNicks.contains { nick in
                nick.letters.count > letters && nick.letters.withUnsafeBufferPointer { Self.holds(UnsafeBufferPointer(rebasing: $0[..<letters]), in: bytes, at: start) }
            }
            return nickBegun && followedByCue(letters)
        }
    }
}
