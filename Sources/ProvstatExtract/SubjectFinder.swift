import ProvstatSupport

/// Finds the noun phrase that names what a figure measures (see `spec/facts.md`, *subject*).
///
/// The words a sentence writes between the previous figure and this figure's own phrase are cut
/// into parts (at `;`, `:`) and segments (at commas). A segment *names* something when a word in it
/// is neither a period, a function word, a verb of the figure's phrase nor a comparison base;
/// the subject is the last segment that names something, widened to the left over the items of an
/// enumeration (*nhóm hàng nông, lâm, thủy sản*). A figure whose own clause names nothing takes the
/// subject named before it.
struct SubjectFinder {
    /// A named phrase: the words naming the quantity, and the period words written after them.
    struct Phrase: Sendable, Equatable {
        var head: String
        var period: String
        /// Whether the head only names an attribute (*trị giá*, *tổng vốn đăng ký*) of something
        /// named before it, which completes it.
        var isAttribute = false
        /// Whether the head says what someone did (*xuống giống*), which a topic completes.
        var isAction = false
        /// Whether the phrase narrows the one named before it (*Tỷ lệ lao động qua đào tạo đạt
        /// 71,2%, trong đó có bằng cấp, chứng chỉ đạt 30,5%*).
        var isRestriction = false
        /// How a counted noun stands to the action named before it, when it does.
        var role: CountedRole? = nil
        /// The words few phrases have, kept out of line: a phrase is copied often, and with them
        /// inline each copy would retain four more strings.
        private var rare: Rare? = nil

        init(head: String, period: String) {
            self.head = head
            self.period = period
        }

        /// The aspect word written before that verb (*đã*).
        var aspect: String {
            get { rare?.aspect ?? "" }
            set { if !newValue.isEmpty || rare != nil { rare = Rare(self, aspect: newValue) } }
        }
        /// The period written before the head in its own segment (*cả năm 2023* of *cả năm 2023
        /// lượng gạo xuất khẩu*), as written.
        var openingPeriod: String {
            get { rare?.openingPeriod ?? "" }
            set { if !newValue.isEmpty || rare != nil { rare = Rare(self, openingPeriod: newValue) } }
        }
        /// The thing that owns attributes written after the phrase: for an attribute completed by
        /// its owner (*Cà phê … với sản lượng*), that owner; for a counted noun, the noun before
        /// its verbs (*dự án FDI* of *dự án FDI được cấp …*).
        var owner: String? {
            get { rare?.owner }
            set { if newValue != nil || rare != nil { rare = Rare(self, owner: .some(newValue)) } }
        }
        /// Who acts, when the clause names a particular agent (*các doanh nghiệp FDI đã nộp …*):
        /// who a later action of the sentence with no agent of its own is by.
        var actor: String {
            get { rare?.actor ?? "" }
            set { if !newValue.isEmpty || rare != nil { rare = Rare(self, actor: newValue) } }
        }

        /// The rarely written words of a phrase; never changed once made (a change makes another).
        private final class Rare: Sendable {
            let aspect: String
            let openingPeriod: String
            let owner: String?
            let actor: String

            /// `phrase`'s rare words with those given changed.
            init(
                _ phrase: Phrase, aspect: String? = nil, openingPeriod: String? = nil, owner: String?? = nil,
                actor: String? = nil
            ) {
                self.aspect = aspect ?? phrase.aspect
                self.openingPeriod = openingPeriod ?? phrase.openingPeriod
                self.owner = owner ?? phrase.owner
                self.actor = actor ?? phrase.actor
            }
        }

        static func == (left: Phrase, right: Phrase) -> Bool {
            left.head == right.head && left.period == right.period && left.isAttribute == right.isAttribute
                && left.isAction == right.isAction && left.isRestriction == right.isRestriction
                && left.role == right.role && left.aspect == right.aspect && left.openingPeriod == right.openingPeriod
                && left.owner == right.owner && left.actor == right.actor
        }

        /// How a counted noun after a figure stands to the action before it.
        enum CountedRole: Sendable {
            /// Those the action was for (*giải quyết việc làm cho 2.350 lao động*).
            case beneficiary
            /// What the action counted (*đã phục vụ hơn 3 triệu lượt khách*).
            case object
            /// What the thing named before has (*Dự án có 1.236 hộ bị ảnh hưởng*).
            case possession
        }

        /// The phrase as the subject of a fact: the head, then its period words.
        var text: String { period.isEmpty ? head : head + " " + period }
    }

    /// What the words before a figure say about its subject.
    struct Reading: Sendable {
        /// The phrase the figure's own clause names, if any.
        var own: Phrase?
        /// The last phrase named in an earlier part of the stretch (*Thu ngân sách:* …), if any.
        var earlier: Phrase?
        /// The numbered period the figure's own clause names (*lũy kế 7 tháng*, *trong đó tháng 7*).
        var period: String
        /// The topic the sentence opens with before saying what was done about it (*Vụ lúa Thu
        /// Đông năm 2023, toàn tỉnh đã xuống giống …*).
        var topic: Phrase? = nil
    }

    let matcher: TokenMatcher
    /// The word classes below, reached through one reference fetched once per finder: a static
    /// table is checked for its one-time set-up at every use, and these are used for every token.
    private let words = Words.shared

    init(matcher: TokenMatcher) { self.matcher = matcher }

    // MARK: - Word classes

    /// The words and phrases subjects are told by.
    private final class Words: Sendable {
        static let shared = Words()

        /// Words that open a segment without belonging to the subject.
        let leadWords: WordSet = [
            "trong", "đó", "riêng", "còn", "và", "đã", "có", "với", "theo", "về", "cho", "là", "của", "các",
            "những", "thì", "mà", "đạt", "như", "tính", "chung", "trên", "tại", "qua", "nhờ", "so", "lũy", "luỹ",
            "kế", "cộng", "dồn", "từ", "đến", "hết", "ngày", "nay", "ở", "sau", "khi", "do", "vì", "nên",
            "trước", "được", "này", "tới", "bình", "quân", "cả", "cũng", "thời", "gian", "dù", "mặc",
        ]

        /// Words that say when, not what, wherever they stand.
        let periodWords: WordSet = [
            "tháng", "năm", "quý", "lũy", "luỹ", "kế", "cộng", "dồn", "tính", "chung", "từ", "nay", "đến",
            "hết", "cả", "riêng", "trong", "ngày", "này", "tới", "sau", "bình", "quân", "kỳ", "kì", "i", "ii",
            "iii", "iv", "tuần", "cùng", "trước", "ngoái", "liền", "kề", "qua", "vừa", "đã", "được", "vẫn",
            "là", "đó", "và", "thời", "gian",
        ]

        /// Words that are periods only right after *tháng* (*tháng Năm*, *tháng Mười Một*) or before
        /// *năm*, *tháng*, *quý* (*đầu năm*, *cuối quý*).
        let monthNames: WordSet = [
            "giêng", "chạp", "một", "hai", "ba", "tư", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
        ]

        /// Words that end a subject when they follow its noun (*vốn đầu tư công đã giải ngân*).
        let auxiliaries = PhraseTable(phrases: Words.auxiliaryPhrases)
        private static let auxiliaryPhrases = [
            "đã", "đang", "sẽ", "được", "vẫn", "cũng", "đều", "là", "tiếp tục", "hiện có", "hiện đã", "hiện đang",
            "cần",
        ]

        /// The words `trim(_:)`'s pass over a segment stops at: those that may open a legal basis,
        /// a share or how the thing did, and the first words of auxiliaries. Most words are none
        /// of them, told by one lookup.
        let passStops = WordSet(
            ["theo", "tại", "chiếm", "có"] + auxiliaryPhrases.map { String($0.prefix { $0 != " " }) })

