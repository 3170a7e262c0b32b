/// Praise said as what cannot be outdone (issue 19, fifteenth round): "Couldn't be happier",
/// "I can't recommend them enough", "Ich kann es nicht genug empfehlen", "Ik had niet blijer
/// kunnen zijn", "Kunde inte vara nöjdare", "Nie mogę się nachwalić". A negated "can" before
/// "enough", "more" or a comparative does not deny what follows; it says nothing could exceed
/// it. Such a negator negates nothing, so the words after it keep their sense ("couldn't be
/// more disappointed" stays a complaint), and it is no complaint of its own. A negation
/// without the modal ("not good enough") or without the comparative ("can't recommend it") is
/// read as before.
extension SentimentRules {
    /// What a word is after a negated modal: nothing, a measure ("enough", "mehr"), or a
    /// comparative of praise ("happier", "besser").
    enum Ceiling: Sendable { case none, measure, comparative }

    /// The valence a comparative of praise takes in such a sentence where the lexicon gives it
    /// none ("Könnte nicht besser sein").
    static let outdoneValence = 2.0

    /// The modal verbs for "can" and "could" (English's fused negations among them).
    static func modals(_ language: Language) -> [String] {
        switch language {
        case .en: ["can", "could", "cannot", "can't", "cant", "couldn't", "couldnt"]
        case .de: ["kann", "kannst", "können", "könnte", "könnten", "konnte", "konnten"]
        case .nl: ["kan", "kon", "kunnen", "konden", "kunt"]
        case .sv: ["kan", "kunde", "kunnat"]
        case .pl: ["mogę", "może", "można", "mogłem", "mogłam", "mógłbym", "mogłabym", "mogłaby", "mógłby"]
        }
    }

    /// Words that nothing can exceed after a negated modal: measures, and comparatives of
    /// praise (read as praise where the lexicon has no valence for them).
    static func ceilings(_ language: Language) -> [String: Ceiling] {
        let measures: [String], comparatives: [String]
        switch language {
        case .en:
            measures = ["enough", "more"]
            comparatives = ["happier", "better", "easier", "higher", "nicer", "prouder", "simpler"]
        case .de:
            measures = ["genug", "mehr"]
            comparatives = ["besser", "zufriedener", "glücklicher", "einfacher", "höher", "schöner"]
        case .nl:
            measures = ["genoeg", "meer"]
            comparatives = ["beter", "blijer", "tevredener", "makkelijker", "hoger", "mooier"]
        case .sv:
            measures = ["nog", "tillräckligt", "mer", "mera"]
            comparatives = ["bättre", "nöjdare", "gladare", "enklare", "högre", "finare"]
        case .pl:
            measures = ["wystarczająco", "dość", "bardziej"]
            comparatives = ["lepiej", "lepszy", "lepsza", "lepsze", "wyżej", "nachwalić"]
        }
        var out = Dictionary(uniqueKeysWithValues: measures.map { ($0, Ceiling.measure) })
        for word in comparatives { out[word] = .comparative }
        return out
    }
}

extension SentimentScorer {
    /// Marks the negators that say nothing could exceed what follows (`SentimentRules+Ceilings`):
    /// a modal within three words before or after the negator, a ceiling word after it and a
    /// sentiment word or a comparative of praise near it, all in its clause. Such a negator
    /// negates nothing and does not dangle; a comparative of praise without a valence gets one.
    func markOutdone(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        for k in 0..<n where info[k].negator && !info[k].fixed {
            var start = k
            while start > max(0, k - 3) && !info[start].clauseStart { start -= 1 }
            var end = k + 1
            while end < min(n, k + 8) && !info[end].clauseStart && !info[end].contrast { end += 1 }
            guard (start..<min(end, k + 4)).contains(where: { info[$0].modal }) else { continue }
            guard let ceiling = ((k + 1)..<max(k + 1, end)).first(where: { info[$0].ceiling != .none }) else {
                continue
            }
            guard
                info[ceiling].ceiling == .comparative
                    || (start..<end).contains(where: { $0 != k && info[$0].valence != 0 })
            else { continue }
            info[ceiling].readComparativeAsPraise()
            info[k].outdone = true
            info[k].negatedSomething = true
        }
    }
}

extension SentimentScorer.Info {
    /// A comparative of praise the lexicon gives no valence ("besser") reads as praise where
    /// nothing exceeds it or where it did not happen (`SentimentRules+Irrealis`).
    mutating func readComparativeAsPraise() {
        if valence == 0 && ceiling == .comparative { valence = SentimentRules.outdoneValence }
    }
}
