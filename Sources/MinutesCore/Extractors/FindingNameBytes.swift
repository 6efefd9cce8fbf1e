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
