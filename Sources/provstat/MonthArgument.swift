import ArgumentParser
import ProvstatCore

/// Parses `YYYY-MM` for month options.
enum MonthArgument {
    static func parse(_ text: String) throws -> Month {
        guard let month = Month(text) else {
            throw ValidationError("'\(text)' is not a month: use YYYY-MM, e.g. 2023-10")
        }
        return month
    }
}
