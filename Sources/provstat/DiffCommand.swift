import ArgumentParser
import Foundation
import ProvstatSnapshot

/// `provstat diff A B`: what changed between two snapshots or two output roots.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Show what changed between two snapshots, or between two output folders.",
        discussion: """
            A and B are each a snapshot file, PIPELINE/YYYY-MM@vN, PIPELINE/YYYY-MM@latest (or just \
            PIPELINE/YYYY-MM), or both output folders (every pipeline and month in either, at their latest \
            versions). Each changed value says why: the source page changed (its raw SHA-256 differs) or \
            the reading changed (same bytes, other provstat version or pipeline definition).

            Exit status, as diff(1): 0 no differences, 1 differences, 2 trouble (unknown reference, \
            unreadable or newer-schema snapshot, bad option value).
            """)

    @Option(name: .long, help: OutputRoot.help)
    var output: String?

    @Flag(name: .long, help: "Print the differences as JSON.")
    var json = false

    @Flag(name: .long, help: "Print the differences as Markdown (release notes).")
    var markdown = false

    @Option(name: .customLong("abs"), help: "Ignore value changes up to this amount, in the indicator's unit.")
    var absolute: String?

    @Option(name: .customLong("rel"), help: "Ignore value changes up to this fraction of the old value (0.001 = 0.1%).")
    var relative: String?

    @Argument(help: "The old side.")
    var old: String

    @Argument(help: "The new side.")
    var new: String

    /// diff(1)'s "trouble" status.
    static let trouble = ExitCode(2)

    func run() throws {
        guard !(json && markdown) else {
            printError("provstat diff: choose one of --json and --markdown")
            throw Self.trouble
        }
        let diff: SnapshotDiff
        do {
            let tolerance = DiffTolerance(
                absolute: try Self.amount(absolute, option: "--abs"),
                relative: try Self.amount(relative, option: "--rel"))
            diff = try SnapshotDiff(
                old: SnapshotReference.parse(old), new: SnapshotReference.parse(new),
                store: SnapshotStore(root: OutputRoot.resolve(output)), tolerance: tolerance)
        } catch {
            printError("provstat diff: \(error)")
            throw Self.trouble
        }
        if json {
            FileHandle.standardOutput.write(try SnapshotCoding.encode(diff))
        } else {
            print(markdown ? diff.markdown : diff.text)
        }
        if diff.isDifferent { throw ExitCode(1) }
    }

    private static func amount(_ text: String?, option: String) throws(DiffOptionError) -> Decimal? {
        guard let text else { return nil }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value >= 0,
            text.allSatisfy({ $0.isNumber || $0 == "." })
        else { throw DiffOptionError(option: option, text: text) }
        return value
    }
}

/// A tolerance option that is not a non-negative number.
struct DiffOptionError: Error, CustomStringConvertible {
    let option: String
    let text: String

    var description: String {
        "\(option) '\(text)' is not a non-negative number; write it like 0.5 or 1000"
    }
}
