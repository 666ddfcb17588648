/// The word tables a sentence's reading asks about at every figure, in one object fetched once per
/// sentence and handed to the readers: on Linux each use of a `static let` is checked for its
/// one-time set-up (a `swift_once` call), thousands of times a page.
final class ReadingTables: Sendable {
    // Lexicon.
    let numberWordKeys = Lexicon.numberWordKeys
    let phraseWords = Lexicon.phraseWords
    let nounCompounds = Lexicon.nounCompounds
    let hedges = Lexicon.hedges
    let clauseHedges = Lexicon.clauseHedges
    let equivalentWords = Lexicon.equivalentWords
    let breakdownWords = Lexicon.breakdownWords
    let partWords = Lexicon.partWords
    let countingVerbs = Lexicon.countingVerbs
    let compoundNouns = Lexicon.compoundNouns
    let planWords = Lexicon.planWords
    let identifierWords = Lexicon.identifierWords
    let scales = Lexicon.scales
    let units = Lexicon.units
    let furnitureNouns = Lexicon.furnitureNouns
    let simpleNouns = Lexicon.simpleNouns
    let timeNouns = Lexicon.timeNouns
    let notNouns = Lexicon.notNouns

    // The readers' own.
    let countedStops = SentenceReader.countedStops
    let materialStops = SentenceReader.materialStops
    let regardingStops = SentenceReader.regardingStops
    let hanging = SentenceReader.hanging
    let periodEnds = SentenceReader.periodEnds
    let qualifierVerbs = SentenceReader.qualifierVerbs
    let restatingWords = SentenceReader.restatingWords
    let cues = KindCues.cues
    let planStops = KindCues.planStops
    let baseLeads = KindCues.baseLeads
    let rangeConnectors = FigureFinder.rangeConnectors
    let quantityBeforeSo = FigureFinder.quantityBeforeSo
    let periodLimits = FigureFinder.periodLimits
    let codeGlue = FigureFinder.codeGlue
    let dateGlue = FigureFinder.dateGlue
    let unitWords = FigureFinder.unitWords
    let multipleWords = FigureFinder.multipleWords
    let so = FigureFinder.so
    let emptyKey = FigureFinder.emptyKey
    let notCurrencyAfterDong = UnitReader.notCurrencyAfterDong
    let cropWords = UnitReader.cropWords

    /// The words a breakdown, part or equivalence phrase starts with: at any other token none of
    /// the three tables needs a lookup.
    let linkStarts = KeyTable(
        (Lexicon.breakdownWords.firstKeys + Lexicon.partWords.firstKeys + Lexicon.equivalentWords.firstKeys).map {
            ($0, true)
        })

    static let shared = ReadingTables()
}
