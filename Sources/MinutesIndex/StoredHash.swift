import GRDB

/// How a document's SHA-256 is stored: since schema v4 a lower-case hex digest is kept as its
/// 32 bytes (a BLOB, half the size); any other text is kept as it is.
enum StoredHash {
    /// The 32 bytes of a 64-digit lower-case hex `hash`; nil for any other text.
    static func bytes(_ hash: String) -> [UInt8]? {
        let digits = Array(hash.utf8)
        guard digits.count == 64 else { return nil }
        func nibble(_ digit: UInt8) -> UInt8? {
            switch digit {
            case 0x30...0x39: return digit - 0x30
            case 0x61...0x66: return digit - 0x61 + 10
            default: return nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for pair in stride(from: 0, to: 64, by: 2) {
            guard let high = nibble(digits[pair]), let low = nibble(digits[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    /// The hash as text, from its stored value (BLOB or text); nil for NULL or another type.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .blob(let data):
            let digits = Array("0123456789abcdef".utf8)
            var text: [UInt8] = []
            text.reserveCapacity(data.count * 2)
            for byte in data {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
            return String(decoding: text, as: UTF8.self)
        case .string(let string):
            return string
        default:
            return nil
        }
    }
}
