internal import CLibXML2Shim
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A page's bytes made safe for libxml2: decoded from the declared character set with every
/// undefined byte turned into U+FFFD (and counted) rather than ending the page, and with NUL
/// bytes left out (libxml2 takes a NUL for the end of the document; HTML ignores them in text).
struct PageBytes {
    /// The bytes to parse.
    var data: Data
    /// The encoding to tell libxml2: "UTF-8" once converted here, else the declared one (or nil).
    var encoding: String?
    /// Whether the page's own `<meta charset>` must be ignored (the bytes are UTF-8 already).
    var ignoreDeclaredEncoding: Bool
    /// Bytes that the character set leaves undefined, now U+FFFD.
    var replaced: Int

    /// Prepares `raw`, whose charset `declared` comes from the HTTP header (nil when none).
    init(_ raw: Data, declared: String?) {
        self.data = raw
        self.encoding = declared
        self.ignoreDeclaredEncoding = false
        self.replaced = 0
        // UTF-16 and UTF-32 pages hold NUL bytes by design: libxml2 reads their BOM itself.
        if Self.opensWithUTF16Mark(raw) { return }
        let charset = (declared ?? Self.metaCharset(in: raw))?.lowercased()
        let hasNUL = Self.containsNUL(raw)
        switch charset {
        case nil:
            if hasNUL { data = Self.withoutNUL(raw) }
        case "utf-8"?, "utf8"?:
            if !hasNUL, Self.isValidUTF8(raw) { return }
            let decoded = Self.decodeUTF8(raw)
            data = Self.withoutNUL(decoded.data)
            replaced = decoded.replaced
            encoding = "UTF-8"
            ignoreDeclaredEncoding = true
        case let name?:
            guard let converted = Self.iconvToUTF8(raw, from: name) else {
                // A charset iconv does not know: libxml2 may, so leave the bytes to it.
                if hasNUL { data = Self.withoutNUL(raw) }
                return
            }
            data = Self.withoutNUL(converted.data)
            replaced = converted.replaced
            encoding = "UTF-8"
            ignoreDeclaredEncoding = true
        }
    }

    // MARK: - Character sets

