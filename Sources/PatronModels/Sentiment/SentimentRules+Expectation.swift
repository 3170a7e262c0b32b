/// What the customer expected, and a problem that went away (issue 19, twentieth round).
///
/// An expectation is not an experience. "I was worried it would be too loud, but it's whisper
/// quiet", "Först var jag tveksam, men nu …", "Ich hatte Angst, dass es zu klein ist, aber …",
/// "Sceptical at first, now I'm a convert": the fear or doubt, and the trouble feared, are what
/// the customer no longer thinks, and the sentence is praise; "I had high hopes, but …",
/// "Thought it would save me time, but …" the other way round. So a clause that opens with a
/// fear, a doubt or a hope ("excited" only before "to"), or a belief with a future in it
/// ("thought it would", "trodde det skulle", "myślałam, że będzie"), has its sentiment reversed
/// when the sentence turns after it (a contrast word; a clause opening with "now", "nu",
/// "jetzt", "teraz" or Polish "a"; "until", "turned out", "bleek", "okazało się") or when it
/// says "at first" ("Ik twijfelde eerst", "Anfangs skeptisch"). Without such a turn it is left
/// as it is ("I'm afraid the food was awful" stays a complaint), and so is "afraid to"
/// (reluctance). The clause runs on across a comma before "that", "att", "dass", "że" ("Ich
/// hatte Angst, dass es zu klein ist").
///
/// "Finally a phone that lasts the day", "Äntligen en bank som svarar", "Endlich ein Föhn, der
/// …", "Wreszcie lekarz, który ma czas": "finally" opening a sentence before a thing (an article
/// after it, or a Polish relative pronoun within three words) is praise (+2.0).
///
/// A problem that went away is praise: "My back pain is gone", "Fixed my cracked screen",
/// "Rörmokaren fixade läckan", "Problem gelöst". A complaint word in its clause before "is
/// gone", "är borta", "sind weg" or "zniknął", or within three words of a word for fixing
/// ("fixed", "löste", "behoben", "naprawił"), reads as a fault negated. A negator there negates
/// the going or the fixing, not the fault ("They never fixed the leak", "De löste aldrig
/// problemet", "Die Schmerzen gehen nicht weg" stay complaints).
extension SentimentRules {
    /// What a word does in an expectation or in a problem that went away.
    enum Expectation: Sendable, Equatable {
        case none
        /// "worried", "sceptical", "orolig", "Bedenken", "bałam": a fear or a doubt.
        case fear
        /// "hoped", "förhoppningar", "gefreut", "nadzieję": a hope.
        case hope
        /// "thought", "trodde", "dachte", "myślałam": a belief, an expectation with a future.
        case belief
        /// "would", "skulle", "würde", "będzie": the future of a belief.
        case future
        /// "now", "nu", "jetzt", "teraz", "a": the sentence turns, where a clause starts with it
        /// (", now I'm a convert"; not "nu har jag väntat i två veckor").
        case turn
        /// "until", "turned out", "visade sig", "bleek", "okazało się": the sentence turns, anywhere.
        case turnsOut
        /// "that", "att", "dass", "że": the clause runs on across the comma before it.
        case that
        /// "initially", "först", "anfangs", "eerst", "początkowo": at first.
        case atFirst
        /// English "first", at first after "at".
        case first, at
        /// "disappeared", "försvann", "zniknął": the complaint before it went away.
        case gone
        /// "gone", "borta", "weg": the same after "is" ("My back pain is gone"; not "a ghost
        /// story gone awry", "gone to seed", "Welchen kaputten Weg").
        case goneState
        /// "is", "är", "ist", "zijn": before a word for gone.
        case copula
        /// "excited": a hope before "to" ("I was excited to try it").
        case eager
        /// "fixed", "löste", "behoben", "naprawił": the complaint before or after it was fixed.
        case fixed
        /// "finally", "äntligen", "endlich", "wreszcie": opening a sentence before a thing ("Finally
        /// a phone that lasts the day"), praise: what the customer was waiting for; before a verb
        /// ("Finally arrived, broken") nothing.
        case finally
        /// "który", "która": a Polish relative pronoun (Polish has no article to show a thing).
        case which
    }

    /// The valence a fear or doubt the lexicon gives none ("skeptisch", "twijfelde") takes when
    /// the sentence turns after it, and a hope the negative of it: relief, and disappointment,
    /// as strong as a comparative said against something (1.5).
    static let reliefValence = 1.5

    /// The valence of "finally" before a thing: praise, like "highly recommend".
    static let finallyValence = 2.0

