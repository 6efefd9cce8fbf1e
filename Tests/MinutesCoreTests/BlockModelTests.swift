import Testing
@testable import MinutesCore

/// The block model's compact layout behaves as plain stored properties would.
@Suite("Block model")
struct BlockModelTests {
    @Test("a block is 32 bytes: a long text document holds one per paragraph")
    func blockIsCompact() {
        #expect(MemoryLayout<Block>.stride <= 32)
    }

    @Test("cells, links and classes read back as set, each on its own")
    func rareFieldsReadBack() {
        var block = Block(.tableRow, "a | b", level: 3, cells: ["a", "b"])
        #expect(block.cells == ["a", "b"] && block.links.isEmpty && block.classes.isEmpty && block.level == 3)
        block.links = [Link(text: "x", href: "https://example.org/x")]
        block.classes = ["resolution"]
        #expect(block.cells == ["a", "b"])
        #expect(block.links == [Link(text: "x", href: "https://example.org/x")])
        #expect(block.classes == ["resolution"])
        block.cells = []
        block.links = []
        block.classes = []
        #expect(block == Block(.tableRow, "a | b", level: 3))
    }

    @Test("blocks stay values: changing a copy's links leaves the original alone")
    func copiesAreIndependent() {
        let original = Block(.paragraph, "See the agenda", links: [Link(text: "agenda", href: "a.html")])
        var copy = original
        copy.links.append(Link(text: "notes", href: "b.html"))
        #expect(original.links.count == 1)
        #expect(copy.links.count == 2)
        #expect(original != copy)
    }

    @Test("equal contents are equal blocks, however they were built")
    func equalityByContents() {
        var built = Block(.listItem, "Ann Lee")
        built.classes = ["attendee"]
        #expect(built == Block(.listItem, "Ann Lee", classes: ["attendee"]))
        #expect(built != Block(.listItem, "Ann Lee"))
    }

    @Test("a level beyond 32 bits is clamped, not trapped")
    func levelClamps() {
        var block = Block(.listItem, "deep", level: Int.max)
        #expect(block.level == Int(Int32.max))
        block.level = 2
        #expect(block.level == 2)
    }

    @Test("running texts skip navigation blocks and read the others in order")
    func runningTextsSkipNavigation() {
        let blocks = [Block(.paragraph, "one"), Block(.listItem, "Home", classes: ["nav"]),
                      Block(.paragraph, "two", classes: ["resolution"]), Block(.paragraph, "Footer", classes: ["footer"])]
        #expect(Array(RunningTexts(blocks)) == ["one", "two"])
        #expect(Array(RunningTexts([Block(.paragraph, "a"), Block(.heading, "b")])) == ["a", "b"])
        #expect(RunningTexts([]).isEmpty)
    }
}
