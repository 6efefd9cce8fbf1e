/// The structured record extracted from one meeting's minutes.
///
/// Field names are the published JSON schema (`Resources/minutes-record.schema.json`);
/// `schemaVersion` changes whenever a field changes meaning.
public struct MeetingRecord: Codable, Equatable, Sendable {
    /// Version of the JSON schema this record follows.
    public static let currentSchemaVersion = "1.0"

    /// Schema version of this record.
    public var schemaVersion: String = MeetingRecord.currentSchemaVersion
    /// Where the record came from and how its bytes were read.
    public var source: Source
    /// The meeting's title, when the document states one.
    public var title: String?
    /// The meeting date as ISO 8601 (`YYYY-MM-DD`).
    public var date: String?
    /// Where the meeting took place (a city, venue or "online").
    public var location: String?
    /// Everyone the minutes list as attending, sending regrets or holding a role.
    public var participants: [Participant] = []
    /// Every organisation mentioned, one entry per organisation.
    public var organisations: [Organisation] = []
    /// Observations, decisions and action items.
    public var findings: [Finding] = []
    /// Agendas, logs, papers and other documents the minutes refer to.
    public var relatedDocuments: [RelatedDocument] = []
    /// Things that looked odd while reading; the record is best-effort when present.
    public var warnings: [String] = []

    /// Creates an empty record for `source`.
    public init(source: Source) {
        self.source = source
    }
}

/// Provenance of a record: the file, its format and how its bytes were decoded.
public struct Source: Codable, Equatable, Sendable {
    /// Path as given on the command line (or `-` for standard input).
    public var path: String
    /// The reader used.
    public var format: DocumentFormat
    /// The character encoding the bytes were decoded from.
    public var encoding: String
    /// SHA-256 of the raw bytes, lower-case hex.
    public var sha256: String
    /// Size of the raw input in bytes.
    public var bytes: Int

    /// Creates a source description.
    public init(path: String, format: DocumentFormat, encoding: String, sha256: String, bytes: Int) {
        self.path = path
        self.format = format
        self.encoding = encoding
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// The input formats minutes can read.
public enum DocumentFormat: String, Codable, Sendable, CaseIterable {
    case text, html, markdown
}

/// Whether a participant attended. Regrets and apologies are `absent`.
public enum Attendance: String, Codable, Sendable {
    case present, absent
}

/// A role someone held in the meeting.
public enum MeetingRole: String, Codable, Sendable, Comparable {
    case chair, scribe, guest

    /// Roles sort by declaration order (chair first).
    public static func < (lhs: MeetingRole, rhs: MeetingRole) -> Bool {
        let order: [MeetingRole] = [.chair, .scribe, .guest]
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}

/// One person in the meeting.
public struct Participant: Codable, Equatable, Sendable {
    /// Full name, without honorifics or titles.
    public var name: String
    /// Job title or office ("Project Manager", "Councillor").
    public var jobTitle: String?
    /// The organisation the person represents.
    public var organisation: String?
    /// Where the person is based, when the list says so.
    public var location: String?
    /// Present or absent.
    public var attendance: Attendance
    /// Roles held: chair, scribe, guest.
    public var meetingRoles: [MeetingRole]

    /// Creates a participant.
    public init(name: String, jobTitle: String? = nil, organisation: String? = nil, location: String? = nil,
                attendance: Attendance = .present, meetingRoles: [MeetingRole] = []) {
        self.name = name
        self.jobTitle = jobTitle
        self.organisation = organisation
        self.location = location
        self.attendance = attendance
        self.meetingRoles = meetingRoles
    }
}

/// One organisation, with every way the document names it.
public struct Organisation: Codable, Equatable, Sendable {
    /// Canonical (longest, fullest) name.
    public var name: String
    /// Acronym, when the document gives one ("Name (ACR)" or "ACR (Name)").
    public var acronym: String?
    /// Other names the document uses for the same organisation.
    public var aliases: [String]

    /// Creates an organisation.
    public init(name: String, acronym: String? = nil, aliases: [String] = []) {
        self.name = name
        self.acronym = acronym
        self.aliases = aliases
    }
}

/// What a finding records.
public enum FindingKind: String, Codable, Sendable, CaseIterable {
    /// An observation or conclusion.
    case finding
    /// A decision or resolution.
    case decision
    /// An action item someone must carry out.
    case action
}

/// One observation, decision or action item.
public struct Finding: Codable, Equatable, Sendable {
    /// The item's text, without its label ("RESOLVED:", "ACTION:") or bullet.
    public var text: String
    /// Finding, decision or action.
    public var kind: FindingKind
    /// For actions: who must do it.
    public var owner: String?
    /// For actions: the due date (ISO 8601) when stated.
    public var due: String?
    /// The agenda item or section the finding stands under.
    public var topic: String?

    /// Creates a finding.
    public init(text: String, kind: FindingKind = .finding, owner: String? = nil, due: String? = nil, topic: String? = nil) {
        self.text = text
        self.kind = kind
        self.owner = owner
        self.due = due
        self.topic = topic
    }
}

/// A document the minutes refer to.
public struct RelatedDocument: Codable, Equatable, Sendable {
    /// Its title (the link text or the list entry).
    public var title: String
    /// Where it is, when the minutes give an address.
    public var url: String?

    /// Creates a related document.
    public init(title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }
}
