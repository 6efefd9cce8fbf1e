/// Answers about the element and attribute names of one document, kept by the name's address.
///
/// libxml2's HTML parser sends every element and attribute name from its dictionary (or, for the elements it
/// implies, from a constant), and neither changes nor frees them while it parses: within one parse, one address
/// is one name. A reader keeps a memo for one document only; the next parse has another dictionary.
struct HTMLNameMemo<Answer> {
    /// The names seen lately, each in the slot its address picks, and what `answer` said for them.
    private var names: [UnsafePointer<UInt8>?] = []
    private var answers: [Answer] = []
    /// The number of slots, a power of two.
    private static var slotCount: Int { 1 << slotBits }
    private static var slotBits: Int { 6 }

    /// `answer(name)`, from the memo when `name` was asked about lately.
    @inline(__always)
    mutating func answer(_ name: UnsafePointer<UInt8>, _ answer: (UnsafePointer<UInt8>) -> Answer) -> Answer {
        // libxml2's dictionary packs its names side by side (a few bytes apart), so the slot comes from all the
        // address's bits (Fibonacci hashing), not from its bits above the third.
        let address = UInt64(UInt(bitPattern: name))
        let slot = Int(truncatingIfNeeded: (address &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.slotBits))
        if !names.isEmpty, names[slot] == name { return answers[slot] }
        let found = answer(name)
        if names.isEmpty {
            names = Array(repeating: nil, count: Self.slotCount)
            answers = Array(repeating: found, count: Self.slotCount)
        }
        names[slot] = name
        answers[slot] = found
        return found
    }
}
