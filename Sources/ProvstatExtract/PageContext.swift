/// What the whole page tells about each of its figures: its number style and report period.
struct PageContext: Sendable {
    /// How ambiguous numbers (`1.500`, `1,500`) are read.
    var style: NumberStyle = .vietnamese
    /// The month the report is about (the most often named), if any.
    var month: Int?
    /// The year the report is about (the most often named), if any.
    var year: Int?

    /// Reads the style and report period from every sentence and cell of a page.
    init(texts: [TokenizedSentence]) {
        var numbers: [String] = []
        var months: [Int: Int] = [:]
        var years: [Int: Int] = [:]
        for text in texts {
            numbers += text.tokens.lazy.filter { $0.isNumber && $0.text.utf8.count > 3 }.map(\.text)
            for mention in text.periods {
                if let year = mention.period.year { years[year, default: 0] += 1 }
                if mention.period.span == .month || mention.period.span == .yearToDate,
                    let month = mention.period.number
                {
                    months[month, default: 0] += 1
                }
            }
        }
        style = NumberStyle.detect(in: numbers)
        month = months.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key
        year = years.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key
    }

    /// A context with the defaults: Vietnamese numbers, no known period.
    init() {}
}
