import ArgumentParser
import ProvstatCore
import ProvstatPipeline

/// The one page `extract` and `pipelines draft` read: a path or a URL, and its article's XPath.
struct PageArguments: ParsableArguments {
    @Option(name: .long, help: "XPath selecting the article body; detected when absent.")
    var xpath: String?

    @Argument(help: "A file path (HTML or .txt) or an http(s):// or file:// URL.")
    var location: String

    /// The page's facts; a page that cannot be read is reported and ends the command with 66.
    func facts() throws -> [Fact] {
        do { return try ExtractJob(location: location, xpath: xpath).run() } catch {
            printError("provstat: \(error)")
            throw ExitStatus.noInput
        }
    }
}
