import Testing

@testable import ProvstatExtract

/// The byte check before `SubjectNaming.contrasted` compares characters must let every
/// canonically equal opening through.
@Suite("Contrasted places")
struct ContrastedPlaceTests {
    @Test("a place set against another replaces it, written composed or decomposed")
    func contrasted() {
        let earlier = "lao động có việc làm trong tỉnh"
        #expect(SubjectNaming.contrasted(earlier, with: "ngoài tỉnh") == "lao động có việc làm ngoài tỉnh")
        #expect(SubjectNaming.contrasted(earlier, with: "Ngoài tỉnh") == "lao động có việc làm Ngoài tỉnh")
        // *ngoài* with its grave accent as a combining mark: canonically the same opening.
        let decomposed = SubjectNaming.contrasted(earlier, with: "ngoa\u{300}i tỉnh")
        #expect(decomposed.map { Array($0.utf8) } == Array("lao động có việc làm ngoa\u{300}i tỉnh".utf8))
        #expect(SubjectNaming.contrasted("doanh thu ngoài tỉnh", with: "trong tỉnh") == "doanh thu trong tỉnh")
        for place in ["nhà nước", "tỉnh", "trongtỉnh", "ngoai tỉnh", "t", ""] {
            #expect(SubjectNaming.contrasted(earlier, with: place) == nil, "\(place)")
        }
    }
}
