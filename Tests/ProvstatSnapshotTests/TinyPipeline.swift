import Foundation

/// A one-source pipeline reading a local page, so runs need no network and take milliseconds.
struct TinyPipeline {
    let directory: URL
    var definition: URL { directory.appendingPathComponent("tiny.yaml") }
    var page: URL { directory.appendingPathComponent("page.html") }

    init(in directory: URL, name: String = "tiny") throws {
        self.directory = directory
        try """
        pipeline: \(name)
        sources:
          - id: report
            url: page.html
        indicators:
          - id: exports
            name: kim ngạch xuất khẩu
            unit: USD
        """.write(to: definition, atomically: true, encoding: .utf8)
        try setPage(exports: 925)
    }

    /// Rewrites the page so that the next run reads other figures.
    func setPage(exports: Int) throws {
        try """
        <html><head><meta charset="utf-8"><title>Báo cáo tháng 10</title></head><body><article>
        <p>Kim ngạch xuất khẩu tháng 10 ước đạt \(exports) triệu USD, tăng 12,5% so với cùng kỳ.</p>
        <p>Tổng thu ngân sách đạt 1.028,84 tỷ đồng, bằng 0,32% dự toán.</p>
        </article></body></html>
        """.write(to: page, atomically: true, encoding: .utf8)
    }

    func runArguments(output: String? = "out", month: String = "2023-10") -> [String] {
        ["run", "--pipeline", definition.path, "--month", month] + (output.map { ["--output", $0] } ?? [])
    }
}
