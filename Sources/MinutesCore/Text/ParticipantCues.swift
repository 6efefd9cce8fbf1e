/// The cue words of the participant rules that read every text of a document — regrets notes, nicknames and scribes
/// named in the agenda — looked for in one pass over each text instead of one pass a rule.
struct ParticipantCues {
    /// Words that a regrets note holds (a cheap test before the phrases of `ParticipantExtractor.regretNotes`).
    static let regretWords = ["regret", "able to", "can't", "cannot", "apolog"]
    /// What introduces a nickname.
    static let nickWords = [" aka ", " a.k.a. ", " also known as "]
    /// What a line naming the scribes holds.
    static let scribeWords = ["cribe"]

    /// All the words, in the order above: bit `i` of a text's mask is the `i`-th word.
    private static let all = ASCIINeedleSet(regretWords + nickWords + scribeWords)
    /// The nick words alone, for texts too long for the other rules to read.
    private static let nicks = ASCIINeedleSet(nickWords)
    /// The bits of each group.
    private static let regretBits = bits(0, regretWords.count)
    private static let nickBits = bits(regretWords.count, nickWords.count)
    private static let scribeBits = bits(regretWords.count + nickWords.count, scribeWords.count)

    /// `count` bits from bit `first` on.
    private static func bits(_ first: Int, _ count: Int) -> UInt32 {
        (0..<count).reduce(0) { $0 | 1 << UInt32(first + $1) }
    }

    /// The longest text the regrets and scribe rules read (in bytes); longer texts are looked at for nicknames only.
    static let longestRead = 240

    /// For each text, the words it holds (only the nick words' bits for a text over `longestRead` bytes).
    private let masks: [UInt32]

    /// The cues of each of `texts`.
    init(_ texts: [String]) {
        masks = texts.map { text in
            text.utf8.count <= Self.longestRead ? Self.all.matches(in: text) : (Self.nicks.containsAny(in: text) ? Self.nickBits : 0)
        }
    }

    /// Whether text `index` holds a regrets word (`ASCIINeedleSet(regretWords).containsAny`); texts up to `longestRead` bytes.
    func holdsRegretWord(_ index: Int) -> Bool { masks[index] & Self.regretBits != 0 }
    /// Whether text `index` holds a nick word (`ASCIINeedleSet(nickWords).containsAny`).
    func holdsNickWord(_ index: Int) -> Bool { masks[index] & Self.nickBits != 0 }
    /// Whether text `index` holds a scribe word (`ASCIINeedleSet(scribeWords).containsAny`); texts up to `longestRead` bytes.
    func holdsScribeWord(_ index: Int) -> Bool { masks[index] & Self.scribeBits != 0 }
}
