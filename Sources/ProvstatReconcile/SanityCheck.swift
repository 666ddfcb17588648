import Foundation
import ProvstatCore

/// Checks that catch misreadings without any other figure to compare against.
enum SanityCheck {
    /// One indicator read with two different values in one month.
    static func singleValue(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult? {
        guard let value = input.value(definition.id) else { return nil }
        let id = "single-value:\(definition.id)"
        guard !value.alternatives.isEmpty else {
            return CheckResult(
                id: id, indicators: [definition.id], severity: .warning, status: .pass,
                message: "\(definition.id) was read with one value", provenance: [value.provenance])
        }
        let others = value.alternatives.map { "\($0.value) (“\($0.provenance.raw)”)" }.joined(separator: ", ")
        return CheckResult(
            id: id, indicators: [definition.id], severity: .warning, status: .fail, observed: value.value,
            message: "\(definition.id) matched several figures: \(value.value) (“\(value.provenance.raw)”) was taken, "
                + "also found \(others); narrow the indicator's name or synonyms",
            provenance: [value.provenance] + value.alternatives.map(\.provenance))
    }

    /// A value about 1000× (or 1/1000) its previous month's: a slipped *triệu*/*tỷ*.
    static func scaleSlip(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult? {
        guard definition.kind == .level, let value = input.value(definition.id),
            let previous = input.previousMonth?[definition.id], previous.value != 0, value.value != 0
        else { return nil }
        let id = "scale:\(definition.id)"
        let ratio = abs(value.value / previous.value)
        let factor = input.settings.scaleSlipFactor
        let slipped = ratio >= factor || ratio <= 1 / factor
        return CheckResult(
            id: id, indicators: [definition.id], severity: .error, status: slipped ? .fail : .pass,
            observed: value.value, expected: previous.value, tolerance: nil,
            message: slipped
                ? "\(definition.id) is \(Comparison.format(ratio))× its \(input.month.previous) value "
                    + "(\(value.value) vs \(previous.value)): probably a scale word read wrong (triệu/tỷ/nghìn)"
                : "\(definition.id) is within a plausible factor of its \(input.month.previous) value",
            provenance: [previous.provenance, value.provenance])
    }

    /// A value inside the definition's plausible range.
    static func range(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult? {
        guard let range = definition.range, let value = input.value(definition.id) else { return nil }
        let inside = range.contains(value.value)
        return CheckResult(
            id: "range:\(definition.id)", indicators: [definition.id], severity: .error, status: inside ? .pass : .fail,
            observed: value.value, expected: nil, tolerance: nil,
            message: inside
                ? "\(definition.id) lies in its plausible range"
                : "\(definition.id) = \(value.value) lies outside its plausible range "
                    + "\(range.lowerBound)…\(range.upperBound); check the figure or widen the range",
            provenance: [value.provenance])
    }

    /// A required indicator was found.
    static func required(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult? {
        guard definition.required else { return nil }
        let found = input.value(definition.id) != nil
        return CheckResult(
            id: "required:\(definition.id)", indicators: [definition.id], severity: .warning,
            status: found ? .pass : .fail,
            message: found
                ? "required indicator \(definition.id) was found"
                : "required indicator \(definition.id) (\(definition.name)) was not found on any page: "
                    + "the page may not be published yet, or its wording differs from the name and synonyms")
    }
}
