/// A verdict said by comparison (issue 19, nineteenth round). "My old phone was faster", "The old
/// recipe was much better", "Det var bättre förr", "Früher war alles besser", "Kiedyś było
/// lepiej": the comparative praises a rival or the past, so the thing reviewed is the worse
/// one, a complaint, though the only sentiment word in them is praise. "Way better than my old
/// Samsung" praises the thing reviewed: there the rival follows the word for "than". So a
/// comparative (of praise or of complaint) near a rival (the old one, the previous model, the
/// competition, "förr", "früher") in its clause changes its sense, unless the rival comes after
/// "than", "än", "dan", "als", "niż" or "compared". "I've had better" says the same with the
/// speaker's own experience as the rival.
///
/// Further: a comparative after "never", "nothing", "inget", "nichts", "nic" (or after a
/// negator with an article between, "haven't had a better", or in the Polish genitive that
/// negation takes, "nie jadłam lepszej") says nothing is better: praise, as "Never had a
/// better steak", "Nothing beats their roast", "Nic nie przebije ich śniadań". Where the
/// lexicon gives a comparative no valence ("besser", "lepszy", "beter"), one said against
/// something ("better than expected", "gorszy niż poprzedni") takes one. A state that no
/// longer holds ("used to love", "brukade vara bra", "vroeger", "früher") turns the praise
/// after it in its clause into a complaint. "Less", "minder", "weniger" and "mniej" negate the
/// sentiment word right after them ("minder goed", "weniger Lärm").
extension SentimentRules {
    /// What a word does in a verdict said by comparison.
    enum Comparison: Sendable, Equatable {
        case none
        /// "better", "bättre", "besser", "lepszy", "faster": a comparative of praise.
        case better
        /// "lepszego", "lepszej": a comparative of praise in the genitive a negation takes, so
        /// before a noun ("Nie jadłam lepszej pizzy").
        case betterNoun
        /// "worse", "sämre", "schlechter", "gorszy": a comparative of complaint.
        case worse
        /// "beats", "übertrifft", "przebija": the one before it outdoes the one after it.
        case beats
        /// "than", "än", "dan", "als", "niż", "compared": what follows is the one compared with.
        case than
        /// "old", "previous", "competition", "gamla", "poprzedni": a rival, when it comes before
        /// the comparative ("My old phone was faster"; not "a better replacement for my old one").
        case rival
        /// "before", "tidigare", "vorher", "kiedyś": the past, a rival before or after the
        /// comparative ("It was better before").
        case past
        /// "förr", "brukade", "vroeger", "früher": a past that no longer holds (a rival on
        /// either side too).
        case once
        /// "and", "i": ends a clause here, for the languages whose joiners are not listed
        /// (`SentimentRules.joiners` are the verb-second languages').
        case joins
        /// "used" (before "to") and "to": English's past that no longer holds.
        case used, to
        /// "get", "got", "is": before "used to" it is no past ("got used to it").
        case getting
        /// "been", "varit", "gewesen": may stand between "never" and the comparative ("never
        /// been better"); before "used to" as "got" is.
        case been
        /// "never", "nothing", "inget", "nichts", "nic": a negator that leaves nothing better.
        case nothing
        /// "a", "een", "ein": between a negator and a comparative, the comparative is before a
        /// noun ("never had a better steak"), not said of the thing ("not better").
        case article
        /// "I've", "we've": what the speaker has had ("I've had better").
        case perfect
        /// "har", "hade": the same after a speaker ("Jag har ätit bättre").
        case have
        /// "less", "minder", "weniger", "mniej": negates the sentiment word right after it.
        case less
        /// "back", "tillbaka", "terug", "wróciłam": going back to a rival after it ("Switched
        /// back to my old phone", "Bytte tillbaka till min gamla telefon", "Wróciłam do starego
        /// telefonu") is a complaint (twenty-first round); back without a rival ("Came back with
        /// the whole family") is not.
        case back
        /// "any": "any less" is a negation's ("doesn't make it any less entertaining"), a
        /// negator often too far back to be seen: "less" after it does nothing.
        case any
    }

