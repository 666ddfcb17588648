import ProvstatCore

/// Gives each figure of a sentence its subject, remembering what the sentence has named so far.
///
/// A figure whose own clause names something takes that phrase. One whose clause names nothing
/// takes, when it is a percentage or change, the subject of the amount it is about (with *lần
/// lượt*, the amount in the same place of the list); when its clause names a period (*lũy kế 7
/// tháng đạt …*), the phrase named last with that period; else the subject of the figure before it,
/// the phrase named last, or the section's heading.
struct SubjectTracker {
    let finder: SubjectFinder
    let heading: String
    private var named: SubjectFinder.Phrase? = nil
    private var subjects: [String] = []
    private var amounts: [Int] = []
    /// The items a list named before *lần lượt*, for the amounts that follow it in the same order.
    private var items: [SubjectFinder.Phrase] = []
    /// The topic the sentence (or a sentence before it in the paragraph) opened with, which
    /// completes the actions named after it.
    private var topic: SubjectFinder.Phrase?
    /// Whether the last thing named was an action the topic completed: only then does the topic
    /// go on into the next sentence (*Vụ lúa Thu Đông, toàn tỉnh xuống giống … . Đến nay, nông dân
    /// đã thu hoạch …*).
    private var topicInUse = false
    /// What the figure before counted, when it counted something (*21 dự án*): the owner of an
    /// attribute written right after it (*với tổng vốn đăng ký …*).
    private var countedNoun: SubjectFinder.Phrase? = nil
    /// What was done for those the figure before counted (*hỗ trợ cho hộ nghèo*), when it counted
    /// those an action was for: the owner of a sum paid written right after it.
    private var countedDeed: String? = nil
    /// The last thing named that is not an attribute of something else: what *về số doanh
    /// nghiệp* completes.
    private var thing: SubjectFinder.Phrase? = nil
    /// The particular agent the sentence named last (*các doanh nghiệp FDI*), who the actions
    /// named after it with no agent of their own are by (*…, đồng thời giải quyết việc làm cho …*).
    private var actor = ""
    /// The crop season the sentence names first, once looked for.
    private var season: (text: String, end: Int)?? = nil

    /// A phrase a section's sentences named, with the unit of the last amount given for it.
    ///
    /// A class: it is handed from sentence to sentence and kept by each sentence's tracker, and a
    /// struct of a phrase and a unit would be copied field by field at every hand-over.
    final class Named: Sendable {
        let phrase: SubjectFinder.Phrase
        let unit: String

        init(phrase: SubjectFinder.Phrase, unit: String) {
            self.phrase = phrase
            self.unit = unit
        }
    }

    /// What the sentences before this one in its section named last: what a clause naming nothing
    /// is about when this sentence has named nothing yet, before the section's heading.
    private let previous: Named?
    /// The unit of the sentence's last amount.
    private var lastUnit: String?

    /// A tracker for one sentence; `topic` is the one the sentence before it left open, `previous`
    /// what the sentences before it in its section named last.
    init(finder: SubjectFinder, heading: String, topic: SubjectFinder.Phrase? = nil, previous: Named? = nil) {
        self.finder = finder
        self.heading = heading
        self.topic = topic
        self.previous = previous
    }

    /// What the sentence leaves to the next: the topic it leaves open, if its last subject completed
    /// an action with it, and the phrase named last, in it or (when it named none) before it.
    /// Consuming: the tracker is done with, so nothing of it is copied.
    consuming func finish() -> (openTopic: SubjectFinder.Phrase?, lastNamed: Named?) {
        let lastNamed = named.map { Named(phrase: $0, unit: lastUnit ?? previous?.unit ?? "") } ?? previous
        return (topicInUse ? topic : nil, lastNamed)
    }

