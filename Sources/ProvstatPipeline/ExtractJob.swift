import Foundation
import ProvstatCore
import ProvstatExtract
import ProvstatFetch
import ProvstatParse

/// `provstat extract`: the facts of one page, read from a path or fetched from a URL.
public struct ExtractJob: Sendable {
    public let location: String
    public let xpath: String?

    public init(location: String, xpath: String?) {
        self.location = location
        self.xpath = xpath
    }

    /// Reads the page and returns its facts; throws a fetch or parse error naming the page.
    public func run() throws -> [Fact] {
        let (data, contentType, source) = try load()
        LibXML2.initialise()
        let page = try PageParser().parse(data: data, source: source, contentType: contentType, xpath: xpath)
        return FactExtractor().extract(from: page.blocks)
    }

    private func load() throws -> (Data, String?, String) {
        if location.contains("://") {
            // The client of `run`, with its default politeness, robots.txt and retries, and no
            // raw store: a one-off look at a page leaves nothing behind.
            let configuration = FetchOptions.configuration(
                FetchSettings(), userAgent: MonthRun.userAgent(contact: nil), obeyRobots: true, store: nil,
                offline: false)
            let response = try FetchSession(configuration: configuration).makeFetcher().fetch(location).response
            return (response.body, response.contentType, location)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory) else {
            throw FetchError(
                url: location,
                reason: .transport(code: 0, message: "no such file; give the path of an HTML or .txt page"))
        }
        if isDirectory.boolValue {
            throw FetchError(
                url: location,
                reason: .transport(
                    code: 0, message: "is a folder, not a page; give the path of one HTML or .txt file in it"))
        }
        guard FileManager.default.isReadableFile(atPath: location) else {
            throw FetchError(
                url: location, reason: .transport(code: 0, message: "permission denied; check the file's permissions"))
        }
        do {
            return (try Data(contentsOf: URL(fileURLWithPath: location)), nil, location)
        } catch {
            throw FetchError(
                url: location,
                reason: .transport(
                    code: 0, message: "cannot read the file (\(Self.reason(error))); is it a regular file?"))
        }
    }

    /// The system's reason for a file error ("Permission denied"), not Foundation's domain and code.
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedFailureReason ?? error.localizedDescription
    }
}
