import Foundation

/// Tells whether an ASCII separator byte of `LinkScanner` (space, "<", ">", '"', "(", ")") next to a non-ASCII scalar is
/// a character by itself, from that scalar alone.
///
/// Each separator is of the grapheme cluster break class "Other", neither extended pictographic nor an Indic consonant.
/// Between a scalar and such a byte after it, the rules of Unicode text segmentation (UAX #29) keep the two together
/// only when the scalar is a prepended mark (GB9b), and break before it after a control (GB4); between the byte and a
/// scalar after it, only when that scalar is a combining mark, a zero-width joiner or a spacing mark (GB9, GB9a). No
/// other rule looks past the pair when one side is such a byte. So the scalar and a space, put together in a string,
/// make two characters exactly when the scalar and the separator do, wherever they stand in a text; the answer is
/// asked of that two-scalar string (and remembered for the last scalar on each side), unless the scalar `standsAlone`.
struct LinkSeparatorBreaks {
    /// The last scalar found to break before a separator after it.
    private var lastBreakingBefore: UInt32 = 0
    /// The last scalar found to break after a separator before it.
    private var lastBreakingAfter: UInt32 = 0

    /// Whether the characters break between the scalar that ends just before `offset` and the separator byte at `offset`.
    mutating func breaksBefore(separatorAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let scalar = UTF8Scalars.scalar(endingAt: offset, in: bytes) else { return false }
        if scalar.standsAlone || scalar.value == lastBreakingBefore { return true }
        guard LinkSeparatorBreaks.characterCount(scalar, " ") == 2 else { return false }
        lastBreakingBefore = scalar.value
        return true
    }

    /// Whether the characters break between the separator byte at `offset` and the scalar that starts after it.
    mutating func breaksAfter(separatorAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (scalar, _) = UTF8Scalars.scalar(startingAt: offset + 1, in: bytes) else { return false }
        if scalar.standsAlone || scalar.value == lastBreakingAfter { return true }
        guard LinkSeparatorBreaks.characterCount(" ", scalar) == 2 else { return false }
        lastBreakingAfter = scalar.value
        return true
    }

    /// The number of characters of the string made of `first` and `second`.
    private static func characterCount(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
        var scalars = String.UnicodeScalarView()
        scalars.append(first)
        scalars.append(second)
        return String(scalars).count
    }
}
