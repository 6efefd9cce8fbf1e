import Foundation
import MinutesCore
// Temporary driver until the CLI lands.
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
for path in CommandLine.arguments.dropFirst(2) {
    do {
        let record = try MinutesParser().parseFile(atPath: path)
        print(String(decoding: try encoder.encode(record), as: UTF8.self))
    } catch {
        FileHandle.standardError.write("minutes: \(error)\n".data(using: .utf8)!)
        exit(1)
    }
}
