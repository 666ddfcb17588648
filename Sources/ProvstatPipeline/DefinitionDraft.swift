import Foundation
import ProvstatCore
import ProvstatSupport

/// A starting pipeline definition written from one report page: one indicator per distinct
/// subject, unit, kind and period, with its components and the value read as a comment, for a
/// user to trim (by deleting lines) into a province's pipeline.
public struct DefinitionDraft: Sendable {
    /// The page, as a path or a URL (the draft's source).
    public let location: String
    /// The XPath of the article body, if one was given.
    public let xpath: String?
    /// The page's facts.
    public let facts: [Fact]

    public init(location: String, xpath: String?, facts: [Fact]) {
        self.location = location
        self.xpath = xpath
        self.facts = facts
    }

    /// One drafted indicator and the facts it was drafted from.
    struct Entry {
        var id: String
        var name: String
        var unit: String
        var kind: FactKind
        var period: Period.Span?
        var components: [String] = []
        var monthly: String? = nil
        /// The short name the page gave it (*CPI*), when it gave one.
        var acronym: String? = nil
        var facts: [Fact] = []
    }

    /// The drafted indicators in the order the page first names them.
    func entries() -> [Entry] {
        var entries: [Entry] = []
        var entryOfFact: [Int: Int] = [:]
        var usedIDs: Set<String> = []
        for (index, fact) in facts.enumerated() {
            // A percentage about an amount, or an amount restated in another unit, belongs to that
            // amount's indicator (as a related figure), not to one of its own.
            guard fact.about == nil, fact.equivalentOf == nil else { continue }
            // *CPI tháng 10*: the indicator is named in full, as the page defined the acronym.
            let expanded = Acronyms.expanding(fact.subject, in: fact.sentence)
            let name = Self.name(of: expanded.isEmpty ? fact.subject : expanded)
            guard !name.isEmpty else { continue }
            let period = fact.period?.span
            if let existing = entries.firstIndex(where: {
                $0.name == name && $0.unit == fact.unit && $0.kind == fact.kind && $0.period == period
            }) {
                entries[existing].facts.append(fact)
                entryOfFact[index] = existing
                continue
            }
            var id = Self.identifier(name: name, kind: fact.kind, period: period)
            if usedIDs.contains(id) {
                var number = 2
                while usedIDs.contains("\(id)_\(number)") { number += 1 }
                id = "\(id)_\(number)"
            }
            usedIDs.insert(id)
            let acronym = expanded.isEmpty ? nil : fact.subject.split(separator: " ").first.map(String.init)
            entries.append(
                Entry(
                    id: id, name: name, unit: fact.unit, kind: fact.kind, period: period, acronym: acronym,
                    facts: [fact]))
            entryOfFact[index] = entries.count - 1
        }
        // Breakdowns: a component (*trong đó …*) names its total's indicator.
        for (index, fact) in facts.enumerated() {
            guard let total = fact.componentOf, let part = entryOfFact[index], let whole = entryOfFact[total],
                part != whole, !entries[whole].components.contains(entries[part].id)
            else { continue }
            entries[whole].components.append(entries[part].id)
        }
        // A month's figure and its year to date, under one name.
        for ytd in entries.indices where entries[ytd].period == .yearToDate {
            if let month = entries.firstIndex(where: {
                $0.period == .month && $0.name == entries[ytd].name && $0.unit == entries[ytd].unit
                    && $0.kind == entries[ytd].kind
            }) {
                entries[ytd].monthly = entries[month].id
            }
        }
        return entries
    }

    /// The draft as a definition file.
    public func yaml(pipeline: String) -> String {
        var lines = [
            "# A draft written by `provstat pipelines draft` from \(location).",
            "# Delete the indicators you do not want (each is one block of lines), rename the ids,",
            "# add targets and ranges, then check it with `provstat pipelines check`.",
            "pipeline: \(pipeline)",
            "",
            "sources:",
            "  - id: report",
            "    url: \(Self.quoted(location.contains("://") ? location : Self.absolutePath(location)))",
        ]
        if let xpath { lines.append("    xpath: \(Self.quoted(xpath))") }
        lines += ["", "indicators:"]
        for entry in entries() {
            lines.append("  - id: \(entry.id)")
            for fact in entry.facts.prefix(3) {
                lines.append(
                    "    # read: \(Self.oneLine(fact.raw)) = \(fact.value) \(fact.unit)  «\(Self.excerpt(fact))»")
            }
            lines.append("    name: \(Self.quoted(entry.name))")
            if let acronym = entry.acronym { lines.append("    synonyms: [\(Self.quoted(acronym))]") }
            lines.append("    unit: \(Self.quoted(entry.unit))")
            if entry.kind != .level { lines.append("    kind: \(entry.kind.rawValue)") }
            if let period = entry.period { lines.append("    period: \(period.rawValue)") }
            if !entry.components.isEmpty {
                lines.append("    components: [\(entry.components.joined(separator: ", "))]")
            }
            if let monthly = entry.monthly { lines.append("    monthly: \(monthly)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Names

    /// A subject without the period words written after it (*… tháng 10*, *… 10 tháng đầu năm*,
    /// *… quý III*), lower-cased: the name an indicator is matched by.
    static func name(of subject: String) -> String {
        var words = NFC.normalise(subject).split(separator: " ").map(String.init)
        func isNumber(_ word: String) -> Bool {
            !word.isEmpty && word.allSatisfy { $0.isNumber || $0 == "/" }
        }
        let romans: Set<String> = ["i", "ii", "iii", "iv"]
        while words.count > 1 {
            let last = words[words.count - 1].lowercased()
            let before = words[words.count - 2].lowercased()
            if ["tháng", "quý", "năm"].contains(before), isNumber(last) || romans.contains(last) {
                words.removeLast(2)
            } else if last == "tháng", isNumber(before) {
                words.removeLast(2)
            } else if words.count > 3, last == "năm", before == "đầu", words[words.count - 3].lowercased() == "tháng" {
                words.removeLast(2)
            } else if (before == "cả" && last == "năm") || (before == "lũy" && last == "kế") {
                words.removeLast(2)
            } else {
                break
            }
        }
        // A capital that only opens the sentence is not part of the name (acronyms stay).
        if let first = words.first, first.count > 1, first.dropFirst().first?.isLowercase == true {
            words[0] = first.prefix(1).lowercased() + first.dropFirst()
        }
        return words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// An identifier made of a name's letters without diacritics, the period and the kind.
    static func identifier(name: String, kind: FactKind, period: Period.Span?) -> String {
        let folded = name.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("_") {
                slug += "_"
            }
        }
        slug = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "_")).prefix(40))
            .trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        if slug.isEmpty { slug = "indicator" }
        if kind != .level { slug += "_" + kind.rawValue }
        if let period { slug += "_" + period.rawValue }
        return slug
    }

    // MARK: - YAML

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n", "\r", "\t": escaped += " "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"\(escaped)\""
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }

    /// Up to 90 characters of the sentence around the figure, for the comment.
    private static func excerpt(_ fact: Fact) -> String {
        let scalars = Array(oneLine(fact.sentence).unicodeScalars)
        let start = max(0, min(fact.start, scalars.count) - 60)
        let end = min(scalars.count, max(fact.end, 0) + 30)
        guard start < end else { return "" }
        return (start > 0 ? "…" : "") + String(String.UnicodeScalarView(scalars[start..<end]))
            + (end < scalars.count ? "…" : "")
    }

    private static func absolutePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