    /// The valence a comparative takes where the lexicon gives it none, with the sign of its
    /// sense: as strong as "faster" (1.4) or "better" (1.9) are.
    static let comparisonValence = 1.5

    /// How far from a comparative, in kept words, a rival may be in its clause.
    static let rivalReach = 6

    /// The words of `language`'s verdicts said by comparison.
    static func comparison(_ language: Language) -> [String: Comparison] {
        var out = [String: Comparison]()
        switch language {
        case .en:
            out.assign(
                ["better", "faster", "quicker", "nicer", "tastier", "smoother", "friendlier", "sharper"], .better)
            out.assign(["worse", "slower", "poorer"], .worse)
            out.assign(["beats", "outdoes", "outperforms", "surpasses", "trumps"], .beats)
            out.assign(["than", "compared", "vs", "versus"], .than)
            out.assign(
                [
                    // Not "original": more often praise ("the most original film") than the first one.
                    "old", "older", "previous", "former", "predecessor", "alternatives", "competitors", "competition",
                    "rivals",
                ], .rival)
            out.assign(["before", "earlier"], .past)
            out.assign(["and"], .joins)
            out.assign(["used"], .used)
            out.assign(["to"], .to)
            out.assign(
                ["get", "got", "gets", "getting", "be", "being", "is", "am", "are", "was", "were", "i'm", "im"],
                .getting)
            out.assign(["been"], .been)
            out.assign(["never", "nothing", "nobody", "none"], .nothing)
            out.assign(["a", "an"], .article)
            out.assign(["i've", "we've", "ive", "weve"], .perfect)
            out.assign(["less"], .less)
            out.assign(["back"], .back)
            out.assign(["any"], .any)
        case .sv:
            out.assign(["bättre", "snabbare", "trevligare", "godare", "smidigare"], .better)
            out.assign(["sämre", "långsammare"], .worse)
            out.assign(["överträffar", "överträffade", "överträffat"], .beats)
            out.assign(["än", "jämfört", "jämförelse"], .than)
            out.assign(
                [
                    "gamla", "gammal", "gamle", "förra", "föregående", "konkurrenterna", "konkurrenten",
                    "konkurrenter", "konkurrent", "originalet",
                ], .rival)
            out.assign(["förut", "tidigare"], .past)
            out.assign(["förr", "brukade"], .once)
            out.assign(["aldrig", "inget", "ingenting", "ingen", "inga"], .nothing)
            out.assign(["en", "ett"], .article)
            out.assign(["varit"], .been)
            out.assign(["har", "hade"], .have)
            out.assign(["tillbaka"], .back)
        case .nl:
            out.assign(["beter", "betere", "sneller", "mooier", "leuker", "lekkerder", "spannender"], .better)
            out.assign(["slechter", "slechtere", "trager"], .worse)
            out.assign(["overtreft", "overtroffen", "verslaat"], .beats)
            out.assign(["dan", "vergeleken", "vergelijking"], .than)
            out.assign(
                [
                    "oude", "oud", "vorige", "eerdere", "eerste", "voorganger", "concurrent", "concurrentie",
                    "andere",
                ], .rival)
            out.assign(["vroeger"], .once)
            out.assign(["nooit", "niets", "niks", "geen", "niemand"], .nothing)
            out.assign(["een"], .article)
            out.assign(["geweest"], .been)
            out.assign(["minder"], .less)
            out.assign(["terug", "teruggegaan", "teruggestapt", "overgestapt"], .back)
        case .de:
            // Not "schneller" or "schöner": they are the adjectives too ("Schneller Versand").
            out.assign(["besser", "bessere", "besseres", "besseren", "besserer", "besserem"], .better)
            out.assign(["schlechter", "schlechtere", "schlechteres", "schlechteren", "langsamer"], .worse)
            out.assign(["übertrifft", "übertroffen", "übertrumpft", "toppt"], .beats)
            out.assign(["als", "verglichen", "vergleich", "gegenüber"], .than)
            out.assign(
                [
                    "alt", "alte", "alter", "altes", "alten", "älter", "ältere", "vorgänger", "vorgängermodell",
                    "vorgängerversion", "vorgängermodells", "konkurrenz", "andere", "anderen",
                ], .rival)
            out.assign(["vorher"], .past)
            out.assign(["früher", "einst"], .once)
            out.assign(
                ["nie", "niemals", "nichts", "kein", "keine", "keinen", "keiner", "keines", "keinem", "niemand"],
                .nothing)
            out.assign(["ein", "eine", "einen", "eines", "einer", "einem"], .article)
            out.assign(["gewesen"], .been)
            out.assign(["weniger"], .less)
            out.assign(["zurück", "zurückgewechselt", "zurückgekehrt", "zurückgegangen"], .back)
        case .pl:
            out.assign(
                [
                    "lepszy", "lepsza", "lepsze", "lepiej", "lepszą", "lepszym", "lepszymi", "szybciej", "szybszy",
                    "szybsza", "szybsze",
                ], .better)
            out.assign(["lepszego", "lepszej", "lepszych"], .betterNoun)
            out.assign(
                [
                    "gorszy", "gorsza", "gorsze", "gorzej", "gorszą", "gorszego", "gorszej", "gorszych", "gorszym",
                    "wolniej", "wolniejszy",
                ], .worse)
            out.assign(["przebija", "przebije", "przebił", "przebiła", "przebiło", "przewyższa"], .beats)
            out.assign(["niż", "od", "porównaniu", "porównując"], .than)
            out.assign(
                [
                    "stary", "stara", "stare", "starego", "starej", "starym", "starszy", "starsza", "poprzedni",
                    "poprzednia", "poprzednie", "poprzedniego", "poprzedniej", "poprzednim", "oryginał", "konkurencja",
                    "konkurencji", "inne", "inny", "inna",
                ], .rival)
            out.assign(["kiedyś", "wcześniej", "dawniej", "przedtem"], .past)
            out.assign(["i", "oraz"], .joins)
            out.assign(["nigdy", "nic", "nikt", "żaden", "żadna", "żadne", "żadnego", "żadnej"], .nothing)
            out.assign(["było", "był", "była"], .been)
            out.assign(["mniej"], .less)
            out.assign(["wróciłam", "wróciłem", "wróciliśmy", "wróciłyśmy", "powróciłam", "powróciłem"], .back)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads the sentence's verdicts said by comparison (`SentimentRules+Comparison`): runs
    /// after the ceilings and before negation.
    func markComparisons(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        for k in 0..<n {
            switch info[k].comparison {
            case .better, .betterNoun, .worse, .beats: judgeComparative(k, info, n)
            case .once: if k + 1 < n && info[k + 1].comparison != .than { turnPastPraise(after: k, info, n) }
            case .used:
                let after = k == 0 ? SentimentRules.Comparison.none : info[k - 1].comparison
                if k + 1 < n && info[k + 1].comparison == .to && after != .getting && after != .been {
                    turnPastPraise(after: k + 1, info, n)
                }
            case .back where info[k].valence == 0:
                let span = clause(around: k, info, n, reach: 5)
                // (On either side: Dutch and German put the verb last, "Bin zu meinem alten Handy
                // zurückgewechselt".)
                if span.contains(where: { $0 != k && info[$0].comparison == .rival }) {
                    info[k].valence = -SentimentRules.comparisonValence
                }
            case .less where k == 0 || info[k - 1].comparison != .any:
                // The next word, or the one after "than" ("less than impressed"); not further
                // ("carried less by wow factors than by its yarn").
                var j = k + 1
                if j + 1 < n && info[j].comparison == .than && !info[j + 1].clauseStart { j += 1 }
                if j < n && !info[j].clauseStart && info[j].valence != 0 && (!info[j].fixed || info[j].phrase) {
                    info[j].lessened = true
                }
            default: break
            }
        }
    }

    /// The bounds of the clause around `k`: back to its first word, on to the next clause,
    /// contrast word or joiner, within `reach` words each way.
    private func clause(
        around k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int, reach: Int
    ) -> Range<Int> {
        var start = k
        func joins(_ j: Int) -> Bool { info[j].joiner || info[j].contrast || info[j].comparison == .joins }
        while start > max(0, k - reach) && !info[start].clauseStart && !joins(start - 1) { start -= 1 }
        var end = k + 1
        while end < min(n, k + reach + 1) && !info[end].clauseStart && !joins(end) { end += 1 }
        return start..<end
    }

    /// Reads one comparative: outdone by a negator, said of a rival, or said against something.
    private func judgeComparative(_ k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) {
        let role = info[k].comparison
        let sense: Double = role == .worse ? -1 : 1
        let span = clause(around: k, info, n, reach: SentimentRules.rivalReach)
        // Nothing is better: any negator with an article (or the Polish genitive) showing the
        // comparative is before a noun ("never had a better steak", "haven't had a better"); or
        // one that leaves nothing better, right before it ("nothing better", "inget bättre",
        // "nichts Besseres", "never been better") or with "than" after it ("Nothing is better
        // than …") or before "beats" ("Nothing beats …"); not "Nothing got better".
        let than = ((k + 1)..<span.upperBound).contains { info[$0].comparison == .than }
        var article = role == .betterNoun
        for j in stride(from: k - 1, through: max(span.lowerBound, k - 4), by: -1) {
            if info[j].comparison == .article { article = true }
            guard info[j].negator && !info[j].fixed else { continue }
            let near = (j + 1..<k).allSatisfy { info[$0].comparison == .been || info[$0].negator }
            guard article || (info[j].comparison == .nothing && (near || than || role == .beats)) else { continue }
            // Every negator of its clause agrees with it ("Nic nie przebije", "Nigdy nie jadłam
            // nic lepszego", "Nie ma nic lepszego").
            for m in span.lowerBound..<k where info[m].negator && !info[m].fixed {
                info[m].outdone = true
                info[m].negatedSomething = true
            }
            if info[k].valence == 0 { info[k].valence = sense * SentimentRules.comparisonValence }
            return
        }
        // Said of a rival: one before it in its clause, or the past on either side, not after
        // "than"; or the speaker's own experience ("I've had better"), with no "than" after it
        // ("I've had better service here than anywhere" is praise).
        var rival = false
        var seenThan = false
        for j in span where j != k {
            let part = info[j].comparison
            if part == .than { seenThan = true }
            if role == .beats && j > k { break }
            if !seenThan && ((part == .rival && j < k) || part == .past || part == .once) { rival = true }
            // (Not what the speaker has got, "I've got better things to do", nor has, "Jag har en
            // bättre idé".)
            if j < k && j >= k - 3 && !than {
                let between = (j + 1)..<k
                if part == .perfect && !between.contains(where: { info[$0].comparison == .getting }) { rival = true }
                if part == .have && j > 0 && info[j - 1].regret == .speaker
                    && !between.contains(where: { info[$0].comparison == .article })
                {
                    rival = true
                }
            }
        }
        if rival {
            let magnitude = info[k].valence != 0 ? abs(info[k].valence) : SentimentRules.comparisonValence
            info[k].valence = -sense * magnitude
        } else if info[k].valence == 0 && (role == .beats || than) {
            info[k].valence = sense * SentimentRules.comparisonValence
        }
    }

    /// Turns the praise after a past that no longer holds ("used to love", "brukade vara bra")
    /// into a complaint, to the end of its clause.
    private func turnPastPraise(after k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) {
        for j in (k + 1)..<clause(around: k, info, n, reach: 8).upperBound
        where info[j].valence > 0 && (!info[j].fixed || info[j].phrase) {
            info[j].valence = -info[j].valence
        }
    }
}
