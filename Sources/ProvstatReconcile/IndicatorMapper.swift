import Foundation
import ProvstatCore
import ProvstatSupport

/// Maps facts to a pipeline's named indicators by subject, unit and kind.
///
/// A fact goes to the indicator whose name (or synonym) it matches most specifically: the
/// longest name found in its subject, so that *xuất khẩu thủy sản* is not read as total exports.
/// When several facts with different values match one indicator, the first in reading order is
/// taken and the others are kept as `alternatives`, so the ambiguity is reported, not hidden.
public struct IndicatorMapper: Sendable {
    public let definitions: [IndicatorDefinition]
    /// The month being read: a fact whose stated month or year-to-date is another month's
    /// (*phấn đấu tháng 10 đạt …* in a September report) is not this month's value.
    public let month: Month?

    /// Kinds recorded as figures *about* an indicator rather than as its value.
    static let relatedKinds: Set<FactKind> = [.planAttainment, .planExcess, .growthYoY, .indexYoY, .growthMoM]

    /// Each definition's names in the form they are compared in, by indicator id.
    private let foldedNames: [String: [String]]

    public init(definitions: [IndicatorDefinition], month: Month? = nil) {
        self.definitions = definitions
        self.month = month
        self.foldedNames = Dictionary(
            definitions.map { ($0.id, $0.names.map(Self.fold)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value of every indicator some fact matches, keyed by indicator id.
    public func map(_ facts: [SourcedFact]) -> [String: IndicatorValue] {
        mapAll(facts).values
    }

    /// Values and related figures of every indicator some fact matches.
    ///
    /// A fact is an indicator's value when its unit, kind and period are the indicator's and its
    /// subject names it. A percentage or change about an amount (`Fact.about`) is a related figure
    /// of the indicator that amount was read as; one about nothing goes by its subject.
    public func mapAll(_ facts: [SourcedFact]) -> MappedIndicators {
        var valueCandidates: [String: [SourcedFact]] = [:]
        var relatedCandidates: [String: [FactKind: [SourcedFact]]] = [:]
        // `about` counts within a source's facts: where each fact's source starts.
        var sourceStart = 0
        var assigned: [Int: String] = [:]
        var starts: [Int] = []
        // A plan column (*Kế hoạch năm 2024*) and a figure striven for (*phấn đấu cả năm đạt …*)
        // state what is aimed at, not what was measured.
        let aimedAt = facts.map { Self.isAimedAt($0.fact) }
        for (index, sourced) in facts.enumerated() {
            if index > 0, sourced.url != facts[index - 1].url || sourced.sha256 != facts[index - 1].sha256 {
                sourceStart = index
            }
            starts.append(sourceStart)
            if aimedAt[index] { continue }
            // A part of a total (*trong đó thủy sản …*, named *kim ngạch xuất khẩu thủy sản*) is not the total.
            let totalIndex = sourced.fact.componentOf.map { sourceStart + $0 }.flatMap {
                facts.indices.contains($0) ? $0 : nil
            }
            let total = totalIndex.flatMap { assigned[$0] }
            guard
                let definition = bestDefinition(
                    for: sourced.fact, related: false, excluding: total, partOf: totalIndex.map { facts[$0].fact })
            else { continue }
            valueCandidates[definition.id, default: []].append(sourced)
            assigned[index] = definition.id
        }
        for (index, sourced) in facts.enumerated()
        where Self.relatedKinds.contains(sourced.fact.kind) && !aimedAt[index] {
            let id: String?
            if let about = sourced.fact.about {
                id = assigned[starts[index] + about]
            } else {
                id = bestDefinition(for: sourced.fact, related: true)?.id
            }
            guard let id, definitions.contains(where: { $0.id == id && $0.kind == .level }) else { continue }
            relatedCandidates[id, default: [:]][sourced.fact.kind, default: []].append(sourced)
        }
        var values: [String: IndicatorValue] = [:]
        for (id, candidates) in valueCandidates {
            values[id] = Self.value(id: id, candidates: candidates)
        }
        var related: [String: [FactKind: IndicatorValue]] = [:]
        for (id, byKind) in relatedCandidates {
            for (kind, candidates) in byKind {
                related[id, default: [:]][kind] = Self.value(id: id, candidates: candidates)
            }
        }
        return MappedIndicators(values: values, related: related)
    }

    // MARK: - Matching

    /// The indicator whose name describes the fact most specifically (the longest name), looking
    /// first in the fact's subject, then in the clause leading up to the figure, then in the
    /// words right after it (*3 dự án FDI*): the first text where some indicator matches decides.
    ///
    /// With `related` false, only indicators the fact can be the value of (same unit, kind and
    /// period); with `related` true, only amount indicators a percentage about it may qualify.
    /// `excluding` is an indicator the fact cannot be (the one its total was read as).
    private func bestDefinition(
        for fact: Fact, related: Bool, excluding: String? = nil, partOf total: Fact? = nil
    ) -> IndicatorDefinition? {
        let compatible = definitions.filter { definition in
            guard definition.id != excluding, periodMatches(fact, definition) else { return false }
            if related { return definition.kind == .level }
            return fact.kind == definition.kind && unitMatches(fact, definition)
        }
        guard !compatible.isEmpty else { return nil }
        for text in Self.describingTexts(of: fact, partOf: total) {
            let folded = Self.fold(text)
            var best: (IndicatorDefinition, Int)? = nil
            for definition in compatible {
                guard
                    let length = foldedNames[definition.id, default: []].filter({ folded.contains($0) }).map(\.count)
                        .max()
                else { continue }
                if best == nil || length > best!.1 { best = (definition, length) }
            }
            if let best { return best.0 }
        }
        return nil
    }

    /// The texts that may name what a fact measures, most telling first; a part of a total
    /// (a table's *Trong đó: - Thủy sản* row under *Kim ngạch xuất khẩu*) is also named after it,
    /// the total's name first.
    static func describingTexts(of fact: Fact, partOf total: Fact? = nil) -> [String] {
        [
            fact.subject, Acronyms.expanding(fact.subject, in: fact.sentence), clauseBefore(fact),
            fact.unit + " " + phraseAfter(fact), total.map { $0.subject + " " + fact.subject } ?? "",
        ].filter { !$0.isEmpty }
    }

    private func unitMatches(_ fact: Fact, _ definition: IndicatorDefinition) -> Bool {
        Self.fold(fact.unit) == Self.fold(definition.unit)
    }

    private func periodMatches(_ fact: Fact, _ definition: IndicatorDefinition) -> Bool {
        guard let span = definition.period, let period = fact.period else { return true }
        guard period.span == span else { return false }
        // Another month's figure (a target for next month, last year's same month) is not this month's.
        guard let month, span == .month || span == .yearToDate else { return true }
        if let year = period.year, year != month.year { return false }
        if let number = period.number, number != month.month { return false }
        return true
    }

    // MARK: - Helpers

    /// The first candidate in reading order, with the others that differ from it by more than
    /// their printed precision as alternatives (a summary restating the body is one value).
    private static func value(id: String, candidates: [SourcedFact]) -> IndicatorValue {
        let first = candidates[0]
        var kept: [Fact] = [first.fact]
        var alternatives: [IndicatorValue.Alternative] = []
        for other in candidates.dropFirst()
        where !kept.contains(where: { abs($0.value - other.fact.value) < Tolerance.of($0) + Tolerance.of(other.fact) })
        {
            kept.append(other.fact)
            alternatives.append(.init(value: other.fact.value, provenance: other.provenance))
        }
        return IndicatorValue(
            id: id, value: first.fact.value, unit: first.fact.unit, kind: first.fact.kind,
            estimate: first.fact.estimate, period: first.fact.period, decimals: first.fact.decimals,
            scale: first.fact.scale, provenance: first.provenance, alternatives: alternatives)
    }

    /// Whether a fact states what is aimed at: a cell of a plan column, or a figure whose clause
    /// strives for it (*phấn đấu*, *quyết tâm*) or is written for the months left in the year.
    static func isAimedAt(_ fact: Fact) -> Bool {
        if let header = fact.table?.header { return isPlanColumn(header) }
        if fact.period?.span == .restOfYear { return true }
        let clause = fold(clauseBefore(fact))
        return resolves.contains { clause.contains($0) }
    }

    /// Words that say a figure is striven for.
    private static let resolves = ["phấn đấu", "quyết tâm"]

    /// Whether a table column's header names a plan or budget (*Kế hoạch năm 2024*, *KH năm*,
    /// *Dự toán năm*), and not a comparison with one (*% so KH*, *So với kế hoạch (%)*).
    static func isPlanColumn(_ header: String) -> Bool {
        let words = fold(header).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard let first = words.firstIndex(where: { ["kế", "kh", "dự", "mục", "chỉ"].contains($0) }) else {
            return false
        }
        let opening = words[first...].prefix(2).joined(separator: " ")
        let plan = ["kế hoạch", "dự toán", "mục tiêu", "chỉ tiêu"].contains(opening) || words[first] == "kh"
        return plan && !words[..<first].contains(where: { ["so", "%", "với", "sánh"].contains($0) })
            && !header.contains("%")
    }

    /// The clause of the sentence that leads up to the figure, when the extractor gave no subject.
    static func clauseBefore(_ fact: Fact) -> String {
        let scalars = Array(fact.sentence.unicodeScalars.prefix(max(0, fact.start)))
        let stops: Set<Unicode.Scalar> = [";", ":", ",", "(", ")"]
        let clauseStart = scalars.lastIndex(where: { stops.contains($0) }).map { $0 + 1 } ?? 0
        return String(String.UnicodeScalarView(scalars[clauseStart...]))
    }

    /// The words right after the figure, up to the next punctuation (*FDI* in *3 dự án FDI, …*).
    static func phraseAfter(_ fact: Fact) -> String {
        let scalars = Array(fact.sentence.unicodeScalars.dropFirst(max(0, fact.end)))
        let stops: Set<Unicode.Scalar> = [";", ":", ",", ".", "(", ")"]
        let end = scalars.firstIndex(where: { stops.contains($0) }) ?? scalars.count
        return String(String.UnicodeScalarView(scalars[..<end])).trimmingCharacters(in: .whitespaces)
    }

    /// The form names are compared in: composed, lower-cased, with one placement of tone marks
    /// (*hoá* and *hóa* alike), and without the words that say when or whether something was
    /// done (*diện tích lúa đã thu hoạch* names *diện tích lúa thu hoạch*).
    static func fold(_ text: String) -> String {
        let words = ToneMarks.onFirstVowel(NFC.normalise(text).lowercased()).split(separator: " ")
        return words.filter { !fillers.contains($0) }.joined(separator: " ")
    }

    /// Aspect and plural words, which a name may hold or leave out without naming anything else.
    private static let fillers: Set<Substring> = ["đã", "đang", "sẽ", "được", "các", "những"]
}