    /// The words of `language`'s expectations and problems that went away.
    static func expectation(_ language: Language) -> [String: Expectation] {
        var out = [String: Expectation]()
        switch language {
        case .en:
            out.assign(
                [
                    "worried", "afraid", "nervous", "scared", "feared", "sceptical", "skeptical", "doubtful",
                    "hesitant",
                    "apprehensive", "unsure",
                ], .fear)
            out.assign(["hopes", "hoped", "hoping", "forward"], .hope)
            out.assign(["excited", "eager"], .eager)
            out.assign(["thought", "expected"], .belief)
            out.assign(["would", "will", "it'd"], .future)
            out.assign(["now"], .turn)
            out.assign(["turned", "turns", "until"], .turnsOut)
            out.assign(["that"], .that)
            out.assign(["initially"], .atFirst)
            out.assign(["first"], .first)
            out.assign(["at"], .at)
            out.assign(["disappeared"], .gone)
            out.assign(["gone"], .goneState)
            out.assign(["is", "are", "was", "were", "has", "it's", "its"], .copula)
            out.assign(["fixed", "solved", "resolved", "repaired", "cured"], .fixed)
            out.assign(["finally"], .finally)
        case .sv:
            out.assign(["orolig", "rädd", "nervös", "skeptisk", "tveksam", "osäker", "farhågor"], .fear)
            out.assign(["hoppades", "hoppats", "förhoppningar", "förväntningar"], .hope)
            out.assign(["trodde", "tänkte"], .belief)
            out.assign(["skulle", "ska", "kommer"], .future)
            out.assign(["nu"], .turn)
            out.assign(["visade"], .turnsOut)
            out.assign(["att"], .that)
            out.assign(["först", "början", "inledningsvis"], .atFirst)
            out.assign(["försvann", "försvunnit"], .gone)
            out.assign(["borta"], .goneState)
            out.assign(["är", "var", "blev"], .copula)
            out.assign(["fixade", "fixat", "löste", "löst", "lagade", "lagat"], .fixed)
            out.assign(["äntligen"], .finally)
        case .nl:
            out.assign(["bang", "bezorgd", "sceptisch", "twijfelde", "twijfel", "tegenop"], .fear)
            out.assign(["hoopte", "gehoopt", "verwachtingen"], .hope)
            out.assign(["dacht"], .belief)
            out.assign(["zou", "zouden", "zal"], .future)
            out.assign(["nu", "inmiddels"], .turn)
            out.assign(["bleek"], .turnsOut)
            out.assign(["dat"], .that)
            out.assign(["eerst", "aanvankelijk", "begin"], .atFirst)
            out.assign(["verdwenen", "verdween"], .gone)
            out.assign(["weg"], .goneState)
            out.assign(["is", "zijn", "was", "waren"], .copula)
            out.assign(["opgelost", "gerepareerd", "verholpen"], .fixed)
            out.assign(["eindelijk"], .finally)
        case .de:
            out.assign(
                ["angst", "bedenken", "befürchtet", "befürchtete", "skeptisch", "zweifel", "unsicher", "sorge"], .fear)
            out.assign(["gehofft", "erhofft", "hoffte", "erwartungen", "gefreut"], .hope)
            out.assign(["dachte", "glaubte"], .belief)
            out.assign(["würde", "würden", "wäre", "wird"], .future)
            out.assign(["jetzt", "inzwischen", "mittlerweile", "nun"], .turn)
            out.assign(["dass", "ob"], .that)
            out.assign(["anfangs", "zunächst", "anfang"], .atFirst)
            out.assign(["verschwunden"], .gone)
            out.assign(["weg"], .goneState)
            out.assign(["ist", "sind", "war", "waren"], .copula)
            out.assign(["behoben", "repariert", "gelöst"], .fixed)
            out.assign(["endlich"], .finally)
        case .pl:
            out.assign(
                [
                    "bałam", "bałem", "obawiałam", "obawiałem", "obawy", "sceptyczna", "sceptyczny", "sceptyczni",
                    "wątpliwości",
                ], .fear)
            out.assign(["nadzieję", "liczyłam", "liczyłem", "cieszyłam", "cieszyłem", "oczekiwania"], .hope)
            out.assign(["myślałam", "myślałem", "sądziłam", "sądziłem"], .belief)
            out.assign(["będzie", "będą", "byłoby", "byłby"], .future)
            out.assign(["teraz", "obecnie", "a"], .turn)
            out.assign(["okazał", "okazała", "okazało"], .turnsOut)
            out.assign(["że", "czy"], .that)
            out.assign(["początku", "początkowo", "najpierw"], .atFirst)
            out.assign(["zniknął", "zniknęła", "zniknęło", "zniknęły", "minął", "minęła", "minęło", "minęły"], .gone)
            out.assign(
                [
                    "naprawił", "naprawiła", "naprawili", "naprawione", "rozwiązał", "rozwiązała", "rozwiązali",
                    "rozwiązany",
                ], .fixed)
            out.assign(["wreszcie", "nareszcie"], .finally)
            out.assign(["który", "która", "które", "którym", "której"], .which)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads the sentence's expectations and problems that went away
    /// (`SentimentRules+Expectation`): runs after the comparisons and before negation.
    func markExpectations(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        var k = 0
        while k < n {
            switch info[k].expectation {
            // (Not "afraid to pitch into farce": reluctance, not a fear of what came.)
            case .fear where k + 1 < n && info[k + 1].comparison == .to: break
            case .eager where k + 1 >= n || info[k + 1].comparison != .to: break
            case .fear, .hope, .belief, .eager: k = readExpectation(k, info, n)
            case .gone, .fixed: readProblemGone(k, info, n)
            case .goneState
            where (max(0, k - 2)..<k).contains { info[$0].expectation == .copula || info[$0].negator }:
                readProblemGone(k, info, n)
            case .finally where k == 0 && info[k].valence == 0:
                let thing =
                    (k + 1 < n && info[k + 1].comparison == .article)
                    || ((k + 1)..<min(n, k + 4)).contains { info[$0].expectation == .which }
                if thing { info[k].valence = SentimentRules.finallyValence }
            default: break
            }
            k += 1
        }
    }

    /// Whether token `j` says "at first" ("initially", "anfangs"; English "first" after "at").
    private func saysAtFirst(_ j: Int, _ info: UnsafeMutablePointer<Info>) -> Bool {
        switch info[j].expectation {
        case .atFirst: true
        case .first: j > 0 && info[j - 1].expectation == .at
        default: false
        }
    }

    /// Reads the expectation opened at `k`; returns the last token of its clause.
    private func readExpectation(_ k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> Int {
        var end = k + 1
        var future = false
        var atFirst = false
        // "at first" before the expectation in its clause ("Anfangs skeptisch", "Först var jag tveksam").
        var j = k
        while j > 0 && !info[j].clauseStart && !info[j - 1].contrast {
            j -= 1
            if saysAtFirst(j, info) { atFirst = true }
        }
        func turns(_ j: Int) -> Bool {
            switch info[j].expectation {
            case .turnsOut: true
            // (Not "now that", which gives a reason.)
            case .turn: info[j].clauseStart && (j + 1 == n || info[j + 1].expectation != .that)
            default: info[j].contrast
            }
        }
        while end < n {
            if turns(end) { break }
            if info[end].clauseStart && info[end].expectation != .that { break }
            if info[end].expectation == .future { future = true }
            if saysAtFirst(end, info) { atFirst = true }
            end += 1
        }
        if info[k].expectation == .belief && !future { return end - 1 }
        guard atFirst || (end..<n).contains(where: turns) else { return end - 1 }
        for j in k..<end where info[j].valence != 0 && (!info[j].fixed || info[j].phrase) {
            info[j].valence = -info[j].valence
        }
        if info[k].valence == 0 && info[k].expectation != .belief {
            info[k].valence = (info[k].expectation == .fear ? 1 : -1) * SentimentRules.reliefValence
        }
        return end - 1
    }

    /// Reads a word for gone or fixed at `k`: the complaints of its clause before it (within
    /// three words either side of a word for fixing) are faults negated. A negator up to three
    /// words before it (or two after a word for fixing: "De löste aldrig problemet") negates the
    /// going or the fixing, not the complaint ("They never fixed the leak", "Die Schmerzen gehen
    /// nicht weg"): the complaint stays one, and a fault not fixed is one more.
    private func readProblemGone(_ k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) {
        let fixing = info[k].expectation == .fixed
        var start = k
        while start > 0 && !info[start].clauseStart && !info[start - 1].contrast && !info[start - 1].joiner {
            start -= 1
        }
        var negated = false
        func negatesTheGoing(_ m: Int) {
            guard info[m].negator && !info[m].fixed else { return }
            info[m].outdone = true
            info[m].negatedSomething = true
            negated = true
        }
        for m in max(start, k - 3)..<k { negatesTheGoing(m) }
        var after = k + 1
        while fixing && after < min(n, k + 3) && !info[after].clauseStart {
            negatesTheGoing(after)
            after += 1
        }
        if negated && fixing {
            info[k].valence = -SentimentRules.reliefValence
            info[k].fixed = true
        }
        guard !negated && !(start..<k).contains(where: { info[$0].negator }) else { return }
        if fixing { start = max(start, k - 3) }
        var end = k + 1
        if fixing {
            while end < min(n, k + 4) && !info[end].clauseStart && !info[end].contrast && !info[end].joiner {
                end += 1
            }
        }
        for j in start..<end where j != k && info[j].valence < 0 && (!info[j].fixed || info[j].phrase) {
            info[j].negated = true
            info[j].problem = true
        }
    }
}
