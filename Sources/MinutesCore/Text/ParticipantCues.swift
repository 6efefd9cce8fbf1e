/// The cue words of the participant rules that read every text of a document — regrets notes, nicknames, scribes
/// named in the agenda and trackbot's action owners — looked for in one pass over each text instead of one pass a rule.
struct ParticipantCues {
    /// Words that a regrets note holds (a cheap test before the phrases of `ParticipantExtractor.regretNotes`).
    static let regretWords = ["regret", "able to", "can't", "cannot", "apolog"]
    /// What introduces a nickname.
    static let nickWords = [" aka ", " a.k.a. ", " also known as "]
    /// What a line naming the scribes holds.
    static let scribeWords = ["cribe"]
    /// What opens trackbot's note of an action's owner ("[on Axel Polleres - due 2019-04-11]").
    static let ownerWords = ["[on "]

    /// All the words, in the order above: bit `i` of a text's mask is the `i`-th word.
    private static let all = ASCIINeedleSet(regretWords + nickWords + scribeWords + ownerWords)
    /// The words looked for in texts too long for the regrets and scribe rules: the nick words, then the owner words.
    private static let longTextWords = ASCIINeedleSet(nickWords + ownerWords)
    /// The bits of each group.
    private static let regretBits = bits(0, regretWords.count)
    private static let nickBits = bits(regretWords.count, nickWords.count)
    private static let scribeBits = bits(regretWords.count + nickWords.count, scribeWords.count)
    private static let ownerBits = bits(regretWords.count + nickWords.count + scribeWords.count, ownerWords.count)
    /// The bits of the nick and of the owner words among `longTextWords`.
    private static let longTextNickBits = bits(0, nickWords.count)
    private static let longTextOwnerBits = bits(nickWords.count, ownerWords.count)

    /// `count` bits from bit `first` on.
    private static func bits(_ first: Int, _ count: Int) -> UInt32 {
        (0..<count).reduce(0) { $0 | 1 << UInt32(first + $1) }
    }

    /// The longest text the regrets and scribe rules read (in bytes); longer texts are looked at for nicknames and
    /// owners only.
    static let longestRead = 240

    /// For each text, the words it holds (only the nick and owner words' bits for a text over `longestRead` bytes).
    private let masks: [UInt32]

    /// The cues of each of `texts`.
    init(_ texts: [String]) {
        masks = texts.map { text in
            guard text.utf8.count > Self.longestRead else { return Self.all.matches(in: text) }
            let found = Self.longTextWords.matches(in: text)
            return (found & Self.longTextNickBits != 0 ? Self.nickBits : 0) | (found & Self.longTextOwnerBits != 0 ? Self.ownerBits : 0)
        }
    }

    /// Whether text `index` holds a regrets word (`ASCIINeedleSet(regretWords).containsAny`); texts up to `longestRead` bytes.
    func holdsRegretWord(_ index: Int) -> Bool { masks[index] & Self.regretBits != 0 }
    /// Whether text `index` holds a nick word (`ASCIINeedleSet(nickWords).containsAny`).
    func holdsNickWord(_ index: Int) -> Bool { masks[index] & Self.nickBits != 0 }
    /// Whether text `index` holds a scribe word (`ASCIINeedleSet(scribeWords).containsAny`); texts up to `longestRead` bytes.
    func holdsScribeWord(_ index: Int) -> Bool { masks[index] & Self.scribeBits != 0 }
    /// Whether text `index` holds an owner word (`ASCIINeedleSet(ownerWords).containsAny`).
    func holdsOwnerWord(_ index: Int) -> Bool { masks[index] & Self.ownerBits != 0 }
}
