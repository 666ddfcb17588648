import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text encoded the way older Vietnamese portals serve it, for tests of decoding.
public enum LegacyEncoding {
    /// `text` in windows-1258, encoded by the C library's iconv.
    public static func windows1258(_ text: String) -> [UInt8] {
        let converter = iconv_open("WINDOWS-1258", "UTF-8")
        precondition(converter != iconv_t(bitPattern: -1), "iconv lacks windows-1258")
        defer { iconv_close(converter) }
        var input = Array(text.utf8CString.dropLast())
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                precondition(
                    iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, "cannot encode \(text)")
            }
        }
        return output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }
    }
}
