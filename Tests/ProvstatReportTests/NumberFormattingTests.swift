import Foundation
import Testing

@testable import ProvstatReport

@Suite("Vietnamese number formatting")
struct NumberFormattingTests {
    @Test(
        "Dots group thousands, a comma marks decimals, trailing zeros go",
        arguments: [
            ("1245.6", 1, "1.245,6"), ("1500", 1, "1.500"), ("-0.3", 2, "-0,3"), ("1234567.891", 2, "1.234.567,89"),
            ("999", 0, "999"), ("1000", 0, "1.000"), ("0.32", 2, "0,32"), ("23429.4", 1, "23.429,4"),
            ("0.05", 1, "0,1"), ("-0.05", 1, "-0,1"), ("-0.04", 1, "0"), ("100000000", 0, "100.000.000"),
        ])
    func format(text: String, decimals: Int, expected: String) {
        #expect(VietnameseNumber.format(Decimal(string: text)!, decimals: decimals) == expected)
    }

    @Test("Fixed decimals keep their zeros; signed changes show their sign")
    func fixedAndSigned() {
        #expect(VietnameseNumber.format(125, decimals: 1, fixed: true) == "125,0")
        #expect(VietnameseNumber.signed(125, decimals: 1, fixed: true) == "+125,0")
        #expect(VietnameseNumber.signed(Decimal(string: "-3.21")!, decimals: 1) == "-3,2")
        #expect(VietnameseNumber.signed(0, decimals: 1, fixed: true) == "0,0")
        #expect(VietnameseNumber.percent(fraction: Decimal(string: "0.1123")!) == "+11,2%")
        #expect(VietnameseNumber.percent(fraction: Decimal(string: "-0.0049")!) == "-0,5%")
    }

    @Test("Money is shown in triệu/tỷ as reports write it, other units as they are")
    func scales() {
        let usd = DisplayScale.choose(unit: "USD", magnitude: 1_370_200_000)
        #expect(usd.format(1_245_600_000) == "1.245,6 triệu USD")
        #expect(usd.change(124_600_000) == "+124,6 triệu USD")
        let vnd = DisplayScale.choose(unit: "VND", magnitude: 23_429_400_000_000)
        #expect(vnd.format(23_429_400_000_000) == "23.429,4 tỷ đồng")
        #expect(DisplayScale.choose(unit: "VND", magnitude: 5_500_000).format(5_500_000) == "5,5 triệu đồng")
        let percent = DisplayScale.choose(unit: "%", magnitude: 1)
        #expect(percent.format(Decimal(string: "0.32")!) == "0,32%")
        #expect(percent.change(Decimal(string: "-0.1")!) == "-0,1 điểm %")
        #expect(DisplayScale.choose(unit: "lượt khách", magnitude: 1).format(125_400) == "125.400 lượt khách")
    }

    @Test("HTML escaping covers text and attributes; only http(s) and file links are followed")
    func escaping() {
        #expect(HTML.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(HTML.safeLink("javascript:alert(1)") == nil)
        #expect(HTML.safeLink("https://x.example/?a=1&b=2") == "https://x.example/?a=1&amp;b=2")
        #expect(HTML.fileName("exports_ytd") == "exports_ytd")
        #expect(HTML.fileName("../x y") == "___x_y")
    }
}
