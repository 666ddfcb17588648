import Foundation
import ProvstatCore
import ProvstatExtract
import ProvstatReconcile

/// Reads the YAML tree of one definition file into a `PipelineDefinition`.
struct DefinitionReader {
    let file: URL
    let digest: String

    func read(_ root: YAMLValue) throws(DefinitionError) -> PipelineDefinition {
        let top = try root.mapping(allowed: [
            "pipeline", "title", "contact", "sources", "indicators", "targets", "fetch", "checks",
        ])
        let defaultName = file.deletingPathExtension().lastPathComponent
        let name = try top["pipeline"]?.nonEmptyString() ?? defaultName
        guard PipelineDefinition.isValidName(name) else {
            // Without `pipeline:` the name comes from the file name: say so, rather than name a key.
            guard let node = top["pipeline"] else {
                throw DefinitionError(
                    file: file.path, line: 1, key: "pipeline",
                    message:
                        "the file name '\(defaultName)' is not a valid pipeline name (letters, digits, '-' and '_' only, "
                        + "it names a folder): rename the file or add `pipeline: NAME`")
            }
            throw node.error("use letters, digits, '-' and '_' only (it names a folder)")
        }
        let sourcesNode = try top.required("sources", in: root)
        let sources = try sourcesNode.sequence().map { (item) throws(DefinitionError) in try source(item) }
        guard !sources.isEmpty else { throw sourcesNode.error("a pipeline needs at least one source") }
        try rejectDuplicates(sources.map(\.id), in: sourcesNode, what: "source id")

        let indicators = try (top["indicators"]?.sequence() ?? []).map { (item) throws(DefinitionError) in
            try indicator(item)
        }
        if let node = top["indicators"] {
            try rejectDuplicates(indicators.map(\.id), in: node, what: "indicator id")
            let ids = Set(indicators.map(\.id))
            for (index, definition) in indicators.enumerated() {
                for component in definition.components + [definition.monthly].compactMap({ $0 })
                where !ids.contains(component) {
                    throw YAMLValue(
                        node: try node.sequence()[index].node, file: file.path, path: "indicators[\(index)].components"
                    )
                    .error("'\(component)' is not an indicator defined in this file")
                }
            }
        }
        let knownIndicators = Set(indicators.map(\.id))
        let targets = try (top["targets"]?.sequence() ?? []).map { (item) throws(DefinitionError) in
            try target(item, indicators: indicators, known: knownIndicators)
        }
        return PipelineDefinition(
            name: name, title: try top["title"]?.string(), contact: try top["contact"]?.string(),
            sources: sources, indicators: indicators, targets: targets,
            fetch: try top["fetch"].map { (node) throws(DefinitionError) in try fetchSettings(node) }
                ?? FetchSettings(),
            reconcile: try top["checks"].map { (node) throws(DefinitionError) in try reconcileSettings(node) }
                ?? ReconcileSettings(),
            file: file, digest: digest)
    }

    // MARK: - Sources

    private func source(_ value: YAMLValue) throws(DefinitionError) -> SourceDefinition {
        let map = try value.mapping(allowed: ["id", "url", "listing", "xpath", "quarterly"])
        let id = try map.required("id", in: value).nonEmptyString()
        let location: SourceDefinition.Location
        switch (map["url"], map["listing"]) {
        case (let url?, nil):
            location = .template(resolve(try url.nonEmptyString()))
        case (nil, let listing?):
            location = .listing(try listingRule(listing))
        case (.some, .some):
            throw value.error("give either url or listing, not both")
        case (nil, nil):
            throw DefinitionError(
                file: file.path, line: value.line, key: "\(value.path).url",
                message: "required key is missing (or give listing)")
        }
        return SourceDefinition(
            id: id, location: location, xpath: try map["xpath"]?.nonEmptyString(),
            quarterly: try map["quarterly"]?.bool() ?? false)
    }

    private func listingRule(_ value: YAMLValue) throws(DefinitionError) -> ListingRule {
        let map = try value.mapping(allowed: ["url", "links", "title_contains", "title_any", "next", "pages"])
        let pages = try map["pages"]?.int() ?? 3
        guard (1...50).contains(pages) else { throw map["pages"]!.error("must be between 1 and 50") }
        // title_contains: every item must be in the title; an item that is itself a list is
        // satisfied by any one of its phrases. title_any: at least one of its phrases.
        var all: [String] = []
        var alternatives: [[String]] = []
        if let node = map["title_contains"] {
            if !node.isSequence {
                all = [try wordPhrase(node)]
            } else {
                for item in try node.sequence() {
                    if item.isSequence {
                        alternatives.append(try wordPhrases(item))
                    } else {
                        all.append(try wordPhrase(item))
                    }
                }
            }
        }
        if let node = map["title_any"] { alternatives.append(try wordPhrases(node)) }
        return ListingRule(
            url: resolve(try map.required("url", in: value).nonEmptyString()),
            links: try map["links"]?.nonEmptyString() ?? "//a[@href]",
            titleContains: all, titleAlternatives: alternatives,
            next: try map["next"]?.nonEmptyString(), maxPages: pages)
    }

