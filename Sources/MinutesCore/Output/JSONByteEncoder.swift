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
        return writer.unsupported ? nil : writer.bytes
    }
}

/// The state of one `JSONByteEncoder.encode(_:)`: the output buffer and the members of the objects still open.
/// It is the `Encoder` every value encodes itself to; containers are written as they are asked for, and the
/// value that asked for one closes it when its `encode(to:)` returns (`encodeValue(_:depth:)`).
final class JSONByteWriter: Encoder {
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
    var bytes: [UInt8] = []
    /// True once something was asked for that this encoder does not write like `JSONEncoder`; nothing more is written.
    var unsupported = false
    let pretty: Bool
    /// The members of every open object, innermost object last.
    private var members: [Member] = []
    /// The members' text while an object is put in key order.
    private var scratch: [UInt8] = []
    private var slot = Slot(depth: 0)

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    // MARK: Values

    /// Writes `value` at nesting level `depth`: strings and integers directly, anything else through its
    /// `encode(to:)`, closing the container it asked for.
    func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
        if unsupported { return }
        if T.self == String.self, let string = value as? String {
            writeString(string)
            return
        }
        if T.self == Int.self, let number = value as? Int {
            writeInteger(number)
            return
        }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            unsupported = true
            return
        }
        let outer = slot
        slot = Slot(depth: depth)
        defer { slot = outer }
        try value.encode(to: self)
        if unsupported { return }
        switch slot.kind {
        case .nothing: unsupported = true
        case .keyed: closeObject(slot)
        case .unkeyed: closeArray(slot)
        case .single: if bytes.count == slot.start { unsupported = true }  // asked for, never written
        }
    }

    /// Marks the slot as holding `kind`; false (and the encoding unsupported) when it already holds a container.
    private func open(_ kind: Kind) -> Bool {
        guard slot.kind == .nothing, !unsupported else {
            unsupported = true
            return false
        }
        slot.kind = kind
        slot.start = bytes.count
        slot.memberBase = members.count
        return true
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        _ = open(.keyed)
        return KeyedEncodingContainer(JSONByteKeyedContainer<Key>(writer: self, depth: slot.depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if open(.unkeyed) { bytes.append(UInt8(ascii: "[")) }
        return JSONByteUnkeyedContainer(writer: self, depth: slot.depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        _ = open(.single)
        return JSONByteSingleValueContainer(writer: self, depth: slot.depth)
    }

    // MARK: Members and elements

    /// Writes `"key" : ` (`"key":` when compact) for a member that starts at the end of `bytes`.
    func writeKey(_ key: String) {
        writeString(key)
        writeASCII(pretty ? " : " : ":")
    }

    /// Records the member that was written from `start` to the end of `bytes`.
    func addMember(_ key: String, from start: Int) {
        if unsupported { return }
        members.append(Member(key: key, start: start, end: bytes.count))
    }

    /// Writes what comes before an array element: a comma after the first, and when pretty a new line and the indent.
    func writeElementSeparator(first: Bool, depth: Int) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            writeIndent(depth)
        }
    }

    /// Closes the array opened at `slot.start`.
    private func closeArray(_ slot: Slot) {
        if pretty {
            if bytes.count == slot.start + 1 { bytes.append(UInt8(ascii: "\n")) }
            bytes.append(UInt8(ascii: "\n"))
            writeIndent(slot.depth)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Rewrites the members written since `slot.start` as one object, in key order, with its braces and separators.
    private func closeObject(_ slot: Slot) {
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
        members[slot.memberBase...].sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for index in slot.memberBase + 1 ..< members.count where members[index - 1].key == members[index].key {
            unsupported = true  // JSONEncoder keeps the last value written for a key
            return
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[slot.start...])
        bytes.removeSubrange(slot.start...)
        bytes.append(UInt8(ascii: "{"))
        for index in slot.memberBase ..< members.count {
            let member = members[index]
            if index > slot.memberBase { bytes.append(UInt8(ascii: ",")) }
            if pretty {
                bytes.append(UInt8(ascii: "\n"))
                writeIndent(slot.depth + 1)
            }
            bytes.append(contentsOf: scratch[(member.start - slot.start) ..< (member.end - slot.start)])
        }
        members.removeSubrange(slot.memberBase...)
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            writeIndent(slot.depth)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    // MARK: Scalars

    /// Writes two spaces per level.
    private func writeIndent(_ depth: Int) {
        for _ in 0 ..< 2 * depth { bytes.append(UInt8(ascii: " ")) }
    }

    /// Writes `string` quoted and escaped the way `JSONEncoder` does without slash escaping.
    func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
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
    func writeInteger<Integer: FixedWidthInteger>(_ value: Integer) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = UInt64(value.magnitude)
        let first = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[first...].reverse()
    }

    /// The lower-case hexadecimal digit of `value` (0...15).
    private func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Writes the ASCII `text` as it is.
    private func writeASCII(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes `true` or `false`.
    func writeBool(_ value: Bool) {
        writeASCII(value ? "true" : "false")
    }

    /// Writes `null`.
    func writeNull() {
        writeASCII("null")
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
        if writer.unsupported { return }
        let name = key.stringValue
        let start = writer.bytes.count
        writer.writeKey(name)
        try body()
        writer.addMember(name, from: start)
    }

    mutating func encodeNil(forKey key: Key) throws { member(key) { writer.writeNull() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { member(key) { writer.writeBool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { member(key) { writer.writeString(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { writer.unsupported = true }
    mutating func encode(_ value: Float, forKey key: Key) throws { writer.unsupported = true }
    mutating func encode(_ value: Int, forKey key: Key) throws { member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { member(key) { writer.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try member(key) { try writer.encodeValue(value, depth: depth + 1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.unsupported = true
        return KeyedEncodingContainer(JSONByteKeyedContainer<NestedKey>(writer: writer, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.unsupported = true
        return JSONByteUnkeyedContainer(writer: writer, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        writer.unsupported = true
        return writer
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.unsupported = true
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
        if writer.unsupported { return false }
        writer.writeElementSeparator(first: count == 0, depth: depth + 1)
        count += 1
        return true
    }

    mutating func encodeNil() throws { if element() { writer.writeNull() } }
    mutating func encode(_ value: Bool) throws { if element() { writer.writeBool(value) } }
    mutating func encode(_ value: String) throws { if element() { writer.writeString(value) } }
    mutating func encode(_ value: Double) throws { writer.unsupported = true }
    mutating func encode(_ value: Float) throws { writer.unsupported = true }
    mutating func encode(_ value: Int) throws { if element() { writer.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { if element() { writer.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { if element() { writer.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { if element() { writer.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { if element() { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { if element() { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { if element() { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { if element() { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { if element() { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { if element() { writer.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if element() { try writer.encodeValue(value, depth: depth + 1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.unsupported = true
        return KeyedEncodingContainer(JSONByteKeyedContainer<NestedKey>(writer: writer, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.unsupported = true
        return JSONByteUnkeyedContainer(writer: writer, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        writer.unsupported = true
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
        if !writer.unsupported { try body() }
    }

    func encodeNil() throws { value { writer.writeNull() } }
    func encode(_ value: Bool) throws { self.value { writer.writeBool(value) } }
    func encode(_ value: String) throws { self.value { writer.writeString(value) } }
    func encode(_ value: Double) throws { writer.unsupported = true }
    func encode(_ value: Float) throws { writer.unsupported = true }
    func encode(_ value: Int) throws { self.value { writer.writeInteger(value) } }
    func encode(_ value: Int8) throws { self.value { writer.writeInteger(value) } }
    func encode(_ value: Int16) throws { self.value { writer.writeInteger(value) } }
    func encode(_ value: Int32) throws { self.value { writer.writeInteger(value) } }
    func encode(_ value: Int64) throws { self.value { writer.writeInteger(value) } }
    func encode(_ value: UInt) throws { self.value { writer.writeInteger(value) } }
    func encode(_ value: UInt8) throws { self.value { writer.writeInteger(value) } }
    func encode(_ value: UInt16) throws { self.value { writer.writeInteger(value) } }
    func encode(_ value: UInt32) throws { self.value { writer.writeInteger(value) } }
    func encode(_ value: UInt64) throws { self.value { writer.writeInteger(value) } }
    func encode<T: Encodable>(_ value: T) throws {
        let depth = depth
        try self.value { try writer.encodeValue(value, depth: depth) }
    }
}
