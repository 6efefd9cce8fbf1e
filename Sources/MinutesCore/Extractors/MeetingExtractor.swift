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
        record.organisations = OrganisationExtractor.extract(affiliations: people.affiliations,
                                                             texts: Array(document.blocks.lazy.filter { !RelatedDocumentExtractor.isNavigation($0) }.map(\.text)),
                                                             participants: people.participants)
        record.findings = FindingExtractor.extract(from: document, participants: people.participants,
                                                  nicknames: people.nicknames, meetingDate: record.date)
        record.relatedDocuments = RelatedDocumentExtractor.extract(from: document)
        if record.participants.isEmpty { record.warnings.append("no attendee list found") }
        if record.findings.isEmpty { record.warnings.append("no findings, decisions or actions found") }
        if record.date == nil { record.warnings.append("no meeting date found") }
    }
}
