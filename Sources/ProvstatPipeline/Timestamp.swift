import Foundation

/// Timestamps as snapshots write them: ISO 8601, UTC, whole seconds.
enum Timestamp {
    static func string(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(
                .colon
            ).timeZone(separator: .omitted))
    }
}
