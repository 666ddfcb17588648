import Foundation
import Testing

@testable import ProvstatExtract

/// The byte check that spares Foundation's search for *đơn vị* in table headers.
@Suite("Unit headers of tables")
struct TableUnitHeaderTests {
    @Test("a header without đ or n v cannot hold đơn vị; one with both is searched")
    func byteCheck() {
        for header in ["đơn vị tính", "đơn vị", "cột đơn vị", "đơn vi\u{323}"] {
            #expect(TableFactReader.mayHoldUnitWords(header), "\(header)")
        }
        for header in ["thực hiện tháng 10", "đơn giá", "tăng, giảm (%)", "n v", "đ", "", "d\u{335}ơn vị"] {
            #expect(!TableFactReader.mayHoldUnitWords(header), "\(header)")
            #expect(!header.contains("đơn vị"), "\(header)")
        }
    }
}
