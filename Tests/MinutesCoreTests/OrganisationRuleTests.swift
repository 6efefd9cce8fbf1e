import Testing
@testable import MinutesCore

private func organisations(_ texts: [String], affiliations: [String] = []) -> [String] {
    OrganisationExtractor.extract(affiliations: affiliations, texts: texts).map(\.name)
}

@Test func technologyGlossesAreNotOrganisations() {
    let found = organisations(["Hama is a BSP (Bulk Synchronous Parallel) framework on top of HDFS (Hadoop Distributed File System)."])
    #expect(found.isEmpty)
}

@Test func imperativeAndDocumentPartsAreNotOrganisations() {
    #expect(!OrganisationRules.isPlausibleName("See Attachment AG"))
    #expect(!OrganisationRules.isPlausibleName("Attachment AG"))
    #expect(OrganisationRules.isPlausibleName("Example Holdings AG"))
}

@Test func genericAdjectivesDoNotMakeAFoundation() {
    #expect(!OrganisationRules.isPlausibleName("Minimum Viable Foundation"))
    #expect(OrganisationRules.isPlausibleName("Quartz Software Foundation"))
}

@Test func versionedPhraseIsAProduct() {
    #expect(organisations(["We will submit Widget Reading Systems 3.4 next month."]).isEmpty)
    #expect(organisations(["Support for Visual Studio 2013 was added."]).isEmpty)
}

@Test func lowerCaseUseMakesAPhraseGeneric() {
    #expect(organisations(["Most reading systems agree.", "Core and Reading Systems tests pass."]).isEmpty)
}

@Test func weakCueNeedsRepetitionOrAffiliationContext() {
    #expect(organisations(["Reading and writing Acme Office file formats."]).isEmpty)
    #expect(organisations(["Hi, I'm Jo Bloggs from Zentrix Labs"]) == ["Zentrix Labs"])
}

@Test func roleOfficeIsNotAnOrganisation() {
    #expect(!OrganisationRules.isPlausibleName("Treasurer's Office"))
    #expect(OrganisationRules.isPlausibleName("Citizen's Bank"))
}

@Test func standaloneTitleKeepsArticleAndGainsUsedInitialism() {
    let orgs = OrganisationExtractor.extract(affiliations: [], texts: [
        "The Quartz Software Foundation", "QSF policy applies.", "The QSF board met.",
    ])
    #expect(orgs.count == 1)
    #expect(orgs.first?.name == "The Quartz Software Foundation")
    #expect(orgs.first?.acronym == "QSF")
}

@Test func expansionsStillCount() {
    let orgs = OrganisationExtractor.extract(affiliations: [], texts: ["Talks with the Example Cleantech Network (ECN) went well."])
    #expect(orgs.first?.acronym == "ECN")
}

@Test func placeAfterAnEventWordInATitle() {
    #expect(LocationExtractor.placeInTitle("Example Governance at Collab Summit Vancouver 2018-10-13") == "Vancouver")
    #expect(LocationExtractor.placeInTitle("WG F2F, Seville") == "Seville")
    #expect(LocationExtractor.placeInTitle("Board Meeting in Lisbon") == "Lisbon")
    #expect(LocationExtractor.placeInTitle("WECG TPAC Sep 23, 2024") == nil)
    #expect(LocationExtractor.placeInTitle("March 2024 Meetup, Public Notes, Mar 19") == nil)
    #expect(LocationExtractor.placeInTitle("Weekly Call Vancouver") == nil)
}

/// A letter that upper-cases to two ("ß" → "SS") counts as both in an acronym's initials (it used to make
/// an invalid Character, a crash in debug builds).
@Test func initialsOfLettersThatUpperCaseToTwo() {
    #expect(TextRules.initials("ßtrasse Verein") == "SSV")
    #expect(TextRules.abbreviates("SSV", "ßtrasse Verein"))
    #expect(TextRules.abbreviates("SV", "Sport Verein"))
    #expect(!TextRules.abbreviates("SV", "ßtrasse Verein"))
    _ = organisations(["The SSV (ß Verein) met. Also ŉ Association (NA) and the ﬁne Foundation (FF)."])
}
