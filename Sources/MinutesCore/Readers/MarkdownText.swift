/// Byte-level text rules of the Markdown walker, which collects a block's text as UTF-8 bytes
/// and makes one `String` per emitted text instead of one per cmark-gfm node.
///
/// Each answers exactly as the `String` rule it stands for (`TextRules.collapseWhitespace`,
/// `TextRules.isBlank`, `Substring.contains`, `String.hasPrefix`); `MarkdownTextTests` compares
/// them on random texts.
enum MarkdownText {
    /// UTF-8 bytes of a block's text, or part of them.
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// `TextRules.collapseWhitespace` of the text that `bytes` hold: runs of white space become one
    /// space, none at the ends. Written on the bytes unless they hold a white-space character
    /// beyond ASCII (no-break space, U+2000…U+200A, …), which the `String` rule decides.
    static func collapsed(_ bytes: Bytes) -> String {
        collapsedOnBytes(bytes) ?? TextRules.collapseWhitespace(String(decoding: bytes, as: UTF8.self))
    }

    /// `bytes` with every run of ASCII white space (tab, line feed, vertical tab, form feed,
    /// carriage return, space) made one space and none kept at the ends, which is
    /// `TextRules.collapseWhitespace` for a text without white space beyond ASCII; nil for a text with some.
    static func collapsedOnBytes(_ bytes: Bytes) -> String? {
        let source = UnsafeBufferPointer(rebasing: bytes)
        guard let start = source.baseAddress, !source.isEmpty else { return "" }
        let stop = start + source.count
        var sawNonASCIISpace = false
        let text = String(unsafeUninitializedCapacity: source.count) { out in
            guard let base = out.baseAddress else { return 0 }
            // A space is written at once for the first white space after a word, and taken back at the end.
            var end = base
            var next = start
            // Whether the output so far is empty or ends with a space (kept here, not read back from it).
            var afterSpace = true
            while next < stop {
                // Eight bytes at a time while none is white space, a control or beyond ASCII
                // (0x21…0x7F each): the lowest byte that is not is the first to look at.
                if stop - next >= 8 {
                    let raw = UnsafeRawPointer(next).loadUnaligned(as: UInt64.self)
                    let word = UInt64(littleEndian: raw)
                    // Eight ASCII bytes whose white space is single characters after a word: each made a space at once.
                    if let spaced = spacedWord(word, afterSpace: afterSpace) {
                        UnsafeMutableRawPointer(end).storeBytes(of: spaced.littleEndian, as: UInt64.self)
                        afterSpace = spaced >> 56 == 0x20
                        end += 8
                        next += 8
                        continue
                    }
                    let special = (word | (word &- 0x2121_2121_2121_2121)) & 0x8080_8080_8080_8080
                    // The output never runs ahead of the input, so eight bytes fit at `end`.
                    UnsafeMutableRawPointer(end).storeBytes(of: raw, as: UInt64.self)
                    let plain = special == 0 ? 8 : special.trailingZeroBitCount / 8
                    if plain > 0 { afterSpace = false }
                    end += plain
                    next += plain
                    if plain == 8 { continue }
                }
                let byte = next.pointee
                if byte > 0x20 {
                    if byte &- 0xC2 <= 0xE3 - 0xC2, startsNonASCIISpace(next, stop - next) {
                        sawNonASCIISpace = true
                        return 0
                    }
                    end.pointee = byte
                    end += 1
                    afterSpace = false
                } else if UTF8Search.isASCIIWhitespace(byte) {
                    if !afterSpace {
                        end.pointee = 0x20
                        end += 1
                        afterSpace = true
                    }
                } else {
                    end.pointee = byte
                    end += 1
                    afterSpace = false
                }
                next += 1
            }
            if afterSpace, end != base { end -= 1 }
            return end - base
        }
        return sawNonASCIISpace ? nil : text
    }

