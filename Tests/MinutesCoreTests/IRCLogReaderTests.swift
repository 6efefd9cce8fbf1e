import Testing
@testable import MinutesCore

private let isoLog = """
    [2020-03-10T16:08:21.871Z]\t<AnneSmith>\tpresent+
    [2020-03-10T16:08:29.405Z]\t<bobk_>\tpresent+
    [2020-03-10T16:09:36.205Z]\t<carol>\tregrets+
    [2020-03-10T16:09:40.000Z]\t<bobk_>\tpresent+ dee, Tim_R___ACME_
    [2020-03-10T16:09:50.872Z]\t<bobk_>\tAgenda: https://example.org/agenda/0007.html
    [2020-03-10T16:10:00.000Z]\t<bobk_>\tscribe: AnneSmith
    [2020-03-10T16:10:05.000Z]\t<bobk_>\tTopic: Budget review
    [2020-03-10T16:10:10.000Z]\t<AnneSmith>\tbobk: we looked at the budgte
    [2020-03-10T16:10:12.000Z]\t<AnneSmith>\ts/budgte/budget/
    [2020-03-10T16:10:15.000Z]\t<AnneSmith>\t... and it is fine
    [2020-03-10T16:10:20.000Z]\t<dee>\tq+
    [2020-03-10T16:10:21.000Z]\t<bobk_>\tack dee
    [2020-03-10T16:10:22.000Z]\t<Zakim>\tsees dee on the speaker queue
    [2020-03-10T16:10:30.000Z]\t<dee>\tsee https://github.com/example/repo/issues/12
    [2020-03-10T16:10:40.000Z]\t<bobk_>\tRESOLUTION: adopt the budget
    [2020-03-10T16:10:50.000Z]\t<bobk_>\tACTION: dee to publish the report
    """

@Test func ircLogIsDetected() {
    #expect(IRCLogReader.looksLikeIRCLog(isoLog))
    #expect(IRCLogReader.looksLikeIRCLog("09:23:08 <Bert> hello\n09:23:09 <Amy> hi\n09:24:00 <Bert> topic: x\n"))
    #expect(!IRCLogReader.looksLikeIRCLog("Present: Anne, Bob\n\nMinutes of the meeting\n09:00 start\n"))
    #expect(MinutesParser.reader(for: .text, text: isoLog) is IRCLogReader)
    #expect(MinutesParser.reader(for: .text, text: "Minutes\n\nPresent: A, B\n") is PlainTextReader)
}

@Test func ircCommandsBecomeHeaderBlocks() {
    let doc = IRCLogReader().read(isoLog, baseURL: nil)
    #expect(doc.metadata["date"] == "2020-03-10")
    #expect(doc.blocks[0].text == "Present: Anne Smith, bobk, dee, Tim R")
    #expect(doc.blocks[1].text == "Regrets: carol")
    #expect(doc.blocks[2].text == "Scribe: Anne Smith")
    let texts = doc.blocks.map(\.text)
    #expect(texts.contains("Agenda: https://example.org/agenda/0007.html"))
    #expect(doc.blocks.contains { $0.kind == .heading && $0.text == "Budget review" })
    #expect(texts.contains("bobk: we looked at the budget and it is fine"))
    #expect(texts.contains("dee: see https://github.com/example/repo/issues/12"))
    #expect(texts.contains("RESOLUTION: adopt the budget"))
    #expect(texts.contains("ACTION: dee to publish the report"))
    #expect(!texts.contains { $0.contains("q+") || $0.contains("ack") || $0.contains("speaker queue") || $0.hasPrefix("AnneSmith: s/") })
}

@Test func ircLogExtractsPeopleFindingsAndDocuments() throws {
    let record = try MinutesParser().parse(bytes: Array(isoLog.utf8), path: "log.txt")
    let names = record.participants.map(\.name)
    #expect(names.contains("Anne Smith") && names.contains("dee") && names.contains("Tim R"))
    #expect(record.participants.first { $0.name == "carol" }?.attendance == .absent)
    #expect(record.participants.first { $0.name == "Anne Smith" }?.meetingRoles == [.scribe])
    #expect(record.findings.map(\.kind) == [.decision, .action])
    #expect(record.relatedDocuments.map(\.url).contains("https://example.org/agenda/0007.html"))
    #expect(record.date == "2020-03-10")
}

@Test func ircClockLogWithMeetingChairAndLoggingDate() {
    let log = """
        09:23:08 <RRSAgent> RRSAgent has joined #wg
        09:23:08 <RRSAgent> logging to https://www.w3.org/2018/12/03-wg-irc
        09:38:19 <Bert> Meeting: Working Group F2F
        09:39:10 <AxelP> chair: axel pol
        09:39:27 <AxelP> scribe: javier
        09:39:40 <Niklas> Niklas has joined #wg
        09:44:27 <AxelP> Present: Eva Sch, Niklas Kirch
        09:45:00 <javier> Fajar from TU
        09:45:03 <javier> s/Fajar/Amr
        """
    let doc = IRCLogReader().read(log, baseURL: nil)
    #expect(doc.title == "Working Group F2F")
    #expect(doc.metadata["date"] == "2018-12-03")
    #expect(doc.blocks.map(\.text) == ["Present: Eva Sch, Niklas Kirch", "Chair: Axel Pol", "Scribe: javier", "Amr from TU"])
}
