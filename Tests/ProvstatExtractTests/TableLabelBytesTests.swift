import Foundation
import Testing

@testable import ProvstatExtract

/// The byte readings of row labels and cells in `TableFactReader` against the character readings
/// they stand for.
@Suite("Table labels read on bytes")
struct TableLabelBytesTests {
    /// Labels with bullets, dashes and dots in front, and characters that join a bullet.
    static let labels = [
        "- Lúa", "+ Ngô", "* Khoai", "• Sắn", "– Mía", ". Chè", "  Cà phê", "-+*•–. Hồ tiêu", "Điều", "", "-",
        "- ", "•", "-\u{301}Bông", "- \u{301}Lạc", "•\u{200D}Đậu", "–\u{323}x", "1. Thóc", "-1,5", "−2",
        "\u{2022}\u{2013}Rau", "—Cói", "-\u{E9}", "*\u{A0}Dâu",
    ]

    @Test("leading bullets drop as the character reading drops them")
    func unbulleted() {
        for label in Self.labels {
            let reference = String(label.drop { TableFactReader.bulletCharacters.contains($0) })
            #expect(TableFactReader.unbulleted(label) == reference, "\(label.debugDescription)")
            #expect(Array(TableFactReader.unbulleted(label).utf8) == Array(reference.utf8))
        }
        #expect(TableFactReader.unbulleted("-+ • Lúa") == "Lúa")
        #expect(TableFactReader.unbulleted("-\u{301}Bông") == "-\u{301}Bông")
    }

    @Test("a cell ends with % as its last character is %")
    func percent() {
        let cells = [
            "12,5%", "%", "", "5", "5 %", "%\u{301}", "5\u{301}%", "\u{600}%", "ạ%", "100%%", "12,5 % ", "５%",
        ]
        for cell in cells {
            #expect(TableFactReader.endsWithPercent(cell) == cell.hasSuffix("%"), "\(cell.debugDescription)")
        }
        #expect(
            cells.map(TableFactReader.endsWithPercent) == [
                true, true, false, false, true, false, true, false, true, true, false, true,
            ])
    }

    @Test("scalars counted on bytes")
    func scalars() {
        for text in Self.labels + ["Tổng mức bán lẻ", "🌾 lúa", "a\u{301}"] {
            #expect(TableFactReader.scalarCount(text) == text.unicodeScalars.count, "\(text.debugDescription)")
        }
        #expect(TableFactReader.scalarCount("Đạt") == 3)
    }
}

/// The digit test that spares a `Decimal` per cell in `TableFactReader`.
@Suite("Twenty or more on digits")
struct TableIndexValueTests {
    @Test("a numeral is 20 or more on its digits as its value is")
    func twenty() throws {
        let texts = [
            "20", "19", "19,99", "20,0", "20,00001", "19,999999999999999", "0,5", "100", "1.234,5", "0", "2", "200",
            "0,0000000000000002", "999999999999999999", "9,99999999999999999",
        ]
        var answers: [Bool] = []
        for text in texts {
            let numeral = try #require(Numeral(text, style: .vietnamese), "\(text)")
            let reference = numeral.value() >= 20
            #expect(TableFactReader.isAtLeastTwenty(numeral) == reference, "\(text)")
            answers.append(TableFactReader.isAtLeastTwenty(numeral))
        }
        #expect(
            answers == [
                true, false, false, true, true, false, false, true, true, false, false, true, false, true, false,
            ])
    }
}
