import Foundation

/// What one pass over a text's UTF-8 bytes found (`String.findingsScan(_:)`).
struct FindingsByteScan {
    /// Bit n is set when the bytes hold `needles[n]`, ASCII letters compared in either case.
    var mentions: UInt
    /// Whether every character is one ASCII byte (`isPlainASCII`).
    var isPlainASCII: Bool
}

/// Lower-case ASCII needles (none empty, at most `UInt.bitWidth`) prepared once for `String.findingsScan(_:)`:
/// their bytes laid end to end, each looked for at its rarest byte in English text (its anchor, in either case), so
/// that eight bytes holding no anchor are passed over at once (as `ASCIINeedleSet` does, but in either case).
struct FindingsNeedles {
    /// The needles' bytes, one needle after the other.
    private let bytes: [UInt8]
    /// Where each needle's bytes start in `bytes`, how many there are, and the offset of its anchor among them.
    private let layout: [(start: Int, count: Int, anchor: Int)]
    /// For each byte value, the needles (one bit each) anchored on it, in either case.
    private let anchored: [UInt]
    /// Each anchor byte (both cases of a letter) repeated in the eight bytes of a word.
    private let anchorWords: AnchorBytes
    /// All the needles' bits.
    private let all: UInt

    /// Bytes from the most to the least common in English text; bytes not listed count as rarer still.
    private static let commonBytes = Array(" etaoinsrhldcumfpgwybv,.kxjqz".utf8)

    init(_ needles: [String]) {
        precondition(needles.count <= UInt.bitWidth && needles.allSatisfy { !$0.isEmpty })
        var bytes: [UInt8] = [], layout: [(start: Int, count: Int, anchor: Int)] = []
        var anchored = [UInt](repeating: 0, count: 256)
        for (bit, needle) in needles.enumerated() {
            let pattern = Array(needle.utf8)
            func rarity(_ byte: UInt8) -> Int { Self.commonBytes.firstIndex(of: byte) ?? Self.commonBytes.count }
            let anchor = pattern.indices.max { rarity(pattern[$0]) < rarity(pattern[$1]) } ?? 0
            layout.append((bytes.count, pattern.count, anchor))
            bytes.append(contentsOf: pattern)
            let byte = pattern[anchor]
            anchored[Int(byte)] |= 1 << UInt(bit)
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { anchored[Int(byte - 0x20)] |= 1 << UInt(bit) }
        }
        self.bytes = bytes
        self.layout = layout
        self.anchored = anchored
        anchorWords = AnchorBytes(anchored)
        all = needles.isEmpty ? 0 : UInt.max >> UInt(UInt.bitWidth - needles.count)
    }

    /// Which needles `text` holds at some offset, its ASCII letters compared in either case, and whether `text` is
    /// plain ASCII (`UTF8Search.isPlainASCII`), both read in one pass: each eight bytes are loaded once for the two
    /// questions, and only the bytes that may be anchors among them are looked at one by one.
    fileprivate func scan(_ text: UnsafeBufferPointer<UInt8>) -> FindingsByteScan {
        bytes.withUnsafeBufferPointer { needleBytes in
            anchored.withUnsafeBufferPointer { anchored in
                var found: UInt = 0
                /// Looks for the needles anchored on the byte at `position`.
                func lookAt(_ position: Int) {
                    var candidates = anchored[Int(text[position])] & ~found
                    while candidates != 0 {
                        let bit = candidates.trailingZeroBitCount
                        candidates &= candidates - 1
                        let (start, count, anchor) = layout[bit]
                        let first = position - anchor
                        guard first >= 0, first + count <= text.count else { continue }
                        var j = 0
                        while j < count && text[first + j].asciiLowercased == needleBytes[start + j] { j += 1 }
                        if j == count { found |= 1 << UInt(bit) }
                    }
                }
                guard let base = text.baseAddress else { return FindingsByteScan(mentions: 0, isPlainASCII: true) }
                let raw = UnsafeRawPointer(base)
                let highBits: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
                var isPlainASCII = true
                var i = 0
                while i + 8 <= text.count {
                    if found == all {
                        // Every needle is found: only the plain ASCII question is left for the remaining bytes.
                        if isPlainASCII { isPlainASCII = UTF8Search.isPlainASCII(UnsafeBufferPointer(rebasing: text[i...])) }
                        return FindingsByteScan(mentions: found, isPlainASCII: isPlainASCII)
                    }
                    if isPlainASCII {
                        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        let crs = word ^ (ones &* 0x0D)
                        if word & highBits != 0 || UTF8Search.zeroBytes(crs) != 0 { isPlainASCII = false }
                    }
                    // The top bit of each byte that may be an anchor (perhaps another byte too, which `anchored` refuses).
                    var mayAnchor = anchorWords.anchorBits(from: i, in: text)
                    while mayAnchor != 0 {
                        lookAt(i + mayAnchor.trailingZeroBitCount / 8)
                        mayAnchor &= mayAnchor - 1
                    }
                    i += 8
                }
                while i < text.count {
                    if text[i] >= 0x80 || text[i] == 0x0D { isPlainASCII = false }
                    if found != all { lookAt(i) }
                    i += 1
                }
                return FindingsByteScan(mentions: found, isPlainASCII: isPlainASCII)
            }
        }
    }
}

