/// Praise that did not happen (issue 19, sixteenth round): "It could have been a great book",
/// "Dit had een goed boek kunnen zijn", "Hätte besser sein können". A counterfactual names what
/// the product or the story failed to be: its words are negated, as after "not", so praise in
/// it is a complaint and a complaint in it ("could have been worse") faint praise. A comparative
/// of praise without a valence ("besser") counts as praise there. A clause with a negator of its
/// own is left to the negation rules ("couldn't have been better", "Ik had het niet kunnen
/// wegleggen"). English, Dutch and German only (see the Swedish and Polish case below).
extension SentimentRules {
    /// What a word does in a counterfactual: opens one that a completing word later in its
    /// clause makes one ("could … been", "had … kunnen", "hätte … können"), or completes one.
    enum Irrealis: Sendable { case none, opening, completing }

    /// How many words after its opening word a counterfactual's completing word may come:
    /// close in English ("could have been"), anywhere in the clause in the verb-final Dutch and
    /// German ("Dit had een goed boek kunnen zijn").
    static func irrealisReach(_ language: Language) -> Int { language == .en ? 3 : 64 }

    /// The words of `language`'s counterfactuals.
    static func irrealis(_ language: Language) -> [String: Irrealis] {
        let opening: [String], completing: [String]
        switch language {
        case .en:
            // "could have been", "would've been": not "have" alone ("I would say they have
            // the best burgers", "You should have the cheesecake"), nor "might have been the
            // best meal", which hedges praise.
            opening = ["could", "should", "would", "could've", "should've", "would've", "coulda", "shoulda", "woulda"]
            completing = ["been"]
        case .de:
            opening = ["hätte", "hätten", "wäre", "wären"]
            completing = ["können", "sollen", "müssen", "gewesen"]
        case .nl:
            opening = ["had", "hadden"]
            completing = ["kunnen", "moeten"]
        case .sv, .pl:
            // Not read in Swedish ("kunde ha varit bättre") and Polish ("mogło być lepiej"):
            // with them the retrained models lost a text or two on most of the older frozen
            // sets and on the test parts, through the subtitles they are trained on, which
            // are full of "skulle ha" and "byłoby" (sixteenth round; said in the README).
            opening = []
            completing = []
        }
        var out = [String: Irrealis]()
        for word in opening { out[word] = .opening }
        for word in completing { out[word] = .completing }
        return out
    }
}

extension SentimentScorer {
    /// Negates the sentiment words of each counterfactual (`SentimentRules+Irrealis`): from its
    /// opening word to the end of its clause, when the clause completes it and has no negator.
    func markIrrealis(_ info: UnsafeMutablePointer<Info>, _ n: Int, reach: Int) {
        var k = 0
        while k < n {
            guard info[k].irrealis == .opening else {
                k += 1
                continue
            }
            let bounds = clause(of: k, info, n), end = bounds.upperBound
            let scope = (k + 1)..<end
            let completed = scope.prefix(reach).contains { info[$0].irrealis == .completing }
            if completed && !bounds.contains(where: { info[$0].negator }) {
                for j in scope where !info[j].fixed || (info[j].phrase && !info[j].ownNegation) {
                    info[j].readComparativeAsPraise()
                    if info[j].valence != 0 { info[j].negated = true }
                }
            }
            k = end
        }
    }
}
