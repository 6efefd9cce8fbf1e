import Foundation

/// Serialises records as JSON (the documented schema), JSON Lines, or schema.org JSON-LD.
public enum RecordEncoder {
    /// Output shapes.
    public enum Style: String, Sendable, CaseIterable {
        /// The record as published in `minutes-record.schema.json`.
        case json
        /// The same record as a schema.org `Event` in JSON-LD.
        case jsonld
    }

    /// One record as UTF-8 JSON; `pretty` indents it, otherwise it is one line (for JSON Lines).
    /// `.json` is written by `JSONByteEncoder`, which writes the text `JSONEncoder` writes with these options
    /// (`JSONEncoder` itself is the fallback for what it does not cover).
    public static func encode(_ record: MeetingRecord, style: Style = .json, pretty: Bool = false) throws -> Data {
        switch style {
        case .json:
            if let bytes = JSONByteEncoder(pretty: pretty).encode(record) { return Data(bytes) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(record)
        case .jsonld:
            var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
            if pretty { options.insert(.prettyPrinted) }
            return try JSONSerialization.data(withJSONObject: JSONLD.object(for: record), options: options)
        }
    }

    /// Decodes a record written by `encode(_:style:pretty:)` with `.json`.
    public static func decode(_ data: Data) throws -> MeetingRecord {
        try JSONDecoder().decode(MeetingRecord.self, from: data)
    }
}

/// The schema.org JSON-LD view of a record, in the vocabulary W3C's scribejs uses:
/// an `Event` whose `attendee`s are `Person`s (affiliation an `Organization`),
/// chairs and scribes wrapped in `OrganizationRole`s, findings as scribejs
/// `resolution`/`action` terms and related documents as `subjectOf` `CreativeWork`s.
public enum JSONLD {
    /// The JSON-LD object (dictionaries and arrays ready for `JSONSerialization`).
    public static func object(for record: MeetingRecord) -> [String: Any] {
        let vocab = "https://w3c.github.io/scribejs/vocab/"
        var event: [String: Any] = [
            "@context": ["https://schema.org", ["resolution": vocab + "resolution", "action": vocab + "action",
                                                 "finding": vocab + "finding", "regrets": vocab + "regrets"]],
            "@type": "Event",
        ]
        event["name"] = record.title
        event["startDate"] = record.date
        if let location = record.location { event["location"] = ["@type": "Place", "name": location] }

        var attendees: [Any] = []
        for role in [MeetingRole.chair, .scribe, .guest] {
            let holders = record.participants.filter { $0.meetingRoles.contains(role) }.map(person)
            if !holders.isEmpty {
                attendees.append(["@type": "OrganizationRole", "roleName": role.rawValue, "attendee": holders])
            }
        }
        attendees += record.participants.filter { $0.attendance == .present && $0.meetingRoles.isEmpty }.map(person)
        event["attendee"] = attendees
        let absent = record.participants.filter { $0.attendance == .absent }.map(person)
        if !absent.isEmpty { event["regrets"] = absent }

        event["resolution"] = record.findings.filter { $0.kind == .decision }.map(\.text)
        event["finding"] = record.findings.filter { $0.kind == .finding }.map(\.text)
        event["action"] = record.findings.filter { $0.kind == .action }.map { finding -> [String: Any] in
            var action: [String: Any] = ["@type": "Action", "description": finding.text]
            if let owner = finding.owner { action["agent"] = ["@type": "Person", "name": owner] }
            if let due = finding.due { action["endTime"] = due }
            return action
        }
        event["subjectOf"] = record.relatedDocuments.map { document -> [String: Any] in
            var work: [String: Any] = ["@type": "CreativeWork", "name": document.title]
            if let url = document.url { work["url"] = url }
            return work
        }
        event["organizer"] = record.organisations.map { organisation -> [String: Any] in
            var org: [String: Any] = ["@type": "Organization", "name": organisation.name]
            if let acronym = organisation.acronym { org["alternateName"] = [acronym] + organisation.aliases }
            else if !organisation.aliases.isEmpty { org["alternateName"] = organisation.aliases }
            return org
        }
        return event
    }

    private static func person(_ participant: Participant) -> [String: Any] {
        var person: [String: Any] = ["@type": "Person", "name": participant.name]
        if let title = participant.jobTitle { person["jobTitle"] = title }
        if let org = participant.organisation { person["affiliation"] = ["@type": "Organization", "name": org] }
        if let place = participant.location { person["workLocation"] = ["@type": "Place", "name": place] }
        return person
    }
}
