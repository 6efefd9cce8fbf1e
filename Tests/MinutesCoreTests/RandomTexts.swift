/// Random texts for the tests that compare a byte shortcut with the rule it stands for: pieces (the words,
/// marks and punctuation a rule looks at, and the Unicode that behaves differently on bytes) picked at random
/// and joined, the same texts for the same seed.
extension SplitMix64 {
    /// One of `choices`, picked at random.
    mutating func pick(_ choices: [String]) -> String { choices[Int(next() % UInt64(choices.count))] }

    /// Fewer than `maxPieces` of `pieces`, picked at random and joined.
    mutating func text(of pieces: [String], maxPieces: UInt64) -> String {
        let count = Int(next() % maxPieces)
        return (0..<count).map { _ in pick(pieces) }.joined()
    }
}

/// Runs `body` on `count` random texts of `pieces` (`SplitMix64.text(of:maxPieces:)`) from `seed`; `maxPieces`
/// says, for each text's number, how many pieces it has at most.
func forRandomTexts(of pieces: [String], seed: UInt64, count: Int = 20_000, maxPieces: (Int) -> UInt64, _ body: (String) -> Void) {
    var generator = SplitMix64(seed: seed)
    for round in 0..<count { body(generator.text(of: pieces, maxPieces: maxPieces(round))) }
}
