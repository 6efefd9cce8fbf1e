// Parse and ingest benchmark over the real documents of Corpus/.
//
// Compares, on the same bytes: libxml2 alone (htmlReadMemory + walking every text node +
// xmlFreeDoc, errors off) and cmark-gfm alone against the full minutes parse (decode, read,
// extract) per format. (The ingest benchmark is in IngestBench.swift.)

import CCmarkGFM
import CLibXML2
import Foundation
import MinutesCore
import MinutesIndex

/// The corpus files of one format, loaded once.
struct CorpusFiles {
    var files: [(path: String, bytes: [UInt8])]
    var totalBytes: Int { files.reduce(0) { $0 + $1.bytes.count } }

    /// The same files `passes` times over, one pass after the other (the bytes are shared, not copied).
    func repeated(_ passes: Int) -> CorpusFiles {
        CorpusFiles(files: Array((0..<max(1, passes)).map { _ in files }.joined()))
    }

    /// Every file below `directory` whose extension names `format`.
    static func load(_ directory: String, format: DocumentFormat) -> CorpusFiles {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [(String, [UInt8])] = []
        while let relative = enumerator?.nextObject() as? String {
            let path = directory + "/" + relative
            guard FormatSniffer.format(forPath: path) == format, let data = FileManager.default.contents(atPath: path) else { continue }
            files.append((path, [UInt8](data)))
        }
        return CorpusFiles(files: files.sorted { $0.0 < $1.0 })
    }
}

/// libxml2 alone: parse, visit every text node, free.
func bareLibxml2(_ bytes: [UInt8]) -> Int {
    minutes_xml_silence_errors()
    let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
    let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.flatMap { base in
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options) }
        }
    }
    guard let doc else { return 0 }
    defer { xmlFreeDoc(doc) }
    var textBytes = 0
    var stack: [xmlNodePtr] = []
    if let root = xmlDocGetRootElement(doc) { stack.append(root) }
    while let node = stack.popLast() {
        if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content { textBytes += strlen(content) }
        var child = node.pointee.children
        while let current = child { stack.append(current); child = current.pointee.next }
    }
    return textBytes
}

/// cmark-gfm alone with the reader's extensions (table, tasklist, autolink, strikethrough): parse and free.
/// Feeding and finishing go through `MarkdownCharacterTable.parsing`, as the reader's do.
func bareCmark(_ bytes: [UInt8]) -> Int {
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return 0 }
    defer { cmark_parser_free(parser) }
    for syntaxExtension in MarkdownReader.syntaxExtensions { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
    let finished = MarkdownCharacterTable.parsing {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        return cmark_parser_finish(parser)
    }
    guard let root = finished else { return 0 }
    cmark_node_free(root)
    return bytes.count
}

/// Peak resident memory of this process so far, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// One pass over every file of `corpus` on this thread.
func serialRound(_ corpus: CorpusFiles, _ body: @escaping (String, [UInt8]) -> Void) -> () -> Void {
    { for file in corpus.files { body(file.path, file.bytes) } }
}

/// One pass over every file of `corpus` on every core through `OrderedPipeline`, as `minutes parse FILE…`
/// does (results taken in file order on this thread).
func parallelRound(_ corpus: CorpusFiles, _ body: @escaping @Sendable (String, [UInt8]) -> Int) -> () -> Void {
    let files = corpus.files
    return {
        OrderedPipeline.run(count: files.count, makeJob: { { number in body(files[number].path, files[number].bytes) } },
                            deliver: { _, _ in })
    }
}

/// The median of `values` (the mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// A contender's measured rounds: the median MB/s and documents/s, and each round's seconds.
struct RoundRates {
    var megabytesPerSecond: Double
    var documentsPerSecond: Double
    var seconds: [Double]
}

/// Times `contenders` (each one pass over `corpus`) in turn, round after round, after one untimed round of each
/// (the first pass of a measurement ran up to half slower on this VM: caches, page faults, the CPU's clock).
/// Taking turns exposes all contenders to the same load; the median round resists the VM's bursts.
func interleavedRates(_ corpus: CorpusFiles, rounds: Int, _ contenders: [() -> Void]) -> [RoundRates] {
    for round in contenders { round() }
    let clock = ContinuousClock()
    var times = Array(repeating: [Double](), count: contenders.count)
    for _ in 0..<max(1, rounds) {
        for (index, round) in contenders.enumerated() { times[index].append(max(seconds(clock.measure(round)), 1e-9)) }
    }
    return times.map { seconds in
        let typical = median(seconds)
        return RoundRates(megabytesPerSecond: Double(corpus.totalBytes) / typical / 1e6,
                          documentsPerSecond: Double(corpus.files.count) / typical, seconds: seconds)
    }
}

