import ProvstatSupport

/// The Vietnamese words the extractor knows: scale words, units, counted nouns, hedges and cues.
///
/// Every phrase is stored as the lower-case token texts the `Tokenizer` produces for it, so a
/// phrase matches a token run whatever spacing or glueing the page used.
enum Lexicon {
    // MARK: - Units

    /// A unit's canonical name and the power of ten one unit written is worth.
    struct UnitEntry: Sendable {
        let unit: String
        let exponent: Int
    }

    /// Scale words and the power of ten they multiply by.
    static let scales = PhraseTable<Int>(
        [
            ("nghìn tỷ", 12), ("ngàn tỷ", 12), ("nghìn tỉ", 12), ("ngàn tỉ", 12), ("nghìn", 3), ("ngàn", 3),
            ("triệu", 6), ("tỷ", 9), ("tỉ", 9),
        ].map { (Tokenizer.phrase($0.0), $0.1) })

    /// Measurement units (not counted nouns).
    static let units = PhraseTable<UnitEntry>(
        [
            ("điểm phần trăm", "pp", 0), ("%", "%", 0), ("phần trăm", "%", 0), ("lần", "times", 0),
            ("đồng", "VND", 0), ("vnđ", "VND", 0), ("vnd", "VND", 0), ("đ", "VND", 0),
            ("usd", "USD", 0), ("đô la mỹ", "USD", 0), ("đô-la mỹ", "USD", 0), ("đôla mỹ", "USD", 0),
            ("đô la", "USD", 0), ("đôla", "USD", 0), ("eur", "EUR", 0), ("euro", "EUR", 0),
            ("tấn", "t", 0), ("kg", "kg", 0), ("tạ/ha", "tạ/ha", 0), ("tạ / ha", "tạ/ha", 0),
            ("ha", "ha", 0), ("héc-ta", "ha", 0), ("hécta", "ha", 0), ("hecta", "ha", 0), ("héc ta", "ha", 0),
            ("m2", "m2", 0), ("m²", "m2", 0), ("km2", "km2", 0), ("km²", "km2", 0), ("km", "km", 0),
            ("m3", "m3", 0), ("m³", "m3", 0), ("kwh", "kWh", 0), ("mw", "MW", 0), ("lít", "l", 0),
            ("mwh", "MWh", 0), ("gwh", "GWh", 0), ("teu", "TEU", 0),
            // Tonnes handled at a port (*tấn thông qua*, *TTQ*) are tonnes.
            ("ttq", "t", 0), ("tấn thông qua", "t", 0),
        ].map { (Tokenizer.phrase($0.0), UnitEntry(unit: $0.1, exponent: $0.2)) })

    /// Counted nouns made of more than one syllable (the head noun is the whole compound).
    static let compoundNouns = PhraseTable(phrases: [
        "dự án", "doanh nghiệp", "lao động", "lượt khách", "lượt người", "lượt hành khách", "quốc gia",
        "vùng lãnh thổ", "tổ chức", "chương trình", "đại biểu", "khoản thu", "nhà máy", "cơ sở", "vị trí",
        "sản phẩm", "hợp tác xã", "tổ hợp tác", "công trình", "hồ sơ", "học sinh", "sinh viên", "giáo viên",
        "bệnh nhân", "trường hợp", "hộ gia đình", "gia đình", "căn hộ", "cửa hàng", "siêu thị",
        "trung tâm thương mại", "trang trại", "thành viên", "đối tượng", "phương tiện", "chuyến bay",
        "bệnh viện", "trường học", "cụm công nghiệp", "khu công nghiệp", "thủ tục", "văn bản", "vụ việc",
        "vụ án", "đơn vị", "lĩnh vực", "mặt hàng", "chỉ tiêu", "tiêu chí", "mô hình", "tàu cá", "ô tô",
        "giường bệnh", "bác sĩ", "nhân khẩu", "hộ nghèo", "hộ cận nghèo", "thị trấn", "phần quà", "học bổng",
        "tài khoản", "hợp đồng", "giấy phép", "tác phẩm", "sự kiện", "hội chợ", "gian hàng", "học viên",
        "công nhân", "nhà đầu tư", "tuyến đường", "ca bệnh", "ca mắc", "liều vắc xin", "cuộc thanh tra",
        "thương hiệu", "nhãn hiệu", "di tích", "làng nghề", "điểm du lịch", "khu du lịch", "nhà ở",
        "ngôi nhà", "căn nhà", "ngư dân", "nông dân", "khách sạn", "nhà hàng", "lượt phương tiện", "hội viên",
        "đảng viên", "cán bộ", "tình nguyện viên", "thuê bao",
    ])

