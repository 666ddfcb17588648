/// Vietnamese month names and digits written as words, lower-case and NFC; the one table that
/// discovery (report titles) and extraction (sentences) share.
public enum VietnameseNumberWords {
    /// The word(s) after *tháng* that name a month: *tháng giêng*, *tháng tư*, *tháng mười một*,
    /// *tháng chạp*. Keys may be two words (*mười một*, *mười hai*).
    public static let months: [String: Int] = [
        "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
        "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
    ]

    /// Digits written as words (*ba dự án*, *hai mươi lăm*), with the spoken variants *tư* and
    /// *lăm* (after tens) and the spelling *bẩy*.
    public static let digits: [String: Int] = [
        "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
        "tám": 8, "chín": 9, "mười": 10,
    ]
}
