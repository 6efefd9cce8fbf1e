import Foundation

/// The characters of a text as one byte each, so that rules looking for ASCII characters ("#", "?", "/", "(")
/// in an address find them by offset instead of walking `Character`s: a character that is one ASCII byte is
/// that byte; any other character (non-ASCII, or a cluster such as "\r\n" or "/" with a combining mark) is
/// 0x80, which equals no ASCII character. Comparing these bytes is comparing the characters exactly; for plain
/// ASCII text (nearly every address) they are simply its UTF-8 bytes.
struct AddressCharacters {
    /// One byte per character.
    let bytes: [UInt8]
    /// The characters, kept only when the text is not plain ASCII (else the bytes are the text).
    private let characters: [Character]?

    init<S: StringProtocol>(_ text: S) {
        if text.isPlainASCII {
            bytes = Array(text.utf8)
            characters = nil
        } else {
            let characters = Array(text)
            bytes = characters.map { $0.utf8.count == 1 ? $0.utf8.first ?? 0x80 : 0x80 }
            self.characters = characters
        }
    }

    /// The text of the characters at `offsets`.
    func text(_ offsets: Range<Int>) -> String {
        guard let characters else { return String(decoding: bytes[offsets], as: UTF8.self) }
        return String(characters[offsets])
    }

    /// Whether the character at `offset` is a number (`Character.isNumber`; of ASCII characters, the digits).
    func isNumber(at offset: Int) -> Bool {
        guard let characters else { return bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9") }
        return characters[offset].isNumber
    }
}

extension StringProtocol {
    /// Whether the UTF-8 bytes hold those of `needle` anywhere: a plain byte search, without Foundation's
    /// canonical matching. A text without them has no match of any pattern that spells `needle` out, so it
    /// refuses most texts before a regular expression runs.
    func holdsBytes(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        let utf8 = self.utf8
        var index = utf8.startIndex
        while let found = utf8[index...].firstIndex(of: first) {
            if utf8[found...].starts(with: pattern) { return true }
            index = utf8.index(after: found)
        }
        return false
    }

    /// Foundation's `range(of: needle, options: .caseInsensitive)` for a `needle` of lower-case ASCII letters
    /// and spaces, on bytes when the text is plain ASCII (where case-insensitive matching is folding ASCII
    /// letters); other texts still ask Foundation, whose folding also matches non-ASCII characters.
    func rangeOfASCIIIgnoringCase(_ needle: StaticString) -> Range<Index>? {
        guard isPlainASCII else { return range(of: needle.description, options: .caseInsensitive) }
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.index(start, offsetBy: pattern.count, limitedBy: utf8.endIndex)
        while let stop = end {
            if utf8[start..<stop].elementsEqual(pattern, by: { $0 == $1 || ($0 | 0x20 == $1 && $1 >= UInt8(ascii: "a") && $1 <= UInt8(ascii: "z")) }) {
                return start..<stop
            }
            start = utf8.index(after: start)
            end = stop < utf8.endIndex ? utf8.index(after: stop) : nil
        }
        return nil
    }
}
