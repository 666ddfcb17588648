import Foundation

/// Where the site's files go: the top page, and each pipeline's folder below it.
public struct ReportLayout: Sendable {
    /// The folder of the top page (`index.html` listing the pipelines).
    public var top: URL
    /// The path of a pipeline's folder below `top`, `{pipeline}` standing for its name.
    public var pipelinePath: [String]

    public init(top: URL, pipelinePath: [String]) {
        self.top = top
        self.pipelinePath = pipelinePath
    }

    /// The default: `<output>/<pipeline>/report/`, the top page at `<output>/index.html`.
    public static func inOutput(_ root: URL) -> ReportLayout {
        ReportLayout(top: root, pipelinePath: ["{pipeline}", "report"])
    }

    /// One folder for the whole site (`--to DIR`): `DIR/index.html` and `DIR/<pipeline>/`.
    public static func site(_ folder: URL) -> ReportLayout {
        ReportLayout(top: folder, pipelinePath: ["{pipeline}"])
    }

    /// The folder of one pipeline's pages.
    public func pipelineDirectory(_ pipeline: String) -> URL {
        relativePath(pipeline).split(separator: "/").reduce(top) {
            $0.appendingPathComponent(String($1), isDirectory: true)
        }
    }

    /// The pipeline folder's path from the top page: `demo/report`.
    public func relativePath(_ pipeline: String) -> String {
        pipelinePath.map { $0 == "{pipeline}" ? HTML.fileName(pipeline) : $0 }.joined(separator: "/")
    }

    /// From a pipeline's `index.html` up to the top page: `../../index.html`.
    public var upToTop: String {
        String(repeating: "../", count: pipelinePath.count) + "index.html"
    }
}
