/// Ratings written into a review ("10/10", "1/5", "five stars", "zwei Sterne", "jedna
/// gwiazdka"): the reviewer's own verdict, read as a sentiment word of the valence the share
/// of the scale stands for. Stars count out of five, fractions out of five or ten; 1–2 of 5
/// is a complaint, 3 a mixed review leaning negative, 4–5 praise.
///
/// ```swift
/// Rating.valence(share: 1.0)    // 3.0  ("10/10", "5 stars")
/// Rating.valence(share: 0.2)    // −3.0 ("1/5", "one star")
/// ```
enum Rating {
    /// The valence of a rating that is `share` of the scale (0…1).
    static func valence(share: Double) -> Double {
        switch share {
        case ...0.2: -3.0
        case ...0.4: -2.0
        case ..<0.6: -0.8
        case ..<0.7: -0.3
        case ..<0.8: 1.2
        case ..<0.9: 2.0
        default: 3.0
        }
    }

    /// The valence of `chunk` (a run of text without spaces) when it is a rating written as a
    /// fraction of 5 or 10: one or two digits, an optional decimal ("7.5", "7,5"), a slash,
    /// then 5 or 10, with closing punctuation allowed ("10/10!", "(4/5)"). Nil otherwise.
    static func fraction(_ chunk: UnsafeBufferPointer<UInt8>) -> Double? {
        var a = 0, z = chunk.count
        if a < z, chunk[a] == UInt8(ascii: "(") { a += 1 }
        // Most chunks are words: they end here, before the closing punctuation is looked at.
        guard a < z, chunk[a] >= 0x30 && chunk[a] <= 0x39 else { return nil }
        while z > a, ".!?,;)".utf8.contains(chunk[z - 1]) { z -= 1 }
        @inline(__always) func digit(_ i: Int) -> Int? {
            i < z && chunk[i] >= 0x30 && chunk[i] <= 0x39 ? Int(chunk[i] - 0x30) : nil
        }
        guard let first = digit(a) else { return nil }
        var score = Double(first), i = a + 1
        if let second = digit(i) {
            score = score * 10 + Double(second)
            i += 1
        }
        if i + 1 < z, chunk[i] == UInt8(ascii: ".") || chunk[i] == UInt8(ascii: ","), let tenth = digit(i + 1) {
            score += Double(tenth) / 10
            i += 2
        }
        guard i < z, chunk[i] == UInt8(ascii: "/") else { return nil }
        let scale: Double
        if z - i == 2, digit(i + 1) == 5 {
            scale = 5
        } else if z - i == 3, digit(i + 1) == 1, digit(i + 2) == 0 {
            scale = 10
        } else {
            return nil
        }
        guard score <= scale else { return nil }
        return valence(share: score / scale)
    }

    /// Words after which "3/10" or "1/5" is a day, not a rating ("delivered on 3/10", "am 1/5
    /// bestellt", "sinds 3/5", "den 3/10", "od 1/5"), in any of the five languages: the word
    /// before the fraction in `text`, lower-cased ASCII, is looked up.
    static let dateWords: Set<[UInt8]> = Set(
        [
            "on", "since", "from", "until", "till", "by", "before", "after", "dated",  // en
            "am", "vom", "seit", "bis", "ab",  // de
            "op", "sinds", "vanaf", "tot",  // nl
            "den", "från", "sedan", "före",  // sv
            "dnia", "od", "do", "przed",  // pl
        ].map { Array($0.utf8) })

    /// Whether the word that ends just before byte `start` of `text` (spaces skipped) is one of
    /// `dateWords`.
    static func followsDateWord(_ text: UnsafePointer<UInt8>, before start: Int) -> Bool {
        var z = start
        while z > 0, text[z - 1] == 32 || text[z - 1] == 9 { z -= 1 }
        var a = z
        while a > 0, a > z - 8, text[a - 1] != 32, text[a - 1] != 9, text[a - 1] != 10 { a -= 1 }
        guard a < z, a == 0 || text[a - 1] == 32 || text[a - 1] == 9 || text[a - 1] == 10 else { return false }
        let word = (a..<z).map { text[$0] >= 0x41 && text[$0] <= 0x5A ? text[$0] | 0x20 : text[$0] }
        return dateWords.contains(word)
    }
}
