// CLibXML2 before the shim: the module imported first claims libxml2's headers, and the other
// files of this target find libxml2's constants only through CLibXML2.
internal import CLibXML2
internal import CLibXML2Shim

/// UTF-8 text built from libxml2's text nodes with whitespace collapsed on the way in, so that
/// a paragraph costs one byte buffer (reused) and one `String`, not a `String` per text node.
///
/// Appending pieces and reading `string` gives the same text as joining the pieces and calling
/// `collapsingWhitespace()`.
struct CollapsedText {
    private(set) var bytes: [UInt8] = []
    /// Whether whitespace was seen since the last byte kept (and something was kept before it).
    private var pendingSpace = false
    /// Whether the text holds a byte that starts a combining mark (U+0300–U+036F), so that NFC
    /// may change it: noted as the bytes pass, not looked for again.
    private(set) var mayNeedNFC = false

    init() {
        bytes.reserveCapacity(256)
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// Appends a NUL-terminated UTF-8 string read in place.
    mutating func append(cString pointer: UnsafePointer<UInt8>) {
        // Text and the single spaces between its words are kept as they are: they are copied a
        // stretch at a time, not a word at a time; only other whitespace ends a stretch.
        Self.ordinaryBytes.withUnsafeBufferPointer { ordinary in
            var index = 0
            var stretchStart = 0
            while true {
                // Most bytes can be neither whitespace nor the end: one table read passes each.
                while ordinary[Int(pointer[index])] { index += 1 }
                if pointer[index] == 0 { break }
                let width = Self.spaceWidth(pointer, at: index)
                if width == 0 {
                    // 0xCC and 0xCD stop the fast loop for this (they are never whitespace).
                    if pointer[index] & 0xFE == 0xCC { mayNeedNFC = true }
                    index += 1
                    continue
                }
                // One ASCII space after kept text and before more of it collapses to itself.
                if width == 1, pointer[index] == 0x20, index > stretchStart, pointer[index + 1] != 0,
                    Self.spaceWidth(pointer, at: index + 1) == 0
                {
                    index += 1
                    continue
                }
                keep(pointer, from: stretchStart, to: index)
                index += width
                while pointer[index] != 0 {
                    let next = Self.spaceWidth(pointer, at: index)
                    if next == 0 { break }
                    index += next
                }
                pendingSpace = !bytes.isEmpty
                stretchStart = index
            }
            keep(pointer, from: stretchStart, to: index)
        }
    }

    /// The bytes that neither end the text (NUL) nor may start whitespace: ASCII above the space,
    /// and every byte from 0x80 on but the lead bytes of the non-ASCII spaces (`whitespaceWidth`)
    /// and of the combining marks (`mayNeedNFC`).
    private static let ordinaryBytes: [Bool] = (0..<256).map { byte in
        byte > 0x20 && ![0xC2, 0xE1, 0xE2, 0xE3, 0xEF, 0xCC, 0xCD].contains(byte)
    }

    /// Appends the stretch `start..<end` (no whitespace at its ends), after the pending space.
    @inline(__always)
    private mutating func keep(_ pointer: UnsafePointer<UInt8>, from start: Int, to end: Int) {
        guard end > start else { return }
        if pendingSpace { bytes.append(0x20) }
        pendingSpace = false
        bytes.append(contentsOf: UnsafeBufferPointer(start: pointer + start, count: end - start))
    }

    /// Appends whitespace (a break between blocks of a table cell).
    mutating func appendSpace() {
        pendingSpace = !bytes.isEmpty
    }

    /// The text collapsed so far; empty when nothing but whitespace was appended.
    var string: String {
        // libxml2 2.9 lets some ill-formed input through (surrogates; a byte read before it
        // switches to Latin-1), so the bytes are checked, sixteen at a time where the processor
        // can, and the string made without the standard library's second, slower check;
        // ill-formed text is repaired as before.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, provstat_utf8_valid(base, buffer.count) == 1 else {
                return String(decoding: buffer, as: UTF8.self)
            }
            return unsafe String(copying: UTF8Span(unchecked: Span(_unsafeElements: buffer)))
        }
    }

    /// Forgets the text, keeping the buffer.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        mayNeedNFC = false
    }

    /// The byte length of the whitespace scalar at `index`, or 0 when it is none.
    @inline(__always)
    private static func spaceWidth(_ bytes: UnsafePointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        return whitespaceWidth(bytes, at: index)
    }

    /// The byte length of the non-ASCII whitespace scalar at `index`, or 0 when it is none (the
    /// same set as `String.collapsingWhitespace`). Stops at the terminating NUL. Inlined: most
    /// non-ASCII bytes of Vietnamese text reach it.
    @inline(__always)
    private static func whitespaceWidth(_ bytes: UnsafePointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0xC2 { return 0 }
        let second = bytes[index + 1]
        switch byte {
        case 0xC2: return second == 0x85 || second == 0xA0 ? 2 : 0  // NEL, no-break space
        case 0xE1: return second == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0  // ogham space
        case 0xE2:
            guard second == 0x80 || second == 0x81 else { return 0 }
            let third = bytes[index + 2]
            if second == 0x80, (0x80...0x8B).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF {
                return 3
            }
            return second == 0x81 && third == 0x9F ? 3 : 0  // medium mathematical space
        case 0xE3: return second == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0  // ideographic space
        case 0xEF: return second == 0xBB && bytes[index + 2] == 0xBF ? 3 : 0  // zero-width no-break space
        default: return 0
        }
    }
}
