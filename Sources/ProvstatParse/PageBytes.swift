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
            let bytes = base.assumingMemoryBound(to: UInt8.self)
            let count = raw.count
            var index = 0
            while index < count {
                // Markup is mostly ASCII: eight bytes at a time while no high bit is set.
                while index + 8 <= count,
                    (base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < count else { break }
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                // Vietnamese letters are mostly U+1E00–U+1EFF (E1 B8–BB xx): checked first, whole.
                if lead == 0xE1, index + 3 <= count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 {
                    index += 3
                    continue
                }
                // Each lead byte's allowed second byte (table 3-7); the other bytes are 80–BF.
                let width: Int
                let low: UInt8
                let high: UInt8
                switch lead {
                case 0xC2...0xDF: (width, low, high) = (2, 0x80, 0xBF)
                case 0xE0: (width, low, high) = (3, 0xA0, 0xBF)
                case 0xED: (width, low, high) = (3, 0x80, 0x9F)
                case 0xE1...0xEF: (width, low, high) = (3, 0x80, 0xBF)
                case 0xF0: (width, low, high) = (4, 0x90, 0xBF)
                case 0xF4: (width, low, high) = (4, 0x80, 0x8F)
                case 0xF1...0xF3: (width, low, high) = (4, 0x80, 0xBF)
                default: return false
                }
                guard index + width <= count, bytes[index + 1] >= low, bytes[index + 1] <= high else { return false }
                if width > 2, bytes[index + 2] & 0xC0 != 0x80 { return false }
                if width > 3, bytes[index + 3] & 0xC0 != 0x80 { return false }
                index += width
            }
            return true
        }
    }

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
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in input.withUnsafeMutableBytes { $0.copyMemory(from: raw) } }
        var output = [CChar](repeating: 0, count: data.count * 4 + 16)
        var replaced = 0
        var inLeft = input.count
        var outLeft = output.count
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
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
        }
        let bytes = output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }
        return (Data(bytes), replaced)
    }

    /// `data` without its NUL bytes.
    static func withoutNUL(_ data: Data) -> Data {
        guard containsNUL(data) else { return data }
        return Data(data.lazy.filter { $0 != 0 })
    }
}
