/// How the subject tracker words what it names: pure text rules on phrases (joining an aspect to
/// its owner, what an action did and for whom, visitors to a place, places set against each
/// other), apart from the tracker's state.
enum SubjectNaming {
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
        // The first bytes before the words: most phrases differ from the word in them.
        let (byte, lowerByte) = (first.utf8.first, lower.utf8.first)
        return phrases.first { phrase in
            let opening = phrase[0].utf8.first
            return words.count >= phrase.count
                && ((byte == opening && same(first, phrase[0])) || (lowerByte == opening && same(lower, phrase[0])))
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
        // Told on the bytes before the characters (text is NFC: a text opening or ending with another
        // has its bytes so), and *ngành* lower-cased only for a place whose first letter may be it.
        guard !place.isEmpty, ends(visitors, with: "khách"), opens(action, with: place), visitors.hasSuffix("khách"),
            !(place.utf8.first.map { $0 | 0x20 == UInt8(ascii: "n") } == true
                && place.lowercased().hasPrefix("ngành"))
        else { return nil }
        // The place's characters are its bytes in `action`.
        let verb = Substring(action.utf8.dropFirst(place.utf8.count)).split(separator: " ")
        guard verb.last == "đón", verb.dropLast().allSatisfy({ ["đã", "đang", "sẽ"].contains($0) }) else { return nil }
        return visitors + " đến " + place
    }

    /// `text.hasPrefix(prefix)`, told on the bytes where they settle it (text is NFC: a text that
    /// opens with another has its bytes): the prefix ends a character of `text` where nothing
    /// follows it or a space follows a scalar below U+0600 or in U+1E00–U+1EFF (none of which is
    /// joined to the next character); else the characters are compared.
    static func opens(_ text: String, with prefix: String) -> Bool {
        guard text.utf8.starts(with: prefix.utf8) else { return false }
        let (count, length) = (prefix.utf8.count, text.utf8.count)
        if count == length { return true }
        guard count > 0, text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: count)] == 0x20 else {
            return text.hasPrefix(prefix)
        }
        // The last scalar's lead byte.
        var lead = prefix.utf8.index(before: prefix.utf8.endIndex)
        while prefix.utf8[lead] & 0xC0 == 0x80, lead > prefix.utf8.startIndex { lead = prefix.utf8.index(before: lead) }
        let first = prefix.utf8[lead]
        if first < 0xD8 { return true }
        let second = prefix.utf8.index(after: lead)
        if first == 0xE1, second < prefix.utf8.endIndex, (0xB8...0xBB).contains(prefix.utf8[second]) { return true }
        return text.hasPrefix(prefix)
    }

    /// Whether the separator at `index` is plainly a character of its own: the byte after it is
    /// ASCII or opens a scalar below U+0300 or in U+1E00–U+1EFF, and the scalar before it is
    /// below U+0600 or in U+1E00–U+1EFF (as `Tokenizer.pieces` tells).
    private static func separatesPlainly(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if index + 1 < bytes.count {
            let next = bytes[index + 1]
            guard
                next < 0x80 || (next >= 0xC2 && next <= 0xCB)
                    || (next == 0xE1 && index + 2 < bytes.count && bytes[index + 2] >= 0xB8 && bytes[index + 2] <= 0xBB)
            else { return false }
        }
        guard index > 0, bytes[index - 1] >= 0x80 else { return true }
        var lead = index - 1
        while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        return bytes[lead] < 0xD8
            || (bytes[lead] == 0xE1 && lead + 1 < bytes.count && bytes[lead + 1] >= 0xB8 && bytes[lead + 1] <= 0xBB)
    }

    /// Whether `text` ends with `suffix`, told on the bytes: `hasSuffix` compares characters, and a
    /// suffix that opens with a space and ends a text does so in both or neither.
    static func ends(_ text: String, with suffix: String) -> Bool {
        text.utf8.count >= suffix.utf8.count && text.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    /// Verbs of taking part, which name what is taken part in only when it was named before.
    static let participationVerbs = [" tham gia", " tham dự"]

    /// Hedges written inside an action, between who acts and the verb.
    private static let innerHedges: [[Substring]] = [["dự", "kiến"], ["ước", "tính"], ["ước"]]

    /// `earlier` with the place it ends in replaced by `place`, when `place` alone is a place of the
    /// same form (*lao động có việc làm trong tỉnh* + *ngoài tỉnh*), else nil.
    static func contrasted(_ earlier: String, with place: String) -> String? {
        // Told on the opening bytes first: this runs for every phrase named. A text canonically equal
        // to an opening starts with its bytes up to its first letter that has a decomposition.
        // The first byte before the openings: *t*, *n*, *T* or *N*.
        guard let opening = place.utf8.first,
            opening | 0x20 == UInt8(ascii: "t") || opening | 0x20 == UInt8(ascii: "n"),
            Self.contrastBytes.contains(where: { place.utf8.starts(with: $0) }),
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
        var lowerText = Tokenizer.lowercased(text)
        var lowerPart = Tokenizer.lowercased(part)
        // Read in the strings' own storage, not copied into arrays.
        return lowerText.withUTF8 { haystack in
            lowerPart.withUTF8 { needle in
                guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
                for start in 0...(haystack.count - needle.count)
                where haystack[start] == needle[0]
                    && UnsafeBufferPointer(rebasing: haystack[start..<start + needle.count]).elementsEqual(needle)
                {
                    return true
                }
                return false
            }
        }
    }

    /// Whether a phrase opens with a proper name of two words or more (*Kiên Giang đón*), not
    /// with a common noun (*Ngành du lịch đón*, *Sân bay Phú Quốc*).
    static func opensWithName(_ text: String) -> Bool {
        let words = text.split(separator: " ", maxSplits: 2)
        return words.count >= 2 && words.prefix(2).allSatisfy { $0.first?.isUppercase == true }
    }

    /// The case-folded words of a phrase, each once, by `WordKey` (text is NFC: equal words have
    /// equal bytes); a handful of integers, not a `Set` of strings.
    static func words(of text: String) -> [UInt64] {
        var unique: [UInt64] = []
        for key in keys(ofWords: Tokenizer.lowercased(text), commas: true) where !unique.contains(key) {
            unique.append(key)
        }
        return unique
    }

    /// The `WordKey`s of the words of `lower` (lower-case), in order: the pieces `Tokenizer.pieces`
    /// cuts at spaces (and commas), or where it cuts none, those split at them.
    static func keys(ofWords lower: String, commas: Bool) -> [UInt64] {
        var lower = lower
        var keys: [UInt64] = []
        // Hashed from the bytes between separators in place (no string made for each word), when
        // every separator plainly stands alone, as `Tokenizer.pieces` would cut them.
        let hashed = lower.withUTF8 { bytes -> Bool in
            var start = 0
            for index in 0...bytes.count
            where index == bytes.count || bytes[index] == 0x20 || (commas && bytes[index] == 0x2C) {
                if index < bytes.count {
                    guard separatesPlainly(bytes, at: index) else { return false }
                }
                if index > start { keys.append(WordKey.of(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index]))) }
                start = index + 1
            }
            return true
        }
        if hashed { return keys }
        return
            (Tokenizer.pieces(lower, commas: commas)
            ?? lower.split(whereSeparator: { $0 == " " || (commas && $0 == ",") }).map(String.init))
            .map { WordKey.of($0) }
    }
}
