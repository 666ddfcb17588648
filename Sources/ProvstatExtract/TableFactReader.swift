import Foundation
import ProvstatCore

/// Reads the numeric cells of a table as facts: subject from the row label, unit from the unit
/// column or the column header, kind and estimate flag from the column header.
struct TableFactReader {
    let grid: TableGrid
    /// Index of the table on the page.
    let tableIndex: Int
    let context: PageContext
    /// The unit a note before the table gives (*Đơn vị tính: Tỷ đồng*), for columns and rows without one.
    var defaultUnit: UnitReader.Match? = nil

    /// How one column's cells are read.
    private struct ColumnSpec {
        var header: String
        var kind: FactKind
        var estimate: Bool
        /// The unit the header fixes (`%`, `(Tỷ đồng)`), overriding the row's unit.
        var unit: UnitReader.Match?
        var period: Period?
    }

    /// The unit of percentage cells and columns.
    private static let percent = UnitReader.Match(
        unit: "%", exponent: 0, end: 0, isCountedNoun: false, isGuessed: false)

    private static let serialHeaders: Set<String> = ["stt", "tt", "số tt", "số thứ tự", "thứ tự"]

    /// Whether a lower-cased header heads a serial-number column (is in `serialHeaders`).
    static func isSerialHeader(_ lower: String) -> Bool {
        // A text canonically equal to one of them opens with the scalar *s* or *t* and has at
        // most 12 scalars (their decomposed length), so at most 48 bytes: others are not hashed.
        let utf8 = lower.utf8
        guard let first = utf8.first, first == UInt8(ascii: "s") || first == UInt8(ascii: "t"), utf8.count <= 48
        else { return false }
        return serialHeaders.contains(lower)
    }

