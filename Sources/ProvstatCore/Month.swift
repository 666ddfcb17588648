/// A calendar month, the unit of work of every pipeline run (`2023-10`).
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The Gregorian year, e.g. 2023.
    public let year: Int
    /// The month of the year, 1 to 12.
    public let month: Int

    /// Creates a month; returns nil when `month` is not 1...12 or the year is not 1900...9999.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1900...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses the `YYYY-MM` form; anything else gives nil.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The `YYYY-MM` form.
    public var description: String {
        let paddedMonth = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(paddedMonth)"
    }

    /// The month before this one.
    public var previous: Month { advanced(by: -1) }

    /// The month after this one.
    public var next: Month { advanced(by: 1) }

    /// The same month one year earlier.
    public var sameMonthLastYear: Month { advanced(by: -12) }

    /// The quarter (1...4) this month falls in.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// The month `count` months away (negative goes back).
    public func advanced(by count: Int) -> Month {
        let index = year * 12 + (month - 1) + count
        return Month(year: index / 12, month: index % 12 + 1) ?? self
    }

    public static func < (lhs: Month, rhs: Month) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

extension Month: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let month = Month(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a month in YYYY-MM form")
        }
        self = month
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