    /// A phrase of title words: it must hold a letter or digit (a lone dash matches nothing).
    private func wordPhrase(_ value: YAMLValue) throws(DefinitionError) -> String {
        let phrase = try value.nonEmptyString()
        guard TitleToken.tokens(of: phrase).contains(where: { $0.kind != .mark }) else {
            throw value.error("'\(phrase)' has no words to look for in a title")
        }
        return phrase
    }

    private func wordPhrases(_ value: YAMLValue) throws(DefinitionError) -> [String] {
        if !value.isSequence { return [try wordPhrase(value)] }
        let items = try value.sequence()
        guard !items.isEmpty else { throw value.error("give at least one phrase") }
        return try items.map { (item) throws(DefinitionError) in try wordPhrase(item) }
    }

    /// A URL as written, or a path relative to the definition file made into a `file://` URL.
    private func resolve(_ location: String) -> String {
        if location.contains("://") { return location }
        let base = file.deletingLastPathComponent()
        let path = location.hasPrefix("/") ? location : base.appendingPathComponent(location).standardizedFileURL.path
        return "file://" + path
    }

    // MARK: - Indicators and targets

    private func indicator(_ value: YAMLValue) throws(DefinitionError) -> IndicatorDefinition {
        let map = try value.mapping(
            allowed: ["id", "name", "synonyms", "unit", "kind", "period", "components", "required", "range", "monthly"])
        let kindNode = map["kind"]
        let kind = try kindNode.map { (node) throws(DefinitionError) in try factKind(node) } ?? .level
        var period: Period.Span? = nil
        if let node = map["period"] {
            let text = try node.nonEmptyString()
            // The months left in the year are what plans are written for, no indicator's period.
            guard let span = Period.Span(rawValue: text), span != .restOfYear else {
                throw node.error("'\(text)' is not a period (month, ytd, quarter, year)")
            }
            period = span
        }
        var range: ClosedRange<Decimal>? = nil
        if let node = map["range"] {
            let bounds = try node.sequence()
            guard bounds.count == 2 else { throw node.error("expected [low, high]") }
            let low = try bounds[0].decimal()
            let high = try bounds[1].decimal()
            guard low <= high else { throw node.error("low must not exceed high") }
            range = low...high
        }
        return IndicatorDefinition(
            id: try map.required("id", in: value).nonEmptyString(),
            name: try map.required("name", in: value).nonEmptyString(),
            synonyms: try map["synonyms"]?.strings() ?? [], unit: try map.required("unit", in: value).nonEmptyString(),
            kind: kind, period: period, components: try map["components"]?.strings() ?? [],
            required: try map["required"]?.bool() ?? false, range: range, monthly: try map["monthly"]?.nonEmptyString())
    }

    private func factKind(_ value: YAMLValue) throws(DefinitionError) -> FactKind {
        let text = try value.nonEmptyString()
        guard let kind = FactKind(rawValue: text) else {
            let known = FactKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw value.error("'\(text)' is not a kind (\(known))")
        }
        return kind
    }

    private func target(
        _ value: YAMLValue, indicators: [IndicatorDefinition], known: Set<String>
    ) throws(DefinitionError) -> PlanTarget {
        let map = try value.mapping(allowed: ["indicator", "year", "value", "unit", "kind", "phasing"])
        let indicatorNode = try map.required("indicator", in: value)
        let indicator = try indicatorNode.nonEmptyString()
        guard known.contains(indicator) else { throw indicatorNode.error("'\(indicator)' is not a defined indicator") }
        let year = try map.required("year", in: value).int()
        let valueNode = try map.required("value", in: value)
        let kind = try map["kind"].map { (node) throws(DefinitionError) in try factKind(node) } ?? .level
        let amount: Decimal
        let unit: String
        if let explicitUnit = try map["unit"]?.nonEmptyString() {
            amount = try valueNode.decimal()
            unit = explicitUnit
        } else {
            // Written as in the plan: "1.500 triệu USD", "6,5%".
            let written = try valueNode.nonEmptyString()
            guard let fact = FactExtractor().amount(in: written) else {
                throw valueNode.error(
                    "cannot read '\(written)' as an amount; write it as in the plan (1.500 triệu USD) or give value and unit"
                )
            }
            amount = fact.value
            unit = fact.unit
        }
        var phasing: [Int: Decimal]? = nil
        if let node = map["phasing"] {
            var shares: [Int: Decimal] = [:]
            for (key, share) in try node.mapping(allowed: Set((1...12).map(String.init))) {
                shares[Int(key)!] = try share.decimal()
            }
            phasing = shares
        }
        return PlanTarget(indicator: indicator, year: year, value: amount, unit: unit, kind: kind, phasing: phasing)
    }