extension String {
    /// Which of `needles` (lower-case ASCII) the text's UTF-8 bytes hold with ASCII letters in
    /// either case, and whether the text is plain ASCII, found in one pass.
    ///
    /// A prefilter: a needle missing here is missing from the text matched exactly, and from the text
    /// lower-cased for needles without "i" or "k" (lower-casing yields no ASCII character that the text does
    /// not already hold in either case but "k", from KELVIN SIGN, and "i", from "İ", followed by a combining dot).
    func findingsScan(_ needles: FindingsNeedles) -> FindingsByteScan {
        let scan = utf8.withContiguousStorageIfAvailable { bytes in
            needles.scan(bytes)
        }
        // Bytes not stored contiguously cannot be read here: every needle may be there.
        return scan ?? FindingsByteScan(mentions: ~0, isPlainASCII: isPlainASCII)
    }
}

extension StringProtocol {
    /// The first `limit` words of `split(separator: " ")`, read on UTF-8 bytes; nil when a byte over 0x7F
    /// comes before the answer is known (a space next to it may belong to a larger character, so the
    /// characters must decide). Every space met before then stands between ASCII characters, a character
    /// of its own, so the bytes cut exactly where the characters would.
    func findingsLeadingWords(limit: Int = .max) -> [String]? {
        var words: [String] = []
        let decided = forEachFindingsLeadingWord(limit: limit) { words.append(String(decoding: $0, as: UTF8.self)) }
        return decided ? words : nil
    }

    /// How many words `findingsLeadingWords(limit:)` gives (nil when it gives nil), counted without making them.
    func findingsLeadingWordCount(limit: Int = .max) -> Int? {
        var count = 0
        return forEachFindingsLeadingWord(limit: limit) { _ in count += 1 } ? count : nil
    }

    /// Whether the first seven words of `split(separator: " ")` open as `FindingExtractor.assignee` needs a segment to:
    /// after a name of one or two words, "to" (or "will" when `allowingWill`), or "and", a word and then the marker,
    /// followed by a word that may be a lower-case verb (its first byte is a–z or not ASCII, or a byte that is not ASCII
    /// follows it: any other first character is one ASCII byte alone, or CR LF, neither lower-case). True when the bytes
    /// cannot tell (see
    /// `findingsLeadingWords(limit:)`), so that false is a sure no.
    func findingsMayOpenAssignment(allowingWill: Bool) -> Bool {
        // What each word is: 1 "to", 2 "will", 3 "and", 0 another; bit 2 set when it may be a lower-case verb.
        var kinds: UInt64 = 0, count = 0
        let decided = forEachFindingsLeadingWord(limit: 7) { word in
            var kind: UInt64 = isAssignmentMarker(word) ? (word.count == 2 ? 1 : 2) : 0
            if word.count == 3, word[0] == UInt8(ascii: "a"), word[1] == UInt8(ascii: "n"), word[2] == UInt8(ascii: "d") { kind = 3 }
            if let first = word.first,
               first >= 0x80 || (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) || (word.count > 1 && word[1] >= 0x80) {
                kind |= 4
            }
            kinds |= kind << UInt64(8 * count)
            count += 1
        }
        guard decided else { return true }
        func kind(_ index: Int) -> UInt64 { (kinds >> UInt64(8 * index)) & 3 }
        func mayBeVerb(_ index: Int) -> Bool { (kinds >> UInt64(8 * index)) & 4 != 0 }
        // As `assignee` reads the words.
        for nameLength in 1...2 where count > nameLength + 1 {
            var next = nameLength
            if kind(next) == 3, count > next + 3 { next += 2 }
            if (kind(next) == 1 || (allowingWill && kind(next) == 2)) && mayBeVerb(next + 1) { return true }
        }
        return false
    }

