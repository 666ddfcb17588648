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
    /// Spelled `Optional<…>`: a `Phrase?` variable starts as nil, so the initialiser assigned it
    /// rather than initialised it, and (for that) built the tracker in a temporary, copied it
    /// field by field to the caller's variable and destroyed the temporary.
    private var topic: Optional<SubjectFinder.Phrase>
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

    /// The words after a figure that say what it is (see `subject(of:…)`), as positions: most
    /// figures' subjects never use them, and their text is made only where one does.
    enum Described {
        /// The tokens in the range, spaced as written.
        case words(Range<Int>)
        /// The figure's unit, a counted noun with no words after it (*còn 1.250 hộ nghèo*).
        case unit
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
    /// Mutating, not consuming: consuming the caller's variable copied the whole tracker (and
    /// destroyed both copies); the phrases are moved out instead, the tracker being done with.
    mutating func finish() -> (openTopic: SubjectFinder.Phrase?, lastNamed: Named?) {
        let lastNamed = named.take().map { Named(phrase: $0, unit: lastUnit ?? previous?.unit ?? "") } ?? previous
        return (topicInUse ? topic.take() : nil, lastNamed)
    }

    /// The subject of the figure at `position` (figures are given in order), and the position of
    /// the amount it is about, read from the tokens `from..<to` before its phrase.
    ///
    /// `respectively` is the figure's place in a list introduced by *lần lượt*, and the list's length.
    /// `counted` is the counted noun with the words after it (*38 doanh nghiệp thành lập mới*), for
    /// a figure whose unit is a counted noun followed by words that say which; `material` the
    /// words that say what a measure counts when the page writes them after the unit (*58.000 tấn
    /// gạo*); `regarding` those of the aspect a change is in (*về số doanh nghiệp*); `described`
    /// the words after the figure, the subject when nothing else names one; `unit` the figure's
    /// unit, whose measure an amount naming none takes.
    mutating func subject(
        of position: Int, kind: FactKind, from: Int, to: Int, respectively: (place: Int, count: Int)?,
        counted: SubjectFinder.Phrase? = nil, material: Range<Int>? = nil, regarding: Range<Int>? = nil,
        described: Described? = nil, unit: String? = nil
    ) -> (subject: String, about: Int?) {
        var reading = finder.read(from: from, to: to)
        // The reading's phrases are moved out where they are kept (`take()`), not copied.
        if let opened = reading.topic.take() { topic = opened }
        // Read through the optional, in place: binding the phrase would copy it.
        if let ownActor = reading.own?.actor, !ownActor.isEmpty { actor = ownActor }
        if let material, let head = reading.own?.head {
            let material = finder.matcher.text(from: material.lowerBound, to: material.upperBound)
            // Completed in place: binding the phrase would copy it.
            if !SubjectNaming.mentions(head, material) { reading.own?.head += " " + material }
        } else if material != nil, reading.own == nil, kind == .level, let described {
            // *…; 8,7 nghìn ha rừng trồng tập trung*: with nothing named before it, the words after
            // the unit say what it measures.
            reading.own = SubjectFinder.Phrase(head: text(of: described, unit: unit), period: reading.period)
        }
        // Told by a match, in place: `!= nil` took a copy of the phrase.
        let namesOwn = if case .some = reading.own { true } else { false }
        var result: (subject: String, about: Int?)
        let owner = countedNoun.take()
        let deed = countedDeed.take()
        if let respectively, respectively.place == 0 { items = finder.listItems(from: from, to: to) }
        // A list of amounts, or of changes with no amounts before them to pair with, takes the
        // items named before *lần lượt* in turn.
        if let respectively, kind == .level || amounts.count < respectively.count,
            items.count == respectively.count, !items[respectively.place].head.isEmpty
        {
            named = items[respectively.place]
            result = (items[respectively.place].text, nil)
        } else if var counted {
            if let earlier = reading.earlier.take() { named = earlier }
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
                let deed = SubjectNaming.deed(own.head, by: by)
                if !deed.isEmpty, let noun = counted.owner, !noun.isEmpty { countedDeed = deed + " cho " + noun }
                counted.head = SubjectNaming.beneficiaries(counted.head, of: deed, by: by)
                if counted.period.isEmpty { counted.period = own.period }
            }
            // *Sân bay quốc tế Phú Quốc đã phục vụ hơn 3 triệu lượt khách*, *Ngành du lịch đón …
            // lượt khách*: who counted them, and how.
            // A place's bare name before the verb (*Kiên Giang đón …*) is the province the report is
            // about, which goes without saying.
            if counted.role == .object, let own = reading.own, !own.isAttribute,
                own.isAction || !SubjectNaming.opensWithName(own.head)
            {
                // *thành phố Phú Quốc đón 4,67 triệu lượt khách*: a place welcoming visitors counts
                // those who came to it, as the page's own *lượng khách đến tỉnh* names them.
                // *Số doanh nghiệp thành lập mới là 120 doanh nghiệp*: a count already named.
                counted.head =
                    SubjectNaming.mentions(own.head, counted.head)
                    ? own.head
                    : SubjectNaming.arrivals(counted.head, at: own.actor, welcomedBy: own.head)
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
            if SubjectNaming.participationVerbs.contains(where: { SubjectNaming.ends(counted.head, with: $0) }),
                let event = thing,
                amounts.last == position - 1, !SubjectNaming.mentions(counted.head, event.head)
            {
                counted.head += " " + event.head
            }
            named = counted
            thing = counted.owner.map { SubjectFinder.Phrase(head: $0, period: counted.period) } ?? counted
            result = (counted.text, nil)
        } else {
            // An amount in another unit (*… 1.240 ca. Năm 2023 đạt 12 tỷ đồng*) is of something else.
            // (Handed over as named, not as a copy of its phrase.)
            let carried = previous.flatMap { kind != .level || $0.unit == unit ? $0 : nil }
            result = resolve(
                kind: kind, reading: &reading, respectively: respectively, owner: owner, deed: deed, carried: carried,
                described: described != nil)
        }
        // *Toàn tỉnh có 38.600 ha sản xuất theo mô hình cánh đồng lớn*: with nothing named before
        // it, the words after the figure say what it is.
        if result.subject.isEmpty, let described {
            let described = text(of: described, unit: unit)
            result.subject = described
            named = SubjectFinder.Phrase(head: described, period: "")
        }
        // *các giống chủ lực … chiếm hơn 70% diện tích gieo sạ*: a share its clause names the part
        // of is a share of the measure written after it (a share after the part's amount is about
        // that amount).
        if kind == .share, namesOwn, !result.subject.isEmpty,
            let described = described.map({ text(of: $0, unit: unit) }), ItemNaming.opensWithMeasure(described),
            !SubjectNaming.mentions(result.subject, described)
        {
            // Of the total's measure, the part's (*kim ngạch xuất khẩu* of *tổng kim ngạch xuất khẩu*).
            let measure = described.hasPrefix("tổng ") ? String(described.dropFirst(5)) : described
            result.subject = measure + " " + result.subject
        }
        // *tăng 7,5% về số doanh nghiệp*: the change is in that aspect of the thing named.
        if let regarding, let thing {
            let regarding = finder.matcher.text(from: regarding.lowerBound, to: regarding.upperBound)
            result = (
                SubjectFinder.Phrase(head: SubjectNaming.joined(regarding, thing.head), period: thing.period).text, nil
            )
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
        if !result.subject.isEmpty, let found = season ?? nil, found.end <= to,
            !SubjectNaming.mentions(result.subject, "vụ ")
        {
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

    /// The text of words given by position.
    private func text(of words: Described, unit: String?) -> String {
        switch words {
        case .words(let range): finder.matcher.text(from: range.lowerBound, to: range.upperBound)
        case .unit: unit ?? ""
        }
    }

    /// The subject of a figure with no list item or counted noun: `reading` is what its words
    /// name (its own phrase is moved out), `carried` what the sentences before named last.
    private mutating func resolve(
        kind: FactKind, reading: inout SubjectFinder.Reading, respectively: (place: Int, count: Int)?,
        owner: SubjectFinder.Phrase?, deed: String?, carried: Named?, described: Bool
    ) -> (subject: String, about: Int?) {
        if let earlier = reading.earlier { named = earlier }
        if var own = reading.own.take() {
            // *…, trị giá 54 triệu USD*: the value of what was named before.
            let completesAttribute = own.isAttribute
            if own.isAttribute, let named = owner ?? thing ?? named {
                let by =
                    deed.flatMap { SubjectNaming.isSumPaid(own.head) ? $0 : nil } ?? SubjectNaming.counted(named.head)
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
            // The phrase named is read by its head, in place (binding it would copy it).
            if let namedHead = named?.head, own.head.utf8.count <= 24 {
                let words = SubjectNaming.words(of: own.head)
                if words.count <= 1 || !reading.period.isEmpty {
                    let namedWords = SubjectNaming.words(of: namedHead)
                    if words.allSatisfy(namedWords.contains) {
                        own = SubjectFinder.Phrase(head: namedHead, period: reading.period)
                    }
                }
            }
            // *Ngành du lịch đón …, doanh thu đạt …*: a bare measure is of who acted before.
            if own.actor.isEmpty, !actor.isEmpty, ItemNaming.isBareMeasure(own.head) {
                own.head += " " + actor
            }
            // *… trong tỉnh 17.380 người, ngoài tỉnh 6.950 người*: the place contrasted, the rest as before.
            if let namedHead = named?.head, let contrasted = SubjectNaming.contrasted(namedHead, with: own.head) {
                own.head = contrasted
            }
            // *Vụ lúa Thu Đông …, toàn tỉnh đã xuống giống*: the action is about the topic; *Vốn đầu
            // tư công: … toàn tỉnh giải ngân …*, about what the sentence's lead named.
            if own.isAction, let topic = topic ?? reading.earlier,
                !SubjectNaming.mentions(own.head, topic.head)
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
            let head = named?.head ?? carried?.phrase.head ?? heading
            return (head.isEmpty ? reading.period : head + " " + reading.period, nil)
        }
        if let last = subjects.last { return (last, nil) }
        // *Toàn tỉnh có 38.600 ha sản xuất theo mô hình cánh đồng lớn*: words after the figure say
        // more of it than what an earlier sentence named.
        return (named?.text ?? (described ? nil : carried?.phrase.text) ?? heading, nil)
    }
}
