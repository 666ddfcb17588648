import ArgumentParser
import ProvstatCore

/// The `provstat` command: monthly provincial statistics, from report pages to snapshots.
@main
struct Provstat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provstat",
        abstract: "Turns Vietnamese provinces' monthly report pages into checked, versioned JSON snapshots.",
        version: ProvstatVersion.current,
        subcommands: [
            RunCommand.self, DiscoverCommand.self, ExtractCommand.self, SnapshotsCommand.self, ShowCommand.self,
            DiffCommand.self, ExportCommand.self, ReportCommand.self, ValidateCommand.self, PipelinesCommand.self,
            DoctorCommand.self, BenchCommand.self,
        ])
}
