/// The shapes of a set of words, their first byte and their length in bytes, one bit each: a word whose shape is not
/// there is not in the set, told on its bytes without making a string of them (a word may share its shape with a word
/// of the set and still not be one of them).
struct NameWordShapes {
    /// For each first byte, the lengths of the words that open with it (one bit each; 63 stands for 63 and more).
    private var lengths = [UInt64](repeating: 0, count: 256)

    /// Records the shape of the word `word`.
    mutating func insert(_ word: some Collection<UInt8>) {
        guard let first = word.first else { return }
        lengths[Int(first)] |= Self.bit(word.count)
    }

    /// Whether some word recorded has the shape of `word`; false means `word` was never recorded.
    @inline(__always)
    func mayHold(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first else { return true }
        return lengths[Int(first)] & Self.bit(word.count) != 0
    }

    /// The bit of a word of `count` bytes.
    @inline(__always)
    private static func bit(_ count: Int) -> UInt64 {
        1 << UInt64(min(count, 63))
    }
}