    /// One-syllable counted nouns that written-out numbers may count (*hai xã*, *ba đoàn*).
    static let simpleNouns: WordSet = [
        "người", "hộ", "con", "cây", "xã", "phường", "huyện", "ấp", "thôn", "bản", "làng", "phòng", "buồng",
        "đôi", "chiếc", "cái", "bộ", "căn", "suất", "thẻ", "phiên", "lớp", "trường", "cầu", "tuyến", "điểm",
        "ca", "liều", "mẫu", "đoàn", "tàu", "xe", "nhóm", "ngành", "giống", "cuộc", "chuyến", "lượt", "bài",
        "tỉnh", "nước", "khu", "cụm", "chợ", "trạm", "gói", "em", "cháu", "hội",
    ]

    /// Nouns of time: a number before them is a period, never a counted fact.
    static let timeNouns: WordSet = [
        "ngày", "tháng", "năm", "quý", "tuần", "giờ", "phút", "giây", "kỳ", "đợt", "vụ", "mùa", "khóa",
        "khoá", "nhiệm", "giai", "thế", "thập", "độ", "buổi", "đêm", "tiếng", "tuổi",
    ]

    /// Nouns that count page furniture (views, visits, comments), never statistics.
    static let furnitureNouns = PhraseTable(phrases: [
        "lượt xem", "lượt truy cập", "lượt thích", "lượt chia sẻ", "bình luận", "lượt bình chọn", "lượt đọc",
        "lượt tải",
    ])

    /// Words that cannot be a counted noun's head: verbs, prepositions and other function words.
    static let notNouns: WordSet = [
        "và", "với", "của", "cho", "có", "là", "được", "bị", "đã", "đang", "sẽ", "trong", "ngoài", "trên",
        "dưới", "tại", "từ", "đến", "tới", "so", "theo", "về", "như", "thì", "mà", "nhưng", "hoặc", "hay",
        "các", "những", "mỗi", "mọi", "này", "đó", "kia", "nào", "khi", "để", "do", "vì", "nên", "nếu",
        "tăng", "giảm", "đạt", "chiếm", "bằng", "vượt", "gấp", "đóng", "ước", "khoảng", "hơn", "gần", "xấp",
        "tổng", "toàn", "cả", "lên", "xuống", "ra", "vào", "thêm", "còn", "chỉ", "cũng", "đều", "vẫn",
        "nhằm", "nhờ", "tuy", "dù", "sau", "trước", "giữa", "bên", "qua", "nữa", "rồi", "ở", "thứ", "số",
        "mới", "cũ", "lớn", "nhỏ", "cao", "thấp", "đầu", "cuối", "trở", "tiếp", "năm", "triệu", "tỷ", "tỉ",
        "nghìn", "ngàn", "trăm", "mươi", "chục", "trở lên", "người dân", "hết", "xong", "đi", "về", "nhất",
        "tính", "thực", "dự", "kiến", "đến", "riêng", "ngay", "liền", "hằng", "hàng", "mức", "phấn", "đấu",
        "tốc", "kế", "hoạch", "dành", "giao", "thu", "chi", "nộp", "bán", "mua", "xuất", "nhập", "sản",
        "lượt", "trên", "đợt", "tỷ lệ", "điểm", "phần", "km", "ký", "kết",
    ]

    // MARK: - Written-out numbers

    /// Digits written as words.
    static let numberWords = VietnameseNumberWords.digits

    /// `numberWords` by `WordKey`.
    static let numberWordKeys = KeyTable(numberWords.map { (WordKey.of($0.key), $0.value) })

    /// The digit a token writes out in words, if any.
    // Inlined: asked at every token.
    @inline(__always)
    static func numberWord(_ token: Token) -> Int? { token.isWord ? numberWordKeys[token.key] : nil }

