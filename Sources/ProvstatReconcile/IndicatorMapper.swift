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

    /// Kinds recorded as figures *about* an indicator rather than as its value.
    static let relatedKinds: Set<FactKind> = [.planAttainment, .planExcess, .growthYoY, .indexYoY, .growthMoM]

    public init(definitions: [IndicatorDefinition]) {
        self.definitions = definitions
    }

    /// The value of every indicator some fact matches, keyed by indicator id.
    public func map(_ facts: [SourcedFact]) -> [String: IndicatorValue] {
        mapAll(facts).values
    }

    /// Values and related figures of every indicator some fact matches.
    public func mapAll(_ facts: [SourcedFact]) -> MappedIndicators {
        var valueCandidates: [String: [SourcedFact]] = [:]
        var relatedCandidates: [String: [FactKind: [SourcedFact]]] = [:]
        for sourced in facts {
            guard let (definition, _) = bestDefinition(for: sourced.fact) else { continue }
            if sourced.fact.kind == definition.kind && unitMatches(sourced.fact, definition)
                && periodMatches(sourced.fact, definition)
            {
                valueCandidates[definition.id, default: []].append(sourced)
            } else if Self.relatedKinds.contains(sourced.fact.kind) {
                relatedCandidates[definition.id, default: [:]][sourced.fact.kind, default: []].append(sourced)
            }
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

    /// Whether `fact` reads as `definition`'s value: same unit and kind, and the subject names it.
    public func matches(_ fact: Fact, _ definition: IndicatorDefinition) -> Bool {
        fact.kind == definition.kind && unitMatches(fact, definition) && periodMatches(fact, definition)
            && nameLength(of: definition, in: fact) != nil
    }

    // MARK: - Matching

    /// The indicator whose name describes the fact most specifically (the longest name), looking
    /// first in the fact's subject, then in the clause leading up to the figure, then in the
    /// words right after it (*3 dự án FDI*): the first text where some indicator matches decides.
    private func bestDefinition(for fact: Fact) -> (IndicatorDefinition, Int)? {
        let compatible = definitions.filter { definition in
            // Related figures are percentages about an amount indicator: unit and kind differ.
            let sameKind = fact.kind == definition.kind && unitMatches(fact, definition)
            let related = Self.relatedKinds.contains(fact.kind) && definition.kind == .level
            return (sameKind || related) && periodMatches(fact, definition)
        }
        for text in Self.describingTexts(of: fact) {
            let folded = Self.fold(text)
            var best: (IndicatorDefinition, Int)? = nil
            for definition in compatible {
                guard let length = definition.names.map(Self.fold).filter({ folded.contains($0) }).map(\.count).max()
                else { continue }
                if best == nil || length > best!.1 { best = (definition, length) }
            }
            if let best { return best }
        }
        return nil
    }

    /// The length of the longest of the definition's names found in the texts describing the fact.
    private func nameLength(of definition: IndicatorDefinition, in fact: Fact) -> Int? {
        Self.describingTexts(of: fact).lazy.compactMap { text in
            let folded = Self.fold(text)
            return definition.names.map(Self.fold).filter { folded.contains($0) }.map(\.count).max()
        }.first
    }

    /// The texts that may name what a fact measures, most telling first.
    static func describingTexts(of fact: Fact) -> [String] {
        [fact.subject, clauseBefore(fact), fact.unit + " " + phraseAfter(fact)].filter { !$0.isEmpty }
    }

    private func unitMatches(_ fact: Fact, _ definition: IndicatorDefinition) -> Bool {
        Self.fold(fact.unit) == Self.fold(definition.unit)
    }

    private func periodMatches(_ fact: Fact, _ definition: IndicatorDefinition) -> Bool {
        guard let span = definition.period, let period = fact.period else { return true }
        return period.span == span
    }

    // MARK: - Helpers

    private static func value(id: String, candidates: [SourcedFact]) -> IndicatorValue {
        let first = candidates[0]
        var seen: Set<Decimal> = [first.fact.value]
        var alternatives: [IndicatorValue.Alternative] = []
        for other in candidates.dropFirst() where seen.insert(other.fact.value).inserted {
            alternatives.append(.init(value: other.fact.value, provenance: other.provenance))
        }
        return IndicatorValue(
            id: id, value: first.fact.value, unit: first.fact.unit, kind: first.fact.kind,
            estimate: first.fact.estimate, period: first.fact.period, decimals: first.fact.decimals,
            provenance: first.provenance, alternatives: alternatives)
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

    /// Case- and composition-insensitive form for comparing names.
    static func fold(_ text: String) -> String {
        NFC.normalise(text).lowercased()
    }
}