    /// The subject of the figure at `position` (figures are given in order), and the position of
    /// the amount it is about, read from the tokens `from..<to` before its phrase.
    ///
    /// `respectively` is the figure's place in a list introduced by *lần lượt*, and the list's length.
    /// `counted` is the counted noun with the words after it (*38 doanh nghiệp thành lập mới*), for
    /// a figure whose unit is a counted noun followed by words that say which; `material` what a
    /// measure counts when the page writes it after the unit (*58.000 tấn gạo*); `regarding` the
    /// aspect a change is in (*về số doanh nghiệp*); `described` the words after the figure, the
    /// subject when nothing else names one; `unit` the figure's unit, whose measure an amount
    /// naming none takes.
    mutating func subject(
        of position: Int, kind: FactKind, from: Int, to: Int, respectively: (place: Int, count: Int)?,
        counted: SubjectFinder.Phrase? = nil, material: String? = nil, regarding: String? = nil,
        described: String? = nil, unit: String? = nil
    ) -> (subject: String, about: Int?) {
        var reading = finder.read(from: from, to: to)
        if let opened = reading.topic { topic = opened }
        if let own = reading.own, !own.actor.isEmpty { actor = own.actor }
        if let material, var own = reading.own, !Self.mentions(own.head, material) {
            own.head += " " + material
            reading.own = own
        } else if material != nil, reading.own == nil, kind == .level, let described {
            // *…; 8,7 nghìn ha rừng trồng tập trung*: with nothing named before it, the words after
            // the unit say what it measures.
            reading.own = SubjectFinder.Phrase(head: described, period: reading.period)
        }
        var result: (subject: String, about: Int?)
        let owner = countedNoun
        let deed = countedDeed
        countedNoun = nil
        countedDeed = nil
        if let respectively, respectively.place == 0 { items = finder.listItems(from: from, to: to) }
        // A list of amounts, or of changes with no amounts before them to pair with, takes the
        // items named before *lần lượt* in turn.
        if let respectively, kind == .level || amounts.count < respectively.count,
            items.count == respectively.count, !items[respectively.place].head.isEmpty
        {
            named = items[respectively.place]
            result = (items[respectively.place].text, nil)
        } else if var counted {
            if let earlier = reading.earlier { named = earlier }
            // *đã giải quyết việc làm cho 2.350 lao động*: those the action was for, named as
            // reports name such counts, with what was done for them (*lao động được giải quyết
            // việc làm*).
            if counted.role == .beneficiary, let own = reading.own, !own.isAttribute {
                // *…, đồng thời giải quyết việc làm cho …*: by the agent named before.
                let by = own.actor.isEmpty && !own.isAction ? actor : own.actor
                countedNoun = SubjectFinder.Phrase(
                    head: counted.owner ?? "", period: own.period.isEmpty ? reading.period : own.period)
                // *… hỗ trợ cho 1.250 hộ nghèo với số tiền …*: the money paid is the action's, for
                // them (*số tiền hỗ trợ cho hộ nghèo*), where a project's capital is its own.
                let deed = Self.deed(own.head, by: by)
                if !deed.isEmpty, let noun = counted.owner, !noun.isEmpty { countedDeed = deed + " cho " + noun }
                counted.head = Self.beneficiaries(counted.head, of: deed, by: by)
                if counted.period.isEmpty { counted.period = own.period }
            }
            // *Sân bay quốc tế Phú Quốc đã phục vụ hơn 3 triệu lượt khách*, *Ngành du lịch đón …
            // lượt khách*: who counted them, and how.
            // A place's bare name before the verb (*Kiên Giang đón …*) is the province the report is
            // about, which goes without saying.
            if counted.role == .object, let own = reading.own, !own.isAttribute,
                own.isAction || !Self.opensWithName(own.head)
            {
                // *thành phố Phú Quốc đón 4,67 triệu lượt khách*: a place welcoming visitors counts
                // those who came to it, as the page's own *lượng khách đến tỉnh* names them.
                // *Số doanh nghiệp thành lập mới là 120 doanh nghiệp*: a count already named.
                counted.head =
                    Self.mentions(own.head, counted.head)
                    ? own.head
                    : Self.arrivals(counted.head, at: own.actor, welcomedBy: own.head)
                        ?? own.head + " " + counted.head
                if counted.period.isEmpty { counted.period = own.period }
            }
            // *Dự án có 1.236 hộ bị ảnh hưởng*: whose they are.
            if counted.role == .possession, let own = reading.own, !own.isAttribute,
                finder.namesLastSegment(from: from, to: to),
                !own.isAction
            {
                counted.head = own.head + " có " + counted.head
                if counted.period.isEmpty { counted.period = own.period }
            }
            if counted.period.isEmpty { counted.period = reading.period }
            // *tổ chức 14 phiên giao dịch việc làm, thu hút hơn 180 doanh nghiệp tham gia*: taking part
            // with nothing named is taking part in what was just counted.
            if Self.participationVerbs.contains(where: { Self.ends(counted.head, with: $0) }), let event = thing,
                amounts.last == position - 1, !Self.mentions(counted.head, event.head)
            {
                counted.head += " " + event.head
            }
            named = counted
            thing = counted.owner.map { SubjectFinder.Phrase(head: $0, period: counted.period) } ?? counted
            result = (counted.text, nil)
        } else {
            // An amount in another unit (*… 1.240 ca. Năm 2023 đạt 12 tỷ đồng*) is of something else.
            let carried = previous.flatMap { kind != .level || $0.unit == unit ? $0.phrase : nil }
            result = resolve(
                kind: kind, reading: reading, respectively: respectively, owner: owner, deed: deed, carried: carried,
                described: described != nil)
        }
        // *Toàn tỉnh có 38.600 ha sản xuất theo mô hình cánh đồng lớn*: with nothing named before
        // it, the words after the figure say what it is.
        if result.subject.isEmpty, let described {
            result.subject = described
            named = SubjectFinder.Phrase(head: described, period: "")
        }
        // *các giống chủ lực … chiếm hơn 70% diện tích gieo sạ*: a share its clause names the part
        // of is a share of the measure written after it (a share after the part's amount is about
        // that amount).
        if kind == .share, reading.own != nil, let described, ItemNaming.opensWithMeasure(described),
            !result.subject.isEmpty, !Self.mentions(result.subject, described)
        {
            // Of the total's measure, the part's (*kim ngạch xuất khẩu* of *tổng kim ngạch xuất khẩu*).
            let measure = described.hasPrefix("tổng ") ? String(described.dropFirst(5)) : described
            result.subject = measure + " " + result.subject
        }
        // *tăng 7,5% về số doanh nghiệp*: the change is in that aspect of the thing named.
        if let regarding, let thing {
            result = (SubjectFinder.Phrase(head: Self.joined(regarding, thing.head), period: thing.period).text, nil)
        }
        // *thép cán đạt 1,24 triệu tấn*: the unit says what an amount naming no measure measures
        // (before a clause too: *diện tích nông dân đã thu hoạch*).
        if kind == .level, let unit, let measure = ItemNaming.measure(impliedBy: unit, for: result.subject) {
            if let phrase = named, phrase.text == result.subject {
                named = SubjectFinder.Phrase(head: measure + " " + phrase.head, period: phrase.period)
            }
            // *tuyến đường dài 17,8 km*: the adjective the measure stands for goes.
            let subject =
                measure == "chiều dài" && result.subject.hasSuffix(" dài")
                ? String(result.subject.dropLast(4)) : result.subject
            result.subject = measure + " " + subject
        }
        // *Chuẩn bị cho vụ Đông Xuân …, … nhu cầu lúa giống khoảng 45.000 tấn*: the season the
        // sentence is about, as a period, when the subject names none.
        if season == nil { season = .some(finder.season()) }
        if !result.subject.isEmpty, let found = season ?? nil, found.end <= to, !Self.mentions(result.subject, "vụ ") {
            result.subject += " " + found.text
        }
        // Room for a sentence's usual few figures at once, not grown one figure after another.
        if subjects.isEmpty { subjects.reserveCapacity(4) }
        subjects.append(result.subject)
        if kind == .level {
            if amounts.isEmpty { amounts.reserveCapacity(4) }
            amounts.append(position)
            lastUnit = unit
        }
        return result
    }

