extension String {
    /// Runs of whitespace (including non-breaking and zero-width spaces) collapsed to one space,
    /// ends trimmed. Works on UTF-8 bytes without decoding scalars.
    func collapsingWhitespace() -> String {
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        withUTF8Buffer { bytes in
            var index = 0
            while index < bytes.count {
                let width = Self.whitespaceWidth(bytes, at: index)
                if width > 0 {
                    pendingSpace = !result.isEmpty
                    index += width
                } else {
                    if pendingSpace { result.append(0x20) }
                    pendingSpace = false
                    result.append(bytes[index])
                    index += 1
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Calls `body` with the string's UTF-8 bytes (copying only when the string is not native).
    private func withUTF8Buffer(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var copy = self
        copy.withUTF8 { body($0) }
    }

    /// The byte length of the whitespace scalar at `index`, or 0 when it is none.
    private static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        if byte < 0xC2 { return 0 }
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0  // NEL, no-break space
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0  // ogham space
        case 0xE2:
            if next(1) == 0x80, (0x80...0x8B).contains(next(2)) || [0xA8, 0xA9, 0xAF].contains(next(2)) { return 3 }
            return next(1) == 0x81 && next(2) == 0x9F ? 3 : 0  // medium mathematical space
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0  // ideographic space
        case 0xEF: return next(1) == 0xBB && next(2) == 0xBF ? 3 : 0  // zero-width no-break space
        default: return 0
        }
    }
}