/// The median over rounds of `bare`'s time over `full`'s time in the same round: the share of the bare library's
/// speed that the full parse reaches.
func medianRatio(full: RoundRates, bare: RoundRates) -> Double {
    median(zip(full.seconds, bare.seconds).map { $1 / $0 })
}

/// Prints the parse table: each format's bare library and full parse measured in turn, on one core and then on every core.
func runParseBenchmark(corpusDirectory: String, rounds: Int) throws {
    let parser = MinutesParser()
    /// One document's parse and extraction (the count of findings, so the result is used).
    let parse: @Sendable (String, [UInt8]) -> Int = { path, bytes in (try? parser.parse(bytes: bytes, path: path))?.findings.count ?? 0 }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("")
    print("| parse (\(rounds) rounds over \(corpusDirectory), bare library and minutes in turn; median round) | files | MB | MB/s | documents/s | vs bare library, median of rounds |")
    print("| --- | --- | --- | --- | --- | --- |")
    func row(_ name: String, _ corpus: CorpusFiles, _ result: RoundRates, ratio: Double?) {
        let share = ratio.map { String(format: "%.0f %%", 100 * $0) } ?? "—"
        print(String(format: "| %@ | %d | %.2f | %.1f | %.0f | %@ |", name, corpus.files.count,
                     Double(corpus.totalBytes) / 1e6, result.megabytesPerSecond, result.documentsPerSecond, share))
    }
    /// Measures `bare` and the full parse in turn and prints both rows.
    func compare(_ corpus: CorpusFiles, bareName: String, fullName: String, bare: @escaping () -> Void, full: @escaping () -> Void) {
        let measured = interleavedRates(corpus, rounds: rounds, [bare, full])
        row(bareName, corpus, measured[0], ratio: nil)
        row(fullName, corpus, measured[1], ratio: medianRatio(full: measured[1], bare: measured[0]))
    }
    let html = CorpusFiles.load(corpusDirectory, format: .html)
    let markdown = CorpusFiles.load(corpusDirectory, format: .markdown)
    let text = CorpusFiles.load(corpusDirectory, format: .text)
    // On every core a round parses the files four times over in one pipeline, as `minutes parse` goes through an
    // archive: in a single pass the largest files (two of the nine text files hold 80 % of the bytes) would leave
    // a core idle at the end of every round.
    let passes = 4
    compare(html, bareName: "HTML, libxml2 alone", fullName: "HTML, minutes parse",
            bare: serialRound(html) { _, bytes in _ = bareLibxml2(bytes) }, full: serialRound(html) { _ = parse($0, $1) })
    // The same on every core: `minutes parse FILE…` parses its files through `OrderedPipeline`.
    let htmlPasses = html.repeated(passes), markdownPasses = markdown.repeated(passes), textPasses = text.repeated(passes)
    compare(htmlPasses, bareName: "HTML, libxml2 alone on \(cores) cores (\(passes) passes a round)",
            fullName: "HTML, minutes parse on \(cores) cores (as `minutes parse FILE…`, \(passes) passes a round)",
            bare: parallelRound(htmlPasses) { _, bytes in bareLibxml2(bytes) }, full: parallelRound(htmlPasses, parse))
    compare(markdown, bareName: "Markdown, cmark-gfm alone", fullName: "Markdown, minutes parse",
            bare: serialRound(markdown) { _, bytes in _ = bareCmark(bytes) }, full: serialRound(markdown) { _ = parse($0, $1) })
    compare(markdownPasses, bareName: "Markdown, cmark-gfm alone on \(cores) cores (\(passes) passes a round)",
            fullName: "Markdown, minutes parse on \(cores) cores (\(passes) passes a round)",
            bare: parallelRound(markdownPasses) { _, bytes in bareCmark(bytes) }, full: parallelRound(markdownPasses, parse))
    // Text has no bare library: one core and every core take turns, both over the files four times over.
    let textRates = interleavedRates(textPasses, rounds: rounds, [serialRound(textPasses) { _ = parse($0, $1) }, parallelRound(textPasses, parse)])
    row("Text, minutes parse (\(passes) passes a round)", textPasses, textRates[0], ratio: nil)
    row("Text, minutes parse on \(cores) cores (\(passes) passes a round)", textPasses, textRates[1], ratio: nil)
}
