/// A sentence with its tokens and the periods it names, computed once per sentence.
struct TokenizedSentence: Sendable {
    /// The sentence (NFC).
    let text: String
    let tokens: [Token]
    /// The periods the sentence names, with nothing filled in from the page.
    let periods: [PeriodScanner.Mention]

    init(_ text: String) {
        self.text = text
        tokens = Tokenizer.tokens(text)
        periods = PeriodScanner(matcher: TokenMatcher(tokens: tokens)).mentions()
    }
}
