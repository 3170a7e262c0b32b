/// Praise said as regret for not having done it sooner (issue 19, eighteenth round): "Why
/// didn't I switch to this phone sooner?", "Varför har jag inte bytt tidigare?", "Waarom heb ik
/// dit boek niet eerder gelezen?", "Warum habe ich das nicht früher gekauft?", "Dlaczego nie
/// kupiłam tego wcześniej?". A question with a negator, the speaker ("I", "we", or a Polish
/// verb in the first person) and a word for "sooner" after the negator asks why the speaker
/// waited so long: praise, not a complaint. The negator negates nothing and does not dangle,
/// "sooner" carries the praise, and the question does not soften it. Asked of someone else
/// ("Why didn't you tell me sooner?") it stays a complaint.
extension SentimentRules {
    /// What a word does in a regret for not having done it sooner.
    enum Regret: Sendable, Equatable {
        case none
        /// "sooner", "tidigare", "früher", "wcześniej".
        case sooner
        /// "I", "we", "jag", "ich", "wir".
        case speaker
    }

    /// The valence of "sooner" in such a question: praise, like "highly recommend" (+2.0).
    static let regretValence = 2.0

    /// The words of `language`'s regrets for not having done it sooner.
    static func regret(_ language: Language) -> [String: Regret] {
        let sooner: [String], speaker: [String]
        switch language {
        case .en:
            sooner = ["sooner", "earlier"]
            speaker = ["i", "we"]
        case .sv:
            sooner = ["tidigare", "förr"]
            speaker = ["jag", "vi"]
        case .nl:
            sooner = ["eerder"]
            speaker = ["ik", "we", "wij"]
        case .de:
            sooner = ["früher", "eher"]
            speaker = ["ich", "wir"]
        case .pl:
            sooner = ["wcześniej"]
            speaker = ["ja", "my"]
        }
        var out = [String: Regret]()
        for word in sooner { out[word] = .sooner }
        for word in speaker { out[word] = .speaker }
        return out
    }

    /// Endings of verbs in the first person, where the language drops the pronoun ("kupiłam",
    /// "kupiłem", "kupiliśmy"): a word ending in one is the speaker too.
    static func speakerEndings(_ language: Language) -> [String] {
        language == .pl ? ["łem", "łam", "liśmy", "łyśmy"] : []
    }
}

extension SentimentScorer {
    /// Reads a question that regrets not having done it sooner as praise
    /// (`SentimentRules+Regret`); true when one was found, so that the question does not
    /// soften it.
    func markRegret(_ info: UnsafeMutablePointer<Info>, _ n: Int, question: Bool) -> Bool {
        guard question, (0..<n).contains(where: { info[$0].regret == .speaker }) else { return false }
        for k in 0..<n where info[k].negator && !info[k].fixed && !info[k].without {
            guard let s = ((k + 1)..<max(k + 1, n)).first(where: { info[$0].regret == .sooner }) else { continue }
            info[k].outdone = true
            info[k].negatedSomething = true
            info[s].valence = SentimentRules.regretValence
            info[s].fixed = true
            return true
        }
        return false
    }
}