    /// Appends the facts of the table to the page's `facts` (`componentOf` indices are the
    /// page's): appended in place, not returned in an array whose facts would then be copied.
    func appendFacts(to facts: inout [Fact]) {
        let rows = grid.rows
        guard let width = rows.first?.count, width >= 2 else { return }
        let headerCount = grid.headerRowCount > 0 ? grid.headerRowCount : detectedHeaderRows()
        guard headerCount < rows.count else { return }
        // A header row spanning the whole width is a caption or a unit note, not a column header.
        var tableUnit = defaultUnit
        var headerRows: [[String]] = []
        for row in rows.prefix(headerCount) {
            if width > 1, row.allSatisfy({ $0 == row[0] }) {
                tableUnit = Self.unit(inNote: row[0]) ?? tableUnit
            } else {
                headerRows.append(row)
            }
        }
        let headers = (0..<width).map { column -> String in
            var parts: [String] = []
            for row in headerRows where !row[column].isEmpty && !parts.contains(row[column]) {
                parts.append(row[column])
            }
            return parts.joined(separator: " ")
        }
        let body = Array(rows.dropFirst(headerCount))
        // Each body cell is read as a number once; the columns are measured and read from this.
        let numbers = body.map { $0.map(number(in:)) }
        // Each header lower-cased once, for the serial and unit tests and the column's spec.
        let lowerHeaders = headers.map(Tokenizer.lowercased)
        let serial = lowerHeaders.map(Self.isSerialHeader)
        let unitColumn = (0..<width).first { isUnitHeader(lower: lowerHeaders[$0]) }
        let numericShare = (0..<width).map { column in
            Double(numbers.reduce(0) { $0 + ($1[column] != nil ? 1 : 0) }) / Double(max(1, body.count))
        }
        guard
            let labelColumn = (0..<width).first(where: {
                !serial[$0] && $0 != unitColumn && numericShare[$0] < 0.5
            })
        else { return }
        // Specs and running totals by column, in arrays: read for every cell, in column order.
        var specs = [ColumnSpec?](repeating: nil, count: width)
        var specColumns: [Int] = []
        // Data stands right of the row labels; numbers left of them are serials.
        for column in (labelColumn + 1)..<max(labelColumn + 1, width)
        where column != unitColumn && !serial[column] && numericShare[column] > 0 {
            specs[column] = spec(
                header: headers[column], lower: lowerHeaders[column], values: numbers.compactMap { $0[column] })
            specColumns.append(column)
        }
        // Room for the table's cells, grown geometrically: a page of many tables does not
        // reallocate its facts once per table.
        let needed = facts.count + min(body.count * specColumns.count, 1024)
        if facts.capacity < needed { facts.reserveCapacity(max(needed, 2 * facts.capacity)) }
        var totals = [Int?](repeating: nil, count: width)
        var nextRowIsComponent = false
        for (bodyRow, row) in body.enumerated() {
            let label = row[labelColumn]
            let unbulleted = Self.unbulleted(label)
            // Only a label opening with *t* or *T* may open with *trong đó* (no other scalar is
            // canonically equal to or lower-cases to *t*): others are not lower-cased.
            let mayOpenTrongDo = unbulleted.utf8.first.map { $0 | 0x20 == UInt8(ascii: "t") } ?? false
            let lowerLabel = mayOpenTrongDo ? Tokenizer.lowercasedWord(unbulleted) : ""
            // Only a label whose bytes open with *trong đ* (letters no other text is canonically
            // equal to) may open with *trong đó*: most are told without comparing characters.
            let isComponent =
                nextRowIsComponent || (lowerLabel.utf8.starts(with: Self.trongD) && lowerLabel.hasPrefix("trong đó"))
            let subject = cleanedLabel(unbulleted)
            let rowUnit = unitColumn.flatMap { unit(inUnitCell: row[$0]) } ?? unit(inLabel: label) ?? tableUnit
            let (sentence, offsets) = rowText(row)
            var rowHasNumbers = false
            for column in specColumns {
                guard let spec = specs[column], let (numeral, negative) = numbers[bodyRow][column] else { continue }
                if column > 0, row[column] == row[column - 1], column - 1 == labelColumn { continue }
                let cellPercent = Self.endsWithPercent(row[column]) ? Self.percent : nil
                guard let unit = cellPercent ?? spec.unit ?? rowUnit else { continue }
                rowHasNumbers = true
                var kind = spec.kind
                if kind == .level, unit.unit == "%" { kind = .share }
                let raw = row[column]
                let start = offsets[column]
                var fact = Fact(
                    value: numeral.value(exponent: unit.exponent, negative: negative), unit: unit.unit, kind: kind,
                    estimate: spec.estimate, raw: raw, subject: subject, sentence: sentence, start: start,
                    end: start + Self.scalarCount(raw), period: spec.period,
                    table: Fact.TableCell(
                        table: tableIndex, row: headerCount + bodyRow, column: column, header: spec.header),
                    decimals: numeral.decimals, scale: unit.exponent)
                if isComponent, kind == .level, let total = totals[column] { fact.componentOf = total }
                facts.append(fact)
                if !isComponent { totals[column] = facts.count - 1 }
            }
            nextRowIsComponent =
                !rowHasNumbers && mayOpenTrongDo && (lowerLabel == "trong đó" || lowerLabel == "trong đó:")
        }
    }

    // MARK: - Columns

    /// The kind, unit, estimate flag and period a column header gives its cells.
    private func spec(header: String, lower: String, values: [(Numeral, Bool)]) -> ColumnSpec {
        let matcher = TokenMatcher(tokenizing: lower)
        let tokens = matcher.tokens
        // The header's words by key (a header has a few: no set is built); a set of strings would
        // hash each with Unicode normalisation.
        func has(_ word: StaticString) -> Bool {
            let key = WordKey.of(word)
            return tokens.contains { $0.key == key }
        }
        let periods = PeriodScanner.filled(
            PeriodScanner(matcher: matcher).mentions(), month: context.month, year: context.year)
        let month = periods.first { $0.period.span == .month || $0.period.span == .yearToDate }?.period.number
        let cues = KindCues(matcher: matcher)
        let base = cues.base(after: 0, stop: Int.max, month: month ?? context.month, year: context.year)
        let hasPercent = has("%")
        let hasPlan = (0..<tokens.count).contains { Lexicon.planWords.longest(in: matcher, at: $0) != nil }
        let isChange = has("tăng") && (has("giảm") || has("độ"))
        var kind = FactKind.level
        if isChange {
            kind = base == .previousMonth ? .growthMoM : (base == .sameTimeLastYear ? .growthYoY : .growth)
        } else if hasPlan && (hasPercent || has("so")) {
            kind = .planAttainment
        } else if hasPercent, has("phát"), has("triển"), base == nil {
            // *Chỉ số phát triển (%)*: this period as a % of the same period last year.
            kind = values.allSatisfy({ !$0.1 && Self.isAtLeastTwenty($0.0) }) ? .indexYoY : .growthYoY
        } else if base != nil && base != .plan && (has("so") || hasPercent) {
            let looksLikeIndex = !values.isEmpty && values.allSatisfy { !$0.1 && Self.isAtLeastTwenty($0.0) }
            switch (base, looksLikeIndex) {
            case (.previousMonth, true): kind = .indexMoM
            case (.previousMonth, false): kind = .growthMoM
            case (.sameTimeLastYear, true): kind = .indexYoY
            case (.sameTimeLastYear, false): kind = .growthYoY
            default: kind = looksLikeIndex ? .indexYoY : .growth
            }
        }
        var unit: UnitReader.Match? = nil
        if hasPercent || (kind != .level && !isChange) {
            unit = Self.percent
        } else {
            unit = headerUnit(matcher: matcher)
        }
        if isChange, unit == nil { unit = Self.percent }
        // A bare year heads that year's column.
        let bareYear = tokens.count == 1 ? PeriodScanner(matcher: matcher).yearNumber(at: 0) : nil
        return ColumnSpec(
            header: header, kind: kind,
            estimate: has("ước") || (has("dự") && has("kiến")),
            unit: unit,
            period: Self.mostSpecific(periods.map(\.period)) ?? bareYear.map { Period(span: .year, year: $0) })
    }