        /// The verbs, hedges and linking words of a figure's own phrase (*ước thực hiện*, *tăng thêm*),
        /// dropped from the end of a subject; longer phrases first, so *lương thực* keeps its *thực*.
        let figurePhrases = PhraseTable(phrases: [
            "ước thực hiện", "thực hiện", "ước đạt", "ước tính", "dự ước", "dự kiến", "tương đương", "tương ứng",
            "đóng góp", "xấp xỉ", "tối thiểu", "ít nhất", "tổng cộng", "tăng trưởng", "tăng thêm", "tăng lên",
            "giảm còn", "giảm xuống", "ở mức", "trên dưới", "lần lượt", "quy đổi", "ước", "đạt", "tăng", "giảm",
            "khoảng", "hơn", "gần", "trên", "dưới", "chừng", "ngót", "thêm", "bớt", "lên", "xuống", "còn", "là",
            "có", "được", "mức", "ở", "với", "bằng", "chiếm", "vượt", "gấp", "như", "cho", "từ", "tới", "đến",
            "nhưng", "vẫn", "cũng", "đã", "sẽ", "đều", "và", "thu được", "hiện có", "chiếm tỷ lệ", "chiếm tỷ trọng",
            "tăng cao nhất", "tăng mạnh nhất", "giảm mạnh nhất", "giảm nhiều nhất", "tăng nhiều nhất",
            "hoàn thành", "hoàn thành vượt mức", "thực hiện được", "tỷ lệ", "tỉ lệ",
        ])

        /// Words an attribute of something else is made of (*trị giá*, *với tổng vốn đăng ký*).
        let attributeWords: WordSet = [
            "giá", "trị", "tổng", "vốn", "đăng", "ký", "đầu", "tư", "mức", "doanh", "số", "sản", "lượng", "kim",
            "ngạch", "diện", "tích", "công", "suất", "quy", "mô", "thực", "hiện", "tăng", "thêm", "tiền",
            // *…, luân chuyển 112,4 triệu lượt khách.km*: the transport named before, in distance.
            "luân", "chuyển",
        ]

        /// Who does something rather than what is counted (*toàn tỉnh đã xuống giống …*).
        let agents = PhraseTable(phrases: [
            "toàn tỉnh", "cả tỉnh", "tỉnh", "toàn ngành", "thành phố", "huyện", "thị xã", "các địa phương",
            "địa phương", "nông dân", "người dân", "các doanh nghiệp", "doanh nghiệp", "ngành", "sở", "trung tâm",
            "ubnd tỉnh", "sân bay", "cảng", "khu công nghiệp", "hợp tác xã", "bà con", "ngân hàng",
        ])

        /// Agents that say who acts even with no auxiliary after them (*toàn tỉnh xuống giống*).
        let strongAgents = PhraseTable(phrases: [
            "toàn tỉnh", "cả tỉnh", "tỉnh", "toàn ngành", "nông dân", "người dân", "bà con",
        ])

        /// Places written after an agent that leave it as general as it was (*doanh nghiệp trên địa bàn tỉnh*).
        let locatives = PhraseTable(phrases: [
            "trên địa bàn tỉnh", "trên địa bàn", "toàn tỉnh", "của tỉnh", "trong tỉnh",
        ])

        /// Words that say a figure covers the whole province, which goes without saying.
        let provinceWide = PhraseTable(phrases: [
            "toàn tỉnh", "cả tỉnh", "của tỉnh", "trên địa bàn tỉnh", "của toàn tỉnh",
        ])

        /// The province's own word: a name after it is the province, not a particular place.
        let province: WordSet = ["tỉnh"]

        /// Words that say a figure is striven for (*phấn đấu cả năm đón …*), not what it measures.
        let resolves = PhraseTable(phrases: ["phấn đấu", "quyết tâm", "nỗ lực", "tập trung"])

        /// Words that open the legal basis of an action (*theo Nghị định số …*, *tại Quyết định …*).
        let legalBases = PhraseTable(phrases: [
            "theo nghị định", "theo quyết định", "theo thông tư", "theo nghị quyết", "theo chỉ thị", "theo công văn",
            "tại nghị định", "tại quyết định", "tại thông tư", "tại nghị quyết", "tại chỉ thị", "tại công văn",
        ])

        /// Words that open a measure of something (*diện tích lúa*, *tổng vốn đầu tư*).
        let measureHeads = PhraseTable(phrases: [
            "diện tích", "tổng diện tích", "sản lượng", "tổng sản lượng", "vốn", "tổng vốn", "số", "tổng số",
            "số lượng", "khối lượng", "lượng", "giá trị", "tổng giá trị", "kim ngạch", "tổng kim ngạch",
        ])

        /// Aspect words before a verb (*đã thu hoạch*).
        let aspects: WordSet = ["đã", "đang", "sẽ"]

        /// Segments that link sentences rather than name anything (*Bên cạnh đó*, *Ngoài ra*).
        let connectives = PhraseTable(phrases: [
            "bên cạnh đó", "ngoài ra", "đồng thời", "tuy nhiên", "nhìn chung", "cụ thể", "trong đó", "bao gồm",
            "theo đó", "như vậy", "nhờ đó", "do đó", "vì vậy", "trên địa bàn tỉnh", "trên địa bàn",
            "đối với", "hiện nay", "đến nay", "nguyên nhân chủ yếu do", "nguyên nhân do", "chủ yếu do", "chủ yếu nhờ",
            "gắn với",
            // *Công tác giải ngân vốn đầu tư công …*: the work of doing it is the doing.
            "công tác",
            // *…, nâng tổng số lên 31 xã*: the running total of what was just counted.
            "nâng tổng số", "nâng tổng", "đưa tổng số", "nâng số",
            // *Tháng 6 không phát sinh dự án FDI mới*: what did not happen still names the thing.
            "không phát sinh", "chưa phát sinh", "không có", "chưa có",
        ])

        /// Words that open a topic, not an item of a list: such a segment is never joined to the next.
        let topicOpeners: WordSet = [
            "về", "đối", "với", "riêng", "ngoài", "bên", "còn", "theo", "tại", "qua", "nhờ", "trong", "tính",
            "lũy", "luỹ", "so", "từ", "đến", "nhìn", "tuy", "đồng", "cụ", "sau", "khi", "do", "vì", "nếu", "xét",
        ]

        /// Words that open what narrows the thing named before (*trong đó có bằng cấp …*).
        let restrictionOpeners = PhraseTable(phrases: ["trong đó có", "trong số đó có"])

        /// Words that open a list of the parts of a total: a segment opened by one starts the list.
        let listOpeners = PhraseTable(phrases: ["trong đó", "bao gồm", "gồm", "gồm có", "trong đó có"])

        /// Words a comparison base may be made of (*so với cùng kỳ năm trước*, *so với kế hoạch năm*).
        let baseWords: WordSet = [
            "với", "sánh", "cùng", "kỳ", "kì", "năm", "trước", "ngoái", "tháng", "liền", "kề", "quý", "đầu",
            "cuối", "bình", "quân", "mức", "của", "kế", "hoạch", "dự", "toán", "giao", "lần", "lượt", "thời",
            "điểm", "này", "và", "i", "ii", "iii", "iv", "chỉ", "tiêu", "mục", "nghị", "quyết", "hđnd", "tỉnh",
            "trung", "ương", "chính", "phủ", "thủ", "tướng", "ubnd", "hội", "đồng", "nhân", "dân", "đề", "ra",
            "được",
        ]

        /// Words before which the name an acronym stands for starts (*dự án có vốn đầu tư trực tiếp nước ngoài (FDI)*).
        let acronymBounds: WordSet = ["có", "của", "cho", "với", "là", "thuộc", "về", "đối", "từ"]

        /// Words that introduce a comparison base before a period (*so với tháng 9*).
        let baseMarkers: WordSet = ["với", "sánh", "so"]
        /// Words that open a numbered period (*tháng 6*, *quý II*, *cả năm*).
        let periodHeads: WordSet = ["tháng", "quý", "cả"]
        /// Words of a period written after a subject (*… tháng 7*, *… 10 tháng đầu năm*).
        let periodTail: WordSet = [
            "tháng", "năm", "quý", "đầu", "cuối", "cả", "i", "ii", "iii", "iv", "lũy", "luỹ", "kế",
        ]
        let monthWordsFollow: WordSet = ["tháng", "mười"]
        let edges: WordSet = ["đầu", "cuối"]
        let spans: WordSet = ["năm", "tháng", "quý", "kỳ"]
        let thang = WordKey.of("tháng")
        /// The words `trim(_:)` asks every word of a segment whether it is.
        let theo = WordKey.of("theo")
        let tai = WordKey.of("tại")
        let chiem = WordKey.of("chiếm")
        let co = WordKey.of("có")
        let cung = WordKey.of("cũng")
        /// The words it scans a segment for.
        let toan = WordKey.of("toàn")
        let so = WordKey.of("so")
        let uoc = WordKey.of("ước")

        // The shared lexicon's lists, used here for every token.
        let hedges = Lexicon.hedges
        let phraseWords = Lexicon.phraseWords
        let nounCompounds = Lexicon.nounCompounds
        let planWords = Lexicon.planWords
        let numberWords = Lexicon.numberWordKeys
    }

