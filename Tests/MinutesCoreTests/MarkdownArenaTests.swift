import Foundation
import Testing
import CCmarkGFM
@testable import MinutesCore

/// cmark-gfm's arena (`MarkdownArena`) must behave as `calloc` and `realloc` do, and each thread must
/// parse in an arena of its own.
@Suite("Markdown arena")
struct MarkdownArenaTests {
    @Test func callocZeroesAndReallocKeepsTheBytes() {
        MarkdownArena.withArena {
            let memory = MarkdownArena.allocator.pointee
            var generator = SplitMix64(seed: 21)
            var held: [(pointer: UnsafeMutableRawPointer, size: Int, fill: UInt8)] = []
            for round in 0..<2_000 {
                // Small and large sizes, some beyond a block, grown and shrunk, in and out of place.
                let size = round % 97 == 0 ? Int(generator.next() % 300_000) : Int(generator.next() % 700)
                if !held.isEmpty, generator.next() % 3 == 0 {
                    let index = Int(generator.next() % UInt64(held.count))
                    let old = held[index]
                    guard let moved = memory.realloc(old.pointer, size) else { Issue.record("realloc failed"); return }
                    let kept = min(old.size, size)
                    #expect(UnsafeRawBufferPointer(start: moved, count: kept).allSatisfy { $0 == old.fill })
                    memset(moved, Int32(old.fill), size)
                    held[index] = (moved, size, old.fill)
                } else {
                    guard let pointer = memory.calloc(1, max(size, 1)) else { Issue.record("calloc failed"); return }
                    #expect(UnsafeRawBufferPointer(start: pointer, count: size).allSatisfy { $0 == 0 })
                    #expect(Int(bitPattern: pointer) % 16 == 0)
                    let fill = UInt8(truncatingIfNeeded: round | 1)
                    memset(pointer, Int32(fill), size)
                    held.append((pointer, size, fill))
                }
            }
            for block in held {
                #expect(UnsafeRawBufferPointer(start: block.pointer, count: block.size).allSatisfy { $0 == block.fill })
            }
            #expect(memory.calloc(Int.max, 2) == nil)
        }
    }

    @Test func threadsParseInArenasOfTheirOwn() async {
        let texts = (0..<8).map { index in
            (0..<200).map { "## Item \(index)-\($0)\n\n| a | b |\n| - | - |\n| \($0) | [x](https://example.org/\($0)) |\n\n- [ ] task ~~\($0)~~\n" }.joined()
        }
        let expected = texts.map { MarkdownReader(sectionBytes: 4 << 10).read($0, baseURL: nil) }
        let read = await withTaskGroup(of: (Int, BlockDocument).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, MarkdownReader(sectionBytes: 4 << 10).read(text, baseURL: nil)) }
            }
            var read = [BlockDocument?](repeating: nil, count: texts.count)
            for await (index, document) in group { read[index] = document }
            return read
        }
        #expect(read == expected)
    }
}
