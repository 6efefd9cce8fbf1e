import Foundation

/// Writes an `Encodable` value as JSON text straight into one UTF-8 byte buffer, byte for byte the text
/// Foundation's `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]` (plus `.prettyPrinted` when
/// `pretty`), without building the intermediate tree of values and dictionaries `JSONEncoder` builds.
///
/// What it reproduces, from swift-foundation's `JSONWriter`:
/// - object keys sorted by their UTF-8 bytes (`key.utf8.lexicographicallyPrecedes`), as on Linux;
/// - strings escaped the same way: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other bytes below 0x20 as
///   `\u00XX` (lower-case hex); everything else, `/`, U+007F and non-ASCII included, written as its UTF-8 bytes;
/// - integers in decimal, booleans, `null` for an encoded nil (a nil skipped by `encodeIfPresent` writes nothing);
/// - pretty layout: two spaces per level, `"key" : value`, one element or member per line, and an empty
///   array or object written as its brackets around an empty line (`[\n\n  ]`).
///
/// Values it does not write the way `JSONEncoder` does return nil from `encode(_:)`, so the caller can fall
/// back to `JSONEncoder`: floating-point numbers, `Date`, `Data`, `URL`, `Decimal` (which `JSONEncoder` writes
/// with its own strategies), nested containers and super encoders (their members are written after the
/// container's later members), two containers asked for one value, a key encoded twice, a value that encodes
/// nothing, and any error thrown while encoding.
public struct JSONByteEncoder {
    /// Indent the text the way `.prettyPrinted` does.
    public var pretty: Bool

    /// Creates an encoder; `pretty` indents the text.
    public init(pretty: Bool = false) {
        self.pretty = pretty
    }

    /// The JSON text of `value` as UTF-8 bytes, or nil when `value` holds something this encoder does not
    /// write the way `JSONEncoder` does (see the type's description) or its encoding throws.
    public func encode<T: Encodable>(_ value: T) -> [UInt8]? {
        let writer = JSONByteWriter(pretty: pretty)
        do {
            try writer.encodeValue(value, depth: 0)
        } catch {
            return nil
        }
        return writer.text.pointee.unsupported ? nil : Array(writer.text.pointee.bytes.bytes(from: 0, to: writer.text.pointee.bytes.count))
    }
}

/// The text of one `JSONByteEncoder.encode(_:)` being written: the output buffer, the members of the objects
/// still open and the value being encoded.
struct JSONText {
    /// One member written into an open object: its key and where `"key" : value` lies in `bytes`.
    struct Member {
        let key: String
        let start: Int
        let end: Int
    }

    /// What the value being encoded asked for.
    enum Kind {
        case nothing, keyed, unkeyed, single
    }

    /// The value being encoded: what it asked for, its nesting level, where its text starts and where its
    /// object's members start in `members`.
    struct Slot {
        var kind: Kind = .nothing
        var depth: Int
        var start = 0
        var memberBase = 0
    }

    /// The JSON text written so far.
    var bytes = ByteBuffer(capacity: 4096)
    /// True once something was asked for that this encoder does not write like `JSONEncoder`; nothing more is written.
    var unsupported = false
    /// Indent the text the way `.prettyPrinted` does.
    let pretty: Bool
    /// The members of every open object, innermost object last.
    private var members: [Member] = []
    /// The members' text while an object is put in key order.
    private var scratch = ByteBuffer(capacity: 1024)
    /// The value being encoded.
    var slot = Slot(depth: 0)

    init(pretty: Bool) {
        self.pretty = pretty
    }

    /// Marks the slot as holding `kind`; false (and the encoding unsupported) when it already holds a container.
    mutating func open(_ kind: Kind) -> Bool {
        guard slot.kind == .nothing, !unsupported else {
            unsupported = true
            return false
        }
        slot.kind = kind
        slot.start = bytes.count
        slot.memberBase = members.count
        return true
    }

    /// Closes the container `slot` opened (its value's `encode(to:)` returned).
    mutating func close(_ slot: Slot) {
        switch slot.kind {
        case .nothing: unsupported = true
        case .keyed: closeObject(slot)
        case .unkeyed: closeArray(slot)
        case .single: if bytes.count == slot.start { unsupported = true }  // asked for, never written
        }
    }

    // MARK: Members and elements