    /// Whether the token at `index` (which may be outside the sentence) is in `set`.
    private func word(_ index: Int, in set: WordSet) -> Bool {
        index >= 0 && index < matcher.tokens.count && set.contains(matcher.tokens[index])
    }

    // MARK: - Reading

    /// What tokens `from..<to` (the stretch between the previous figure and this one) name.
    func read(from: Int, to: Int) -> Reading {
        // *(khu vực thành thị giảm 0,02%; …)*: a figure inside brackets is named inside them.
        let from = openBracket(from: from, to: to).map { $0 + 1 } ?? from
        let parts = self.parts(from: from, to: to)
        // The phrase named last before the figure's own part: that of the last part that names one.
        var earlier: Phrase? = nil
        for part in parts.dropLast().reversed() {
            var segments = Segments(part)
            earlier = named(in: &segments)
            if earlier != nil { break }
        }
        let last = parts.last ?? Part()
        // The figure's own part, each segment trimmed once for all the questions asked of it.
        var segments = Segments(last)
        var own = named(in: &segments)
        // *cả năm 2023 lượng gạo xuất khẩu …*: a period that opens the subject's own segment is its
        // period; else one fronted before it (*Tính chung 10 tháng, IIP tăng …*).
        if own?.period.isEmpty == true, let opening = own?.openingPeriod { own?.period = opening }
        if own?.period.isEmpty == true,
            let fronted = last.indices.dropLast().last(where: {
                // The base first: told by its opening words, with no segment trimmed.
                !last[$0].isEmpty && !isBase(last[$0]) && !names(segments.trim($0, by: self).tokens)
            })
        {
            own?.period = periodText(in: last[fronted])
        }
        // Completed in place: binding the phrase to a name would copy it.
        if own?.isAttribute == false { complete(&own, from: parts) }
        // The period named in the figure's own part outside a comparison base (most parts are one segment).
        var unbased: ArraySlice<Int> = []
        if last.count == 1 {
            if !isBase(last[0]) { unbased = last[0] }
        } else if !last.contains(where: { isBase($0) }) {
            // All the part's segments: adjacent in their one array, read in place.
            unbased = last.all
        } else {
            // Joined into one array of its exact size, not filtered into one and flattened into another.
            var joined: [Int] = []
            joined.reserveCapacity(last.reduce(0) { $0 + $1.count })
            for segment in last where !isBase(segment) { joined.append(contentsOf: segment) }
            unbased = joined[...]
        }
        var topic: Phrase? = nil
        if from == 0 {
            if parts.count == 1 {
                topic = self.topic(in: &segments)
            } else {
                var first = Segments(parts[0])
                topic = self.topic(in: &first)
            }
        }
        // The phrases moved into the reading (`take()`), not copied.
        return Reading(own: own.take(), earlier: earlier.take(), period: periodText(in: unbased), topic: topic)
    }

    /// A part's comma segments, trimmed from the last one back as far as asked for: reading a part
    /// mostly looks at its last segments only, and asks some of them more than once (for its
    /// phrase, a fronted period, a topic, a list's class).
    private struct Segments {
        /// The segments as cut (see `parts(from:to:)`).
        let raw: Part
        /// The last segment trimmed, once asked for, and the one before it: kept in place, since
        /// most parts are one segment and most others are asked about their last two only, and
        /// an array would be allocated for them.
        private var lastTrim: Trim? = nil
        private var beforeLastTrim: Trim? = nil
        /// The segments before those trimmed, from the third from the end back.
        private var earlierTrims: [Trim] = []

        init(_ raw: Part) { self.raw = raw }

        /// Segment `index` trimmed (`SubjectFinder.trim`), with those after it, by `finder` the first time.
        mutating func trim(_ index: Int, by finder: SubjectFinder) -> Trim {
            if lastTrim == nil { lastTrim = finder.trim(raw[raw.count - 1]) }
            let fromEnd = raw.count - 1 - index
            guard fromEnd > 0 else { return lastTrim! }
            if beforeLastTrim == nil { beforeLastTrim = finder.trim(raw[raw.count - 2]) }
            guard fromEnd > 1 else { return beforeLastTrim! }
            if earlierTrims.isEmpty { earlierTrims.reserveCapacity(raw.count - 2) }
            while earlierTrims.count < fromEnd - 1 {
                earlierTrims.append(finder.trim(raw[raw.count - 3 - earlierTrims.count]))
            }
            return earlierTrims[fromEnd - 2]
        }
    }

    /// Completes the head of `own` with the words that completed it where the stretch wrote it
    /// before (*đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu … giải ngân đạt 100% kế
    /// hoạch*: *giải ngân vốn đầu tư công*), when it is one or two words written bare again.
    private func complete(_ own: inout Phrase?, from parts: Parts) {
        if let head = completedHead(of: own?.head ?? "", from: parts) { own?.head = head }
    }

    /// The head `head` completes to (see `complete(_:from:)`), or nil when it stays as it is.
    private func completedHead(of head: String, from parts: Parts) -> String? {
        // Told on the counts first: most stretches have one segment, and most heads are longer.
        guard parts.count + (parts.last?.count ?? 0) > 2 else { return nil }
        var head = head
        guard head.withUTF8({ $0.count(where: { $0 == 0x20 }) }) <= 1 else { return nil }
        let keys = SubjectNaming.keys(ofWords: Tokenizer.lowercased(head), commas: false)
        // The segments before the last, last first (walked in place, not flattened into a list).
        for partIndex in parts.indices.reversed() {
            for segmentIndex in parts[partIndex].indices.reversed() {
                // The last segment of all is the phrase's own.
                if partIndex == parts.count - 1 && segmentIndex == parts[partIndex].count - 1 { continue }
                let raw = parts[partIndex][segmentIndex]
                guard raw.count > keys.count, raw.contains(where: { matcher.key($0) == keys[0] }) else { continue }
                // Counted from 0 for the positions below (rare: few heads are this short).
                let segment = Array(trimmed(raw))
                guard segment.count > keys.count else { continue }
                for start in 0..<(segment.count - keys.count)
                where (0..<keys.count).allSatisfy({ matcher.key(segment[start + $0]) == keys[$0] }) {
                    // The object runs to the end of the segment, short of a period or figure.
                    var end = start + keys.count
                    while end < segment.count, matcher.tokens[segment[end]].isWord, !isPeriodWord(segment[end]) {
                        end += 1
                    }
                    let object = Array(segment[(start + keys.count)..<end])
                    guard !object.isEmpty, names(object) else { continue }
                    return head + " " + text(of: object)
                }
            }
        }
        return nil
    }

    /// The bracket opened in `from..<to` and still open at `to`, if any.
    private func openBracket(from: Int, to: Int) -> Int? {
        var open: [Int] = []
        let start = max(0, from)
        let end = min(to, matcher.tokens.count)
        guard start < end else { return nil }
        for index in start..<end {
            if matcher.isSymbol(index, "(") {
                open.append(index)
            } else if matcher.isSymbol(index, ")") {
                _ = open.popLast()
            }
        }
        return open.last
    }

    /// Whether the segment right before `to` (after the last comma in `from..<to`) names
    /// something (*Dự án có 1.236 hộ …*, not *lũy kế 12 tháng có …* after a named segment).
    func namesLastSegment(from: Int, to: Int) -> Bool {
        guard let segment = parts(from: from, to: to).last?.last else { return false }
        let words = trimmed(segment)
        return !words.isEmpty && names(words)
    }

    /// The topic a sentence's first part opens with: a first segment that names something and is
    /// followed by an action (*Vụ lúa Thu Đông năm 2023, toàn tỉnh đã xuống giống*).
    private func topic(in segments: inout Segments) -> Phrase? {
        let part = segments.raw
        guard part.count >= 2, let first = part[0].first(where: { matcher.tokens[$0].isWord }),
            !words.topicOpeners.contains(matcher.tokens[first]),
            words.connectives.longest(in: matcher, at: first) == nil
        else { return nil }
        let opening = segments.trim(0, by: self)
        guard !opening.isAction, names(opening.tokens), agent(in: opening.tokens, opening.tokens.indices) == nil,
            let next = (1..<part.count).first(where: { names(segments.trim($0, by: self).tokens) }),
            segments.trim(next, by: self).isAction
        else { return nil }
        return Phrase(head: phrase(of: opening.tokens).head, period: "")
    }

