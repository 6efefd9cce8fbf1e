import Foundation
import Testing
@testable import MinutesCore

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Corpus and Output")
struct CorpusTests {
    let snapshot = CorpusSnapshot(corpus: repositoryRoot.appendingPathComponent("Corpus"),
                                  output: repositoryRoot.appendingPathComponent("Output"))

    @Test func outputIsInSyncWithCorpus() throws {
        let stale = try snapshot.staleOutputs()
        #expect(stale.isEmpty, "Output/ is stale for \(stale.prefix(5)); regenerate with `swift run minutes snapshot`")
    }

    @Test func everyCorpusDocumentHasProvenance() throws {
        let manifest = try String(contentsOf: repositoryRoot.appendingPathComponent("Corpus/MANIFEST.tsv"), encoding: .utf8)
        let listed = Set(manifest.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) })
        for document in try snapshot.documents() {
            #expect(listed.contains(document), "\(document) is not in Corpus/MANIFEST.tsv")
        }
    }

    @Test func everyOutputMatchesTheJSONSchema() throws {
        let schemaData = try Data(contentsOf: repositoryRoot.appendingPathComponent("Sources/MinutesCore/Resources/minutes-record.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        for (path, data) in try snapshot.expected() {
            let value = try JSONSerialization.jsonObject(with: data)
            let problems = SchemaValidator.problems(value, schema: schema)
            #expect(problems.isEmpty, "\(path): \(problems.prefix(3))")
        }
    }

    @Test func jsonLDIsASchemaOrgEvent() throws {
        let record = try MinutesParser().parseFile(atPath: repositoryRoot.appendingPathComponent("Corpus/seed/000_959c3c468aa64ac9.txt").path)
        let data = try RecordEncoder.encode(record, style: .jsonld)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["@type"] as? String == "Event")
        #expect(object["startDate"] as? String == "2014-01-24")
        let attendees = try #require(object["attendee"] as? [[String: Any]])
        #expect(attendees.count == 11)
        let first = try #require(attendees.first)
        #expect(first["@type"] as? String == "Person")
        #expect((first["affiliation"] as? [String: Any])?["@type"] as? String == "Organization")
    }

    @Test func jsonRoundTrips() throws {
        let record = try MinutesParser().parseFile(atPath: repositoryRoot.appendingPathComponent("Corpus/seed/000_959c3c468aa64ac9.txt").path)
        #expect(try RecordEncoder.decode(RecordEncoder.encode(record)) == record)
    }
}

/// The seed document, field by field, as a reader of it would write the record.
@Suite("Seed document")
struct SeedDocumentTests {
    let record: MeetingRecord

    init() throws {
        record = try MinutesParser().parseFile(atPath: repositoryRoot.appendingPathComponent("Corpus/seed/000_959c3c468aa64ac9.txt").path)
    }

    @Test func dateLocationAndSource() {
        #expect(record.date == "2014-01-24")
        #expect(record.location == "Copenhagen")
        #expect(record.source.format == .text)
        #expect(record.source.encoding == "UTF-8")
    }

    @Test func elevenParticipantsWithTitlesAndOrganisations() throws {
        #expect(record.participants.count == 11)
        let fredrik = try #require(record.participants.first { $0.name == "Fredrik Romberg" })
        #expect(fredrik.jobTitle == "Director")
        #expect(fredrik.organisation == "Bright Green Island – Business Center Bornholm")
        let lovisa = try #require(record.participants.first { $0.name == "Lovisa Selander" })
        #expect(lovisa.jobTitle == "Head of Water and Enviromental Affairs")
        #expect(record.participants.allSatisfy { $0.attendance == .present })
    }

    @Test func organisationsMergedWithAcronymsAndAliases() {
        let byName = Dictionary(record.organisations.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(record.organisations.count == 11)
        #expect(byName["Copenhagen Cleantech Cluster"]?.acronym == "CCC")
        #expect(byName["Global Cleantech Cluster Association"]?.acronym == "GCCA")
        #expect(byName["International Cleantech Network"]?.acronym == "ICN")
        #expect(byName["Bright Green Island – Business Center Bornholm"]?.aliases == ["Bornholm Bright Green Island"])
        #expect(byName["Copenhagen Business School"]?.acronym == "CBS")
    }

    @Test func fiveRepairedFindings() {
        #expect(record.findings.count == 5)
        #expect(record.findings.allSatisfy { $0.kind == .finding })
        let text = record.findings.map(\.text).joined(separator: " ")
        for repaired in ["Hub and Bornholm", "cleantech cluster networks", "an opportunity", "business-to-business cooperation",
                         "Region. Thus", "in terms foreign", "others in demonstration", "benchmarking", "entrepreneurship"] {
            #expect(text.contains(repaired), "missing repair: \(repaired)")
        }
    }

    @Test func relatedDocumentTitle() {
        #expect(record.relatedDocuments == [RelatedDocument(title: "Benefits from cross-cluster collaboration in the Baltic Sea Region")])
    }
}

/// A small JSON Schema checker: type, const, enum, required, properties,
/// additionalProperties: false, items, pattern, minLength, minimum — what our schema uses.
enum SchemaValidator {
    static func problems(_ value: Any, schema: [String: Any], at path: String = "$") -> [String] {
        var problems: [String] = []
        if let type = schema["type"] as? String, !matches(value, type: type) {
            return ["\(path): expected \(type)"]
        }
        if let constant = schema["const"] as? String, value as? String != constant { problems.append("\(path): expected \(constant)") }
        if let options = schema["enum"] as? [String], !(value is String && options.contains(value as? String ?? "")) {
            problems.append("\(path): \(value) not in \(options)")
        }
        if let string = value as? String {
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): \(string) does not match \(pattern)")
            }
            if let min = schema["minLength"] as? Int, string.count < min { problems.append("\(path): shorter than \(min)") }
        }
        if let number = value as? Int, let min = schema["minimum"] as? Int, number < min { problems.append("\(path): below \(min)") }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing \(key)") }
            for (key, child) in object {
                if let sub = properties[key] {
                    problems += Self.problems(child, schema: sub, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unexpected \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, element) in array.enumerated() { problems += Self.problems(element, schema: items, at: "\(path)[\(i)]") }
        }
        return problems
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "integer": return value is Int
        default: return true
        }
    }
}