    /// The period a header gives its column: stacked header rows read *Năm 2023 Thực hiện tháng
    /// 10*, and the lower, narrower row (the month, the year to date, the quarter) says what the
    /// cells cover; the year of an upper row is kept on it.
    static func mostSpecific(_ periods: [Period]) -> Period? {
        guard var period = periods.last(where: { $0.span != .year }) ?? periods.first else { return nil }
        if period.year == nil { period.year = periods.first(where: { $0.span == .year })?.year }
        return period
    }

    /// Whether `numeral` is 20 or more (`value() >= 20`), told on its digits: no `Decimal` is made.
    static func isAtLeastTwenty(_ numeral: Numeral) -> Bool {
        // value = mantissa / 10^decimals, so value >= 20 when mantissa >= 20 * 10^decimals; with
        // 17 decimals or more that bound passes the 18 digits a mantissa has at most.
        guard numeral.decimals < 17 else { return false }
        var threshold: UInt64 = 20
        for _ in 0..<numeral.decimals { threshold *= 10 }
        return numeral.mantissa >= threshold
    }

    /// A unit written in a header: in brackets, after a comma, or as the whole header.
    private func headerUnit(matcher: TokenMatcher) -> UnitReader.Match? {
        let reader = UnitReader(matcher: matcher)
        for index in 0..<matcher.tokens.count
        where index == 0 || matcher.isSymbol(index - 1, "(") || matcher.isSymbol(index - 1, ",") {
            if case .unit(let match) = reader.read(from: index, allowGuess: false), !match.isCountedNoun || index > 0 {
                if index == 0 && match.end != matcher.tokens.count { continue }
                return match
            }
        }
        return nil
    }

    /// The bytes of *trong đ*.
    private static let trongD = Array("trong đ".utf8)

    /// Whether a column header, lower-cased, names the unit column.
    private func isUnitHeader(lower: String) -> Bool {
        return (Self.mayHoldUnitWords(lower) && lower.contains("đơn vị")) || lower == "đvt" || lower.hasPrefix("đvt")
    }

