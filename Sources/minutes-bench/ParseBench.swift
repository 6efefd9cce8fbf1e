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
/// Feeding and finishing change a process-wide table, so they take the reader's lock (`MarkdownReader.parsing`).
func bareCmark(_ bytes: [UInt8]) -> Int {
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return 0 }
    defer { cmark_parser_free(parser) }
    for syntaxExtension in MarkdownReader.syntaxExtensions { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
    let finished = MarkdownReader.parsing.withLock {
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

/// Runs `body` over every file `rounds` times, after one untimed round (the first pass of a measurement ran up
/// to half slower on this VM: caches, page faults, the CPU's clock); returns (MB/s, documents/s).
func throughput(_ corpus: CorpusFiles, rounds: Int, _ body: (String, [UInt8]) -> Void) -> (Double, Double) {
    for file in corpus.files { body(file.path, file.bytes) }
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for _ in 0..<rounds { for file in corpus.files { body(file.path, file.bytes) } }
    }
    return rates(corpus, rounds: rounds, elapsed: elapsed)
}

/// (MB/s, documents/s) of `rounds` passes over `corpus` that took `elapsed`.
func rates(_ corpus: CorpusFiles, rounds: Int, elapsed: Duration) -> (Double, Double) {
    let s = max(seconds(elapsed), 1e-9)
    return (Double(corpus.totalBytes * rounds) / s / 1e6, Double(corpus.files.count * rounds) / s)
}

/// Like `throughput`, but the files of each round are parsed on every core through `OrderedPipeline`,
/// as `minutes parse FILE…` does (results taken in file order on this thread).
func parallelThroughput(_ corpus: CorpusFiles, rounds: Int, _ body: @escaping @Sendable (String, [UInt8]) -> Int) -> (Double, Double) {
    let files = corpus.files
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        OrderedPipeline.run(count: files.count * rounds, makeJob: {
            { number in body(files[number % files.count].path, files[number % files.count].bytes) }
        }, deliver: { _, _ in })
    }
    return rates(corpus, rounds: rounds, elapsed: elapsed)
}

/// Prints the parse table.
func runParseBenchmark(corpusDirectory: String, rounds: Int) throws {
    let parser = MinutesParser()
    /// One document's parse and extraction (the count of findings, so the result is used).
    let parse: @Sendable (String, [UInt8]) -> Int = { path, bytes in (try? parser.parse(bytes: bytes, path: path))?.findings.count ?? 0 }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("")
    print("| parse (\(rounds) rounds over \(corpusDirectory)) | files | MB | MB/s | documents/s | vs bare library |")
    print("| --- | --- | --- | --- | --- | --- |")
    func row(_ name: String, _ corpus: CorpusFiles, _ result: (Double, Double), baseline: Double?) {
        let ratio = baseline.map { String(format: "%.0f %%", 100 * result.0 / $0) } ?? "—"
        print(String(format: "| %@ | %d | %.2f | %.1f | %.0f | %@ |", name, corpus.files.count,
                     Double(corpus.totalBytes) / 1e6, result.0, result.1, ratio))
    }
    let html = CorpusFiles.load(corpusDirectory, format: .html)
    let markdown = CorpusFiles.load(corpusDirectory, format: .markdown)
    let text = CorpusFiles.load(corpusDirectory, format: .text)
    let bareHTML = throughput(html, rounds: rounds) { _, bytes in _ = bareLibxml2(bytes) }
    row("HTML, libxml2 alone", html, bareHTML, baseline: nil)
    row("HTML, minutes parse", html, throughput(html, rounds: rounds) { _ = parse($0, $1) }, baseline: bareHTML.0)
    // The same on every core: `minutes parse FILE…` parses its files through `OrderedPipeline`.
    let bareHTMLAll = parallelThroughput(html, rounds: rounds) { _, bytes in bareLibxml2(bytes) }
    row("HTML, libxml2 alone on \(cores) cores", html, bareHTMLAll, baseline: nil)
    row("HTML, minutes parse on \(cores) cores (as `minutes parse FILE…`)", html, parallelThroughput(html, rounds: rounds, parse), baseline: bareHTMLAll.0)
    let bareMarkdown = throughput(markdown, rounds: rounds) { _, bytes in _ = bareCmark(bytes) }
    row("Markdown, cmark-gfm alone", markdown, bareMarkdown, baseline: nil)
    row("Markdown, minutes parse", markdown, throughput(markdown, rounds: rounds) { _ = parse($0, $1) }, baseline: bareMarkdown.0)
    let bareMarkdownAll = parallelThroughput(markdown, rounds: rounds) { _, bytes in bareCmark(bytes) }
    row("Markdown, cmark-gfm alone on \(cores) cores", markdown, bareMarkdownAll, baseline: nil)
    row("Markdown, minutes parse on \(cores) cores", markdown, parallelThroughput(markdown, rounds: rounds, parse), baseline: bareMarkdownAll.0)
    row("Text, minutes parse", text, throughput(text, rounds: rounds) { _ = parse($0, $1) }, baseline: nil)
    row("Text, minutes parse on \(cores) cores", text, parallelThroughput(text, rounds: rounds, parse), baseline: nil)
}
