import Foundation
import ProvstatCore
import ProvstatExtract
import ProvstatParse

/// libFuzzer entry: the bytes as an HTML page, through article detection (and through an XPath
/// selection of the body) to facts. Parse errors are fine; crashes and hangs are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPageFacts(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let parser = PageParser()
    for xpath in [nil, "//body"] as [String?] {
        guard let page = try? parser.parse(data: data, source: "fuzz.html", contentType: "text/html", xpath: xpath)
        else {
            continue
        }
        _ = FactExtractor().extract(from: page.blocks)
    }
    _ = try? parser.links(data: data, source: "fuzz.html")
    return 0
}
