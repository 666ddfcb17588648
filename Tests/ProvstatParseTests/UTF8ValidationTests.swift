import Foundation
import Testing

@testable import ProvstatParse

/// `PageBytes.isValidUTF8` checks bytes in place, sixteen at a time where the processor can, with
/// a byte automaton otherwise; both must agree with the standard library's validation on every
/// input, well-formed or not.
@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    /// Sequences at the edges of table 3-7 (overlong forms, surrogates, the last scalar, beyond it).
    static let edges: [[UInt8]] = [
        [], [0x41], [0x7F], [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0xBF],
        [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
        [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
        [0xFF], [0xE1, 0xBB], [0xE1, 0xBB, 0x87], [0xC3],
    ]

    /// Whether the vectorised check and the automaton both answer as `String(validating:)` does.
    static func agrees(_ bytes: [UInt8]) -> Bool {
        let expected = String(validating: bytes, as: UTF8.self) != nil
        return PageBytes.isValidUTF8(Data(bytes)) == expected
            && PageBytes.isValidUTF8ByAutomaton(Data(bytes)) == expected
    }

    @Test("agrees with String(validating:) at the edges, alone and after ASCII runs of every length")
    func edges() {
        for edge in Self.edges {
            for padding in 0..<17 {
                let bytes = Array(repeating: UInt8(ascii: "a"), count: padding) + edge + [0x62]
                #expect(Self.agrees(bytes), "\(bytes)")
            }
        }
    }

    @Test("agrees with String(validating:) on long text with a bad or cut sequence at any offset, across blocks")
    func longText() {
        let line = Array("Giá trị sản xuất công nghiệp ước tăng 7,8%; vốn đầu tư đạt 12.345 tỷ đồng. 𝔸 ".utf8)
        let page = Array(repeating: line, count: 60).joined().prefix(4200)
        #expect(PageBytes.isValidUTF8(Data(page)) && PageBytes.isValidUTF8ByAutomaton(Data(page)))
        let intrusions: [[UInt8]] = [
            [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE1, 0x41], [0xFF],
        ]
        for offset in [0, 1, 14, 15, 16, 17, 31, 32, 100, 4094, 4095, 4096, 4097, 4199] {
            for intrusion in intrusions {
                var bytes = Array(page)
                bytes.replaceSubrange(offset..<min(offset + intrusion.count, bytes.count), with: intrusion)
                #expect(Self.agrees(bytes), "\(offset) \(intrusion)")
            }
            // The page cut at the offset: a sequence may be left unfinished.
            let cut = Array(page.prefix(offset))
            #expect(Self.agrees(cut), "\(offset)")
        }
    }

    @Test("agrees with String(validating:) on random bytes and mangled Vietnamese text")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let text = Array("Kim ngạch xuất khẩu ước đạt 1.234,5 triệu USD, tăng 5,2% so với cùng kỳ. 😀".utf8)
        for _ in 0..<5000 {
            var bytes = text
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            let noise = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            for sample in [
                bytes, noise, Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator))) + noise,
            ] {
                #expect(Self.agrees(sample))
            }
        }
    }
}