    /// Whether a sentence of the text (`FindingExtractor.sentenceSlices`) may open an assignment or hold " - " (as
    /// `findingsMayOpenAssignment(allowingWill: true)` or `holdsSpacedHyphen()` tells of it): some word "to" or "will"
    /// comes after one to four words the first of which may open a sentence (`String.mayOpenSentence(at:in:)`). Read
    /// on the bytes of plain ASCII text (`isPlainASCII`), where the words of a sentence are the runs of bytes other than
    /// spaces; true for any other text, so that false is a sure no.
    func findingsSomeSentenceMayOpenAssignment(isPlainASCII: Bool) -> Bool {
        guard isPlainASCII else { return true }
        let answer = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let count = bytes.count
            guard count >= 4 else { return false }
            /// Whether " - ", or " to " or " will " after a word that may open a sentence, starts at the space at `i`.
            @inline(__always)
            func opens(at i: Int) -> Bool {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: " ") { return true }
                let isMarker = (next == UInt8(ascii: "t") && bytes[i + 2] == UInt8(ascii: "o") && bytes[i + 3] == UInt8(ascii: " "))
                    || (next == UInt8(ascii: "w") && i + 5 < count && bytes[i + 2] == UInt8(ascii: "i") && bytes[i + 3] == UInt8(ascii: "l")
                        && bytes[i + 4] == UInt8(ascii: "l") && bytes[i + 5] == UInt8(ascii: " "))
                return isMarker && String.mayOpenSentence(withinFourWordsBefore: i, in: bytes)
            }
            // Each " to ", " will " and " - " is looked for at the spaces before the last three bytes, in order: eight
            // bytes at a time while eight such positions follow, the spaces among them found at once, then one by one.
            var i = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                let spaces: UInt64 = 0x2020_2020_2020_2020
                while i + 8 <= count - 3 {
                    // The top bit of each space byte (and perhaps of a "!" above one, which the byte test below refuses).
                    let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ spaces
                    var found = UTF8Search.zeroBytes(x)
                    while found != 0 {
                        let position = i + found.trailingZeroBitCount / 8
                        if bytes[position] == UInt8(ascii: " "), opens(at: position) { return true }
                        found &= found - 1
                    }
                    i += 8
                }
            }
            while i < count - 3 {
                if bytes[i] == UInt8(ascii: " "), opens(at: i) { return true }
                i += 1
            }
            return false
        }
        return answer ?? true
    }

    /// Whether one of the (at most) four words before `end` in plain ASCII `bytes` may be the first word of a sentence
    /// of `FindingExtractor.sentenceSlices`: it is the first word of the text, or it opens with a capital, "@" or "[" one
    /// space after a byte ".", "!" or "?" (where every sentence but the first starts, trimmed; more words may open a
    /// sentence than do). True too when one of the words holds a tab (a sentence's opening blanks are trimmed, and a
    /// word of tabs alone may be no word of it).
    static func mayOpenSentence(withinFourWordsBefore end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = end
        for word in 1...5 {
            while position > 0, bytes[position - 1] == UInt8(ascii: " ") { position -= 1 }
            // Only spaces before: the word before is the text's first (none when there is no word before `end`).
            if position == 0 { return word > 1 }
            guard word <= 4 else { return false }
            var start = position
            while start > 0, bytes[start - 1] != UInt8(ascii: " ") {
                start -= 1
                if bytes[start] == UInt8(ascii: "\t") { return true }
            }
            if start >= 2, bytes[start - 2].isSentenceEnd, bytes[start].opensSentence { return true }
            position = start
        }
        return false
    }

    /// Whether `word` is the bytes of "to" or "will".
    private func isAssignmentMarker(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        switch word.count {
        case 2: return word[0] == UInt8(ascii: "t") && word[1] == UInt8(ascii: "o")
        case 4: return word[0] == UInt8(ascii: "w") && word[1] == UInt8(ascii: "i") && word[2] == UInt8(ascii: "l") && word[3] == UInt8(ascii: "l")
        default: return false
        }
    }

    /// Calls `body` with the bytes of each of the first `limit` words of `split(separator: " ")`, read on UTF-8
    /// bytes; false when the bytes cannot tell (a byte over 0x7F before the answer is known, or bytes not stored
    /// contiguously), and then `body` may have seen some words.
    private func forEachFindingsLeadingWord(limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        let decided = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var count = 0
            var wordStart: Int?
            for i in bytes.indices {
                if bytes[i] != UInt8(ascii: " ") {
                    if wordStart == nil { wordStart = i }
                    continue
                }
                // A space must be a character by itself: next to a non-ASCII scalar that may join it (a combining mark
                // after it, a prepended mark before it) it may not be, and the characters decide.
                if i > 0, bytes[i - 1] >= 0x80, UTF8Scalars.scalar(endingAt: i, in: bytes)?.standsAlone != true { return false }
                if i + 1 < bytes.count, bytes[i + 1] >= 0x80, UTF8Scalars.scalar(startingAt: i + 1, in: bytes)?.scalar.standsAlone != true {
                    return false
                }
                guard let start = wordStart else { continue }
                body(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                count += 1
                wordStart = nil
                if count == limit { return true }
            }
            if let start = wordStart { body(UnsafeBufferPointer(rebasing: bytes[start...])) }
            return true
        }
        return decided ?? false
    }
}

