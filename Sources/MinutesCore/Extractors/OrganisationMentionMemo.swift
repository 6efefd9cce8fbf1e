/// What `OrganisationExtractor.addMentions` works out once per distinct phrase of a document: the same
/// capitalised runs ("Brady Duga", "Apache Software Foundation") come back on line after line.
///
/// Everything kept here depends on the phrase and the document alone, never on the registry, except `idleAt`,
/// which is tied to the registry's `revision`.
struct MentionMemo {
    /// A phrase to try as an organisation, prepared for the registry.
    struct Candidate {
        /// The phrase without connectors or leading determiners at its ends.
        let trimmed: String
        /// Whether `trimmed` has two words or more (a single word is never a mention).
        let isPhrase: Bool
        /// The registry key of `trimmed` (empty for a single word).
        let key: String

        /// A run that `OrganisationExtractor.asciiRun(in:from:to:)` worked out, whose registry key is `key`, as a
        /// candidate: its words are plain ASCII and single-spaced, and it neither opens with a connector or a determiner
        /// nor ends with a connector, and it has two words or more, so it is its own trimmed phrase
        /// (`wordCountIfTrimmed(_:)` is its number of words, two or more).
        init(asciiRun run: String, key: String) {
            trimmed = run
            isPhrase = true
            self.key = key
        }

        /// `phrase` as a candidate; `phraseKey` is the registry key of `phrase` when the caller has it.
        init(_ phrase: String, key phraseKey: String? = nil) {
            if let count = Self.wordCountIfTrimmed(phrase) {
                trimmed = phrase
                isPhrase = count >= 2
                key = isPhrase ? phraseKey ?? OrganisationRegistry.key(phrase) : ""
            } else {
                trimmed = TextRules.trimConnectors(phrase)
                isPhrase = trimmed.splitOnSpaces().count >= 2
                key = isPhrase ? OrganisationRegistry.key(trimmed) : ""
            }
        }

