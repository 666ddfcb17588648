import ProvstatSupport
import Testing

@Suite("Tone-mark placement")
struct ToneMarksTests {
    /// Unicode scalars, so a test cannot pass on strings that only look alike.
    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test("the older placement on an open oa, oe, uy moves to the first vowel")
    func olderPlacementMoves() {
        #expect(scalars(ToneMarks.onFirstVowel("hàng hoá")) == scalars("hàng hóa"))
        #expect(scalars(ToneMarks.onFirstVowel("thuỷ sản")) == scalars("thủy sản"))
        #expect(scalars(ToneMarks.onFirstVowel("sức khoẻ")) == scalars("sức khỏe"))
        #expect(scalars(ToneMarks.onFirstVowel("Hoà Bình, hoạ sĩ")) == scalars("Hòa Bình, họa sĩ"))
        #expect(scalars(ToneMarks.onFirstVowel("THUỶ")) == scalars("THỦY"))
    }

    @Test("closed syllables, qu + y and the newer placement are left as written")
    func othersStay() {
        for text in ["hoàn thành", "thuyết minh", "quý IV", "hóa chất", "thủy lợi", "khoáng sản", "tăng 5,2%"] {
            #expect(scalars(ToneMarks.onFirstVowel(text)) == scalars(text))
        }
    }
}