extension String {
    /// `utf8.first`, read through the view's subscript, which is inlined (the generic `first` is a call for every
    /// class token of every block).
    @inline(__always)
    var firstUTF8Byte: UInt8? {
        let bytes = utf8
        return bytes.isEmpty ? nil : bytes[bytes.startIndex]
    }

    /// `hasSuffix(":")`, refused on the last byte first (a text ending in the character ":" ends in its byte).
    var hasColonSuffix: Bool {
        utf8.last == UInt8(ascii: ":") && hasSuffix(":")
    }
}

extension StringProtocol {
    /// `trimming(.blanks)`: without the spaces and tabs at either end, found on UTF-8 bytes when the blanks trimmed
    /// border ASCII bytes (then each is a character of its own: no combining mark after the first ones, no prepended
    /// mark before the last ones); any other text is trimmed character by character.
    func trimmingBlanksOnBytes() -> SubSequence {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let kept = utf8.withContiguousStorageIfAvailable { bytes -> Range<Int>? in
            var start = 0, end = bytes.count
            while start < end, isBlank(bytes[start]) { start += 1 }
            if start > 0, start < end, bytes[start] >= 0x80 { return nil }
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            if end < bytes.count, end > start, bytes[end - 1] >= 0x80 { return nil }
            return start..<end
        }
        guard let kept, let kept else { return trimming(.blanks) }
        let start = utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)
        return self[start..<utf8.index(start, offsetBy: kept.count)]
    }

    /// `firstIndex(of: character)` for an ASCII `character`, found on UTF-8 bytes when its first byte is a character
    /// of its own (ASCII or nothing on either side, and not the LF of a CR LF); else the characters decide.
    func firstIndexOfASCII(_ character: UInt8) -> Index? {
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            guard let found = UTF8Search.offset(of: character, in: bytes) else { return .some(nil) }
            let before = found > 0 ? bytes[found - 1] : 0
            let after = found + 1 < bytes.count ? bytes[found + 1] : 0
            guard before < 0x80, after < 0x80, !(character == 0x0A && before == 0x0D) else { return nil }
            return .some(found)
        }
        guard let found, let found else { return firstIndex(of: Character(Unicode.Scalar(character))) }
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// Whether the UTF-8 bytes hold " - " (a hyphen between spaces), looked for at each hyphen.
    func holdsSpacedHyphen() -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var from = 1
            while let dash = UTF8Search.offset(of: UInt8(ascii: "-"), in: bytes, from: from) {
                if dash + 1 < bytes.count, bytes[dash - 1] == UInt8(ascii: " "), bytes[dash + 1] == UInt8(ascii: " ") { return true }
                from = dash + 1
            }
            return false
        }
        return found ?? holdsBytes(" - ")
    }
}

