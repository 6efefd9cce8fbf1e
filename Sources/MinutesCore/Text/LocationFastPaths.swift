import Foundation

/// Byte-level refusals for `LocationExtractor` (the label refusal serves the related-documents rules too): each answers
/// false only for texts that its rule (a regular expression, a case-insensitive Foundation search or a label list)
/// cannot match, so the rule runs on the few texts left.
extension StringProtocol {
    /// Whether the UTF-8 bytes hold "held " with its ASCII letters in either case: without them, neither the byte search
    /// of `rangeOfASCIIIgnoringCase("held ")` nor Foundation's case-insensitive search finds it (no character but
    /// "H", "E", "L", "D" and the space folds to "h", "e", "l", "d" or " ", and a match inside a larger character, such
    /// as "h" of "ẖ", is none).
    func locationHoldsHeldBytes() -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            // "h" is looked for first; the other four bytes are compared after it.
            guard bytes.count >= 5 else { return false }
            for start in 0...(bytes.count - 5) where bytes[start] | 0x20 == UInt8(ascii: "h") {
                if bytes[start + 1] | 0x20 == UInt8(ascii: "e"), bytes[start + 2] | 0x20 == UInt8(ascii: "l"),
                   bytes[start + 3] | 0x20 == UInt8(ascii: "d"), bytes[start + 4] == UInt8(ascii: " ") {
                    return true
                }
            }
            return false
        }
        // Bytes not stored contiguously: the rule decides.
        return answer ?? true
    }

    /// Whether the UTF-8 bytes may hold what `LocationExtractor`'s sentence pattern needs after its event word:
    /// `\b(?:in|at)\s+(?:the\s+)?[A-Z]`. The byte before "in"/"at" must not be an ASCII word byte (letter, digit, "_");
    /// each run of `\s` is looked for as a run of ASCII white space or non-ASCII bytes (every other white space is
    /// non-ASCII), which ends where the pattern's next ASCII byte ("t" or a capital) is. False is a sure no.
    func locationMayNamePlaceAfterInOrAt() -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            func afterSpaces(_ start: Int) -> Int? { LocationPairScan.afterSpaces(in: bytes, from: start) }
            /// Whether the pattern may start with the "in" or "at" whose second byte is at `second`.
            func mayOpen(at second: Int) -> Bool {
                if second >= 2, bytes[second - 2].isASCIIWordByte { return false }
                guard let next = afterSpaces(second + 1), next < bytes.count else { return false }
                if bytes[next].isASCIIUppercase { return true }
                return next + 3 < bytes.count && bytes[next] == UInt8(ascii: "t") && bytes[next + 1] == UInt8(ascii: "h")
                    && bytes[next + 2] == UInt8(ascii: "e") && afterSpaces(next + 3).map { $0 < bytes.count && bytes[$0].isASCIIUppercase } == true
            }
            guard bytes.count >= 4 else { return false }
            var second = 1
            // Eight pairs at a time (`LocationPairScan`), then one by one.
            while second + 8 <= bytes.count {
                var pairs = LocationPairScan.inOrAtSeconds(in: bytes, from: second - 1)
                while pairs != 0 {
                    if mayOpen(at: second + pairs.trailingZeroBitCount / 8) { return true }
                    pairs &= pairs - 1
                }
                second += 8
            }
            while second < bytes.count {
                let byte = bytes[second], previous = bytes[second - 1]
                if (byte == UInt8(ascii: "n") && previous == UInt8(ascii: "i")) || (byte == UInt8(ascii: "t") && previous == UInt8(ascii: "a")),
                   mayOpen(at: second) {
                    return true
                }
                second += 1
            }
            return false
        }
        return answer ?? true
    }

    /// Whether the label `TextRules.labelled` finds in the text may lower-case to a label starting with one of
    /// `initials` (lower-case ASCII letters) once the ASCII `marks` around it are dropped: false when the first byte
    /// that is not one of `marks` (at least "*", "_" and the space, which `labelled` drops) is ASCII but neither case
    /// of one of them (then it starts the label's first character, or follows marks that the label keeps, which no
    /// initial is; and no other character lower-cases to an ASCII letter but KELVIN SIGN, which is non-ASCII).
    func mayOpenWithLabel(startingWithOneOf initials: StaticString, after marks: StaticString = "*_ ") -> Bool {
        guard let first = utf8.first(where: { !$0.isOne(of: marks) }), first < 0x80 else { return true }
        return first.asciiLowercased.isOne(of: initials)
    }
}

/// Finds the pairs of bytes "in" and "at" eight at a time, with the bytes read as numbers (SWAR).
enum LocationPairScan {
    /// ASCII white space (with the information separators, which some definitions count) or a non-ASCII byte.
    @inline(__always)
    static func mayBeSpace(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x1F)
    }

    /// The offset after the run of possible white space (`mayBeSpace`) of `bytes` from `start`, nil when the run is empty.
    @inline(__always)
    static func afterSpaces<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, from start: Int) -> Int? where Bytes.Index == Int {
        var end = start
        while end < bytes.count, mayBeSpace(bytes[end]) { end += 1 }
        return end > start ? end : nil
    }

    /// For the eight pairs of `bytes` starting at `start` ..< `start + 8` (`start + 9` bytes or more must follow
    /// `bytes`' start), the high bit of byte `k` is set when `bytes[start + k]` and `bytes[start + k + 1]` are "i" and "n"
    /// or "a" and "t".
    @inline(__always)
    static func inOrAtSeconds(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let firsts = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self).littleEndian
        let seconds = raw.loadUnaligned(fromByteOffset: start + 1, as: UInt64.self).littleEndian
        let each: UInt64 = 0x0101_0101_0101_0101
        let i = UInt64(UInt8(ascii: "i")) &* each, n = UInt64(UInt8(ascii: "n")) &* each
        let a = UInt64(UInt8(ascii: "a")) &* each, t = UInt64(UInt8(ascii: "t")) &* each
        let zeroBytes = UTF8Search.exactZeroBytes
        return (zeroBytes(firsts ^ i) & zeroBytes(seconds ^ n)) | (zeroBytes(firsts ^ a) & zeroBytes(seconds ^ t))
    }
}