    /// Whether `data` opens with a UTF-16 byte order mark (FE FF or FF FE).
    static func opensWithUTF16Mark(_ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE))
        }
    }

    /// The `charset` a `<meta>` near the top of the page declares (first 4 KiB), if any; read in
    /// place (every page is searched).
    static func metaCharset(in data: Data) -> String? {
        data.withUnsafeBytes { raw in
            let head = UnsafeRawBufferPointer(rebasing: raw.prefix(4096))
            let needle: StaticString = "charset"
            let needleCount = needle.utf8CodeUnitCount
            var index = 0
            while index + needleCount < head.count {
                // Most bytes are not a `c` or `C`: one compare rules them out.
                guard head[index] | 0x20 == needle.utf8Start[0] else {
                    index += 1
                    continue
                }
                var matches = true
                for offset in 1..<needleCount where head[index + offset] | 0x20 != needle.utf8Start[offset] {
                    matches = false
                    break
                }
                if matches {
                    var cursor = index + needleCount
                    while cursor < head.count, head[cursor] == 0x20 { cursor += 1 }
                    if cursor < head.count, head[cursor] == UInt8(ascii: "=") {
                        cursor += 1
                        while cursor < head.count, head[cursor] == 0x20 || head[cursor] == 0x22 || head[cursor] == 0x27
                        {
                            cursor += 1
                        }
                        let nameStart = cursor
                        while cursor < head.count, cursor - nameStart < 40 {
                            let byte = head[cursor]
                            let isNameByte =
                                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                                || byte == UInt8(ascii: ":")
                            guard isNameByte else { break }
                            cursor += 1
                        }
                        if cursor > nameStart {
                            return String(
                                decoding: UnsafeRawBufferPointer(rebasing: head[nameStart..<cursor]), as: UTF8.self)
                        }
                    }
                }
                index += 1
            }
            return nil
        }
    }

    /// Whether a NUL byte stands in `data` (memchr: `Data`'s own iterator is slow on pages).
    static func containsNUL(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            return memchr(base, 0, buffer.count) != nil
        }
    }

    /// Whether `data` is well-formed UTF-8 (Unicode table 3-7: no overlong forms, surrogates or
    /// scalars above U+10FFFF), checked in place: `String(validating:)` would copy the page.
    static func isValidUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }
            // Sixteen bytes at a time where the processor can (SSSE3); the automaton otherwise.
            switch provstat_utf8_valid(base.assumingMemoryBound(to: UInt8.self), raw.count) {
            case 1: return true
            case 0: return false
            default: return automatonAccepts(raw)
            }
        }
    }

    /// `isValidUTF8` without the vectorised check: the byte automaton alone (what processors
    /// without SSSE3 run; tests compare the two).
    static func isValidUTF8ByAutomaton(_ data: Data) -> Bool {
        data.withUnsafeBytes { automatonAccepts($0) }
    }

    /// Whether the UTF-8 automaton accepts `raw`.
    private static func automatonAccepts(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard let base = raw.baseAddress else { return true }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let count = raw.count
        return utf8Transitions.withUnsafeBufferPointer { transitions in
            var state: UInt64 = 0
            var index = 0
            while index < count {
                // Between characters, markup is mostly ASCII: eight bytes at a time while no high bit is set.
                if state == 0 {
                    while index + 8 <= count,
                        (base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                    {
                        index += 8
                    }
                }
                // Text: sixteen bytes through the automaton without a branch on what they are
                // (Vietnamese letters alternate with ASCII too often for branches to be guessed).
                let end = min(index + 16, count)
                while index < end {
                    state = (transitions[Int(bytes[index])] >> state) & 63
                    index += 1
                }
                if state == Self.utf8Error { return false }
            }
            return state == 0
        }
    }

    /// The error state of `utf8Transitions` (it never leaves it).
    private static let utf8Error: UInt64 = 6

    /// A UTF-8 automaton with each state a multiple of 6 (0: between characters, 6: error, then
    /// those waiting for continuation bytes), stored shifted: the state after `byte` in state `s`
    /// is `(utf8Transitions[byte] >> s) & 63`, one load that does not wait for `s`.
    private static let utf8Transitions: [UInt64] = {
        // States: 0 accept, 1 error, 2 one byte 80–BF to go, 3 two (80–BF first), 4 after E0
        // (A0–BF), 5 after ED (80–9F), 6 after F0 (90–BF), 7 after F1–F3 (80–BF), 8 after F4 (80–8F).
        func next(_ state: Int, _ byte: Int) -> Int {
            switch state {
            case 0:
                switch byte {
                case 0x00...0x7F: return 0
                case 0xC2...0xDF: return 2
                case 0xE0: return 4
                case 0xED: return 5
                case 0xE1...0xEF: return 3
                case 0xF0: return 6
                case 0xF1...0xF3: return 7
                case 0xF4: return 8
                default: return 1
                }
            case 2: return (0x80...0xBF).contains(byte) ? 0 : 1
            case 3: return (0x80...0xBF).contains(byte) ? 2 : 1
            case 7: return (0x80...0xBF).contains(byte) ? 3 : 1
            case 4: return (0xA0...0xBF).contains(byte) ? 2 : 1
            case 5: return (0x80...0x9F).contains(byte) ? 2 : 1
            case 6: return (0x90...0xBF).contains(byte) ? 3 : 1
            case 8: return (0x80...0x8F).contains(byte) ? 3 : 1
            default: return 1
            }
        }
        return (0..<256).map { byte in
            (0..<9).reduce(UInt64(0)) { row, state in row | UInt64(next(state, byte) * 6) << UInt64(state * 6) }
        }
    }()

    /// UTF-8 with every ill-formed sequence replaced by U+FFFD, and how many were replaced.
    static func decodeUTF8(_ data: Data) -> (data: Data, replaced: Int) {
        var output = Data()
        output.reserveCapacity(data.count + 16)
        var replaced = 0
        var decoder = UTF8()
        var iterator = data.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                UTF8.encode(scalar) { output.append($0) }
            case .error:
                replaced += 1
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .emptyInput:
                break loop
            }
        }
        return (output, replaced)
    }

    /// Converts `data` from `charset` to UTF-8 with iconv; a byte the charset leaves undefined
    /// becomes U+FFFD and the conversion goes on. Nil when iconv does not know the charset.
    static func iconvToUTF8(_ data: Data, from charset: String) -> (data: Data, replaced: Int)? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        // iconv reads the page in place and writes into one buffer with room for the worst case;
        // only the bytes written are copied out (no zero-filled arrays, no byte-by-byte map).
        let capacity = data.count * 4 + 16
        let output = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        defer { output.deallocate() }
        var replaced = 0
        var outLeft = capacity
        data.withUnsafeBytes { raw in
            // iconv's C signature takes the input as mutable, but it only reads it.
            var inPointer: UnsafeMutablePointer<CChar>? = raw.baseAddress.map {
                UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: CChar.self))
            }
            var inLeft = raw.count
            var outPointer: UnsafeMutablePointer<CChar>? = output
            while inLeft > 0 {
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
                // EILSEQ or EINVAL: one undefined (or cut-short) byte; E2BIG cannot happen (4× room).
                guard errno == EILSEQ || errno == EINVAL, outLeft >= 3 else { break }
                for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                    outPointer?.pointee = CChar(bitPattern: byte)
                    outPointer = outPointer?.advanced(by: 1)
                }
                outLeft -= 3
                inPointer = inPointer?.advanced(by: 1)
                inLeft -= 1
                replaced += 1
                // A stateful decoder (windows-1258 combines marks) starts afresh after the bad byte.
                iconv(converter, nil, nil, nil, nil)
            }
            // Flush a combining sequence held back at the end of the input.
            iconv(converter, nil, nil, &outPointer, &outLeft)
        }
        return (Data(bytes: output, count: capacity - outLeft), replaced)
    }

    /// `data` without its NUL bytes.
    static func withoutNUL(_ data: Data) -> Data {
        guard containsNUL(data) else { return data }
        return Data(data.lazy.filter { $0 != 0 })
    }
}