    /// `aspect` then `owner`, written once where the end of one is the start of the other
    /// (*số doanh nghiệp* + *doanh nghiệp thành lập mới*).
    static func joined(_ aspect: String, _ owner: String) -> String {
        let first = Tokenizer.pieces(aspect, commas: false) ?? aspect.split(separator: " ").map(String.init)
        let second = Tokenizer.pieces(owner, commas: false) ?? owner.split(separator: " ").map(String.init)
        for overlap in stride(from: min(first.count, second.count), through: 1, by: -1)
        where first.suffix(overlap).map({ Tokenizer.lowercased(String($0)) })
            == second.prefix(overlap).map({ Tokenizer.lowercased(String($0)) })
        {
            return (first + second.dropFirst(overlap)).joined(separator: " ")
        }
        return aspect + " " + owner
    }

    /// Those an action was for, then what was done for them (its `deed`) by whom: *lao động* of
    /// *giải quyết việc làm* gives *lao động được giải quyết việc làm*; by *Sở Lao động*, of *hỗ
    /// trợ*, *… được Sở Lao động hỗ trợ*.
    static func beneficiaries(_ noun: String, of deed: String, by agent: String) -> String {
        [noun, "được", agent, deed].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Whether an attribute names a sum paid out (*số tiền*, *tổng số tiền*), which is the
    /// paying's, not that of those it was paid to.
    static func isSumPaid(_ attribute: String) -> Bool {
        let lower = Tokenizer.lowercased(attribute)
        return ["số tiền", "tổng số tiền"].contains { lower == $0 || lower.hasPrefix($0 + " ") }
    }

    /// What an action written with `agent` before it did, without the agent and the words that
    /// say when or how surely it was done (*Sở Y tế đã hỗ trợ* → *hỗ trợ*); "" when nothing is left.
    static func deed(_ action: String, by agent: String) -> String {
        var words = Tokenizer.pieces(action, commas: false)?.map { Substring($0) } ?? action.split(separator: " ")
        let agentWords = agent.split(separator: " ")
        if !agentWords.isEmpty, words.starts(with: agentWords) { words.removeFirst(agentWords.count) }
        // *đã*, *dự kiến*, *giúp* before the action; a hedge inside it (*Các dự án mới dự kiến tạo
        // việc làm*): how surely or with whose help is said of the doing, not named.
        while let opening = opening(of: words[...], among: actionOpenings) {
            words.removeFirst(opening.count)
        }
        for index in words.indices.dropFirst() {
            guard let hedge = opening(of: words[index...], among: innerHedges) else { continue }
            words.removeSubrange(index..<(index + hedge.count))
            break
        }
        guard let first = words.first else { return "" }
        // *Chi trả trợ cấp …* opened the sentence; a name (*Sở Tài chính*, *UBND tỉnh*) keeps its capitals.
        let verb = words.joined(separator: " ")
        if first.first?.isUppercase == true, first.dropFirst().first?.isLowercase == true, !opensWithName(verb) {
            return verb.prefix(1).lowercased() + verb.dropFirst()
        }
        return verb
    }

    /// The first of `phrases` that `words` open with, the first word's case aside.
    private static func opening(of words: ArraySlice<Substring>, among phrases: [[Substring]]) -> [Substring]? {
        guard let first = words.first else { return nil }
        // Lower-cased once for all the phrases (`Tokenizer.lowercased` is `lowercased()`, faster).
        let lower = Substring(Tokenizer.lowercased(String(first)))
        return phrases.first { phrase in
            words.count >= phrase.count && (same(first, phrase[0]) || same(lower, phrase[0]))
                && words.dropFirst().prefix(phrase.count - 1).elementsEqual(phrase.dropFirst(), by: same)
        }
    }

    /// Whether two words are the same, told on their bytes (text is NFC: equal words have equal
    /// bytes), where `==` on substrings takes Unicode's slow path for every Vietnamese letter.
    private static func same(_ left: Substring, _ right: Substring) -> Bool {
        left.utf8.elementsEqual(right.utf8)
    }

    /// Words before an action that say when or how surely it was done, or that something helped do
    /// it, not what was done.
    private static let actionOpenings: [[Substring]] = [
        ["đã"], ["đang"], ["sẽ"], ["được"], ["dự", "kiến"], ["ước", "tính"], ["giúp"], ["góp", "phần"], ["nhằm"],
        ["để"],
    ]

    /// Visitors counted as those who came to a place: *lượt khách đến thành phố Phú Quốc* of
    /// *thành phố Phú Quốc (đã) đón*; nil when the words are not a place welcoming them (a sector,
    /// *Ngành du lịch đón*, welcomes no one to itself).
    static func arrivals(_ visitors: String, at place: String, welcomedBy action: String) -> String? {
        guard !place.isEmpty, action.hasPrefix(place), visitors.hasSuffix("khách"),
            !place.lowercased().hasPrefix("ngành")
        else { return nil }
        let verb = action.dropFirst(place.count).split(separator: " ")
        guard verb.last == "đón", verb.dropLast().allSatisfy({ ["đã", "đang", "sẽ"].contains($0) }) else { return nil }
        return visitors + " đến " + place
    }

    /// Whether `text` ends with `suffix`, told on the bytes: `hasSuffix` compares characters, and a
    /// suffix that opens with a space and ends a text does so in both or neither.
    private static func ends(_ text: String, with suffix: String) -> Bool {
        text.utf8.count >= suffix.utf8.count && text.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    /// Verbs of taking part, which name what is taken part in only when it was named before.
    private static let participationVerbs = [" tham gia", " tham dự"]

    /// Hedges written inside an action, between who acts and the verb.
    private static let innerHedges: [[Substring]] = [["dự", "kiến"], ["ước", "tính"], ["ước"]]

    /// `earlier` with the place it ends in replaced by `place`, when `place` alone is a place of the
    /// same form (*lao động có việc làm trong tỉnh* + *ngoài tỉnh*), else nil.
    static func contrasted(_ earlier: String, with place: String) -> String? {
        // Told on the opening bytes first: this runs for every phrase named. A text canonically equal
        // to an opening starts with its bytes up to its first letter that has a decomposition.
        guard Self.contrastBytes.contains(where: { place.utf8.starts(with: $0) }),
            Self.contrastOpenings.contains(where: { place.hasPrefix($0) })
        else { return nil }
        let placeWords = place.split(separator: " ")
        guard (2...3).contains(placeWords.count), contrastWords.contains(placeWords[0].lowercased()) else { return nil }
        let words = earlier.split(separator: " ")
        let start = words.count - placeWords.count
        guard start > 0, contrastWords.contains(words[start].lowercased()),
            words[start].lowercased() != placeWords[0].lowercased()
        else { return nil }
        return (words[..<start] + placeWords).joined(separator: " ")
    }

    /// Words that open a place set against another (*trong tỉnh* / *ngoài tỉnh*).
    private static let contrastWords: Set<String> = ["trong", "ngoài"]
    private static let contrastOpenings = ["trong ", "ngoài ", "Trong ", "Ngoài "]
    private static let contrastBytes = ["trong ", "ngo", "Trong ", "Ngo"].map { Array($0.utf8) }

    /// What a count is of (*doanh nghiệp thành lập mới* of *Số doanh nghiệp thành lập mới*): the
    /// owner of an attribute (*số vốn đăng ký*) is the things, not their number.
    static func counted(_ phrase: String) -> String {
        // Told on the bytes (text is NFC; a prefix ending in a space ends a character in both or
        // neither): `hasPrefix` compares characters, at a thousand instructions or more a call.
        guard phrase.utf8.starts(with: "Số ".utf8) || phrase.utf8.starts(with: "số ".utf8), phrase.utf8.count > 8
        else { return phrase }
        return String(phrase.dropFirst(3))
    }

    /// Whether `text` holds `part`, case aside, compared on UTF-8 bytes (Foundation's substring
    /// search costs thousands of instructions a call, and this runs for many figures).
    static func mentions(_ text: String, _ part: String) -> Bool {
        let haystack = Array(Tokenizer.lowercased(text).utf8)
        let needle = Array(Tokenizer.lowercased(part).utf8)
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// Whether a phrase opens with a proper name of two words or more (*Kiên Giang đón*), not
    /// with a common noun (*Ngành du lịch đón*, *Sân bay Phú Quốc*).
    private static func opensWithName(_ text: String) -> Bool {
        let words = text.split(separator: " ", maxSplits: 2)
        return words.count >= 2 && words.prefix(2).allSatisfy { $0.first?.isUppercase == true }
    }

    /// The case-folded words of a phrase, each once, by `WordKey` (text is NFC: equal words have
    /// equal bytes); a handful of integers, not a `Set` of strings.
    private static func words(of text: String) -> [UInt64] {
        let lower = Tokenizer.lowercased(text)
        var keys: [UInt64] = []
        for word in Tokenizer.pieces(lower, commas: true)
            ?? lower.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        {
            let key = WordKey.of(word)
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    private mutating func resolve(
        kind: FactKind, reading: SubjectFinder.Reading, respectively: (place: Int, count: Int)?,
        owner: SubjectFinder.Phrase?, deed: String?, carried: SubjectFinder.Phrase?, described: Bool
    ) -> (subject: String, about: Int?) {
        if let earlier = reading.earlier { named = earlier }
        if var own = reading.own {
            // *…, trị giá 54 triệu USD*: the value of what was named before.
            let completesAttribute = own.isAttribute
            if own.isAttribute, let named = owner ?? thing ?? named {
                let by = deed.flatMap { Self.isSumPaid(own.head) ? $0 : nil } ?? Self.counted(named.head)
                own.head = ItemNaming.completed(attribute: own.head, by: by)
                if own.period.isEmpty { own.period = named.period }
                own.isAttribute = false
            }
            // *…, trong đó có bằng cấp, chứng chỉ đạt 30,5%*: a rate of part of what was named.
            if own.isRestriction, kind != .level, let named {
                own = SubjectFinder.Phrase(head: named.head + " có " + own.head, period: own.period)
            }
            // *tổng thu ngân sách …; trong đó tháng 7 ước thu 672 tỷ đồng*: one word of the phrase
            // named before names nothing new (two may be an item of it: *…, giày dép; trong đó giày dép*).
            // So do the words of that phrase with a period of their own (*…; trong đó tháng Hai ước
            // giải ngân 152,9 tỷ đồng*).
            if let named, own.head.utf8.count <= 24 {
                let words = Self.words(of: own.head)
                if words.count <= 1 || !reading.period.isEmpty {
                    let namedWords = Self.words(of: named.head)
                    if words.allSatisfy(namedWords.contains) {
                        own = SubjectFinder.Phrase(head: named.head, period: reading.period)
                    }
                }
            }
            // *Ngành du lịch đón …, doanh thu đạt …*: a bare measure is of who acted before.
            if own.actor.isEmpty, !actor.isEmpty, ItemNaming.isBareMeasure(own.head) {
                own.head += " " + actor
            }
            // *… trong tỉnh 17.380 người, ngoài tỉnh 6.950 người*: the place contrasted, the rest as before.
            if let named, let contrasted = Self.contrasted(named.head, with: own.head) { own.head = contrasted }
            // *Vụ lúa Thu Đông …, toàn tỉnh đã xuống giống*: the action is about the topic; *Vốn đầu
            // tư công: … toàn tỉnh giải ngân …*, about what the sentence's lead named.
            if own.isAction, let topic = topic ?? reading.earlier,
                !Self.mentions(own.head, topic.head)
            {
                own.head = [topic.head, own.aspect, own.head].filter { !$0.isEmpty }.joined(separator: " ")
                own.isAction = false
                topicInUse = true
            } else {
                topicInUse = false
            }
            named = own
            if let owner = own.owner {
                thing = SubjectFinder.Phrase(head: owner, period: own.period)
            } else if !completesAttribute {
                thing = own
            }
            return (own.text, nil)
        }
        if kind != .level {
            if let respectively, amounts.count >= respectively.count {
                let amount = amounts[amounts.count - respectively.count + respectively.place]
                return (subjects[amount], amount)
            }
            if let amount = amounts.last { return (subjects[amount], amount) }
        }
        if !reading.period.isEmpty {
            let head = named?.head ?? carried?.head ?? heading
            return (head.isEmpty ? reading.period : head + " " + reading.period, nil)
        }
        if let last = subjects.last { return (last, nil) }
        // *Toàn tỉnh có 38.600 ha sản xuất theo mô hình cánh đồng lớn*: words after the figure say
        // more of it than what an earlier sentence named.
        return (named?.text ?? (described ? nil : carried?.text) ?? heading, nil)
    }
}
