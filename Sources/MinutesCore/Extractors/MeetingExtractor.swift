/// Runs every field extractor over a block document, in dependency order:
/// participants first (organisations use their affiliations, findings their names).
public struct MeetingExtractor: Sendable {
    /// Creates the extractor.
    public init() {}

    /// Fills `record`'s fields from `document`.
    public func extract(from document: BlockDocument, into record: inout MeetingRecord) {
        record.title = TitleExtractor.title(in: document)
        record.date = DateExtractor.meetingDate(in: document)
        record.location = LocationExtractor.location(in: document)
        let people = ParticipantExtractor.extract(from: document)
        record.participants = people.participants
        // (The navigation blocks are found once for the organisations and the related documents.)
        let running = RunningTexts(document.blocks)
        record.organisations = OrganisationExtractor.extract(affiliations: people.affiliations,
                                                             texts: running,
                                                             participants: people.participants)
        record.findings = FindingExtractor.extract(from: document, participants: people.participants,
                                                  nicknames: people.nicknames, meetingDate: record.date)
        record.relatedDocuments = RelatedDocumentExtractor.extract(from: document, running: running)
        if record.participants.isEmpty { record.warnings.append("no attendee list found") }
        if record.findings.isEmpty { record.warnings.append("no findings, decisions or actions found") }
        if record.date == nil { record.warnings.append("no meeting date found") }
    }
}

/// The texts of a document's blocks outside navigation (menus, tables of contents, footers), read
/// in place from the blocks: no array of the texts beside them.
struct RunningTexts: RandomAccessCollection {
    /// The document's blocks.
    private let blocks: [Block]
    /// The positions of the blocks read, when some are skipped; nil when all are read.
    private let positions: [Int32]?

    /// The running texts of `blocks`.
    init(_ blocks: [Block]) {
        self.blocks = blocks
        // One pass: the blocks before the first navigation block are all kept.
        if let first = blocks.firstIndex(where: RelatedDocumentExtractor.isNavigation) {
            var kept = (0..<first).map { Int32($0) }
            for index in (first + 1)..<blocks.count where !RelatedDocumentExtractor.isNavigation(blocks[index]) { kept.append(Int32(index)) }
            positions = kept
        } else {
            positions = nil
        }
    }

    /// Whether the block at `index` of the blocks given is navigation (`RelatedDocumentExtractor.isNavigation`), for
    /// indices asked in increasing order with the same `cursor` (0 at first), which walks the kept positions once.
    func isNavigation(at index: Int, cursor: inout Int) -> Bool {
        guard let positions else { return false }
        while cursor < positions.count, Int(positions[cursor]) < index { cursor += 1 }
        return cursor == positions.count || Int(positions[cursor]) != index
    }

    var startIndex: Int { 0 }
    var endIndex: Int { positions?.count ?? blocks.count }
    subscript(position: Int) -> String { blocks[positions.map { Int($0[position]) } ?? position].text }
}
