import Foundation
import ProvstatCore

/// Reads the facts of one sentence. A first cut: numbers followed by a known unit.
struct SentenceReader {
    let sentence: String

    private static let units: [(words: String, unit: String, scale: Decimal)] = [
        ("nghìn tỷ đồng", "VND", 1_000_000_000_000), ("tỷ đồng", "VND", 1_000_000_000),
        ("triệu đồng", "VND", 1_000_000), ("triệu USD", "USD", 1_000_000), ("tỷ USD", "USD", 1_000_000_000),
        ("USD", "USD", 1), ("%", "%", 1), ("dự án", "dự án", 1), ("doanh nghiệp", "doanh nghiệp", 1),
    ]

    func facts() -> [Fact] {
        let scalars = Array(sentence.unicodeScalars)
        var facts: [Fact] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].properties.numericType != nil, scalars[index].isASCII,
                index == 0 || !scalars[index - 1].properties.isAlphabetic
            else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count,
                scalars[end].properties.numericType != nil || scalars[end] == "." || scalars[end] == ","
            {
                end += 1
            }
            while end > index, scalars[end - 1] == "." || scalars[end - 1] == "," { end -= 1 }
            let digits = String(String.UnicodeScalarView(scalars[index..<end]))
            let rest = String(String.UnicodeScalarView(scalars[end...])).drop(while: { $0 == " " })
            defer { index = end }
            guard let number = Self.vietnameseNumber(digits),
                let unit = Self.units.first(where: { rest.hasPrefix($0.words) })
            else { continue }
            let unitEnd = end + (scalars.count - end - rest.unicodeScalars.count) + unit.words.unicodeScalars.count
            let before = String(String.UnicodeScalarView(scalars[max(0, index - 12)..<index])).lowercased()
            var value = number * unit.scale
            var kind = FactKind.level
            if unit.unit == "%" {
                if before.contains("giảm") {
                    value = -value
                    kind = .growth
                } else if before.contains("tăng") {
                    kind = .growth
                }
            }
            let raw = String(String.UnicodeScalarView(scalars[index..<unitEnd]))
            facts.append(
                Fact(
                    value: value, unit: unit.unit, kind: kind, estimate: false, raw: raw, subject: "",
                    sentence: sentence, start: index, end: unitEnd))
        }
        return facts
    }

    /// `23.429,4` → 23429.4 (Vietnamese style only, in this first cut).
    static func vietnameseNumber(_ text: String) -> Decimal? {
        let normalised = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        return Decimal(string: normalised, locale: Locale(identifier: "en_US_POSIX"))
    }
}