    /// Writes `"key" : ` (`"key":` when compact) for a member that starts at the end of `bytes`.
    mutating func writeKey(_ key: String) {
        writeString(key)
        writeASCII(pretty ? " : " : ":")
    }

    /// Records the member that was written from `start` to the end of `bytes`.
    mutating func addMember(_ key: String, from start: Int) {
        if unsupported { return }
        members.append(Member(key: key, start: start, end: bytes.count))
    }

    /// Writes what comes before an array element: a comma after the first, and when pretty a new line and the indent.
    mutating func writeElementSeparator(first: Bool, depth: Int) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            writeIndent(depth)
        }
    }

    /// Closes the array opened at `slot.start`.
    private mutating func closeArray(_ slot: Slot) {
        if pretty {
            if bytes.count == slot.start + 1 { bytes.append(UInt8(ascii: "\n")) }
            bytes.append(UInt8(ascii: "\n"))
            writeIndent(slot.depth)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Rewrites the members written since `slot.start` as one object, in key order, with its braces and separators.
    private mutating func closeObject(_ slot: Slot) {
        let count = members.count - slot.memberBase
        guard count > 0 else {
            bytes.append(UInt8(ascii: "{"))
            if pretty {
                bytes.append(UInt8(ascii: "\n"))
                bytes.append(UInt8(ascii: "\n"))
                writeIndent(slot.depth)
            }
            bytes.append(UInt8(ascii: "}"))
            return
        }
        // Insertion sort in place: an object has few members, and sorting a slice would copy it.
        for index in slot.memberBase + 1 ..< members.count {
            var place = index
            while place > slot.memberBase, Self.utf8Order(members[place - 1].key, members[place].key) > 0 {
                members.swapAt(place - 1, place)
                place -= 1
            }
        }
        for index in slot.memberBase + 1 ..< members.count where Self.utf8Order(members[index - 1].key, members[index].key) == 0 {
            unsupported = true  // JSONEncoder keeps the last value written for a key
            return
        }
        scratch.removeAll()
        scratch.append(contentsOf: bytes.bytes(from: slot.start, to: bytes.count))
        bytes.removeAll(from: slot.start)
        bytes.append(UInt8(ascii: "{"))
        for index in slot.memberBase ..< members.count {
            let member = members[index]
            if index > slot.memberBase { bytes.append(UInt8(ascii: ",")) }
            if pretty {
                bytes.append(UInt8(ascii: "\n"))
                writeIndent(slot.depth + 1)
            }
            bytes.append(contentsOf: scratch.bytes(from: member.start - slot.start, to: member.end - slot.start))
        }
        members.removeLast(members.count - slot.memberBase)
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            writeIndent(slot.depth)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    // MARK: Scalars

    /// Writes two spaces per level.
    private mutating func writeIndent(_ depth: Int) {
        bytes.append(UInt8(ascii: " "), count: 2 * depth)
    }

    /// Writes `string` quoted and escaped the way `JSONEncoder` does without slash escaping.
    mutating func writeString(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ writeString(utf8: $0) }) == nil {
            var string = string
            string.withUTF8 { writeString(utf8: $0) }
        }
    }

    /// Whether one of the eight bytes of `word` is below 0x20, a quote or a backslash (the bytes `writeString`
    /// escapes): each test is "some byte is below n" (`(word - n per byte) & ~word & 0x80 per byte`, exact as a
    /// whole-word answer for n <= 0x80), for n = 0x20 and for n = 1 on the word XOR-ed with the quote and the backslash.
    static func holdsEscapedByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (control | quote | backslash) & highBits != 0
    }

    /// Below 0 when `left`'s UTF-8 bytes sort before `right`'s (`left.utf8.lexicographicallyPrecedes(right.utf8)`),
    /// 0 when they are the same bytes, above 0 when they sort after.
    static func utf8Order(_ left: String, _ right: String) -> Int {
        let order = left.utf8.withContiguousStorageIfAvailable { left in
            right.utf8.withContiguousStorageIfAvailable { right -> Int in
                let common = min(left.count, right.count)
                if common > 0, let leftBase = left.baseAddress, let rightBase = right.baseAddress {
                    let order = memcmp(leftBase, rightBase, common)
                    if order != 0 { return Int(order) }
                }
                return left.count - right.count
            }
        }
        if let order = order ?? nil { return order }
        if left.utf8.elementsEqual(right.utf8) { return 0 }
        return left.utf8.lexicographicallyPrecedes(right.utf8) ? -1 : 1
    }

    /// Writes the UTF-8 text `utf8` quoted and escaped the way `JSONEncoder` does without slash escaping.
    private mutating func writeString(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        do {
            var runStart = 0
            var index = 0
            while index < utf8.count {
                // Eight bytes at a time while none needs an escape.
                if index + 8 <= utf8.count, let base = utf8.baseAddress,
                   !Self.holdsEscapedByte(UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))) {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                index += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                let index = index - 1
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart ..< index])) }
                runStart = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    writeASCII("u00")
                    bytes.append(hexDigit(byte >> 4))
                    bytes.append(hexDigit(byte & 0xF))
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `value` in decimal, with a minus sign when negative.
    mutating func writeInteger<Integer: FixedWidthInteger>(_ value: Integer) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = UInt64(value.magnitude)
        let first = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes.reverse(from: first)
    }

    /// The lower-case hexadecimal digit of `value` (0...15).
    private func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Writes the ASCII `text` as it is.
    private mutating func writeASCII(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes `true` or `false`.
    mutating func writeBool(_ value: Bool) {
        writeASCII(value ? "true" : "false")
    }

    /// Writes `null`.
    mutating func writeNull() {
        writeASCII("null")
    }
}