    // MARK: - Fetch settings

    private func fetchSettings(_ value: YAMLValue) throws(DefinitionError) -> FetchSettings {
        let map = try value.mapping(
            allowed: [
                "per_host", "delay", "global", "attempts", "connect_timeout", "timeout", "max_bytes", "robots",
                "backoff", "max_backoff", "retry_after_cap", "crawl_delay_cap", "source_deadline", "run_deadline",
                "page_budget",
            ])
        var settings = FetchSettings()
        if let node = map["per_host"] { settings.perHostConcurrency = try positive(node) }
        if let node = map["delay"] { settings.perHostDelay = try nonNegative(node) }
        if let node = map["global"] { settings.globalConcurrency = try positive(node) }
        if let node = map["attempts"] { settings.attempts = try positive(node) }
        if let node = map["connect_timeout"] { settings.connectTimeout = try seconds(node) }
        if let node = map["timeout"] { settings.totalTimeout = try seconds(node) }
        if let node = map["max_bytes"] { settings.maxBodyBytes = try positive(node) }
        if let node = map["robots"] { settings.obeyRobots = try node.bool() }
        if let node = map["backoff"] { settings.backoff = try nonNegative(node) }
        if let node = map["max_backoff"] { settings.maxBackoff = try nonNegative(node) }
        if let node = map["retry_after_cap"] { settings.retryAfterCap = try nonNegative(node) }
        if let node = map["crawl_delay_cap"] { settings.crawlDelayCap = try nonNegative(node) }
        if let node = map["source_deadline"] { settings.sourceDeadline = try seconds(node) }
        if let node = map["run_deadline"] { settings.runDeadline = try seconds(node) }
        if let node = map["page_budget"] { settings.pageBudget = try seconds(node) }
        return settings
    }

    // MARK: - Check settings

    private func reconcileSettings(_ value: YAMLValue) throws(DefinitionError) -> ReconcileSettings {
        let map = try value.mapping(allowed: ["vnd_per_usd", "scale_slip_factor", "progress_slack"])
        var settings = ReconcileSettings()
        if let node = map["vnd_per_usd"] {
            let bounds = try node.sequence()
            guard bounds.count == 2 else { throw node.error("expected [low, high] VND per USD") }
            let low = try bounds[0].decimal()
            let high = try bounds[1].decimal()
            guard low > 0, low <= high else { throw node.error("expected 0 < low ≤ high") }
            settings.vndPerUSD = low...high
        }
        if let node = map["scale_slip_factor"] {
            let factor = try node.decimal()
            guard factor > 1 else { throw node.error("must be greater than 1") }
            settings.scaleSlipFactor = factor
        }
        if let node = map["progress_slack"] { settings.progressSlack = try node.decimal() }
        return settings
    }

    private func nonNegative(_ value: YAMLValue) throws(DefinitionError) -> Double {
        let number = try value.double()
        guard number.isFinite, number >= 0 else { throw value.error("must not be negative (seconds)") }
        guard number <= FetchSettings.longestSeconds else {
            throw value.error("at most \(Int(FetchSettings.longestSeconds)) seconds (one day)")
        }
        return number
    }

    /// A timeout or deadline: positive (0 would switch it off) and at most a day.
    private func seconds(_ value: YAMLValue) throws(DefinitionError) -> Double {
        let number = try value.double()
        guard number.isFinite, number > 0 else {
            throw value.error("must be a positive number of seconds (0 or less would switch the limit off)")
        }
        guard number <= FetchSettings.longestSeconds else {
            throw value.error("at most \(Int(FetchSettings.longestSeconds)) seconds (one day)")
        }
        return number
    }

    private func positive(_ value: YAMLValue) throws(DefinitionError) -> Int {
        let number = try value.int()
        guard number > 0 else { throw value.error("must be a positive whole number") }
        return number
    }

    private func rejectDuplicates(_ ids: [String], in node: YAMLValue, what: String) throws(DefinitionError) {
        var seen: Set<String> = []
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            throw YAMLValue(node: try node.sequence()[index].node, file: file.path, path: "\(node.path)[\(index)]")
                .error("duplicate \(what) '\(id)'")
        }
    }
}
