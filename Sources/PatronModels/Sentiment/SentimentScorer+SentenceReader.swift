extension SentimentScorer {
    /// One token of a sentence: where its lower-case bytes are in the sentence's buffer,
    /// whether it was written in capitals, and the valence of an emoji or emoticon.
    struct Token {
        var start: Int, end: Int
        var shouted: Bool
        var symbolValence: Double?
        /// Whether a comma or semicolon came before it in its sentence: a clause starts here.
        var clauseStart = false
        /// The comma, full stop, slash or colon between digits right before it ("1,80", "2.000",
        /// "3/10", "8:30"), or 0: it continues the number before it.
        var afterSeparator: UInt8 = 0
        /// Whether a currency sign stood right before or after it ("£80", "12€"): a sum of money.
        var currency = false
    }

    /// The tokens of the sentence being read, in buffers sized for the whole text (one token
    /// per scalar and two lower-case bytes per byte at most), and what is pending while a word,
    /// a run of non-space characters (a possible emoticon) or a sentence is open.
    struct SentenceReader {
        let tokens: UnsafeMutablePointer<Token>
        let bytes: UnsafeMutablePointer<UInt8>
        var tokenCount = 0, byteCount = 0
        var wordStart = 0, letters = 0, upper = 0
        /// An apostrophe or hyphen seen after a word's letters (0: none), kept if a letter follows.
        var pendingJoiner: UInt8 = 0
        var exclamations = 0, question = false, pendingEnd = false
        /// A comma or semicolon seen since the last token: the next token starts a clause.
        var clauseBreak = false
        /// A comma, full stop, slash or colon between digits was seen (or 0): the next token
        /// continues a number.
        var separatorNext: UInt8 = 0
        /// A currency sign was seen right before a digit: the next token is a sum of money.
        var currencyNext = false
        /// Where the run of non-space scalars started in the text (an emoticon is such a run),
        /// and where its tokens start (an emoticon replaces them).
        var chunkStart = 0, chunkTokenStart = 0

        init(tokens: UnsafeMutablePointer<Token>, bytes: UnsafeMutablePointer<UInt8>) {
            self.tokens = tokens
            self.bytes = bytes
        }

        /// A letter or digit, lower case.
        @inline(__always) mutating func letter(_ l: UInt32, upper isUpper: Bool) {
            if pendingJoiner != 0 {
                bytes[byteCount] = pendingJoiner
                byteCount += 1
                pendingJoiner = 0
            }
            if l < 0x80 {
                bytes[byteCount] = UInt8(l)
                byteCount += 1
            } else if l < 0x800 {
                bytes[byteCount] = UInt8(0xC0 | l >> 6)
                bytes[byteCount + 1] = UInt8(0x80 | l & 0x3F)
                byteCount += 2
            } else if l < 0x10000 {
                bytes[byteCount] = UInt8(0xE0 | l >> 12)
                bytes[byteCount + 1] = UInt8(0x80 | l >> 6 & 0x3F)
                bytes[byteCount + 2] = UInt8(0x80 | l & 0x3F)
                byteCount += 3
            } else {
                bytes[byteCount] = UInt8(0xF0 | l >> 18)
                bytes[byteCount + 1] = UInt8(0x80 | l >> 12 & 0x3F)
                bytes[byteCount + 2] = UInt8(0x80 | l >> 6 & 0x3F)
                bytes[byteCount + 3] = UInt8(0x80 | l & 0x3F)
                byteCount += 4
            }
            if l < 0x30 || l > 0x39 { letters += 1 }
            if isUpper { upper += 1 }
        }

        @inline(__always) mutating func flushWord() {
            if byteCount > wordStart {
                tokens[tokenCount] = Token(
                    start: wordStart, end: byteCount, shouted: letters >= 2 && upper == letters, symbolValence: nil,
                    clauseStart: clauseBreak, afterSeparator: separatorNext, currency: currencyNext)
                tokenCount += 1
                clauseBreak = false
            }
            separatorNext = 0
            currencyNext = false
            wordStart = byteCount
            letters = 0
            upper = 0
            pendingJoiner = 0
        }

        @inline(__always) mutating func appendSymbol(_ valence: Double) {
            tokens[tokenCount] = Token(
                start: byteCount, end: byteCount, shouted: false, symbolValence: valence, clauseStart: clauseBreak)
            tokenCount += 1
            clauseBreak = false
        }

        /// At a space (or line break, or the end) at byte `at` of `text`, the next scalar at
        /// `next`: the word ends, and a run of two or three ASCII characters may be an emoticon.
        @inline(__always)
        mutating func endChunk(at: Int, next: Int, _ text: UnsafePointer<UInt8>, _ emoticons: PackedWordTable<Double>) {
            flushWord()
            let length = at - chunkStart
            if length >= 2 && length <= 3 {
                var key: UInt64 = 0, ascii = true
                for k in 0..<length {
                    let b = text[chunkStart + k]
                    ascii = ascii && b < 0x80
                    key |= UInt64(b) << (8 * UInt64(k))
                }
                if ascii, let v = emoticons.lookup(key) {
                    tokenCount = chunkTokenStart
                    appendSymbol(v)
                }
            }
            // A rating written as a fraction ("10/10", "1/5", "7,5/10!") is a verdict; after
            // "on", "am", "od" … it is a day.
            if length >= 3 && length <= 10,
                let v = Rating.fraction(UnsafeBufferPointer(start: text + chunkStart, count: length)),
                !Rating.followsDateWord(text, before: chunkStart)
            {
                tokenCount = chunkTokenStart
                appendSymbol(v)
            }
            chunkStart = next
            chunkTokenStart = tokenCount
        }

        /// The sentence ends: `body` sees its tokens (if any), then the buffers start over.
        @inline(__always)
        mutating func endSentence(
            at: Int, next: Int, _ text: UnsafePointer<UInt8>, _ emoticons: PackedWordTable<Double>,
            _ body: (SentenceReader) -> Void
        ) {
            endChunk(at: at, next: next, text, emoticons)
            if tokenCount > 0 { body(self) }
            tokenCount = 0
            clauseBreak = false
            byteCount = 0
            wordStart = 0
            chunkTokenStart = 0
            exclamations = 0
            question = false
            pendingEnd = false
        }

        /// Whether the last token ends at the last byte read and that byte is a digit.
        @inline(__always) var endsWithDigit: Bool {
            tokenCount > 0 && tokens[tokenCount - 1].end == byteCount && byteCount > 0 && bytes[byteCount - 1] >= 0x30
                && bytes[byteCount - 1] <= 0x39
        }

        /// Whether the last token is a number of one or two digits and the byte at `next`
        /// (after a space) a letter: after a full stop, a German ordinal ("am 4. Mai", "bis zum
        /// 30. gewartet"); the caller checks the full stop ("Note 1! Sehr gut" ends a sentence).
        @inline(__always) func endsWithOrdinalDot(_ p: UnsafePointer<UInt8>, _ next: Int) -> Bool {
            guard endsWithDigit, tokens[tokenCount - 1].end - tokens[tokenCount - 1].start <= 2 else { return false }
            let b = p[next]
            return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0xC3
        }

        @inline(__always) func word(_ t: Token) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: bytes + t.start, count: t.end - t.start)
        }
    }
}
