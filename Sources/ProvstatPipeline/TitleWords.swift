/// The words a definition asks of a report's title, matched as whole words regardless of case,
/// spacing and dashes ("kinh tế-xã hội" = "KINH TẾ – XÃ HỘI").
struct TitleWords: Sendable {
    /// Each group must be present; a group is satisfied by any one of its phrases.
    let groups: [[[String]]]
    /// The groups as written, for messages.
    let written: [[String]]

    init(all: [String], alternatives: [[String]] = []) {
        written = all.map { [$0] } + alternatives.filter { !$0.isEmpty }
        groups = written.map { group in
            group.map { phrase in TitleToken.tokens(of: phrase).filter { $0.kind != .mark }.map(\.text) }
                .filter { !$0.isEmpty }
        }
    }

    /// Whether the rule asks for nothing.
    var isEmpty: Bool { groups.allSatisfy(\.isEmpty) }

    /// The groups the title lacks, as written ("tình hình", "kinh tế - xã hội | KT-XH"); empty when it fits.
    func missing(in reading: TitleReading) -> [String] {
        let finder = TitleCue.Finder(tokens: reading.tokens)
        return groups.indices.compactMap { index in
            let group = groups[index]
            if group.isEmpty || group.contains(where: { finder.contains($0) }) { return nil }
            return written[index].joined(separator: " | ")
        }
    }
}
