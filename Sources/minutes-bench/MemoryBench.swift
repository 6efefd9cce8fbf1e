// Parse memory benchmark: peak resident memory of one parse of a large document, per format,
// against the bare library (libxml2 tree, cmark-gfm tree) on the same bytes.
//
// Each measurement runs in a child process (this executable again, with `--memory-child`), so
// the peak is that parse's own: the child prints its VmHWM. The fixed
// cost of a process (runtime, libraries, word lists) is taken off by measuring the same mode on
// the smallest corpus file of the same format; what is left, divided by the difference in input
// size, is the parse's memory per input byte.

import Foundation
import MinutesCore

/// What a memory child process does with its file.
enum MemoryChildMode: String {
    /// libxml2 or cmark-gfm alone (by the file's format); plain text has no library.
    case bare
    /// The full minutes parse.
    case parse
}

/// Runs as a memory child: reads `path`, parses it in `mode`, exits.
func runMemoryChild(mode: MemoryChildMode, path: String) -> Never {
    // Read the way `minutes parse` reads (one buffer of the file's bytes, no `Data` copy besides).
    guard let bytes = try? MinutesParser.readFile(atPath: path, maxBytes: .max) else { exit(1) }
    switch mode {
    case .bare:
        switch FormatSniffer.format(forPath: path) {
        case .html: _ = bareLibxml2(bytes)
        case .markdown: _ = bareCmark(bytes)
        default: break
        }
    case .parse:
        // The word lists are loaded first, whatever the file: they are a fixed cost of the process
        // (the smallest file may not need them), not memory of this parse.
        _ = Lexicon.shared.contains("minutes")
        _ = try? MinutesParser().parse(bytes: consume bytes, path: path)
    }
    print(highWaterKilobytes() ?? 0)
    exit(0)
}

/// Peak resident memory, in bytes, of this executable run as a memory child on `path`: the
/// child prints its own VmHWM (the high-water mark of the memory its program mapped, which
/// starts afresh at exec; the parent's ru_maxrss of a spawned child can carry the parent's).
func childPeakBytes(mode: MemoryChildMode, path: String) -> Int? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = ["--memory-child", mode.rawValue, path]
    let output = Pipe()
    process.standardOutput = output
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8),
          let kilobytes = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
    return kilobytes * 1024
}

/// This process's peak resident memory so far (VmHWM of /proc/self/status), in kB.
func highWaterKilobytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
    return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
}

/// Writes, under `directory`, one file of `format` made of the corpus files of that format
/// repeated until it holds at least `targetBytes`, and a copy of the smallest of them (the
/// baseline: it loads the same word lists and runs the same rules); returns their paths.
func memoryInputs(_ corpus: CorpusFiles, format: DocumentFormat, targetBytes: Int,
                  directory: String) throws -> (large: String, small: String)? {
    guard let smallest = corpus.files.min(by: { $0.bytes.count < $1.bytes.count }) else { return nil }
    var large: [UInt8] = []
    large.reserveCapacity(targetBytes + corpus.totalBytes)
    while large.count < targetBytes {
        for file in corpus.files {
            large += file.bytes
            large.append(0x0A)
        }
    }
    let suffix = URL(fileURLWithPath: smallest.path).pathExtension
    let largePath = directory + "/large." + suffix, smallPath = directory + "/small." + suffix
    try Data(large).write(to: URL(fileURLWithPath: largePath))
    try Data(smallest.bytes).write(to: URL(fileURLWithPath: smallPath))
    return (largePath, smallPath)
}

/// Prints the parse memory table.
func runMemoryBenchmark(corpusDirectory: String, targetBytes: Int) throws {
    let directory = NSTemporaryDirectory() + "minutes-bench-memory-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    print("")
    print("| parse memory (one large document: peak RSS of a child process less that of the smallest corpus file, per byte more) | input MB | bare library MB | bare library × input | minutes parse MB | minutes parse × input |")
    print("| --- | --- | --- | --- | --- | --- |")
    for (name, format) in [("HTML", DocumentFormat.html), ("Markdown", .markdown), ("Text", .text)] {
        let corpus = CorpusFiles.load(corpusDirectory, format: format)
        guard let inputs = try memoryInputs(corpus, format: format, targetBytes: targetBytes, directory: directory),
              let largeSize = try FileManager.default.attributesOfItem(atPath: inputs.large)[.size] as? Int,
              let smallSize = try FileManager.default.attributesOfItem(atPath: inputs.small)[.size] as? Int else { continue }
        let size = max(1, largeSize - smallSize)
        func extra(_ mode: MemoryChildMode) -> Double? {
            guard let large = childPeakBytes(mode: mode, path: inputs.large),
                  let small = childPeakBytes(mode: mode, path: inputs.small) else { return nil }
            return Double(max(0, large - small))
        }
        let bare = format == .text ? nil : extra(.bare)
        let parse = extra(.parse)
        func cells(_ value: Double?) -> String {
            guard let value else { return "— | —" }
            return String(format: "%.1f | %.1f×", value / 1e6, value / Double(size))
        }
        print(String(format: "| %@ (Corpus files repeated) | %.1f | ", name, Double(largeSize) / 1e6) + cells(bare) + " | " + cells(parse) + " |")
    }
}
