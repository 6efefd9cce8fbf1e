import Foundation
import Testing
@testable import MinutesCore

@Suite("Bytes to text")
struct TextDecoderTests {
    @Test func utf8WithBOM() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Malmø".utf8), path: "x")
        #expect(decoded.text == "Malmø")
        #expect(decoded.encoding == "UTF-8")
    }

    @Test func utf16LittleAndBigEndianWithBOM() throws {
        let le: [UInt8] = [0xFF, 0xFE] + "Zoë".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + "Zoë".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try TextDecoder.decode(le, path: "x").text == "Zoë")
        #expect(try TextDecoder.decode(le, path: "x").encoding == "UTF-16LE")
        #expect(try TextDecoder.decode(be, path: "x").encoding == "UTF-16BE")
    }

    @Test func utf16WithoutBOMIsRecognisedWithAWarning() throws {
        let le: [UInt8] = "Present: Ann".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = try TextDecoder.decode(le, path: "x")
        #expect(decoded.text == "Present: Ann")
        #expect(decoded.warnings.contains { $0.contains("byte-order mark") })
    }

    @Test func windows1252HighBytesAreTypographicCharacters() throws {
        // “Hi” – €5 • café in Windows-1252.
        let bytes: [UInt8] = [0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x95, 0x20, 0x63, 0x61, 0x66, 0xE9]
        let decoded = try TextDecoder.decode(bytes, path: "x")
        #expect(decoded.text == "“Hi” – €5 • café")
        #expect(decoded.encoding == "windows-1252")
    }

    @Test func lineEndsNBSPAndNFCAreNormalised() throws {
        let decoded = try TextDecoder.decode(Array("a\r\nb\rc\u{A0}d e\u{301}".utf8), path: "x")
        #expect(decoded.text == "a\nb\nc d é")
    }

    @Test func nulBytesAreRemovedWithAWarning() throws {
        let decoded = try TextDecoder.decode(Array("ab".utf8) + [0] + Array("cd efgh ijkl mnop qrst".utf8), path: "x")
        #expect(decoded.text.hasPrefix("abcd"))
        #expect(decoded.warnings.contains { $0.contains("NUL") })
    }

    @Test func binaryInputIsRefusedNamingTheFile() {
        #expect(throws: MinutesError.binary(path: "logo.png", reason: "PNG image")) {
            try TextDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], path: "logo.png")
        }
    }

    @Test func declaredLatin1IsReadAsWindows1252() throws {
        let decoded = try TextDecoder.decode([0x4D, 0x61, 0x6C, 0x6D, 0xF8], path: "x.html", declaredCharset: "iso-8859-1")
        #expect(decoded.text == "Malmø")
        #expect(decoded.warnings.isEmpty)
    }

    @Test func formatIsGuessedFromExtensionThenContent() {
        #expect(FormatSniffer.format(forPath: "a/b.HTML") == .html)
        #expect(FormatSniffer.format(forPath: "notes.md") == .markdown)
        #expect(FormatSniffer.format(forPath: "minutes") == nil)
        #expect(FormatSniffer.format(forContent: Array("<!DOCTYPE html><html>".utf8)) == .html)
        #expect(FormatSniffer.format(forContent: Array("---\ntitle: x\n---\n".utf8)) == .markdown)
        #expect(FormatSniffer.format(forContent: Array("24 January 2014\n".utf8)) == .text)
        #expect(FormatSniffer.declaredCharset(html: Array("<meta charset=\"ISO-8859-1\">".utf8)) == "iso-8859-1")
    }

    @Test func sha256MatchesTheStandardTestVector() {
        #expect(MinutesParser.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(MinutesParser.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
