import Foundation
import ProvstatCore

/// Maps facts to a pipeline's named indicators by subject, unit and kind.
///
/// When several facts with different values match one indicator, the first in reading order is
/// taken and the others are kept as `alternatives`, so the ambiguity is visible, not hidden.
public struct IndicatorMapper: Sendable {
    public let definitions: [IndicatorDefinition]

    public init(definitions: [IndicatorDefinition]) {
        self.definitions = definitions
    }

    /// The value of every indicator some fact matches, keyed by indicator id.
    public func map(_ facts: [SourcedFact]) -> [String: IndicatorValue] {
        var values: [String: IndicatorValue] = [:]
        for definition in definitions {
            let candidates = facts.filter { matches($0.fact, definition) }
            guard let first = candidates.first else { continue }
            var seen: Set<Decimal> = [first.fact.value]
            var alternatives: [IndicatorValue.Alternative] = []
            for other in candidates.dropFirst() where !seen.contains(other.fact.value) {
                seen.insert(other.fact.value)
                alternatives.append(.init(value: other.fact.value, provenance: other.provenance))
            }
            values[definition.id] = IndicatorValue(
                id: definition.id, value: first.fact.value, unit: first.fact.unit, kind: first.fact.kind,
                estimate: first.fact.estimate, period: first.fact.period, decimals: first.fact.decimals,
                provenance: first.provenance, alternatives: alternatives)
        }
        return values
    }

    /// Whether `fact` reads as `definition`: same unit and kind, and the subject names it.
    public func matches(_ fact: Fact, _ definition: IndicatorDefinition) -> Bool {
        guard Self.fold(fact.unit) == Self.fold(definition.unit), fact.kind == definition.kind else { return false }
        if let span = definition.period, let period = fact.period, period.span != span { return false }
        let subject = Self.fold(fact.subject)
        return definition.names.contains { subject.contains(Self.fold($0)) }
    }

    /// Case- and composition-insensitive form for comparing names.
    static func fold(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased()
    }
}