        /// The number of words of `phrase` when `TextRules.trimConnectors(phrase)` is `phrase` itself, told without
        /// joining words again: an ASCII phrase of single-spaced words that neither opens with a connector or a
        /// determiner nor ends with a connector. Nil for any other phrase.
        static func wordCountIfTrimmed(_ phrase: String) -> Int? {
            guard phrase.isPlainASCII else { return nil }
            return phrase.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
                // Single spaces between the words, none at the ends.
                guard let head = bytes.first, let tail = bytes.last, head != UInt8(ascii: " "), tail != UInt8(ascii: " ") else { return nil }
                var words = 1, firstEnd = bytes.count, lastStart = 0
                for i in 1..<bytes.count where bytes[i] == UInt8(ascii: " ") {
                    if bytes[i - 1] == UInt8(ascii: " ") { return nil }
                    if words == 1 { firstEnd = i }
                    words += 1
                    lastStart = i + 1
                }
                let isConnector = { (word: Range<Int>) in
                    word.count <= 3 && OrganisationExtractor.asciiConnectorSlots.contains(OrganisationExtractor.shortWordCode(bytes[word]))
                }
                let first = 0..<firstEnd
                guard !isConnector(first), !OrganisationExtractor.isDeterminer(bytes, first), !isConnector(lastStart..<bytes.count) else { return nil }
                return words
            } ?? nil
        }
    }

    /// A capitalised run of the text.
    struct Run {
        /// The run.
        let text: String
        /// The registry key of the run.
        let key: String
        /// The run as a candidate.
        let whole: Candidate
        /// The run cut at its first " and ", " in ", " – " or " - " (empty without one).
        let pieces: [String]
        /// Whether the run holds " - ", which separates a person from an organisation.
        let separatesPerson: Bool
        /// The registry revision at which trying the run last changed nothing.
        var idleAt: Int?

        /// The facts of `run`; `isASCIIRun` tells that `OrganisationExtractor.asciiRun(in:from:to:)` worked it out.
        init(_ run: String, isASCIIRun: Bool) {
            text = run
            key = OrganisationRegistry.key(run)
            whole = isASCIIRun ? Candidate(asciiRun: run, key: key) : Candidate(run, key: key)
            let separators = OrganisationExtractor.pieceSeparators(in: run)
            pieces = separators.first.map { run.componentsASCII(separatedBy: $0) } ?? []
            separatesPerson = separators.spacedHyphen
        }
    }

    /// A stretch of text that can hold capitalised runs with a non-ASCII word (`OrganisationExtractor.forEachMentionSource`).
    struct Stretch {
        /// The runs of two words or more in it.
        let runs: [String]
        /// The registry revision at which trying its runs last changed nothing.
        var idleAt: Int?
    }

    /// The document's running text.
    let context: MentionContext
    /// The stretches seen, in `stretchList` by their index in `stretchIndices`.
    private var stretchIndices: [String: Int] = [:]
    private var stretchList: [Stretch] = []
    /// The runs seen, in `runList` by their index in `runIndices` (runs given as strings, which a dictionary finds as
    /// `String` equality does) or in `runTable` (runs given as bytes, which it finds by their bytes). A run given both
    /// ways may have an entry of each: trying it through either changes what trying it through the other would.
    private var runIndices: [String: Int] = [:]
    private var runTable = OrganisationRunTable()
    /// The index in `runList` of each run of `runTable`, by its number there.
    private var runsOfTable: [Int] = []
    private var runList: [Run] = []
    private var candidates: [String: Candidate] = [:]
    /// Trimmed phrase → whether it names an organisation not seen before.
    private var newOrganisationNames: [String: Bool] = [:]

    /// A memo for the document whose running text is `context`, with room for `expectedRuns` distinct runs (a guess:
    /// the memo grows past it as it must).
    init(context: MentionContext, expectedRuns: Int = 0) {
        self.context = context
        runList.reserveCapacity(expectedRuns)
    }

    /// The index of `stretch` among the stretches seen, its runs worked out the first time.
    mutating func stretchIndex(of stretch: String) -> Int {
        Self.index(of: stretch, in: &stretchIndices, list: &stretchList) {
            Stretch(runs: TextRules.capitalisedRuns(in: stretch, multiWordOnly: true))
        }
    }

    /// The capitalised runs of the stretch at `index`.
    func runs(inStretchAt index: Int) -> [String] {
        stretchList[index].runs
    }

    /// The registry revision at which trying the runs of the stretch at `index` last changed nothing.
    func stretchIdleAt(_ index: Int) -> Int? {
        stretchList[index].idleAt
    }

    /// Records that trying the runs of the stretch at `index` changed nothing at registry revision `revision`.
    mutating func markStretchIdle(_ index: Int, at revision: Int) {
        stretchList[index].idleAt = revision
    }

    /// The index of the capitalised run `run` among the runs seen, its facts worked out the first time;
    /// `isASCIIRun` tells that `OrganisationExtractor.asciiRun(in:from:to:)` worked it out.
    mutating func runIndex(of run: String, isASCIIRun: Bool = false) -> Int {
        Self.index(of: run, in: &runIndices, list: &runList) { Run(run, isASCIIRun: isASCIIRun) }
    }

    /// `runIndex(of:isASCIIRun:)` of the run whose UTF-8 bytes are `run`: its string is made only the first time.
    mutating func runIndex(ofBytes run: UnsafeBufferPointer<UInt8>, isASCIIRun: Bool) -> Int {
        let (entry, isNew) = runTable.insert(run)
        guard isNew else { return runsOfTable[entry] }
        runsOfTable.append(runList.count)
        runList.append(Run(String(decoding: run, as: UTF8.self), isASCIIRun: isASCIIRun))
        return runList.count - 1
    }

    /// What is known of the run at `index`.
    func run(at index: Int) -> Run {
        runList[index]
    }

    /// The registry revision at which trying the run at `index` last changed nothing.
    func runIdleAt(_ index: Int) -> Int? {
        runList[index].idleAt
    }

    /// Records that trying the run at `index` changed nothing at registry revision `revision`.
    mutating func markRunIdle(_ index: Int, at revision: Int) {
        runList[index].idleAt = revision
    }

    /// The index of `key` in `list` (through `indices`), its value made by `make` the first time.
    /// The key is hashed once: a new key gets the next index as it is looked up.
    private static func index<Value>(of key: String, in indices: inout [String: Int], list: inout [Value], _ make: () -> Value) -> Int {
        let next = list.count
        let index = { (stored: inout Int) in stored }(&indices[key, default: next])
        if index == next { list.append(make()) }
        return index
    }

    /// `phrase` as a candidate.
    mutating func facts(ofCandidate phrase: String) -> Candidate {
        Self.memoised(phrase, in: &candidates) { Candidate(phrase) }
    }

    /// The value kept under `key` in `cache`, made by `make` the first time.
    private static func memoised<Value>(_ key: String, in cache: inout [String: Value], _ make: () -> Value) -> Value {
        if let known = cache[key] { return known }
        let value = make()
        cache[key] = value
        return value
    }

    /// Whether the trimmed phrase `trimmed`, found by its head word alone, is a new organisation: its head word
    /// marks one, it can be a name, and the document uses it as one.
    mutating func namesNewOrganisation(_ trimmed: String) -> Bool {
        // Most phrases have no organisation word at their head: refused before the memo.
        guard OrganisationExtractor.hasOrganisationCue(trimmed) else { return false }
        if let known = newOrganisationNames[trimmed] { return known }
        let names = OrganisationExtractor.isOrganisationName(trimmed, requireCue: true) && OrganisationRules.isPlausibleName(trimmed)
            && OrganisationRules.isMentionedAsName(trimmed, in: context)
        newOrganisationNames[trimmed] = names
        return names
    }
}
