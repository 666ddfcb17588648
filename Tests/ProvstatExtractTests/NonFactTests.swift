import Foundation
import ProvstatCore
import Testing

@testable import ProvstatExtract

@Suite("What is not a fact")
struct NonFactTests {
    @Test(
        "gives no fact",
        arguments: [
            "Ngày 20 tháng 2 năm 2023, tỉnh tổ chức hội nghị.",
            "Hội nghị diễn ra ngày 11/11/2022 tại hội trường.",
            "Số liệu tháng 10/2022 đã được công bố.",
            "Quý I/2016 tỉnh có nhiều chuyển biến.",
            "Kế hoạch giai đoạn 2022 - 2026 và định hướng đến năm 2030.",
            "Trong 9 tháng qua, tỉnh tập trung chỉ đạo sản xuất.",
            "Thực hiện Kế hoạch số 173/KH-UBND và Chỉ thị số 15-CT/TW của Ban Bí thư.",
            "Theo Nghị quyết 21 và Nghị định số 61/2015/NĐ-CP của Chính phủ.",
            "Đại hội lần thứ Hai thành công tốt đẹp.",
            "1. Sản xuất nông nghiệp",
            "Đại hội XIII của Đảng đã đề ra mục tiêu.",
            "Giá trị sản xuất theo giá so sánh năm 2010 được tính lại.",
            "Mọi ý kiến xin liên hệ số điện thoại 0299.3822.123 hoặc 0277 3851 234.",
            "Lượt xem: 229",
            "Đang online: 32",
            "Tất cả: 11,812,661",
            "Bài viết có 3.412 lượt xem.",
            "1 2 3 4 5 … Trang cuối",
            "Giống lúa ST25 và OM 5451 được ưa chuộng.",
            "Toàn tỉnh gieo trồng 2 vụ lúa trong năm.",
            "Dự án nối Quốc lộ 61C với đường tỉnh 925B.",
            "Tổ chức Hội chợ lần thứ 15 tại số 85 đường Nguyễn Huệ, Phường 1.",
            "Lễ hội kéo dài 3 ngày, từ ngày 26 - 28/11/2023.",
            "Xuất khẩu gạo trắng 5% tấm tăng mạnh.",
            "Họp lúc 15:05 ngày 30/10.",
            "Một doanh nghiệp cho biết đơn hàng tăng; một người dân phản ánh giá cao.",
            "Tại Hội nghị lần thứ 8 Ban Chấp hành, khoảng 9 giờ sáng, nhiệt độ 24°C.",
            "Thực hiện Thông tư 03/2021/TT-BKHĐT, tầm nhìn đến năm 2050.",
            "Dịch COVID-19 được kiểm soát; Quốc lộ 1A thông suốt; Top 10 doanh nghiệp được vinh danh.",
            "Cách mạng công nghiệp 4.0 và mạng 5G phát triển; đội tuyển U23 thi đấu tốt.",
            "Trong 3 tháng đầu năm, tỉnh đón Tết Giáp Thìn 2024; mã số thuế 0123456789.",
        ])
    func noFact(_ sentence: String) {
        #expect(facts(sentence).isEmpty, "\(facts(sentence).map(\.raw))")
    }

    @Test("a 400-digit number is no fact and does not crash")
    func hugeNumber() {
        let digits = String(repeating: "9", count: 400)
        #expect(facts("Giá trị đạt \(digits) tỷ đồng.").isEmpty)
        #expect(FactExtractor().amount(in: "\(digits),5%") == nil)
    }
}