    /// The items a list names before *lần lượt* in `from..<to` (*Các nhóm hàng A; B; C lần lượt đạt
    /// …*): split at `;` when there is one, else at commas and *và*.
    func listItems(from: Int, to: Int) -> [Phrase] {
        guard
            let respectively = (from..<min(to, matcher.tokens.count)).last(where: {
                matcher.matches(["lần", "lượt"], at: $0)
            })
        else { return [] }
        let parts = self.parts(from: from, to: respectively)
        let tokens: [[Int]]
        if parts.count > 1 {
            tokens = parts.map { $0.flatMap { Array($0) + [-1] }.dropLast() }.map(Array.init)
        } else {
            tokens = (parts.first ?? Part()).flatMap { segment -> [[Int]] in
                var items: [[Int]] = [[]]
                for index in segment {
                    if matcher.lowerIs(index, "và") { items.append([]) } else { items[items.count - 1].append(index) }
                }
                return items
            }
        }
        return tokens.map { item in
            let words = trimmed(item.filter { $0 >= 0 }[...])
            guard let first = words.first else { return Phrase(head: "", period: "") }
            // Keep the commas inside an item (*nhóm hàng nông, lâm, thủy sản*).
            return phrase(of: item.drop { $0 < 0 || $0 < first }.map { $0 })
        }
    }

    /// A stretch's parts (see `parts(from:to:)`), each a list of comma segments, each a slice of
    /// token indices: all in one array (the indices, then where each segment ends, then where
    /// each part's segments end), where an array for each segment and each part made several
    /// allocations for every figure.
    struct Parts: RandomAccessCollection {
        fileprivate let storage: [Int]
        /// Where the segments' ends and the parts' ends start in `storage`.
        fileprivate let segmentEnds: Int
        fileprivate let partEnds: Int
        let count: Int

        var startIndex: Int { 0 }
        var endIndex: Int { count }

        @inline(__always)
        subscript(position: Int) -> Part {
            let first = position == 0 ? 0 : storage[partEnds + position - 1]
            return Part(storage: storage, segmentEnds: segmentEnds, segments: first..<storage[partEnds + position])
        }
    }

    /// A part's comma segments, slices of the token indices (their indices are the storage's).
    struct Part: RandomAccessCollection {
        fileprivate let storage: [Int]
        fileprivate let segmentEnds: Int
        /// The part's segments, by number in the stretch.
        fileprivate let segments: Range<Int>

        /// A part with no segments.
        init() { (storage, segmentEnds, segments) = ([], 0, 0..<0) }

        fileprivate init(storage: [Int], segmentEnds: Int, segments: Range<Int>) {
            (self.storage, self.segmentEnds, self.segments) = (storage, segmentEnds, segments)
        }

        var startIndex: Int { 0 }
        var endIndex: Int { segments.count }

        /// The indices of all the part's segments, one after another (they are adjacent in storage).
        var all: ArraySlice<Int> {
            guard !segments.isEmpty else { return [] }
            let start = segments.lowerBound == 0 ? 0 : storage[segmentEnds + segments.lowerBound - 1]
            return storage[start..<storage[segmentEnds + segments.upperBound - 1]]
        }

        @inline(__always)
        subscript(position: Int) -> ArraySlice<Int> {
            let segment = segments.lowerBound + position
            let start = segment == 0 ? 0 : storage[segmentEnds + segment - 1]
            return storage[start..<storage[segmentEnds + segment]]
        }
    }

