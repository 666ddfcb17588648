import Foundation

/// Unicode NFC for page text: pages may write Vietnamese with decomposed diacritics.
public enum NFC {
    /// `text` in NFC; skips the conversion when no combining mark is present.
    ///
    /// Every Vietnamese diacritic decomposes to a combining mark in U+0300–U+036F, whose UTF-8
    /// lead bytes are 0xCC and 0xCD; text without them is returned as it is, which saves the
    /// conversion on nearly every page.
    public static func normalise(_ text: String) -> String {
        // Looked for in the contiguous bytes: the `UTF8View`'s iterator costs several times as much.
        var bytes = text
        guard bytes.withUTF8({ $0.contains { $0 == 0xCC || $0 == 0xCD } }) else { return text }
        // Vietnamese and other Latin text is composed on the tables; anything else by Foundation.
        return NFCComposer.compose(text) ?? text.precomposedStringWithCanonicalMapping
    }
}