    // MARK: - Hedges and cues

    /// Words that hedge a figure when they stand in its own phrase.
    static let hedges = PhraseTable(phrases: [
        "ước đạt", "ước tính", "ước thực hiện", "ước", "dự ước", "dự kiến", "khoảng", "hơn", "gần", "trên dưới",
        "trên", "xấp xỉ", "tối thiểu", "ít nhất", "chừng", "ngót", "gần như",
    ])

    /// Hedges that, opening a clause, hedge the clause's first figure.
    static let clauseHedges = PhraseTable(phrases: ["dự ước", "ước tính", "ước", "dự kiến", "dự báo"])

    /// Nouns that end in a verb of change (*thuế giá trị gia tăng 96 tỷ đồng* is no increase).
    static let nounCompounds = PhraseTable(phrases: ["giá trị gia tăng"])

    /// Words that may stand between a hedge or a verb and its number (*ước đạt khoảng*).
    static let phraseWords: WordSet = [
        "ước", "đạt", "tính", "thực", "hiện", "dự", "kiến", "khoảng", "hơn", "gần", "trên", "dưới", "xấp",
        "xỉ", "tối", "thiểu", "ít", "nhất", "chừng", "ngót", "tăng", "giảm", "thêm", "bớt", "lên", "xuống",
        "còn", "chỉ", "là", "có", "được", "mức", "ở", "với", "tương", "đương", "bằng", "chiếm", "vượt",
        "gấp", "đóng", "góp", "như", "cho", "từ", "trưởng", "tới", "đến", "nhưng", "vẫn", "cũng", "đã",
        "sẽ", "đều", "tổng", "cộng", "mới", "trở", "lại", "về",
    ]

    /// Words after a percentage that name a plan or budget (*đạt 86,2% kế hoạch*).
    static let planWords = PhraseTable(phrases: ["kế hoạch", "kh", "dự toán", "chỉ tiêu", "mục tiêu", "nghị quyết"])

    /// Words that introduce the parts of a total (*trong đó*, *bao gồm*).
    static let breakdownWords = PhraseTable(phrases: ["trong đó", "bao gồm", "gồm", "gồm có"])

    /// Verbs after which a counted noun names what is counted (*đón*, *thu hút*, *giải quyết việc làm cho*).
    static let countingVerbs = PhraseTable(phrases: [
        "đón", "thu hút", "cấp", "cấp mới", "hỗ trợ", "tiếp nhận", "phục vụ", "tuyển dụng", "đào tạo", "thành lập",
        "chấp thuận", "tạo việc làm cho", "giải quyết việc làm cho", "kiểm tra", "phát hiện", "tổ chức", "khám",
        "thành lập mới", "đăng ký mới", "tuyển mới", "kêu gọi", "điều trị", "đưa", "tiếp đón", "thu hút được",
        "đón được", "cấp phép", "cấp phép cho",
    ])

    /// Words that single out one part of a total, not a list that adds up to it (*riêng …*).
    static let partWords = PhraseTable(phrases: ["riêng"])

    /// Words a figure is preceded by when it restates the previous one in another unit.
    static let equivalentWords = PhraseTable(phrases: ["tương đương", "tương ứng", "quy đổi", "tức là"])

    /// Words before a number that make it an identifier, an ordinal or a place, not a quantity.
    static let identifierWords: WordSet = [
        "số", "thứ", "lần thứ", "khóa", "khoá", "phường", "quận", "tổ", "ấp", "khu phố", "lô", "kios",
        "ki-ốt", "quốc lộ", "tỉnh lộ", "hương lộ", "đường", "ngõ", "hẻm", "kiệt", "điện thoại", "đt", "fax",
        "hotline", "mã", "mục", "điều", "khoản", "chương", "phần", "tập", "trang", "lớp", "tầng", "căn",
        "phòng", "nghị quyết", "quyết định", "chỉ thị", "thông tư", "nghị định", "công văn", "kế hoạch",
        "km", "nhóm", "bậc", "hạng", "top", "cổng", "bến", "bến số", "phân khu", "giai đoạn", "đợt",
        "ngày", "tháng", "năm", "quý", "tuần", "vụ", "mùa", "kỳ", "niên", "covid",
    ]
}