    /// Eight bytes (`word`, the first lowest) as `collapsedOnBytes` writes them when they are all ASCII
    /// and every white space among them is a single character (none next to another, nor first when
    /// `afterSpace`: the output so far is empty or ends with a space): each white space made a space.
    /// Nil for other bytes (a control that is not white space, a byte beyond ASCII, white space in a
    /// run or opening the output), which are written one at a time.
    @inline(__always)
    static func spacedWord(_ word: UInt64, afterSpace: Bool) -> UInt64? {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        guard word & high == 0 else { return nil }
        // With each byte's high bit set first no subtraction borrows from the next byte:
        // a byte's high bit is left set exactly when the byte is at least the one subtracted.
        let lifted = word | high
        let atLeast21 = (lifted &- 0x21 &* ones) & high
        if atLeast21 == high { return word }
        let atLeast20 = (lifted &- 0x20 &* ones) & high
        let atLeast09 = (lifted &- 0x09 &* ones) & high
        let atLeast0E = (lifted &- 0x0E &* ones) & high
        // White space: 0x20, or 0x09…0x0D; every other byte below 0x21 is a control.
        let space = (atLeast20 & ~atLeast21) | (atLeast09 & ~atLeast0E)
        guard space | atLeast21 == high, space & (space << 8) == 0, !(afterSpace && space & 0x80 != 0) else { return nil }
        let spaceBytes = (space >> 7) &* 0xFF
        return (word & ~spaceBytes) | (0x2020_2020_2020_2020 & spaceBytes)
    }

    /// Whether the `count` bytes at `bytes` start with a white-space character beyond ASCII: U+0085,
    /// U+00A0, U+1680, U+2000…U+200A, U+2028, U+2029, U+202F, U+205F or U+3000 (Unicode's White_Space list).
    static func startsNonASCIISpace(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard count >= 2 else { return false }
        let second = bytes[1]
        let third: UInt8 = count >= 3 ? bytes[2] : 0
        switch bytes[0] {
        case 0xC2: return second == 0x85 || second == 0xA0
        case 0xE1: return second == 0x9A && third == 0x80
        case 0xE2:
            if second == 0x80 { return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF }
            return second == 0x81 && third == 0x9F
        case 0xE3: return second == 0x80 && third == 0x80
        default: return false
        }
    }

    /// `TextRules.isBlank` of the text `bytes` hold, told on the bytes unless they hold bytes beyond
    /// ASCII and no ASCII byte but white space: a byte that is ASCII and not white space belongs to a
    /// character that is not white space.
    static func isBlank(_ bytes: Bytes) -> Bool {
        var sawNonASCII = false
        for byte in bytes where !UTF8Search.isASCIIWhitespace(byte) {
            if byte < 0x80 { return false }
            sawNonASCII = true
        }
        return !sawNonASCII || TextRules.isBlank(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether `bytes` hold `first` directly followed by `second`.
    static func holdsPair(_ first: UInt8, _ second: UInt8, in bytes: Bytes) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == first, byte == second { return true }
            previous = byte
        }
        return false
    }

    /// `line.prefix(60).contains(":")` (Foundation's search), answered on the bytes when the first
    /// 61 of them are ASCII: then the first 60 characters are the first 60 bytes.
    static func labelColonOpens(_ line: String) -> Bool {
        let head = line.utf8.prefix(61)
        guard head.allSatisfy({ $0 < 0x80 }) else { return line.prefix(60).contains(":") }
        return head.prefix(60).contains(UInt8(ascii: ":"))
    }

    /// `String(cString: html).lowercased().hasPrefix("<br")`, with the bytes checked first: only
    /// `<`, then `b` or `B`, then `r` or `R` lower-case to `<br`.
    static func opensLineBreakTag(_ html: UnsafePointer<CChar>) -> Bool {
        let bytes = UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self)
        guard bytes[0] == UInt8(ascii: "<"), bytes[1] | 0x20 == UInt8(ascii: "b"), bytes[2] | 0x20 == UInt8(ascii: "r") else { return false }
        return String(cString: html).lowercased().hasPrefix("<br")
    }
}