/// The `Encoder` every value of one `JSONByteEncoder.encode(_:)` encodes itself to; containers are written as
/// they are asked for, and the value that asked for one closes it when its `encode(to:)` returns
/// (`encodeValue(_:depth:)`).
final class JSONByteWriter: Encoder {
    /// The text, kept behind a pointer: it is read and written for every member and element, and each access to
    /// a class's own stored property would be checked for exclusivity at run time.
    let text: UnsafeMutablePointer<JSONText>

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(pretty: Bool) {
        text = .allocate(capacity: 1)
        text.initialize(to: JSONText(pretty: pretty))
    }

    deinit {
        text.deinitialize(count: 1)
        text.deallocate()
    }

    /// Writes `value` at nesting level `depth`: strings and integers directly, anything else through its
    /// `encode(to:)`, closing the container it asked for.
    func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
        if text.pointee.unsupported { return }
        if T.self == String.self, let string = value as? String {
            text.pointee.writeString(string)
            return
        }
        if T.self == Int.self, let number = value as? Int {
            text.pointee.writeInteger(number)
            return
        }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            text.pointee.unsupported = true
            return
        }
        let outer = text.pointee.slot
        text.pointee.slot = JSONText.Slot(depth: depth)
        defer { text.pointee.slot = outer }
        try value.encode(to: self)
        if text.pointee.unsupported { return }
        text.pointee.close(text.pointee.slot)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        _ = text.pointee.open(.keyed)
        return KeyedEncodingContainer(JSONByteKeyedContainer<Key>(writer: self, depth: text.pointee.slot.depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if text.pointee.open(.unkeyed) { text.pointee.bytes.append(UInt8(ascii: "[")) }
        return JSONByteUnkeyedContainer(writer: self, depth: text.pointee.slot.depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        _ = text.pointee.open(.single)
        return JSONByteSingleValueContainer(writer: self, depth: text.pointee.slot.depth)
    }
}

/// The members of one JSON object; `JSONByteWriter` puts them in key order when the object's value is done.
struct JSONByteKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONByteWriter
    /// The nesting level of the object (its members are one deeper).
    let depth: Int

    var codingPath: [any CodingKey] { [] }

    /// Writes one member: its key, then what `body` writes as its value.
    private func member(_ key: Key, _ body: () throws -> Void) rethrows {
        if writer.text.pointee.unsupported { return }
        let name = key.stringValue
        let start = writer.text.pointee.bytes.count
        writer.text.pointee.writeKey(name)
        try body()
        writer.text.pointee.addMember(name, from: start)
    }

    mutating func encodeNil(forKey key: Key) throws { member(key) { writer.text.pointee.writeNull() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { member(key) { writer.text.pointee.writeBool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { member(key) { writer.text.pointee.writeString(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { writer.text.pointee.unsupported = true }
    mutating func encode(_ value: Float, forKey key: Key) throws { writer.text.pointee.unsupported = true }
    mutating func encode(_ value: Int, forKey key: Key) throws { member(key) { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { member(key) { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { member(key) { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { member(key) { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { member(key) { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { member(key) { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { member(key) { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { member(key) { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { member(key) { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { member(key) { writer.text.pointee.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try member(key) { try writer.encodeValue(value, depth: depth + 1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.text.pointee.unsupported = true
        return KeyedEncodingContainer(JSONByteKeyedContainer<NestedKey>(writer: writer, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.text.pointee.unsupported = true
        return JSONByteUnkeyedContainer(writer: writer, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        writer.text.pointee.unsupported = true
        return writer
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.text.pointee.unsupported = true
        return writer
    }
}

/// The elements of one JSON array, written in order.
struct JSONByteUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONByteWriter
    /// The nesting level of the array (its elements are one deeper).
    let depth: Int
    /// Elements written so far.
    var count = 0

    var codingPath: [any CodingKey] { [] }

    /// Writes the separator before one more element; false when the encoding is already unsupported.
    private mutating func element() -> Bool {
        if writer.text.pointee.unsupported { return false }
        writer.text.pointee.writeElementSeparator(first: count == 0, depth: depth + 1)
        count += 1
        return true
    }

    mutating func encodeNil() throws { if element() { writer.text.pointee.writeNull() } }
    mutating func encode(_ value: Bool) throws { if element() { writer.text.pointee.writeBool(value) } }
    mutating func encode(_ value: String) throws { if element() { writer.text.pointee.writeString(value) } }
    mutating func encode(_ value: Double) throws { writer.text.pointee.unsupported = true }
    mutating func encode(_ value: Float) throws { writer.text.pointee.unsupported = true }
    mutating func encode(_ value: Int) throws { if element() { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { if element() { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { if element() { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { if element() { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { if element() { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { if element() { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { if element() { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { if element() { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { if element() { writer.text.pointee.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { if element() { writer.text.pointee.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if element() { try writer.encodeValue(value, depth: depth + 1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.text.pointee.unsupported = true
        return KeyedEncodingContainer(JSONByteKeyedContainer<NestedKey>(writer: writer, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.text.pointee.unsupported = true
        return JSONByteUnkeyedContainer(writer: writer, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        writer.text.pointee.unsupported = true
        return writer
    }
}

/// The one value of a `singleValueContainer()`, written where the value stands.
struct JSONByteSingleValueContainer: SingleValueEncodingContainer {
    let writer: JSONByteWriter
    /// The nesting level of the value.
    let depth: Int

    var codingPath: [any CodingKey] { [] }

    /// Runs `body` unless the encoding is already unsupported.
    private func value(_ body: () throws -> Void) rethrows {
        if !writer.text.pointee.unsupported { try body() }
    }

    func encodeNil() throws { value { writer.text.pointee.writeNull() } }
    func encode(_ value: Bool) throws { self.value { writer.text.pointee.writeBool(value) } }
    func encode(_ value: String) throws { self.value { writer.text.pointee.writeString(value) } }
    func encode(_ value: Double) throws { writer.text.pointee.unsupported = true }
    func encode(_ value: Float) throws { writer.text.pointee.unsupported = true }
    func encode(_ value: Int) throws { self.value { writer.text.pointee.writeInteger(value) } }
    func encode(_ value: Int8) throws { self.value { writer.text.pointee.writeInteger(value) } }
    func encode(_ value: Int16) throws { self.value { writer.text.pointee.writeInteger(value) } }
    func encode(_ value: Int32) throws { self.value { writer.text.pointee.writeInteger(value) } }
    func encode(_ value: Int64) throws { self.value { writer.text.pointee.writeInteger(value) } }
    func encode(_ value: UInt) throws { self.value { writer.text.pointee.writeInteger(value) } }
    func encode(_ value: UInt8) throws { self.value { writer.text.pointee.writeInteger(value) } }
    func encode(_ value: UInt16) throws { self.value { writer.text.pointee.writeInteger(value) } }
    func encode(_ value: UInt32) throws { self.value { writer.text.pointee.writeInteger(value) } }
    func encode(_ value: UInt64) throws { self.value { writer.text.pointee.writeInteger(value) } }
    func encode<T: Encodable>(_ value: T) throws {
        let depth = depth
        try self.value { try writer.encodeValue(value, depth: depth) }
    }
}
