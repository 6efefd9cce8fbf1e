/// Runs every field extractor over a block document, in dependency order.
public struct MeetingExtractor: Sendable {
    /// Creates the extractor.
    public init() {}

    /// Fills `record`'s fields from `document`.
    public func extract(from document: BlockDocument, into record: inout MeetingRecord) {
        record.title = TitleExtractor.title(in: document)
        record.date = DateExtractor.meetingDate(in: document)
    }
}