    /// Whether `text` holds the bytes of *đ* (U+0111, which no other text is canonically equal to)
    /// and of *n v*: without both, Foundation's search for *đơn vị* cannot match, and is not asked.
    static func mayHoldUnitWords(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            var hasD = false
            var hasNV = false
            for index in 0..<(bytes.count - 1) {
                if bytes[index] == 0xC4 && bytes[index + 1] == 0x91 { hasD = true }
                if bytes[index] == 0x6E && bytes[index + 1] == 0x20 && index + 2 < bytes.count
                    && bytes[index + 2] == 0x76
                {
                    hasNV = true
                }
            }
            return hasD && hasNV
        }
    }

    /// The unit written in a row's unit cell (`Tấn`, `Triệu USD`, `Nghìn m3`, `Lượt khách`).
    private func unit(inUnitCell text: String) -> UnitReader.Match? {
        let matcher = TokenMatcher(tokenizing: Tokenizer.lowercased(text))
        guard !matcher.tokens.isEmpty else { return nil }
        if case .unit(let match) = UnitReader(matcher: matcher).read(from: 0, allowGuess: true) {
            return match
        }
        return nil
    }

    /// A unit in brackets at the end of a row label (*Sản lượng lúa (nghìn tấn)*).
    private func unit(inLabel label: String) -> UnitReader.Match? {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "(") else { return nil }
        let inside = label[label.index(after: open)..<label.index(before: label.endIndex)]
        return unit(inUnitCell: String(inside))
    }

    /// The unit a short note states (*Đơn vị tính: Tỷ đồng*, *ĐVT: triệu USD*), if any.
    static func unit(inNote note: String) -> UnitReader.Match? {
        // Both leads start with *đ* or *Đ* (UTF-8 C4 91, C4 90): other paragraphs stop here.
        guard note.utf8.first == 0xC4 else { return nil }
        let head = note.prefix(6).lowercased()
        guard head.hasPrefix("đơn vị") || head.hasPrefix("đvt"), note.utf8.count <= 120 else { return nil }
        let lower = Tokenizer.lowercased(note)
        guard let colon = lower.firstIndex(of: ":") else { return nil }
        let matcher = TokenMatcher(tokenizing: String(lower[lower.index(after: colon)...]))
        guard case .unit(let match) = UnitReader(matcher: matcher).read(from: 0, allowGuess: true)
        else { return nil }
        return match
    }

    // MARK: - Rows and cells

    /// Leading rows without numbers, taken as headers when the markup did not say.
    private func detectedHeaderRows() -> Int {
        var count = 0
        for row in grid.rows.prefix(4) {
            // Years (*2022*, *2023*) head columns; other numbers are data.
            if row.dropFirst().contains(where: { number(in: $0).map { !$0.0.looksLikeYear } ?? false }) { break }
            count += 1
        }
        return count == grid.rows.count ? 0 : count
    }

    /// A cell's number and whether it is negative; nil for text, `-` and empty cells.
    private func number(in cell: String) -> (Numeral, Bool)? {
        // Most cells hold no digit at all: no number, found without walking characters. Most
        // others are ASCII, where a character is a byte.
        var bytes = cell
        let (hasDigit, isASCII) = bytes.withUTF8 { buffer in
            (buffer.contains { $0 >= 0x30 && $0 <= 0x39 }, buffer.allSatisfy { $0 < 0x80 })
        }
        guard hasDigit else { return nil }
        if isASCII { return asciiNumber(in: bytes) }
        var text = Substring(cell)
        while let last = text.last, last == "%" || last == " " || last == "*" { text = text.dropLast() }
        var negative = false
        if let first = text.first, first == "-" || first == "−" || first == "+" {
            negative = first != "+"
            text = text.dropFirst().drop { $0 == " " }
        }
        // Spaces may group thousands (`2 145,3`); `Numeral` checks that each group has three digits.
        guard !text.isEmpty,
            text.unicodeScalars.allSatisfy({
                Tokenizer.isDigit($0) || $0 == "." || $0 == "," || Tokenizer.isSpace($0)
            })
        else {
            return nil
        }
        let other: NumberStyle = context.style == .vietnamese ? .english : .vietnamese
        guard let numeral = Numeral(String(text), style: context.style) ?? Numeral(String(text), style: other) else {
            return nil
        }
        return (numeral, negative)
    }

    /// `number(in:)` for an ASCII cell, on its bytes: the same trimming, sign and character checks.
    private func asciiNumber(in cell: String) -> (Numeral, Bool)? {
        var cell = cell
        return cell.withUTF8 { bytes -> (Numeral, Bool)? in
            var start = 0
            var end = bytes.count
            while end > start, bytes[end - 1] == 0x25 || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x2A { end -= 1 }
            var negative = false
            if end > start, bytes[start] == 0x2D || bytes[start] == 0x2B {
                negative = bytes[start] == 0x2D
                start += 1
                while start < end, bytes[start] == 0x20 { start += 1 }
            }
            // Digits, `.`, `,` and the ASCII spaces `Tokenizer.isSpace` knows.
            guard start < end,
                bytes[start..<end].allSatisfy({
                    ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C || $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)
                })
            else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            let other: NumberStyle = context.style == .vietnamese ? .english : .vietnamese
            guard let numeral = Numeral(text, style: context.style) ?? Numeral(text, style: other) else { return nil }
            return (numeral, negative)
        }
    }

    /// `label` without its leading bullets, dashes, dots and spaces (the characters of
    /// `bulletCharacters`).
    static func unbulleted(_ label: String) -> String {
        // On bytes: each of those characters is one scalar, and stays a character of its own
        // unless a scalar from U+0300 on (a combining mark, a joiner) follows; then by characters.
        var label = label
        let (cut, exact) = label.withUTF8 { bytes -> (Int, Bool) in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x2D || byte == 0x2B || byte == 0x2A || byte == 0x2E || byte == 0x20 {
                    index += 1
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0xA2 || bytes[index + 2] == 0x93
                {
                    index += 3  // • U+2022, – U+2013
                } else {
                    break
                }
            }
            return (index, index == 0 || index == bytes.count || bytes[index] < 0xCC)
        }
        guard exact else { return String(label.drop { Self.bulletCharacters.contains($0) }) }
        if cut == 0 { return label }
        let utf8 = label.utf8
        return String(label[utf8.index(utf8.startIndex, offsetBy: cut)...])
    }

    /// The characters `unbulleted(_:)` drops from the front of a row label.
    static let bulletCharacters = "-+*•–. "

    /// Whether the cell's last character is `%`.
    static func endsWithPercent(_ cell: String) -> Bool {
        // A last `%` byte after an ASCII byte (or alone) is a character of its own; other cases
        // (a scalar before it that may join it) are asked by characters.
        let utf8 = cell.utf8
        guard utf8.last == 0x25 else { return false }
        guard utf8.count >= 2 else { return true }
        let before = utf8[utf8.index(utf8.endIndex, offsetBy: -2)]
        return before < 0x80 ? true : cell.hasSuffix("%")
    }

    /// The number of scalars in `text`, counted on its bytes (every byte but a continuation byte).
    static func scalarCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The row label without its *Trong đó:* lead (bullets are already dropped).
    private func cleanedLabel(_ label: String) -> String {
        var text = Substring(label)
        if text.utf8.first.map({ $0 | 0x20 == UInt8(ascii: "t") }) ?? false,
            Tokenizer.lowercased(String(text)).hasPrefix("trong đó")
        {
            text = text.dropFirst("trong đó".count).drop { ": -".contains($0) }
        }
        // Labels are collapsed and trimmed already; Foundation's trimming is for the rest.
        func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
            // In ASCII only the tab and the space are (U+0020 is the one space separator there).
            guard let scalar else { return false }
            if scalar.isASCII { return scalar == "\t" || scalar == " " }
            return scalar.properties.generalCategory == .spaceSeparator
        }
        guard isSpace(text.unicodeScalars.first) || isSpace(text.unicodeScalars.last) else { return String(text) }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The row's text (distinct cells joined by ` | `) and each column's offset in it, in scalars.
    private func rowText(_ row: [String]) -> (String, [Int]) {
        var length = 0
        var offsets: [Int] = []
        offsets.reserveCapacity(row.count)
        // Written into one buffer (each cell and a separator at most) and copied into the string
        // without validating: whole cells of valid strings and ASCII separators are valid UTF-8.
        let capacity = row.reduce(0) { $0 + $1.utf8.count + 3 }
        let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(capacity, 1)) { buffer in
            var count = 0
            for (column, cell) in row.enumerated() {
                if column > 0 && (cell.isEmpty || cell == row[column - 1]) {
                    offsets.append(offsets.last ?? 0)
                    continue
                }
                if count > 0 {
                    buffer[count] = 0x20
                    buffer[count + 1] = 0x7C
                    buffer[count + 2] = 0x20
                    count += 3
                    length += 3
                }
                offsets.append(length)
                var cell = cell
                cell.withUTF8 { bytes in
                    for byte in bytes {
                        buffer[count] = byte
                        count += 1
                        if byte & 0xC0 != 0x80 { length += 1 }
                    }
                }
            }
            return unsafe String(
                copying: UTF8Span(unchecked: Span(_unsafeElements: UnsafeBufferPointer(rebasing: buffer[0..<count]))))
        }
        return (text, offsets)
    }
}
