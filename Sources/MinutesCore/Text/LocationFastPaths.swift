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
            /// ASCII white space (with the information separators, which some definitions count) or a non-ASCII byte.
            func mayBeSpace(_ byte: UInt8) -> Bool {
                byte >= 0x80 || byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x1F)
            }
            /// The offset after the run of possible white space from `start`, nil when the run is empty.
            func afterSpaces(_ start: Int) -> Int? {
                var end = start
                while end < bytes.count, mayBeSpace(bytes[end]) { end += 1 }
                return end > start ? end : nil
            }
            guard bytes.count >= 4 else { return false }
            for second in 1..<bytes.count {
                let byte = bytes[second], previous = bytes[second - 1]
                guard (byte == UInt8(ascii: "n") && previous == UInt8(ascii: "i")) || (byte == UInt8(ascii: "t") && previous == UInt8(ascii: "a"))
                else { continue }
                if second >= 2, bytes[second - 2].isASCIIWordByte { continue }
                guard let next = afterSpaces(second + 1), next < bytes.count else { continue }
                if bytes[next].isASCIIUppercase { return true }
                if next + 3 < bytes.count, bytes[next] == UInt8(ascii: "t"), bytes[next + 1] == UInt8(ascii: "h"), bytes[next + 2] == UInt8(ascii: "e"),
                   let word = afterSpaces(next + 3), word < bytes.count, bytes[word].isASCIIUppercase {
                    return true
                }
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