extension String {
    /// `range(of: needle, options: .backwards, range: start..<endIndex)` for a plain ASCII `needle` without "K", ";" or
    /// "`": the last match of its bytes, taken as it stands when ASCII (or an end) is on both sides of it; no byte match
    /// is no match; else Foundation decides.
    func lastRangeOfASCII(_ needle: String, from start: Index) -> Range<Index>? {
        let offset = utf8.distance(from: utf8.startIndex, to: start)
        let found = utf8.withContiguousStorageIfAvailable { bytes in
            needle.utf8.withContiguousStorageIfAvailable { pattern -> Int?? in
                var from = offset, last: Int?
                while let hit = UTF8Search.offset(of: pattern, in: bytes, from: from) {
                    last = hit
                    from = hit + 1
                }
                guard let last else { return .some(nil) }
                let end = last + pattern.count
                let before = last > 0 ? bytes[last - 1] : 0, after = end < bytes.count ? bytes[end] : 0
                return before < 0x80 && after < 0x80 ? .some(last) : nil
            }
        }
        guard let found, let found, let found else { return range(of: needle, options: .backwards, range: start..<endIndex) }
        return found.map { first in
            let lower = utf8.index(utf8.startIndex, offsetBy: first)
            return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
        }
    }

    /// Whether the first bytes of `self` and `other` are both ASCII and differ: then the first characters differ (each
    /// one's canonical decomposition starts with that byte), and so does every text starting with them.
    func startsUnlike(_ other: String) -> Bool {
        guard let a = utf8.first, let b = other.utf8.first else { return false }
        return a < 0x80 && b < 0x80 && a != b
    }
}

extension UInt8 {
    /// Whether the byte is one of the bytes of `set` (a few ASCII characters), compared in place: `"abc".utf8.contains(byte)`
    /// goes through a generic collection search that costs ten times more, and every block asks such a question.
    @inline(__always)
    func isOne(of set: StaticString) -> Bool {
        let bytes = UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount)
        for byte in bytes where byte == self { return true }
        return false
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is a character by itself next to any scalar but those of other scripts' clusters: Latin-1,
    /// Latin Extended-A and -B, IPA and spacing modifier letters (U+00A0–U+02FF), General Punctuation's dashes, quotes,
    /// bullets and primes (U+2010–U+2027, U+2030–U+205E) and currency signs (U+20A0–U+20C0). None of them is a
    /// combining, prepended, spacing or joining mark (the soft hyphen U+00AD is a control, a character by itself too).
    var standsAlone: Bool {
        switch value {
        case 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: return true
        default: return false
        }
    }
}

