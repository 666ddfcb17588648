import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Character-set handling for bytes that do not go through libxml2's own detection.
enum TextDecoding {
    /// The `charset=` parameter of a Content-Type header value.
    static func charset(fromContentType contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'")))
            }
            if pair.count == 2, pair[0].lowercased() == "charset", !pair[1].isEmpty { return pair[1] }
        }
        return nil
    }

    /// Decodes text bytes: the declared charset through iconv when it is not UTF-8, else UTF-8
    /// with invalid bytes replaced; never fails.
    static func decode(_ data: Data, declaredCharset: String?) -> String {
        if let charset = declaredCharset?.uppercased(), charset != "UTF-8", charset != "UTF8",
            let converted = iconvToUTF8(data, from: charset)
        {
            return String(decoding: converted, as: UTF8.self)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Converts bytes to UTF-8 with iconv; nil when the charset is unknown or the bytes invalid.
    static func iconvToUTF8(_ data: Data, from charset: String) -> Data? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in
            input.withUnsafeMutableBytes { $0.copyMemory(from: raw) }
        }
        var output = [CChar](repeating: 0, count: data.count * 4 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let ok = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1
            }
        }
        guard ok else { return nil }
        return Data(output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) })
    }
}
