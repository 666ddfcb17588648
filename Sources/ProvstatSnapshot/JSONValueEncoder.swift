import Foundation

/// Encodes `Encodable` values into a `JSONValue` tree, writing `Decimal`s from their exact text.
///
/// Optionals that are nil are left out, as the synthesised `encodeIfPresent` asks.
public struct JSONValueEncoder: Sendable {
    public init() {}

    /// The tree for `value`.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = TreeEncoder(codingPath: [])
        try root.encodeValue(value)
        guard let tree = root.storage.value else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "\(T.self) encoded nothing"))
        }
        return tree
    }
}

// MARK: - Storage

/// A JSON node under construction: containers are filled after they are handed out, so they are
/// references until `value` freezes them.
private final class Node {
    enum Kind {
        case empty
        case leaf(JSONValue)
        case array([Node])
        case object([String: Node])
    }

    var kind: Kind = .empty

    var value: JSONValue? {
        switch kind {
        case .empty: nil
        case .leaf(let value): value
        case .array(let nodes): .array(nodes.map { $0.value ?? .null })
        case .object(let nodes): .object(nodes.compactMapValues(\.value))
        }
    }

    func child(forKey key: String) -> Node {
        let node = Node()
        if case .object(var nodes) = kind {
            // Empty `kind` first so that `nodes` is the only reference: the insertion then
            // happens in place instead of copying every member (quadratic in a big snapshot).
            kind = .empty
            nodes[key] = node
            kind = .object(nodes)
        } else {
            kind = .object([key: node])
        }
        return node
    }

    func appendChild() -> Node {
        let node = Node()
        if case .array(var nodes) = kind {
            kind = .empty  // as above: append in place, not into a copy
            nodes.append(node)
            kind = .array(nodes)
        } else {
            kind = .array([node])
        }
        return node
    }
}

// MARK: - Encoder

private final class TreeEncoder: Encoder, SingleValueEncodingContainer {
    let storage: Node
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [CodingKey], storage: Node = Node()) {
        self.codingPath = codingPath
        self.storage = storage
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.kind {} else { storage.kind = .object([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = storage.kind {} else { storage.kind = .array([]) }
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { self }

    // MARK: Values

    func encodeValue<T: Encodable>(_ value: T) throws {
        switch value {
        case let decimal as Decimal:
            guard decimal.isFinite else { throw invalid(value, "a Decimal that is not a number") }
            storage.kind = .leaf(.number(decimal.description))
        case let date as Date:
            throw invalid(date, "a Date (write timestamps as ISO 8601 strings)")
        case let url as URL:
            storage.kind = .leaf(.string(url.absoluteString))
        default:
            try value.encode(to: self)
        }
    }

    private func invalid(_ value: Any, _ what: String) -> EncodingError {
        EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "cannot encode \(what)"))
    }

    func encodeNil() throws { storage.kind = .leaf(.null) }
    func encode(_ value: Bool) throws { storage.kind = .leaf(.bool(value)) }
    func encode(_ value: String) throws { storage.kind = .leaf(.string(value)) }
    func encode(_ value: Double) throws {
        guard value.isFinite else { throw invalid(value, "a non-finite number") }
        // Swift prints the shortest text that reads back as the same double.
        storage.kind = .leaf(.number("\(value)"))
    }
    func encode(_ value: Float) throws { try encode(Double(value)) }
    func encode(_ value: Int) throws { storage.kind = .leaf(.number(String(value))) }
    func encode(_ value: Int8) throws { try encode(Int(value)) }
    func encode(_ value: Int16) throws { try encode(Int(value)) }
    func encode(_ value: Int32) throws { try encode(Int(value)) }
    func encode(_ value: Int64) throws { storage.kind = .leaf(.number(String(value))) }
    func encode(_ value: UInt) throws { storage.kind = .leaf(.number(String(value))) }
    func encode(_ value: UInt8) throws { try encode(Int(value)) }
    func encode(_ value: UInt16) throws { try encode(Int(value)) }
    func encode(_ value: UInt32) throws { try encode(Int(value)) }
    func encode(_ value: UInt64) throws { storage.kind = .leaf(.number(String(value))) }
    func encode<T: Encodable>(_ value: T) throws { try encodeValue(value) }
}

// MARK: - Containers

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    private func child(_ key: CodingKey) -> TreeEncoder {
        TreeEncoder(codingPath: codingPath + [key], storage: encoder.storage.child(forKey: key.stringValue))
    }

    mutating func encodeNil(forKey key: Key) throws { try child(key).encodeNil() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try child(key).encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        child(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        child(key).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { child(SuperKey()) }
    mutating func superEncoder(forKey key: Key) -> Encoder { child(key) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [CodingKey] { encoder.codingPath }
    var count: Int {
        if case .array(let nodes) = encoder.storage.kind { return nodes.count }
        return 0
    }

    private func next() -> TreeEncoder {
        TreeEncoder(codingPath: codingPath + [IndexKey(count)], storage: encoder.storage.appendChild())
    }

    mutating func encodeNil() throws { try next().encodeNil() }
    mutating func encode<T: Encodable>(_ value: T) throws { try next().encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        next().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { next().unkeyedContainer() }
    mutating func superEncoder() -> Encoder { next() }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// The key `superEncoder()` files a superclass's members under, as JSONEncoder does.
private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { return nil }
}
