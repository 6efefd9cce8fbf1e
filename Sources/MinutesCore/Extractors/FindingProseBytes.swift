import Foundation

/// What one pass over a text's UTF-8 bytes tells `FindingExtractor.proseFindings` before any of its rules runs.
struct FindingProseBytes {
    /// `String.findingsProseCues()`: whether " to " or " will " is there and whether a prose rule may apply; nil when the
    /// bytes cannot tell.
    let cues: (toOrWill: FindingsWordSearch, mayApply: Bool)?
    /// Whether the bytes hold "onsensus", "onclude", "gree", "voted" or " in favo", ASCII letters in either case. Every
    /// word of `FindingExtractor.ProseCue.needles` but " favo" holds one of them, so false means that a scan of the text
    /// (or of any part of it) for those needles finds none of them but perhaps " favo", which decides nothing alone
    /// (`isWholeLineDecision` needs " in favo" or one of the others).
    let mayHoldAgreementWords: Bool
}

extension String {
    /// `findingsProseCues()` and whether the agreement words may be there (`FindingProseBytes`), in one pass: eight bytes
    /// at a time, only the spaces before "t", "w" or "i" and the bytes "u", "g" and "v" (in either case) are looked at
    /// one by one, where the byte rules of `findingsProseCues()` are read as written there. Nil when the bytes are not
    /// stored contiguously.
    func findingsProseBytes() -> FindingProseBytes? {
        utf8.withContiguousStorageIfAvailable { bytes -> FindingProseBytes in
            var reader = FindingProseByteReader(bytes: bytes)
            return reader.read()
        }
    }
}

/// The state of `String.findingsProseBytes()` as it reads the bytes.
private struct FindingProseByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The answer of `findingsProseCues()` once known (`.some(nil)`: undecided).
    var cues: (toOrWill: FindingsWordSearch, mayApply: Bool)??
    /// A rarer word of `ProseCue.rarerWords` is found, as `findingsProseCues()` finds them (in their case).
    var rarer = false
    /// A rarer word is found in either case.
    var anyCase = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether `pattern` (lower-case ASCII) stands at `start`, compared exactly or, when `anyCase`, letters in either case;
    /// where it ends when it does.
    @inline(__always)
    private func end(of pattern: StaticString, at start: Int, anyCase: Bool = false) -> Int? {
        let length = pattern.utf8CodeUnitCount
        guard start >= 0, start + length <= bytes.count else { return nil }
        let pattern = UnsafeBufferPointer(start: pattern.utf8Start, count: length)
        for offset in 0..<length {
            let byte = anyCase ? bytes[start + offset].asciiLowercased : bytes[start + offset]
            if byte != pattern[offset] { return nil }
        }
        return start + length
    }

    /// Reads the byte at `i` for both questions still open.
    @inline(__always)
    private mutating func visit(_ i: Int) {
        let byte = bytes[i]
        if cues == nil {
            // As `findingsProseCues()` reads the byte.
            var rarerEnd: Int?
            if byte == UInt8(ascii: " ") {
                // Each word after the space is told by its first byte.
                let next = i + 1 < bytes.count ? bytes[i + 1] : 0
                let marker = next == UInt8(ascii: "t") ? end(of: " to ", at: i) : next == UInt8(ascii: "w") ? end(of: " will ", at: i) : nil
                if let end = marker {
                    cues = end == bytes.count || bytes[end] < 0x80 ? .some((.found, true)) : .some(nil)
                } else if !rarer, next == UInt8(ascii: "i") {
                    rarerEnd = end(of: " in favo", at: i)
                }
            } else if !rarer {
                switch byte {
                case UInt8(ascii: "u"): rarerEnd = end(of: "onsensus", at: i - 6) ?? end(of: "onclude", at: i - 4)
                case UInt8(ascii: "g"): rarerEnd = end(of: "gree", at: i)
                case UInt8(ascii: "v"): rarerEnd = end(of: "voted", at: i)
                default: break
                }
            }
            if let rarerEnd {
                rarer = true
                anyCase = true
                if rarerEnd < bytes.count, bytes[rarerEnd] >= 0x80 { cues = .some(nil) }
            }
        }
        if !anyCase { visitAnyCase(i) }
    }

    /// Looks for the rarer words in either case at their anchors "u", "g" and "v" (" in favo" at its "v").
    @inline(__always)
    private mutating func visitAnyCase(_ i: Int) {
        switch bytes[i].asciiLowercased {
        case UInt8(ascii: "u"): anyCase = end(of: "onsensus", at: i - 6, anyCase: true) != nil || end(of: "onclude", at: i - 4, anyCase: true) != nil
        case UInt8(ascii: "g"): anyCase = end(of: "gree", at: i, anyCase: true) != nil
        case UInt8(ascii: "v"): anyCase = end(of: "voted", at: i, anyCase: true) != nil || end(of: " in favo", at: i - 6, anyCase: true) != nil
        default: break
        }
    }

    /// Reads the bytes: eight at a time while eight more follow, the candidates among them visited in order; once
    /// " to " or " will " decides the cues, only the anchors of the rarer words in either case are candidates.
    mutating func read() -> FindingProseBytes {
        let count = bytes.count
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, caseBits: UInt64 = ones &* 0x20
            /// The top bit of each byte of `word` equal to `byte` (and perhaps of a byte above one, which `visit` refuses).
            func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
                UTF8Search.zeroBytes(word ^ (ones &* UInt64(byte)))
            }
            /// The top bit of each byte of `lower` (bytes with bit 0x20 set) that may be "u", "g" or "v" in either case.
            func anchors(_ lower: UInt64) -> UInt64 {
                equal(lower, UInt8(ascii: "u")) | equal(lower, UInt8(ascii: "g")) | equal(lower, UInt8(ascii: "v"))
            }
            while cues == nil, i + 9 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let next = raw.loadUnaligned(fromByteOffset: i + 1, as: UInt64.self) | caseBits
                let spaces = equal(word, UInt8(ascii: " "))
                    & (equal(next, UInt8(ascii: "t")) | equal(next, UInt8(ascii: "w")) | equal(next, UInt8(ascii: "i")))
                var candidates = spaces | anchors(word | caseBits)
                while candidates != 0 {
                    visit(i + candidates.trailingZeroBitCount / 8)
                    candidates &= candidates - 1
                }
                i += 8
            }
            if cues != nil {
                while !anyCase, i + 8 <= count {
                    var candidates = anchors(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | caseBits)
                    while candidates != 0, !anyCase {
                        visitAnyCase(i + candidates.trailingZeroBitCount / 8)
                        candidates &= candidates - 1
                    }
                    i += 8
                }
            }
        }
        // The last bytes one by one, only a space or one of the anchors visited.
        while i < count, cues == nil || !anyCase {
            let lower = bytes[i] | 0x20
            if lower == UInt8(ascii: " ") || lower == UInt8(ascii: "u") || lower == UInt8(ascii: "g") || lower == UInt8(ascii: "v") { visit(i) }
            i += 1
        }
        return FindingProseBytes(cues: cues ?? (.absent, rarer), mayHoldAgreementWords: anyCase)
    }
}
