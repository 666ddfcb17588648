import ProvstatSnapshot

/// The line `provstat run` prints about what it wrote.
struct PublicationNote {
    let publication: Publication

    init(_ publication: Publication) {
        self.publication = publication
    }

    var text: String {
        let name = "v\(publication.version)"
        switch (publication.outcome, publication.isLatest) {
        case (.unchanged, _): return "  unchanged: same content as \(name); nothing written"
        case (.written, true): return "  written: \(name) (latest)"
        case (.written, false) where publication.snapshot.status == .partial:
            return "  written: \(name) (partial: latest stays on the complete version)"
        case (.written, false): return "  written: \(name) (rejected: kept for inspection, latest not moved)"
        }
    }
}
