/// The frame every page shares: `lang="vi"`, UTF-8, the inline style sheet, no script.
enum Page {
    /// A whole HTML document.
    static func document(title: String, navigation: [(href: String, label: String)], body: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTML.escape(title))</title>\n<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n"
        if !navigation.isEmpty {
            out +=
                "<nav>"
                + navigation.map { "<a href=\"\(HTML.escape($0.href))\">\(HTML.escape($0.label))</a>" }
                .joined() + "</nav>\n"
        }
        out += body
        out += "</body>\n</html>\n"
        return out
    }

    /// The chart legend.
    static let legend = """
        <p class="legend"><span><i class="key key-complete"></i>tháng đầy đủ</span>\
        <span><i class="key key-partial"></i>thiếu một phần</span>\
        <span><i class="key key-rejected"></i>bị từ chối (nền đỏ)</span>\
        <span><i class="key key-target"></i>kế hoạch năm; vạch chấm: phần kế hoạch đến hết tháng</span></p>

        """
}