/// Unicode scalars read from valid UTF-8 bytes (a String's) in place.
enum UTF8Scalars {
    /// The scalar whose encoding starts at `offset` (a lead byte) and how many bytes it takes; nil past the end.
    static func scalar(startingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int)? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        guard lead >= 0x80 else { return (Unicode.Scalar(lead), 1) }
        // The lead byte gives the length, the others six bits each.
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard offset + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for next in 1..<length { value = value << 6 | UInt32(bytes[offset + next] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// The scalar whose encoding ends just before `end`; nil at the start.
    static func scalar(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var start = end - 1
        while start > 0, end - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0, let (scalar, length) = scalar(startingAt: start, in: bytes), start + length == end else { return nil }
        return scalar
    }
}

/// What a search of UTF-8 bytes for a few ASCII words tells (`String.findingsHoldsSpacedToOrWill()`).
enum FindingsWordSearch {
    /// A word is there, as `containsASCII` finds it.
    case found
    /// None of the words' bytes are there: `containsASCII` finds none of them.
    case absent
    /// The bytes cannot tell (a match before a non-ASCII byte, or bytes not stored contiguously).
    case undecided
}

extension String {
    /// Whether the text holds " to " or " will " as `containsASCII` finds each: the bytes are compared at each space in
    /// one plain loop, which costs less than an anchored scan where nearly every eight bytes of English hold an "o" or
    /// a "w". A match before ASCII (or the end) is found (as `containsASCII` takes a first match there); the first match
    /// before a non-ASCII byte, which a combining mark may join, leaves the answer undecided.
    func findingsHoldsSpacedToOrWill() -> FindingsWordSearch {
        let answer = utf8.withContiguousStorageIfAvailable { bytes -> FindingsWordSearch in
            let count = bytes.count
            guard count >= 4 else { return .absent }
            for i in 0...(count - 4) where bytes[i] == UInt8(ascii: " ") {
                let end: Int
                if bytes[i + 1] == UInt8(ascii: "t"), bytes[i + 2] == UInt8(ascii: "o"), bytes[i + 3] == UInt8(ascii: " ") {
                    end = i + 4
                } else if i + 6 <= count, bytes[i + 1] == UInt8(ascii: "w"), bytes[i + 2] == UInt8(ascii: "i"),
                          bytes[i + 3] == UInt8(ascii: "l"), bytes[i + 4] == UInt8(ascii: "l"), bytes[i + 5] == UInt8(ascii: " ") {
                    end = i + 6
                } else {
                    continue
                }
                return end == count || bytes[end] < 0x80 ? .found : .undecided
            }
            return .absent
        }
        return answer ?? .undecided
    }
}

extension String {
    /// `findingsHoldsSpacedToOrWill()` and `FindingExtractor.ProseCue.mayApply(to:)` found in one pass over the bytes:
    /// " to " and " will " at each space, and the rarer words ("onsensus", "gree", "voted", "onclude", " in favo",
    /// `ProseCue.rarerWords`) at their rarest bytes, as `containsASCII` finds each (a match before ASCII or the end counts;
    /// a first match before a non-ASCII byte leaves the answer to them). Nil when the bytes cannot tell.
    func findingsProseCues() -> (toOrWill: FindingsWordSearch, mayApply: Bool)? {
        let answer = utf8.withContiguousStorageIfAvailable { bytes -> (toOrWill: FindingsWordSearch, mayApply: Bool)? in
            let count = bytes.count
            /// Where `pattern` ends when its bytes stand at `start`, nil when they do not.
            func end(of pattern: StaticString, at start: Int) -> Int? {
                let length = pattern.utf8CodeUnitCount
                guard start >= 0, start + length <= count else { return nil }
                let pattern = UnsafeBufferPointer(start: pattern.utf8Start, count: length)
                for offset in 0..<length where bytes[start + offset] != pattern[offset] { return nil }
                return start + length
            }
            // The bytes looked at: spaces, and the rarer words' anchors "u" (of "onsensus" and "onclude"), "g" and "v"
            // while none of them is found (bit n of the mask for byte n - 64).
            let u: UInt64 = 1 << UInt64(UInt8(ascii: "u") - 64), g: UInt64 = 1 << UInt64(UInt8(ascii: "g") - 64)
            let anchors: UInt64 = u | g | 1 << UInt64(UInt8(ascii: "v") - 64)
            var rarer = false
            for i in 0..<count {
                let byte = bytes[i]
                var rarerEnd: Int?
                if byte == UInt8(ascii: " ") {
                    if let end = end(of: " to ", at: i) ?? end(of: " will ", at: i) {
                        return end == count || bytes[end] < 0x80 ? (.found, true) : nil
                    }
                    if !rarer { rarerEnd = end(of: " in favo", at: i) }
                } else if byte >= 64, byte < 128, (anchors >> UInt64(byte - 64)) & 1 != 0, !rarer {
                    switch byte {
                    case UInt8(ascii: "u"): rarerEnd = end(of: "onsensus", at: i - 6) ?? end(of: "onclude", at: i - 4)
                    case UInt8(ascii: "g"): rarerEnd = end(of: "gree", at: i)
                    default: rarerEnd = end(of: "voted", at: i)
                    }
                }
                guard let rarerEnd else { continue }
                guard rarerEnd == count || bytes[rarerEnd] < 0x80 else { return nil }
                rarer = true
            }
            return (.absent, rarer)
        }
        return answer ?? nil
    }
}
