import Foundation

/// A number as written, read in one separator style: its digits, decimals printed and value.
struct Numeral: Sendable, Equatable {
    /// All digits, without separators (at most 18).
    let mantissa: UInt64
    /// The number of decimals printed (`97,0` has 1).
    let decimals: Int
    /// Whether the integer part starts with a zero and is longer than two digits (phones, codes).
    let leadingZero: Bool
    /// Whether the integer part is written without separators.
    let ungrouped: Bool
    /// The integer part's digit count.
    let integerDigits: Int

    /// The most digits a figure may have; longer runs are identifiers or noise, not statistics.
    static let maximumDigits = 18

    /// Reads `text` (digits, `.` and `,`) in `style`; nil when it is not a valid number there.
    init?(_ text: borrowing String, style: NumberStyle) {
        // Spaces group thousands in either style (`1 250 300`); the tokenizer only joins 3-digit groups.
        // An ASCII text is read from its bytes in place (a short number is a small string: no copy,
        // no retain); any other scalar than a space outside ASCII makes the text no number.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> (isASCII: Bool, numeral: Numeral?) in
            for byte in bytes where byte >= 0x80 { return (false, nil) }
            return (true, Numeral(bytes: bytes, style: style))
        }
        if let ascii, ascii.isASCII {
            guard let numeral = ascii.numeral else { return nil }
            self = numeral
            return
        }
        // Every space reads as ` `, any other scalar outside ASCII as 0xFF (no number byte).
        let bytes = text.unicodeScalars.map { Tokenizer.isSpace($0) ? 0x20 : $0.isASCII ? UInt8($0.value) : 0xFF }
        guard let read = bytes.withUnsafeBufferPointer({ Numeral(bytes: $0, style: style) }) else { return nil }
        self = read
    }

    /// `init?(_:style:)` of the text whose valid UTF-8 is `bytes` (a number token's, read in its
    /// sentence): an ASCII one is read in place.
    init?(utf8 bytes: UnsafeBufferPointer<UInt8>, style: NumberStyle) {
        // Read as ASCII at once: a byte outside ASCII makes that reading fail, and only then are
        // the bytes checked for one and read again by scalar (a space outside ASCII groups too).
        if let ascii = Numeral(bytes: bytes, style: style) {
            self = ascii
        } else if bytes.contains(where: { $0 >= 0x80 }) {
            self.init(Tokenizer.string(validUTF8: bytes), style: style)
        } else {
            return nil
        }
    }

    /// Reads the bytes of a number (ASCII white space reads as ` `, any byte outside ASCII as no
    /// number byte).
    private init?(bytes: UnsafeBufferPointer<UInt8>, style: NumberStyle) {
        let group: UInt8 = style == .vietnamese ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let decimal: UInt8 = style == .vietnamese ? UInt8(ascii: ",") : UInt8(ascii: ".")
        var mantissa: UInt64 = 0
        var digits = 0
        var integerDigits = 0
        var groupLength = 0
        var groups = 0
        var firstGroupLength = 0
        var decimals = 0
        var inFraction = false
        // Wrapping arithmetic: at most 18 digits are read, so nothing here can overflow.
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                digits &+= 1
                guard digits <= Self.maximumDigits else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if inFraction {
                    decimals &+= 1
                } else {
                    integerDigits &+= 1
                    groupLength &+= 1
                }
            } else if !inFraction, byte == group || byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D) {
                // The ASCII white space `Tokenizer.isSpace` knows (U+0009–U+000D, U+0020) groups too.
                if groups == 0 { firstGroupLength = groupLength } else if groupLength != 3 { return nil }
                guard groupLength >= 1, groupLength <= 3 else { return nil }
                groups &+= 1
                groupLength = 0
            } else if byte == decimal, !inFraction {
                inFraction = true
            } else {
                return nil
            }
        }
        guard digits > 0, !(inFraction && decimals == 0) else { return nil }
        if groups > 0 {
            guard groupLength == 3, firstGroupLength >= 1 else { return nil }
        }
        self.mantissa = mantissa
        self.decimals = decimals
        self.integerDigits = integerDigits
        // `06 nhóm` is a count; `0291…` or `0277` is a phone or area code. With an integer part,
        // the number starts with its first digit (a leading separator makes it no number).
        self.leadingZero = bytes.first == UInt8(ascii: "0") && (integerDigits > 2 || groups > 0)
        self.ungrouped = groups == 0
    }

    /// A whole number written out in words.
    init(whole value: UInt64) {
        mantissa = value
        decimals = 0
        leadingZero = false
        ungrouped = true
        integerDigits = String(value).count
    }

    /// The value times ten to the `exponent`, exactly.
    func value(exponent: Int = 0, negative: Bool = false) -> Decimal {
        Decimal(sign: negative ? .minus : .plus, exponent: exponent - decimals, significand: Decimal(mantissa))
    }

    /// Whether the number reads like a year (an ungrouped whole number from 1900 to 2100).
    var looksLikeYear: Bool {
        ungrouped && decimals == 0 && integerDigits == 4 && mantissa >= 1900 && mantissa <= 2100
    }
}
