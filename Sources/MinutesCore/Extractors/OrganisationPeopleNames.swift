/// The folded names of a meeting's participants and the folded words of those names: what the organisation rules for
/// lone proper names exclude (`OrganisationExtractor.isLoneProperName`). The set is made the first time a rule asks,
/// as most documents never ask (a rule asks only after an agent cue or a person's "from").
final class OrganisationPeopleNames: ExpressibleByArrayLiteral {
    /// Makes the set.
    private let make: () -> Set<String>
    /// The set, once made.
    private lazy var names: Set<String> = make()

    /// The names of `participants`: each whole name and each of its words, folded (`TextRules.fold`).
    init(_ participants: [Participant]) {
        make = {
            Set(participants.flatMap { person in
                [TextRules.fold(person.name)] + person.name.splitOnSpaces().map { TextRules.fold(String($0)) }
            })
        }
    }

    /// Names already folded (for tests).
    init(arrayLiteral names: String...) {
        let set = Set(names)
        make = { set }
    }

    /// Whether `key`, a folded word or name, is one of the names.
    func contains(_ key: String) -> Bool {
        names.contains(key)
    }
}
