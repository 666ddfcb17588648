import ArgumentParser

/// The exit codes provstat documents (sysexits.h where one fits).
enum ExitStatus {
    /// Everything done.
    static let ok = ExitCode(0)
    /// A snapshot was written but some source failed or a required indicator is missing.
    static let partial = ExitCode(3)
    /// Data failed validation: the snapshot is kept but marked rejected (EX_DATAERR).
    static let dataRejected = ExitCode(65)
    /// Input missing or unreadable (EX_NOINPUT).
    static let noInput = ExitCode(66)
    /// A required source is unavailable (EX_UNAVAILABLE).
    static let unavailable = ExitCode(69)
    /// The output cannot be written (EX_CANTCREAT).
    static let cannotWrite = ExitCode(73)
    /// Temporary failure: retry later (EX_TEMPFAIL).
    static let temporary = ExitCode(75)
    /// Configuration error (EX_CONFIG).
    static let configuration = ExitCode(78)
}