    /// The tokens of `from..<to` as parts (split at `;`, `:`, `.`), each a list of comma segments;
    /// bracketed asides are left out.
    private func parts(from: Int, to: Int) -> Parts {
        let start = max(0, from)
        let end = min(to, matcher.tokens.count)
        let capacity = max(1, end - start)
        // The kept indices are written into one scratch buffer (never more of them than tokens: an
        // acronym stands for the words before it), with where each segment ends and how many
        // segments each part has (at most one of each per token, and the last); the arrays are
        // then made at their exact sizes: none regrows as it is filled.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * capacity + 2) { scratch in
            let buffer = UnsafeMutableBufferPointer(rebasing: scratch[..<capacity])
            let segmentEnds = UnsafeMutableBufferPointer(rebasing: scratch[capacity..<(2 * capacity + 1)])
            let partSizes = UnsafeMutableBufferPointer(rebasing: scratch[(2 * capacity + 1)...])
            var segmentCount = 0
            var partCount = 0
            var segmentStart = 0
            var partStart = 0
            var count = 0
            func endSegment() {
                segmentEnds[segmentCount] = count
                segmentCount += 1
                segmentStart = count
            }
            func endPart() {
                partSizes[partCount] = segmentCount - partStart
                partCount += 1
                partStart = segmentCount
            }
            var depth = 0
            var index = start
            while index < end {
                defer { index += 1 }
                // Words and numbers are kept, outside brackets.
                if matcher.tokens[index].kind != .symbol {
                    if depth == 0 {
                        buffer[count] = index
                        count += 1
                    }
                    continue
                }
                if depth == 0, let acronym = acronym(at: index) {
                    // *Chỉ số giá tiêu dùng (CPI) tháng 10*: the page's short name stands for the name before it.
                    let name =
                        (segmentStart..<count).last(where: {
                            words.acronymBounds.contains(matcher.tokens[buffer[$0]])
                        }).map { $0 + 1 } ?? segmentStart
                    if name < count {
                        count = name
                        buffer[count] = acronym
                        count += 1
                    }
                    index += 2
                    continue
                }
                if matcher.isSymbol(index, "(") || matcher.isSymbol(index, "[") {
                    depth += 1
                    continue
                }
                if matcher.isSymbol(index, ")") || matcher.isSymbol(index, "]") {
                    depth = max(0, depth - 1)
                    continue
                }
                if depth > 0 { continue }
                if matcher.isSentencePartEnd(index) {
                    endSegment()
                    endPart()
                } else if matcher.isSymbol(index, ",") {
                    endSegment()
                } else if matcher.isSymbol(index, "/") || matcher.isSymbol(index, "-") || matcher.isSymbol(index, "&") {
                    buffer[count] = index
                    count += 1
                }
            }
            endSegment()
            endPart()
            // One array: the indices, where each segment ends, where each part's segments end.
            let storage = [Int](unsafeUninitializedCapacity: count + segmentCount + partCount) { out, written in
                for position in 0..<count { out[position] = buffer[position] }
                for segment in 0..<segmentCount { out[count + segment] = segmentEnds[segment] }
                var segments = 0
                for part in 0..<partCount {
                    segments += partSizes[part]
                    out[count + segmentCount + part] = segments
                }
                written = count + segmentCount + partCount
            }
            return Parts(storage: storage, segmentEnds: count, partEnds: count + segmentCount, count: partCount)
        }
    }

    /// The index of the acronym when `index` opens a bracketed acronym (*(CPI)*, *(GRDP)*).
    private func acronym(at index: Int) -> Int? {
        guard matcher.isSymbol(index, "("), index + 2 < matcher.tokens.count, matcher.isSymbol(index + 2, ")")
        else { return nil }
        let token = matcher.tokens[index + 1]
        return token.isWord && Acronyms.isAcronym(matcher.text(index + 1)) ? index + 1 : nil
    }

    /// The phrase a part names: its last segment that names something, widened over a list.
    private func named(in segments: inout Segments) -> Phrase? {
        let part = segments.raw
        // *…, giảm 6,0%, chủ yếu do nguồn thu tiền sử dụng đất giảm mạnh, bằng 69,1% dự toán*: a
        // cause written before the figure's own segment is why, not what is measured.
        guard
            var last = part.indices.last(where: { index in
                let trimmed = segments.trim(index, by: self).tokens
                return !trimmed.isEmpty && names(trimmed) && (index == part.count - 1 || !opensWithCause(part[index]))
            })
        else { return nil }
        let chosen = last
        if let category = category(in: &segments, listingUpTo: chosen) { return category }
        if var attribute = attributeAfterWith(in: part[last]) {
            // *Dự án được phê duyệt tại …, với tổng mức đầu tư …*: the owner named in the segment before.
            let before = last > 0 ? segments.trim(last - 1, by: self).tokens : []
            if attribute.isAttribute, last > 0, !before.isEmpty, names(before), !isAttribute(before) {
                let owner = phrase(of: before).head
                attribute.owner = owner
                attribute.head += " " + owner
                attribute.isAttribute = false
            }
            return attribute
        }
        var tokens = segments.trim(last, by: self).tokens
        // Widen over the items of an enumeration (*nhóm hàng nông, lâm, thủy sản*, *nhóm may mặc,
        // mũ nón, giày dép*): short items, each of three words or fewer.
        // An item ends at *và* (*Muối, thủy sản khô và các mặt hàng khác*: *thủy sản khô*).
        // (Counted from the first word: the trimmed words are a slice of the segment.)
        var item =
            (tokens.firstIndex(where: { $0 >= 0 && matcher.lowerIs($0, "và") }) ?? tokens.endIndex) - tokens.startIndex
        // A segment whose name comes after other words (*phấn đấu cả năm thu hút …*) is a clause,
        // not an item; *và* may open the last item.
        let opensItself =
            part[last].first(where: { matcher.tokens[$0].isWord && !matcher.lowerIs($0, "và") }) == tokens.first
        while opensItself, last > 0, item <= 3, !isAttribute(tokens) {
            let original = part[last - 1]
            let previous = segments.trim(last - 1, by: self).tokens
            // An item ends where its words end; a clause cut short at a verb is not an item.
            guard !previous.isEmpty, previous.count <= 8, names(previous),
                !previous.contains(where: { matcher.tokens[$0].isNumber }),
                let first = original.first, previous.last == original.last(where: { matcher.tokens[$0].isWord })
            else { break }
            // A list opener (*trong đó*) or a linking phrase (*chủ yếu nhờ*) opens the first item.
            let opensList =
                words.listOpeners.longest(in: matcher, at: first) != nil
                || words.connectives.longest(in: matcher, at: first) != nil
            if !opensList && words.topicOpeners.contains(matcher.tokens[first]) { break }
            tokens = previous + [-1] + tokens
            item = previous.count
            last -= 1
            if opensList { break }
        }
        var result = phrase(of: tokens)
        result.isAttribute = isAttribute(tokens.lazy.filter { $0 >= 0 })
        if let first = part[last].first, words.restrictionOpeners.longest(in: matcher, at: first) != nil {
            result.isRestriction = true
        }
        let own = segments.trim(chosen, by: self)
        if let head = own.tokens.first, let start = part[chosen].firstIndex(of: head) {
            result.openingPeriod = periodText(in: part[chosen][..<start])
        }
        if last == chosen {
            result.isAction = own.isAction
            result.aspect = own.aspect.map { matcher.text($0) } ?? ""
            result.actor = text(of: own.actor)
        }
        return result
    }

    /// Whether a segment opens with the cause of what was said before it (*chủ yếu do …*, *nhờ …*).
    private func opensWithCause(_ segment: ArraySlice<Int>) -> Bool {
        guard let first = segment.first(where: { matcher.tokens[$0].isWord }) else { return false }
        return Self.causes.longest(in: matcher, at: first) != nil
    }

    /// Words that open a cause.
    private static let causes = PhraseTable(phrases: [
        "do", "vì", "nhờ", "bởi", "chủ yếu do", "chủ yếu nhờ", "nguyên nhân", "một phần do", "phần lớn do",
    ])

    /// The class a list of examples belongs to, when the segments up to `chosen` list them after
    /// *như* (*các giống chủ lực như OM 18, Đài Thơm 8, OM 5451 chiếm …*): the figure is about
    /// the class, not about its last example. An example with a figure of its own (*như gạo tăng
    /// 2,1%, …*) is itself what that figure measures.
    private func category(in segments: inout Segments, listingUpTo chosen: Int) -> Phrase? {
        let part = segments.raw
        if let like = part[chosen].firstIndex(where: { isExampleMarker($0) }), like + 1 < part[chosen].endIndex {
            let example = trimmed(part[chosen][(like + 1)...])
            return !example.isEmpty && names(example) ? phrase(of: example) : nil
        }
        // Only a segment with *như* in it lists examples: most parts have none, and need no
        // segment trimmed to tell.
        let earliest = max(0, chosen - 6)
        guard part[earliest..<chosen].contains(where: { $0.contains { matcher.lowerIs($0, "như") } }) else {
            return nil
        }
        var index = chosen - 1
        while index >= 0, chosen - index <= 6 {
            let segment = part[index]
            if let like = segment.firstIndex(where: { isExampleMarker($0) }), like > segment.startIndex {
                let head = trimmed(segment[..<like])
                guard !head.isEmpty, names(head) else { return nil }
                return phrase(of: head)
            }
            // Examples are short; a longer segment is a clause of its own.
            if index < chosen, segments.trim(index, by: self).tokens.count > 4 { return nil }
            index -= 1
        }
        return nil
    }

    /// Whether *như* at `index` introduces examples (not *cũng như*, *như sau*, *như cùng kỳ*).
    private func isExampleMarker(_ index: Int) -> Bool {
        matcher.lowerIs(index, "như") && !word(index - 1, in: Self.notExamplesBefore)
            && index + 1 < matcher.tokens.count && matcher.tokens[index + 1].isWord
            && !word(index + 1, in: Self.notExamplesAfter)
    }

    private static let notExamplesBefore: WordSet = ["cũng", "giống", "tương", "tự"]
    private static let notExamplesAfter: WordSet = ["sau", "vậy", "trên", "cùng", "thế", "kế", "năm", "tháng", "mọi"]

    /// The attribute a segment names after *với* or *có* (*mặt hàng chủ lực với sản lượng*, *dự án
    /// … có diện tích*), completed by what stands before it, if the segment ends so.
    private func attributeAfterWith(in segment: ArraySlice<Int>) -> Phrase? {
        guard let with = segment.lastIndex(where: { matcher.lowerIs($0, "với") || matcher.lowerIs($0, "có") })
        else { return nil }
        let attribute = trimmed(segment[(with + 1)...])
        guard isAttribute(attribute) else { return nil }
        var result = phrase(of: attribute)
        let owner = trimmed(segment[..<with])
        if !owner.isEmpty, names(owner) {
            let head = phrase(of: owner).head
            result.owner = head
            result.head += " " + head
        } else {
            result.isAttribute = true
        }
        return result
    }

    /// The first crop season the sentence names outside a comparison (*Chuẩn bị cho vụ Đông Xuân
    /// 2023 - 2024, …*, *Trong vụ lúa Hè Thu, …*): *vụ*, *lúa* and the season's name as written,
    /// without its years, and where it ends; nil when it names none.
    func season() -> (text: String, end: Int)? {
        for position in matcher.tokens.indices {
            // *so với vụ Đông Xuân năm trước* is a base; *Đối với vụ …* is not.
            guard matcher.lowerIs(position, "vụ"), !matcher.lowerIs(position - 1, "so"),
                !matcher.matches("so", "với", at: position - 2), !matcher.matches("so", "sánh", at: position - 2)
            else { continue }
            let name = matcher.lowerIs(position + 1, "lúa") ? position + 2 : position + 1
            guard let season = Self.seasons.longest(in: matcher, at: name) else { continue }
            let end = name + season.length
            return (text(of: position..<end), end)
        }
        return nil
    }

    /// The names of crop seasons after *vụ*, longest first.
    private static let seasons = PhraseTable(phrases: [
        "đông xuân", "hè thu", "thu đông", "xuân hè", "chiêm xuân", "mùa", "chiêm", "xuân", "hè", "đông",
    ])

    /// Whether a segment is a comparison base (*so với tháng 12 năm trước*).
    private func isBase(_ segment: ArraySlice<Int>) -> Bool {
        guard let first = segment.first else { return false }
        return opensBase(first)
    }

    /// Whether a comparison base opens at `index`: *so với*, *so sánh*, or a bare *so* before a
    /// plan or period (*so dự toán tỉnh giao*, *so cùng kỳ*).
    private func opensBase(_ index: Int) -> Bool {
        guard matcher.lowerIs(index, "so") else { return false }
        return matcher.lowerIs(index + 1, "với") || matcher.lowerIs(index + 1, "sánh")
            || words.planWords.longest(in: matcher, at: index + 1) != nil || word(index + 1, in: words.baseWords)
    }

    /// A segment without its opening function words, comparison base and trailing verbs.
    private func trimmed(_ segment: ArraySlice<Int>) -> ArraySlice<Int> { trim(segment).tokens }

    /// How a segment reads once trimmed: its words, and whether they say what someone did.
    struct Trim {
        /// The segment, or (rarely) its words with some cut from inside them, joined: the words
        /// left are `words[bounds]`, its particular agent `words[actorBounds]`. Bounds, not
        /// slices, so that a trim (copied whenever a part's segments are asked about) holds one
        /// reference: a slice retains its array.
        private let words: ArraySlice<Int>
        private let bounds: Range<Int>
        private let actorBounds: Range<Int>?
        /// Whether the words are an action (*toàn tỉnh đã xuống giống*, *đến nay đã thu hoạch*): a
        /// verb phrase, which a topic named before it completes (*Vụ lúa Thu Đông, …*).
        let isAction: Bool
        /// The aspect word written before the verb (*đã*), kept when a topic completes the action.
        let aspect: Int?

        init(words: ArraySlice<Int>, bounds: Range<Int>, isAction: Bool, aspect: Int?, actor: Range<Int>?) {
            (self.words, self.bounds, self.isAction, self.aspect, actorBounds) = (
                words, bounds, isAction, aspect, actor
            )
        }

        /// The words left, a slice of the segment: most trims only cut words off its ends, which
        /// then copies nothing.
        var tokens: ArraySlice<Int> { words[bounds] }
        /// The particular agent the words open with (*doanh nghiệp FDI*), if any.
        var actor: ArraySlice<Int> { actorBounds.map { words[$0] } ?? [] }
    }

    /// A segment without its opening function words, comparison base and trailing verbs, and
    /// whether what is left is an action.
    ///
    /// The words kept are `tokens[start..<end]`: words cut off either end only move a bound (no
    /// array shifted, copied or retained), and the slice is made once at the end.
    private func trim(_ segment: ArraySlice<Int>) -> Trim {
        var tokens = segment
        var start = tokens.startIndex
        var end = tokens.endIndex
        var isAction = false
        var aspect: Int? = nil
        var actor: Range<Int>? = nil
        // A comparison base is not part of what is measured.
        if start < end, opensBase(tokens[start]) {
            start += 1
            while start < end,
                words.baseWords.contains(matcher.tokens[tokens[start]]) || matcher.tokens[tokens[start]].isNumber
                    || matcher.tokens[tokens[start]].kind == .symbol
            {
                start += 1
            }
        }
        // The plan an earlier percentage was measured against (*… dự toán Trung ương giao và*).
        if start < end, words.planWords.longest(in: matcher, at: tokens[start]) != nil {
            while start < end,
                words.baseWords.contains(matcher.tokens[tokens[start]]) || matcher.isCapitalised(tokens[start])
                    || matcher.tokens[tokens[start]].isNumber
                    // *kế hoạch vốn (được) giao*, not *kế hoạch vốn đầu tư công*.
                    || (matcher.lowerIs(tokens[start], "vốn")
                        && (end - start == 1 || matcher.lowerIs(tokens[start + 1], "giao")
                            || matcher.lowerIs(tokens[start + 1], "được")))
            {
                start += 1
            }
        }
        if start < end, let connective = words.connectives.longest(in: matcher, at: tokens[start]) {
            start = min(start + connective.length, end)
        }
        while start < end {
            let head = tokens[start]
            // A hedge goes whole (*dự kiến*, not *dự* leaving *kiến*); so does a resolve.
            let hedge = words.hedges.longest(in: matcher, at: head) ?? words.resolves.longest(in: matcher, at: head)
            guard
                words.leadWords.contains(matcher.tokens[head]) || hedge != nil || matcher.tokens[head].kind == .symbol
                    || isLeadingPeriod(head)
            else { break }
            // *đến nay đã thu hoạch*: an aspect word before the verb says the clause is an action.
            if words.aspects.contains(matcher.tokens[head]) {
                isAction = true
                aspect = head
            }
            start = min(start + max(1, hedge?.length ?? 1), end)
        }
        // *Vụ lúa mùa năm 2024 toàn tỉnh gieo cấy được …*: the province between a topic and its verb.
        if end - start > 3,
            let inside = firstPosition(
                of: words.toan, in: tokens, (start + 1)..<(end - 1),
                where: {
                    matcher.lowerIs($0 + 1, "tỉnh")
                }), inside + 2 < end
        {
            // Rare: the words either side are joined in a new array.
            tokens = tokens[start..<inside] + tokens[(inside + 2)..<end]
            (start, end) = (tokens.startIndex, tokens.endIndex)
        }
        // *Tháng 6 không phát sinh …*: a linking phrase after the period.
        if start < end, let connective = words.connectives.longest(in: matcher, at: tokens[start]) {
            start = min(start + connective.length, end)
        }
        // The words are cut short before a legal basis (*cho vay vốn tạo việc làm theo Nghị định số
        // 61/2015/NĐ-CP*), a share of what stands before it (*Lương thực, thực phẩm chiếm tỷ trọng
        // cao nhất với 45,2%*) or how the thing did (*Nhóm giáo dục có mức tăng cao nhất*, *… có tốc
        // độ …*), whichever comes first after the first word (one that opens the words cuts
        // nothing, nor does a later one of its kind). The first auxiliary before the cut is found
        // in the same pass.
        var auxiliary: Int? = nil
        var basisOpens = false
        var occupiesOpens = false
        var haveOpens = false
        var position = start
        while position < end {
            let index = tokens[position]
            guard words.passStops.contains(matcher.tokens[index]) else {
                position += 1
                continue
            }
            // Told by the word's key, read once (`lowerIs` checks its index at every question).
            let key = matcher.tokens[index].key
            let basis =
                (key == words.theo || key == words.tai)
                && words.legalBases.longest(in: matcher, at: index) != nil
            let occupies = key == words.chiem
            let have =
                key == words.co && (matcher.lowerIs(index + 1, "mức") || matcher.lowerIs(index + 1, "tốc"))
            if position == start {
                (basisOpens, occupiesOpens, haveOpens) = (basis, occupies, have)
            } else if (basis && !basisOpens) || (occupies && !occupiesOpens) || (have && !haveOpens) {
                end = position
                break
            }
            // *tổng vốn đầu tư công đã giải ngân*: what follows an auxiliary is the verb (below);
            // *cũng như* is *as well as*, not an auxiliary.
            if auxiliary == nil, words.auxiliaries.longest(in: matcher, at: index) != nil,
                !(key == words.cung && matcher.lowerIs(index + 1, "như"))
            {
                auxiliary = position
            }
            position += 1
        }
        // *tổng vốn đầu tư công đã giải ngân*: what follows an auxiliary is the verb, unless what
        // stands before it is who acts (*toàn tỉnh đã xuống giống*): then the verb names the quantity.
        let agent = agent(in: tokens, start..<end)
        if let auxiliary, auxiliary > start {
            if let agent, start + agent.length <= auxiliary {
                // *các doanh nghiệp FDI đã nộp ngân sách*: a particular agent stays with its verb.
                // After the province (*toàn tỉnh giải ngân được …*), the words before the auxiliary
                // are the verb, and *được* is what it achieved.
                let general = !agent.isParticular && words.strongAgents.longest(in: matcher, at: tokens[start]) != nil
                let particular = agent.isParticular || (start + agent.length < auxiliary && !general)
                isAction = true
                if general && start + agent.length < auxiliary {
                    (start, end) = (start + agent.length, auxiliary)
                } else if particular {
                    aspect = nil
                    actor = start..<auxiliary
                } else {
                    aspect = tokens[auxiliary]
                    start = auxiliary
                    while start < end, let more = words.auxiliaries.longest(in: matcher, at: tokens[start]) {
                        start = min(start + more.length, end)
                    }
                }
            } else if words.measureHeads.longest(in: matcher, at: tokens[start]) != nil {
                // *Diện tích lúa đã thu hoạch*, *vốn đầu tư công đã giải ngân*: a measure of what was
                // done keeps the doing, which tells it from the area sown or the capital planned.
                isAction = false
            } else {
                end = auxiliary
                isAction = false
            }
        } else if let agent, start + agent.length < end,
            let hedge = words.hedges.longest(in: matcher, at: tokens[start + agent.length])
        {
            // *ngành nông nghiệp dự kiến nhu cầu lúa giống …*: who estimates is not what is estimated.
            start = min(start + agent.length + hedge.length, end)
        } else if let agent, agent.isStrong, start + agent.length < end {
            // *toàn tỉnh xuống giống*, *thành phố Phú Quốc đón*: the agent's verb.
            isAction = true
            if agent.isParticular {
                actor = start..<(start + agent.length)
            } else {
                start += agent.length
                // *tỉnh phấn đấu kim ngạch xuất khẩu đạt …*: what the province strives for.
                if start < end, let resolve = words.resolves.longest(in: matcher, at: tokens[start]) {
                    start = min(start + resolve.length, end)
                }
            }
        }
        // *doanh thu vận tải tăng hơn so với tháng trước gần 6%*: a base written before the figure
        // is no part of the name (nor is the verb before it, dropped next).
        if start < end,
            let base = firstPosition(
                of: words.so, in: tokens, (start + 1)..<end,
                where: {
                    matcher.lowerIs($0 + 1, "với") || matcher.lowerIs($0 + 1, "sánh")
                })
        {
            end = base
        }
        while start < end {
            let tail = tokens[end - 1]
            if matcher.tokens[tail].kind == .symbol {
                end -= 1
                continue
            }
            // *thuế giá trị gia tăng* ends in a word that is a verb elsewhere.
            if words.nounCompounds.longest(in: matcher, endingAt: tail) != nil { break }
            guard let phrase = words.figurePhrases.longest(in: matcher, endingAt: tail),
                end - start >= phrase.length,
                tokens[(end - phrase.length)..<end].elementsEqual((tail - phrase.length + 1)...tail)
            else { break }
            end -= phrase.length
        }
        // *Nguồn vốn huy động … ước thực hiện đến 30/9/2024 là …*: the estimate before the date the
        // figure stands at is no part of the name.
        if start < end,
            let estimate = firstPosition(
                of: words.uoc, in: tokens, (start + 1)..<end,
                where: {
                    words.hedges.longest(in: matcher, at: $0) != nil
                }),
            let hedge = words.hedges.longest(in: matcher, at: tokens[estimate]),
            tokens[(estimate + hedge.length)..<end].allSatisfy({ isDateWord($0) })
        {
            // Rare: the words either side are joined in a new array.
            tokens = tokens[start..<estimate] + tokens[(estimate + hedge.length)..<end]
            (start, end) = (tokens.startIndex, tokens.endIndex)
        }
        // *tổng đàn heo toàn tỉnh*: the whole province is what every figure of the report covers.
        if start < end, let place = words.provinceWide.longest(in: matcher, endingAt: tokens[end - 1]),
            end - start > place.length
        {
            end -= place.length
        }
        if start == end { isAction = false }
        return Trim(words: tokens, bounds: start..<end, isAction: isAction, aspect: aspect, actor: actor)
    }

    /// The first position in `range` of `tokens` whose word has key `key` and whose token index
    /// passes `test`: a loop told by the key first, which `first(where:)` with a closure asking
    /// `lowerIs` at every position was not.
    @inline(__always)
    private func firstPosition(
        of key: UInt64, in tokens: ArraySlice<Int>, _ range: Range<Int>, where test: (Int) -> Bool
    ) -> Int? {
        for position in range where matcher.tokens[tokens[position]].key == key && test(tokens[position]) {
            return position
        }
        return nil
    }

    /// Who acts at the start of `tokens[range]`, when someone does: how many tokens name them, whether
    /// the words say so firmly enough without an auxiliary (*toàn tỉnh*, *tỉnh Bến Tre*, *các
    /// doanh nghiệp trên địa bàn tỉnh*), and whether they name a particular one (*thành phố Phú
    /// Quốc*, *doanh nghiệp FDI*) rather than the province or everyone in it.
    private func agent<Tokens: RandomAccessCollection<Int>>(in tokens: Tokens, _ range: Range<Int>) -> (
        length: Int, isStrong: Bool, isParticular: Bool
    )? where Tokens.Index == Int {
        guard !range.isEmpty, let agent = words.agents.longest(in: matcher, at: tokens[range.lowerBound]) else {
            return nil
        }
        let first = tokens[range.lowerBound]
        // Lengths count from the first word; `base` turns them into positions in `tokens`.
        let base = range.lowerBound
        let count = range.count
        var length = agent.length
        var isStrong = words.strongAgents.longest(in: matcher, at: first) != nil
        var isParticular = false
        // *Ngành du lịch đón …*, *ngành nông nghiệp dự kiến …*: a sector, named up to its verb.
        if matcher.lowerIs(first, "ngành"),
            let verb = (1..<min(count, 5)).first(where: {
                Lexicon.countingVerbs.longest(in: matcher, at: tokens[base + $0]) != nil
                    || words.hedges.longest(in: matcher, at: tokens[base + $0]) != nil
            }), verb > 1
        {
            return (verb, true, true)
        }
        while length < count {
            if matcher.isCapitalised(tokens[base + length]) {
                // *tỉnh Bến Tre* is the province itself; *thành phố Phú Quốc*, a particular place.
                if !matcher.isCapitalised(tokens[base + length - 1]),
                    !words.province.contains(matcher.tokens[tokens[base + length - 1]])
                {
                    isParticular = true
                }
                isStrong = true
                length += 1
            } else if let place = words.locatives.longest(in: matcher, at: tokens[base + length]) {
                isStrong = true
                length += place.length
            } else {
                break
            }
        }
        return (min(length, count), isStrong, isParticular)
    }

    /// Whether the tokens only name an attribute (*trị giá*, *tổng vốn đăng ký*).
    private func isAttribute(_ tokens: some Collection<Int>) -> Bool {
        !tokens.isEmpty && tokens.count <= 5 && tokens.allSatisfy { words.attributeWords.contains(matcher.tokens[$0]) }
    }

    /// Whether the token at `index` is a number or word of a period that opens a segment (*Tháng 6*).
    private func isLeadingPeriod(_ index: Int) -> Bool {
        matcher.tokens[index].isNumber || isPeriodWord(index)
    }

    /// Whether the word at `index` says when: a period word, a month's name after *tháng*, or
    /// *đầu*/*cuối* before *năm*, *tháng*, *quý*.
    private func isPeriodWord(_ index: Int) -> Bool {
        let key = matcher.tokens[index].key
        if words.periodWords.contains(key: key) { return true }
        if words.monthNames.contains(key: key), word(index - 1, in: words.monthWordsFollow) { return true }
        // *Mười tháng đầu năm*: a count of months written in words.
        if isCountOfSpans(index) { return true }
        return words.edges.contains(key: key) && word(index + 1, in: words.spans)
    }

    /// Whether a trimmed segment names something: a word that is not a period, verb or function word.
    private func names(_ tokens: some Sequence<Int>) -> Bool {
        tokens.contains { index in
            matcher.tokens[index].isWord && !isPeriodWord(index) && !words.leadWords.contains(matcher.tokens[index])
                && !words.phraseWords.contains(matcher.tokens[index])
                && words.hedges.longest(in: matcher, at: index) == nil
        }
    }

    /// The phrase of a run of token indices (`-1` stands for a comma): head and trailing period words.
    private func phrase(of indices: [Int]) -> Phrase { phrase(of: indices[...]) }

    /// `phrase(of:)` of a slice (a trimmed segment), read in place through a buffer counted from 0.
    private func phrase(of slice: ArraySlice<Int>) -> Phrase {
        slice.withUnsafeBufferPointer { phrase(ofIndices: $0) }
    }

    /// `phrase(of:)` of the indices in `indices`.
    private func phrase(ofIndices indices: UnsafeBufferPointer<Int>) -> Phrase {
        // The period words written after the head (*… tiêu dùng tháng 7*, *… 10 tháng*).
        var headEnd = indices.count
        while headEnd > 0, indices[headEnd - 1] >= 0,
            isPeriodToken(indices[headEnd - 1]) || isMonthName(indices[headEnd - 1])
                || isCountOfSpans(indices[headEnd - 1])
        {
            headEnd -= 1
        }
        if headEnd == 0 { headEnd = indices.count }
        // *Cán cân thương mại hàng hóa 11 tháng xuất siêu*: a period before the verb that ends the
        // name is the name's period, not part of it.
        if headEnd == indices.count, let inner = innerPeriod(in: indices) {
            let period = indices[inner]
            return Phrase(
                head: text(of: Array(indices[..<inner.lowerBound]) + indices[inner.upperBound...]),
                period: text(of: period.dropLast(yearCount(in: period))))
        }
        // *Kim ngạch xuất khẩu trong tháng 03*: *trong* belongs to the period; a period without
        // its number keeps it (*… trong tháng*).
        if headEnd < indices.count, headEnd > 1, indices[headEnd - 1] >= 0,
            matcher.lowerIs(indices[headEnd - 1], "trong")
        {
            let bare = headEnd == indices.count - 1
            let period = indices[(bare ? headEnd - 1 : headEnd)...]
            return Phrase(
                head: text(of: indices[..<(headEnd - 1)]), period: text(of: period.dropLast(yearCount(in: period))))
        }
        let period = indices[headEnd...]
        return Phrase(head: text(of: indices[..<headEnd]), period: text(of: period.dropLast(yearCount(in: period))))
    }

    /// Whether the word at `index` names a month after *tháng* (*tháng Mười*, *tháng Mười Một*).
    private func isMonthName(_ index: Int) -> Bool {
        words.monthNames.contains(matcher.tokens[index]) && word(index - 1, in: words.monthWordsFollow)
    }

    /// A numbered period (*11 tháng*, *tháng 10*) inside a name, followed by one or two words
    /// of a verb, as positions in `indices`, or nil.
    private func innerPeriod(in indices: UnsafeBufferPointer<Int>) -> Range<Int>? {
        guard indices.count >= 4, !indices.contains(where: { $0 < 0 }) else { return nil }
        for start in 1..<(indices.count - 1) {
            let index = indices[start]
            let opens =
                (matcher.tokens[index].isNumber && matcher.key(index + 1) == words.thang)
                || (matcher.lowerIs(index, "tháng") && start + 1 < indices.count
                    && matcher.tokens[indices[start + 1]].isNumber)
            guard opens else { continue }
            var end = start + 1
            while end < indices.count, isPeriodToken(indices[end]) || isMonthName(indices[end]) { end += 1 }
            let after = indices.count - end
            guard end - start >= 2, (1...2).contains(after),
                indices[end...].allSatisfy({ matcher.tokens[$0].isWord && !isPeriodWord($0) })
            else { return nil }
            return start..<end
        }
        return nil
    }

    /// Whether the word at `index` counts months or quarters in words (*Mười tháng*, *mười một tháng*).
    private func isCountOfSpans(_ index: Int) -> Bool {
        guard isNumberWord(index) else { return false }
        if word(index + 1, in: words.spans) { return true }
        return index + 1 < matcher.tokens.count && isNumberWord(index + 1) && word(index + 2, in: words.spans)
    }

    /// Whether the word at `index` is a number written in words (`Lexicon.numberWord`).
    private func isNumberWord(_ index: Int) -> Bool {
        matcher.tokens[index].isWord && words.numberWords.contains(matcher.tokens[index].key)
    }

    /// Whether the token at `index` belongs to the date a figure stands at (*đến 30/9/2024*, *tính
    /// đến hết tháng 9*).
    private func isDateWord(_ index: Int) -> Bool {
        isPeriodToken(index) || matcher.lowerIs(index, "đến") || matcher.lowerIs(index, "tính")
            || matcher.lowerIs(index, "ngày") || matcher.lowerIs(index, "hết")
    }

    /// Whether the token at `index` belongs to a period written after a subject.
    private func isPeriodToken(_ index: Int) -> Bool {
        if matcher.tokens[index].isNumber { return true }
        if matcher.tokens[index].kind == .symbol { return matcher.isSymbol(index, "/") || matcher.isSymbol(index, "-") }
        return words.periodTail.contains(matcher.tokens[index])
    }

    /// The numbered period named in `indices` (*7 tháng*, *tháng 6*, *quý II*, *cả năm*), as written.
    func periodText(in indices: ArraySlice<Int>) -> String {
        // A loop, not `firstIndex(where:)`: its closure, called for every index, was not inlined.
        var opening: Int? = nil
        for position in indices.indices where opensPeriod(at: indices[position]) {
            opening = position
            break
        }
        guard let first = opening else {
            // *lũy kế ước 24.310 tỷ đồng*: the year to date, with no number of months written.
            if let running = indices.first(where: {
                matcher.matches("lũy", "kế", at: $0) || matcher.matches("luỹ", "kế", at: $0)
                    || matcher.matches("cộng", "dồn", at: $0)
            }), indices.contains(running + 1) {
                // With *từ đầu năm (đến nay)* when written so; lower-cased where it opened the sentence.
                var end = running + 2
                while indices.contains(end), isPeriodWord(end) { end += 1 }
                let written = text(of: running..<end)
                return written.prefix(1).lowercased() + written.dropFirst()
            }
            return ""
        }
        // The run of period words from there, consecutive in the sentence: a range of tokens.
        var last = indices[first]
        for index in indices[(first + 1)...] {
            guard index == last + 1, isPeriodToken(index) || isMonthName(index) else { break }
            last = index
        }
        let period = indices[first]..<(last + 1)
        return last > indices[first] ? text(of: period.dropLast(yearCount(in: period))) : ""
    }

    /// Whether a numbered period (see `periodText(in:)`) opens at `index`.
    @inline(__always)
    private func opensPeriod(at index: Int) -> Bool {
        (word(index, in: words.periodHeads)
            || (matcher.key(index + 1) == words.thang && (matcher.tokens[index].isNumber || isNumberWord(index)))
            // *năm 2023 tỉnh phấn đấu …*: a whole year written alone.
            // (after a lead, *Tính chung năm 2022*, not a name's: *kế hoạch vốn năm 2023*).
            || (matcher.lowerIs(index, "năm")
                && (index == 0 || !matcher.tokens[index - 1].isWord || word(index - 1, in: words.leadWords))
                && PeriodScanner(matcher: matcher).yearNumber(at: index + 1) != nil))
            // A base (*so với tháng 12 năm trước*) is not the figure's period.
            && !word(index - 1, in: words.baseMarkers)
    }

    /// How many indices at the end of a period are the year written after its month (*9 tháng
    /// năm 2023*, *tháng 10/2023*), which go: the report's year goes without saying. Counted, not
    /// cut into a new array: callers read the period without them in place.
    private func yearCount(in indices: some BidirectionalCollection<Int>) -> Int {
        guard indices.count > 2, let last = indices.last, last >= 0,
            PeriodScanner(matcher: matcher).yearNumber(at: last) != nil
        else { return 0 }
        let rest = indices.dropLast(2)
        guard let before = indices.dropLast().last, before >= 0,
            matcher.lowerIs(before, "năm") || matcher.isSymbol(before, "/") || matcher.isSymbol(before, "-")
        else { return 0 }
        // *cả năm 2024*: the year is the period itself, and keeps its *năm*.
        // *10 tháng đầu năm 2024*: *đầu năm* is part of the period too.
        if matcher.lowerIs(before, "năm"),
            !rest.contains(where: { $0 >= 0 && word($0, in: Self.periodNouns) }) || word(before - 1, in: words.edges)
        {
            return 1
        }
        return 2
    }

    /// The nouns of a period shorter than a year.
    private static let periodNouns: WordSet = ["tháng", "quý", "tuần", "ngày"]

    /// `text(of:)` of indices already contiguous (a phrase's, read through a buffer): written
    /// from them in place, not copied to a buffer first.
    private func text(of indices: Slice<UnsafeBufferPointer<Int>>) -> String {
        guard let first = indices.first else { return "" }
        if indices.count == 1, first >= 0 { return matcher.text(first) }
        return text(ofIndices: UnsafeBufferPointer(rebasing: indices))
    }

    /// The text of tokens (`-1` is a comma), spaced as written.
    private func text(of indices: some Collection<Int>) -> String {
        // Most periods after a head are not written.
        guard let first = indices.first else { return "" }
        // A word alone is its text as written: no spacing to work out.
        if indices.count == 1, first >= 0 { return matcher.text(first) }
        // Copied to the stack for the writing, which is then not generic (one copy of it, not one
        // specialised for each kind of collection).
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: indices.count) { buffer in
            var position = 0
            for index in indices {
                buffer[position] = index
                position += 1
            }
            return text(ofIndices: UnsafeBufferPointer(rebasing: buffer[..<position]))
        }
    }

    /// `text(of:)` of the indices in `indices`.
    private func text(ofIndices indices: UnsafeBufferPointer<Int>) -> String {
        // Written into the string's storage at once: a byte per comma or space at most, and each text.
        var capacity = 0
        for index in indices { capacity += index < 0 ? 1 : 1 + matcher.tokens[index].utf8Count }
        return TokenMatcher.text(capacity: capacity) { text in
            var afterComma = false
            for index in indices {
                if index < 0 {
                    text.append(byte: 0x2C)
                    afterComma = true
                    continue
                }
                if !text.isEmpty && (matcher.tokens[index].spaceBefore || afterComma) { text.append(byte: 0x20) }
                text.append(tokenAt: index, of: matcher)
                afterComma = false
            }
        }
    }
}
