import Foundation

/// The parts of names that the merges of one person listed twice compare.
extension ParticipantExtractor {
    /// The folded first name and surname of a two-word name whose surname has five characters or more, as
    /// `mergeMisspellings(_:texts:)` compares them; nil for any other name. A plain ASCII name is read on the bytes of its
    /// folded form, which holds no white space but single spaces between its words (no CR: every character a byte).
    static func misspellingParts(_ name: String) -> (first: String, last: String)? {
        // Plain ASCII without a white-space byte (09–0D, 20) folds to one word: most nicks are refused unfolded.
        let ascii = name.isPlainASCII
        if ascii, !name.utf8.contains(where: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { return nil }
        guard ascii else { return misspellingPartsRule(name) }
        let folded = TextRules.fold(name)
        let parts = folded.utf8.withContiguousStorageIfAvailable { bytes -> (first: String, last: String)? in
            // Two words: one space, the surname after it.
            guard let space = bytes.firstIndex(of: 0x20), !bytes[(space + 1)...].contains(0x20), bytes.count - space - 1 >= 5 else { return nil }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<space]), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[(space + 1)...]), as: UTF8.self))
        }
        return parts ?? misspellingPartsRule(name)
    }

    /// `misspellingParts(_:)` as the rule is written, for any name.
    static func misspellingPartsRule(_ name: String) -> (first: String, last: String)? {
        if !name.utf8.contains(where: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }), name.isPlainASCII { return nil }
        let folded = TextRules.fold(name)
        // Without a space byte the folded name is one word.
        guard folded.holdsByte(0x20) else { return nil }
        let words = folded.splitOnSpaces().map(String.init)
        guard words.count == 2, let first = words.first, let last = words.last, last.count >= 5 else { return nil }
        return (first, last)
    }
}
