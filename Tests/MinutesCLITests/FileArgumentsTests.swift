import Foundation
import Testing
@testable import minutes

/// Long file lists are split off the command line before swift-argument-parser reads it (`FileArguments`): the
/// command must come out as the parser alone makes it.
@Suite("File arguments")
struct FileArgumentsTests {
    /// The options each command's help shows with a value (`--name <value>`), read from the usage line.
    static func optionsWithValue(inHelp help: String) -> Set<String> {
        let usage = help.components(separatedBy: "\n").first { $0.hasPrefix("USAGE:") } ?? ""
        let words = usage.split(separator: " ").map(String.init)
        return Set(zip(words, words.dropFirst()).compactMap { option, value in
            let option = option.trimmingCharacters(in: CharacterSet(charactersIn: "["))
            return option.hasPrefix("--") && value.hasPrefix("<") ? option : nil
        })
    }

    @Test func theValueOptionsAreThoseTheHelpShows() {
        #expect(Self.optionsWithValue(inHelp: ParseCommand.helpMessage()) == FileArguments.optionsWithValue["parse"])
        #expect(Self.optionsWithValue(inHelp: IngestCommand.helpMessage()) == FileArguments.optionsWithValue["ingest"])
    }

    /// Random command lines of files, "-", flags, options with their values (both spellings) and a terminator.
    static func commandLines(for command: String, seed: UInt64) -> [[String]] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let options: [[String]] = command == "parse"
            ? [["--jsonl"], ["--split"], ["--pretty"], ["--format", "jsonld"], ["--format=json"], ["--as", "html"], ["--max-size", "1000"]]
            : [["--index", "/tmp/x.sqlite"], ["--include", "*.md"], ["--exclude=*.txt"], ["--max-size", "99"]]
        return (0..<40).map { _ in
            var line = [command]
            let count = 40 + Int(next() % 200)
            for number in 0..<count {
                switch next() % 12 {
                case 0: line += options[Int(next() % UInt64(options.count))]
                case 1 where number > count / 2 && !line.contains("--"): line.append("--")
                default: line.append("dir/file-\(number).html")
                }
            }
            return line
        }
    }

    @Test func splitCommandLinesParseAsTheParserReadsThemWhole() throws {
        for command in ["parse", "ingest"] {
            for line in Self.commandLines(for: command, seed: command == "parse" ? 1 : 2) {
                let whole = try Minutes.parseAsRoot(line)
                let split = try Minutes.parseCommand(line)
                if let whole = whole as? ParseCommand, let split = split as? ParseCommand {
                    #expect(split.files == whole.files && split.jsonl == whole.jsonl && split.split == whole.split
                            && split.pretty == whole.pretty && split.format == whole.format && split.inputFormat == whole.inputFormat
                            && split.maxSize == whole.maxSize, "\(line)")
                } else if let whole = whole as? IngestCommand, let split = split as? IngestCommand {
                    #expect(split.paths == whole.paths && split.include == whole.include && split.exclude == whole.exclude
                            && split.maxSize == whole.maxSize && split.indexOptions.index == whole.indexOptions.index, "\(line)")
                } else {
                    Issue.record("not the same command: \(line)")
                }
            }
        }
    }

    @Test func longListsAreSplitAndShortOnesAreNot() {
        let files = (0..<200).map { "f\($0).txt" }
        let (kept, taken) = FileArguments.split(["parse", "--as", "text"] + files)
        #expect(kept == ["parse", "--as", "text", "f0.txt"] && taken == Array(files.dropFirst()))
        #expect(FileArguments.split(["parse"] + files.prefix(10)).files.isEmpty)
        #expect(FileArguments.split(["search"] + files).files.isEmpty)
    }
}
