/// The words that tell a report's title from other pages naming the same period.
enum TitleCue {
    /// Why a title is not a month's report, whatever period it names.
    enum Decoy: Equatable, Sendable {
        /// A conference, press briefing or review meeting ("hội nghị sơ kết 6 tháng").
        case event(String)
        /// A publication calendar ("lịch phổ biến thông tin quý II").
        case calendar(String)
        /// A plan or tasks for the period ("phương hướng, nhiệm vụ tháng 7"): work to do, not figures.
        case plan(String)

        /// The reason recorded for a rejected link.
        var reason: String {
            switch self {
            case .event(let words): "a conference or review article (\(words)), not the report"
            case .calendar(let words): "a publication calendar (\(words)), not the report"
            case .plan(let words): "a plan or tasks for the period (\(words)): work to do, not figures"
            }
        }
    }

    static let report: [[String]] = [["tình", "hình"], ["báo", "cáo"], ["thông", "cáo"], ["số", "liệu"]]
    static let socioEconomic: [[String]] = [["kinh", "tế", "xã", "hội"], ["kt", "xh"], ["ktxh"]]
    static let events: [[String]] = [
        ["hội", "nghị"], ["họp", "báo"], ["hội", "thảo"], ["tọa", "đàm"], ["toạ", "đàm"], ["sơ", "kết"],
        ["tổng", "kết"], ["giao", "ban"], ["kỳ", "họp"], ["phiên", "họp"], ["hội", "chợ"], ["khai", "mạc"],
        ["bế", "mạc"], ["gặp", "mặt"], ["phát", "động"], ["cuộc", "họp"], ["diễn", "đàn"], ["đại", "hội"],
        ["tập", "huấn"], ["thảo", "luận"], ["cho", "ý", "kiến"], ["làm", "việc", "với"], ["họp"],
    ]
    static let calendars: [[String]] = [["lịch", "phổ", "biến"], ["lịch", "công", "bố"]]
    static let plans: [[String]] = [
        ["kế", "hoạch"], ["phương", "hướng"], ["nhiệm", "vụ"], ["chương", "trình", "công", "tác"], ["định", "hướng"],
    ]

    /// Finds cue phrases among a title's words (marks skipped, so "KT-XH" is "kt xh").
    struct Finder {
        /// The title's words and numbers, with each one's index among all tokens.
        let words: [(text: String, index: Int)]

        init(tokens: [TitleToken]) {
            words = tokens.indices.filter { tokens[$0].kind != .mark }.map { (tokens[$0].text, $0) }
        }

        /// The token index where the first of `phrases` starts, if any occurs.
        func first(of phrases: [[String]]) -> Int? {
            firstMatch(phrases).map(\.index)
        }

        /// The first of `phrases` found, as written in the list.
        func firstMatch(of phrases: [[String]]) -> String? {
            firstMatch(phrases).map(\.phrase)
        }

        /// The first plan phrase that is not "thực hiện kế hoạch/nhiệm vụ" (carrying out the plan:
        /// a report's words).
        func firstPlan() -> (phrase: String, index: Int)? {
            for start in words.indices {
                for phrase in TitleCue.plans where matches(phrase, at: start) {
                    let carriedOut = start >= 2 && words[start - 2].text == "thực" && words[start - 1].text == "hiện"
                    if !carriedOut { return (phrase.joined(separator: " "), words[start].index) }
                }
            }
            return nil
        }

        private func firstMatch(_ phrases: [[String]]) -> (phrase: String, index: Int)? {
            for start in words.indices {
                for phrase in phrases where matches(phrase, at: start) {
                    return (phrase.joined(separator: " "), words[start].index)
                }
            }
            return nil
        }

        /// Whether `phrase` occurs as consecutive words starting at word `start`.
        func matches(_ phrase: [String], at start: Int) -> Bool {
            guard start + phrase.count <= words.count else { return false }
            return phrase.indices.allSatisfy { words[start + $0].text == phrase[$0] }
        }

        /// Whether `phrase` occurs anywhere as consecutive words.
        func contains(_ phrase: [String]) -> Bool {
            !phrase.isEmpty && words.indices.contains { matches(phrase, at: $0) }
        }
    }
}
