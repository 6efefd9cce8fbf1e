/// Long lists of files on the command line (`minutes parse archive/*.html`).
///
/// swift-argument-parser 1.8.2 takes the values of a repeating argument in quadratic time: for every value it
/// merges the input positions seen so far and copies the array of values again (16,000 file names took 15 s to
/// parse, before a file was read). So the file arguments of `parse` and `ingest` past the first are taken off the
/// command line before it is parsed, and handed to the command afterwards: the parser still sees and checks the
/// command, every option and the first file. Short lists (at most `threshold` arguments) are left to the parser.
enum FileArguments {
    /// The options of each command that take a value (the next argument, unless written `--name=value`). A test
    /// checks them against the options each command's help lists with a value.
    static let optionsWithValue: [String: Set<String>] = [
        "parse": ["--format", "--as", "--max-size"],
        "ingest": ["--index", "--include", "--exclude", "--max-size"],
    ]

    /// Command lines with more arguments than this are split.
    static let threshold = 64

    /// `arguments` (without the program name) as the parser should see them, and the file arguments taken off them,
    /// in their order (they follow the one file left in `kept`).
    static func split(_ arguments: [String]) -> (kept: [String], files: [String]) {
        guard arguments.count > threshold, let command = arguments.first, let options = optionsWithValue[command] else {
            return (arguments, [])
        }
        var kept = [command], files: [String] = []
        var keptFile = false, afterTerminator = false
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if afterTerminator || argument == "-" || !argument.hasPrefix("-") {
                if keptFile { files.append(argument) } else { kept.append(argument); keptFile = true }
            } else {
                kept.append(argument)
                if argument == "--" {
                    afterTerminator = true
                } else if options.contains(argument), index + 1 < arguments.count {
                    index += 1
                    kept.append(arguments[index])
                }
            }
            index += 1
        }
        return (kept, files)
    }
}
