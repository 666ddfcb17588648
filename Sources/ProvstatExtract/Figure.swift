/// A number found in a sentence with the unit written after it, before its kind is decided.
struct Figure: Sendable {
    /// First token of the number (or of the written-out number).
    var start: Int
    /// Token index after the number (after `/27` in `23/27 ngành`).
    let numberEnd: Int
    /// The number as read.
    var numeral: Numeral
    /// The unit written after it (or, for a range's low end, after the high end).
    var unit: UnitReader.Match? {
        didSet { end = Self.end(numberEnd: numberEnd, unit: unit, isRangeLow: isRangeLow) }
    }
    /// Whether a `-` or `+` sign is written before the number.
    var sign: Sign = .none
    /// Index (in the sentence's figure list) of the range's low end, for a high end.
    var rangeLow: Int?
    /// Whether this is a range's low end (its unit is the high end's).
    var isRangeLow = false {
        didSet { end = Self.end(numberEnd: numberEnd, unit: unit, isRangeLow: isRangeLow) }
    }
    /// Token index after the figure (after its unit, or after the number for a range's low end).
    ///
    /// Stored, kept up to date as the unit and range are set: the sentence reader asks it of a
    /// figure's neighbours again and again, and a computed one there copies the whole figure.
    private(set) var end: Int

    /// A sign written before a number.
    enum Sign: Sendable { case none, plus, minus }

    init(start: Int, numberEnd: Int, numeral: Numeral, unit: UnitReader.Match?) {
        self.start = start
        self.numberEnd = numberEnd
        self.numeral = numeral
        self.unit = unit
        end = Self.end(numberEnd: numberEnd, unit: unit, isRangeLow: false)
    }

    private static func end(numberEnd: Int, unit: UnitReader.Match?, isRangeLow: Bool) -> Int {
        isRangeLow ? numberEnd : (unit?.end ?? numberEnd)
    }
}
