import Foundation

extension FindingExtractor {
    /// `text.filter(\.isLetter)`, on the bytes of plain ASCII text (`withPlainASCIIBytes`), where the letters are
    /// A–Z and a–z, each a character of its own; any other text character by character.
    static func letters(of text: String) -> String {
        let onBytes = text.withPlainASCIIBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes where (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
                    out[count] = byte
                    count += 1
                }
                return count
            }
        }
        return onBytes ?? text.filter(\.isLetter)
    }
}

extension FindingExtractor {
    /// `speakerTag(text)` read on the UTF-8 bytes when the bytes up to the byte after the first "]" are ASCII without CR
    /// (each then a character of its own: the "[" is the first character, the "]" the first such character, and the
    /// tag's trimming and `TextRules.isNick` are those of the bytes); nil (not decided here) for any other text.
    static func speakerTagOnBytes(_ text: String) -> (tag: String, rest: Substring)?? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> (tag: String, close: Int)?? in
            guard bytes.first == UInt8(ascii: "[") else { return .some(nil) }
            guard let close = UTF8Search.offset(of: UInt8(ascii: "]"), in: bytes) else {
                // No "]" byte: no "]" character, but only when the "[" stands alone (no mark joins it).
                return bytes.count < 2 || bytes[1] < 0x80 ? .some(nil) : nil
            }
            let checked = min(bytes.count, close + 2)
            for i in 0..<checked where bytes[i] >= 0x80 || bytes[i] == 0x0D { return nil }
            func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            var start = 1, end = close
            while start < end, isBlank(bytes[start]) { start += 1 }
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            // `TextRules.isNick` of plain ASCII: a letter first, then letters, digits, "_" and "-", at most 32.
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
            guard start < end, end - start <= 32, isLetter(bytes[start]) else { return .some(nil) }
            for i in start..<end {
                let byte = bytes[i]
                guard isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
                        || byte == UInt8(ascii: "-") else { return .some(nil) }
            }
            return .some((String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), close))
        }
        guard let found, let found else { return nil }
        guard let (tag, close) = found else { return .some(nil) }
        let restStart = text.utf8.index(text.utf8.startIndex, offsetBy: close + 1)
        return .some((tag, text[restStart...].trimmingBlanksOnBytes()))
    }
}

extension FindingExtractor {
    /// Each known label's bytes (lower-case ASCII) and the kind it announces (`labelKinds`), for `kind(ofASCIILabel:)`.
    static let labelKindBytes: [(label: [UInt8], kind: FindingKind)] = labelKinds.map { (Array($0.key.utf8), $0.value) }

    /// `kind(ofLabel: UTF8Search.lowercasedASCII(label))`, the bytes compared lower-cased in place with each known label
    /// of their length (no string made, no hash).
    static func kind<Bytes: Collection<UInt8>>(ofASCIILabel label: Bytes) -> FindingKind? {
        let count = label.count
        func opens(with known: some Collection<UInt8>) -> Bool {
            var byte = label.startIndex
            for expected in known {
                guard byte != label.endIndex, label[byte].asciiLowercased == expected else { return false }
                byte = label.index(after: byte)
            }
            return true
        }
        for (known, kind) in labelKindBytes where known.count == count && opens(with: known) { return kind }
        // "action 3 of 4": `hasPrefix("action ")` of a label shorter than 20 characters (bytes here).
        return count < 20 && opens(with: "action ".utf8) ? .action : nil
    }
}
