// The fuzz target over the whole parse path (bytes → record), for every input format.
//
// Built with `-D FUZZING -sanitize=fuzzer,address` (see `.ci/fuzz`) it is a libFuzzer binary:
// `main` hands over to libFuzzer's driver, which calls `LLVMFuzzerTestOneInput` per input.
// Built normally (`swift build`) it is a replay tool: `minutes-fuzz FILE…` runs every file
// through the same path and prints one line per file, so a crash input can be re-run and debugged
// without the sanitizers.
import Foundation
import MinutesCore

/// Runs `bytes` through `MinutesParser` as each of `formats` (nil: guessed from the content), and
/// encodes every record, so the decoder, the three readers, the extractors and the JSON encoders
/// all see the input. Typed `MinutesError`s (binary, empty, …) are expected outcomes.
func exercise(_ bytes: [UInt8], formats: [DocumentFormat?] = [nil, .text, .html, .markdown]) -> [String] {
    var outcomes: [String] = []
    for format in formats {
        let parser = MinutesParser(options: MinutesParser.Options(maxBytes: 64 << 20, format: format))
        do {
            let record = try parser.parse(bytes: bytes, path: "fuzz-input")
            _ = try RecordEncoder.encode(record, style: .json, pretty: false)
            _ = try RecordEncoder.encode(record, style: .jsonld, pretty: false)
            outcomes.append("\(format?.rawValue ?? "guess"): \(record.findings.count) findings, \(record.warnings.count) warnings")
        } catch let error as MinutesError {
            outcomes.append("\(format?.rawValue ?? "guess"): \(error.description)")
        } catch {
            outcomes.append("\(format?.rawValue ?? "guess"): encoding failed: \(error)")
        }
    }
    return outcomes
}

#if FUZZING
/// libFuzzer's driver (libclang_rt.fuzzer): parses libFuzzer's flags and runs the fuzzing loop.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The program's entry point. SwiftPM links an executable target's `main` to `<module>_main`,
/// so the target provides that symbol itself and hands control to libFuzzer's driver.
@_cdecl("minutes_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else {
        _ = exercise([])
        return 0
    }
    // One format per input, chosen by its length, so each execution costs one parse.
    let formats: [DocumentFormat?] = [nil, .text, .html, .markdown]
    _ = exercise(Array(UnsafeBufferPointer(start: data, count: size)), formats: [formats[size % formats.count]])
    return 0
}
#else
/// Without `-D FUZZING`: replays inputs given as arguments and prints each outcome.
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.isEmpty || arguments.contains("-h") || arguments.contains("--help") {
            FileHandle.standardError.write(Data("usage: minutes-fuzz FILE… (replays fuzz inputs through the parser)\n".utf8))
            exit(arguments.isEmpty ? 2 : 0)
        }
        for path in arguments {
            do {
                let bytes = try MinutesParser.readFile(atPath: path, maxBytes: 64 << 20)
                print(path + ": " + exercise(bytes).joined(separator: "; "))
            } catch {
                print("\(error)")
            }
        }
    }
}
#endif
