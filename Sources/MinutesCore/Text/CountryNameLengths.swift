import Foundation

/// `Vocabulary.isCountry(_:)`'s refusal on bytes (most texts it is asked about are people's names): a plain ASCII text
/// is a country only when some country name (in the canonical form that plain ASCII equals) opens with its first letter,
/// lower-cased, and has its length, both once the spaces and tabs at its ends are trimmed.
enum CountryNameLengths {
    /// For each lower-case ASCII byte, the lengths of the country names that open with it: bit `n` for `n` bytes (bit 63 for
    /// 63 bytes or more).
    private static let lengthsByFirstByte: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 128)
        for country in Vocabulary.countries {
            // A plain ASCII text equals a name only where the name's canonical composition is those bytes.
            let composed = country.precomposedStringWithCanonicalMapping
            guard composed.utf8.allSatisfy({ $0 < 0x80 }), let first = composed.utf8.first else { continue }
            table[Int(first)] |= 1 << UInt64(min(composed.utf8.count, 63))
        }
        return table
    }()

    /// Whether `Vocabulary.isCountryByLookup(text)` may hold: false only for plain ASCII text whose trimmed, lower-cased bytes
    /// open with a letter no country name of their length opens with.
    static func mayBeCountry(_ text: String) -> Bool {
        text.withPlainASCIIBytes { bytes -> Bool in
            let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            guard let start = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return true }
            let length = last + 1 - start
            return lengthsByFirstByte[Int(bytes[start].asciiLowercased)] & (1 << UInt64(min(length, 63))) != 0
        } ?? true
    }
}
