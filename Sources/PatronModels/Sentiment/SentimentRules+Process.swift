/// How the service went, told as its steps (issue 19, twenty-fifth round): "I was transferred
/// four times", "Der Händler verweist an den Hersteller und der Hersteller wieder an den
/// Händler", "Status: in Bearbeitung seit sechs Wochen", "They said someone would call me back
/// within 24 hours. That was eleven days ago." Each step is a fact told without a sentiment
/// word; the verdict is in how the steps follow one another.
///
/// - **Passed on**: a word for being transferred or referred ("transferred", "hänvisade",
///   "doorverbonden", "weiterverbunden", "przełączali", "odsyła") is a mild complaint and a
///   fault, so that none is praise ("No transfers", "ohne Weiterleitung", "bez przełączania");
///   passed back ("sent me back to billing", "hänvisade tillbaka", "verwijst weer", "wieder an
///   den Händler", "z powrotem") or twice in a sentence, it is a plain complaint.
/// - **A status that stays**: "in progress", "under handläggning", "in behandeling", "in
///   Bearbeitung", "w realizacji" with a span of time, "since" or "still" in its sentence is a
///   wait; alone it is a fact ("progress" is no praise there).
/// - **A promise and the time since**: a short sentence that says how long ago it was ("That
///   was eleven days ago", "Das war vor drei Wochen", "Minęły trzy tygodnie"), after a sentence
///   with a promise in it (said, promised, would), says the promise was not kept: a complaint,
///   and the sentence before counts less, as before a contrast word.
/// - **What was explained**: the fault after "explained", "förklarade", "legde uit", "erklärt",
///   "wytłumaczył" is what was explained, no complaint ("explained what had been wrong").
/// - **Nobody in touch**: a word for getting in touch ("contacted", "hört av sig", "gemeldet",
///   "skontaktował") after "without", "nobody" or "never" in its clause, with no other word
///   between for the negation to take ("never had to call" is praise), is a complaint ("ohne
///   dass sich jemand bei mir gemeldet hat").
/// - **One step was enough**: "Ett besök räckte", "Ein Anruf reichte", "Eén telefoontje
///   volstond", "Wystarczyła jedna wizyta" is praise; negated, a complaint.
/// - Polish "dopóki nie" is "until", not a negation ("dopóki internet znowu nie zaczął
///   działać").
extension SentimentRules {
    /// What a word does in a service told as its steps.
    enum Process: Sendable, Equatable {
        case none
        /// "transferred", "hänvisade", "doorverbonden", "verweist", "odsyła": passed on.
        case referral
        /// "back", "tillbaka", "weer", "wieder", "z powrotem": after a word for passing on or
        /// sending, passed back.
        case back
        /// "me", "mig", "mij", "mich", "mnie": whom they sent back ("sent me back").
        case person
        /// "progress", "handläggning", "behandeling", "Bearbeitung", "realizacji": a status,
        /// after `statusOpen`.
        case status
        /// "in", "under", "w": the word before a status.
        case statusOpen
        /// "since", "sinds", "seit", "od": with a status, it has stayed.
        case since
        /// "ago", "sedan", "geleden", "vor", "temu": how long ago it was, after "that was".
        case ago
        /// "that", "det", "dat", "das", "to": the first word of "that was … ago".
        case that
        /// "minęły", "vergangen", "verstreken": time has passed (no "that was" needed).
        case passed
        /// "explained", "förklarade", "erklärt", "wytłumaczył": the fault after it is what was
        /// explained.
        case explain
        /// "contacted", "gemeldet", "skontaktował": negated, nobody got in touch.
        case contact
        /// Swedish "hört": gets in touch only before `particle` ("hört av sig").
        case heard
        /// Swedish "av" of "hört av sig".
        case particle
        /// Polish "dopóki": a "nie" right after it is no negation.
        case until
        /// "räckte", "reichte", "volstond", "wystarczyła": with `single` near it, one step was
        /// enough.
        case enough
        /// "ett", "ein", "één", "jedna": one step.
        case single
    }

    /// The valence of being passed on: a mild complaint, like what the customer had to do.
    static let referralValence = -0.8
    /// The valence of one step that was enough ("Ett besök räckte"): praise as plain as
    /// "good" (1.9) is.
    static let oneStepValence = 1.9
    /// The valence of being passed back and forth, of nobody getting in touch, and of a
    /// promise not kept: a plain complaint.
    static let runaroundValence = -2.0

    /// The words of `language`'s service told as its steps.
    static func process(_ language: Language) -> [String: Process] {
        var out = [String: Process]()
        switch language {
        case .en:
            out.assign(["transferred", "transfers", "redirected"], .referral)
            out.assign(["back"], .back)
            out.assign(["me", "us"], .person)
            out.assign(["progress"], .status)
            out.assign(["in"], .statusOpen)
            out.assign(["since"], .since)
            out.assign(["ago"], .ago)
            out.assign(["that", "this", "it"], .that)
            out.assign(["passed"], .passed)
            out.assign(["explained", "explains"], .explain)
            out.assign(
                [
                    "contacted", "contacting", "contact", "called", "rang", "replied", "responded", "answered",
                    "emailed",
                ], .contact)
        case .sv:
            out.assign(
                [
                    "hänvisade", "hänvisad", "hänvisades", "hänvisar", "vidarekopplad", "vidarekopplades",
                    "kopplades", "bollades",
                ], .referral)
            out.assign(["tillbaka"], .back)
            out.assign(["mig", "oss"], .person)
            out.assign(["handläggning", "behandling"], .status)
            out.assign(["under"], .statusOpen)
            out.assign(["sen"], .since)
            out.assign(["sedan"], .ago)
            out.assign(["det"], .that)
            out.assign(["gått"], .passed)
            out.assign(["förklarade", "förklarat"], .explain)
            out.assign(
                ["kontaktade", "kontaktat", "ringde", "ringt", "svarade", "svarat", "återkom"], .contact)
            out.assign(["hört", "hörde"], .heard)
            out.assign(["av"], .particle)
            out.assign(["räckte"], .enough)
            out.assign(["ett", "en", "enda"], .single)
        case .nl:
            out.assign(
                [
                    "doorverbonden", "doorverbinden", "doorverwezen", "verwijst", "verwees", "verwezen",
                    "doorgeschakeld",
                ], .referral)
            out.assign(["weer", "terug"], .back)
            out.assign(["mij", "me", "ons"], .person)
            out.assign(["behandeling"], .status)
            out.assign(["in"], .statusOpen)
            out.assign(["sinds"], .since)
            out.assign(["geleden"], .ago)
            out.assign(["dat", "het"], .that)
            out.assign(["verstreken"], .passed)
            out.assign(["uitgelegd", "legde", "legden"], .explain)
            out.assign(["gebeld", "teruggebeld", "gereageerd", "reageerde", "gemaild", "contact"], .contact)
            out.assign(["volstond"], .enough)
            out.assign(["één", "een", "enkel"], .single)
        case .de:
            out.assign(
                [
                    "weiterverbunden", "weitergeleitet", "weitergereicht", "verweist", "verwies", "verwiesen",
                    "weiterleitung",
                ], .referral)
            out.assign(["wieder", "zurück"], .back)
            out.assign(["mich", "uns"], .person)
            out.assign(["bearbeitung"], .status)
            out.assign(["in"], .statusOpen)
            out.assign(["seit"], .since)
            out.assign(["vor"], .ago)
            out.assign(["das", "es"], .that)
            out.assign(["vergangen", "vergingen"], .passed)
            out.assign(["erklärt", "erklärte", "erläutert", "erläuterte"], .explain)
            out.assign(
                [
                    "gemeldet", "meldete", "angerufen", "zurückgerufen", "geantwortet", "antwortete", "reagiert",
                    "kontaktiert",
                ], .contact)
            out.assign(["reichte", "genügte"], .enough)
            out.assign(["ein", "eine", "einen", "einziger", "einzige"], .single)
        case .pl:
            out.assign(
                [
                    "przełączali", "przełączał", "przełączała", "przełączony", "przełączona", "przełączania",
                    "przełączanie", "odsyła", "odsyłają", "odesłali", "odesłał", "odesłała", "przekierowali",
                    "przekierowany", "przekierowana",
                ], .referral)
            out.assign(["powrotem"], .back)
            out.assign(["mnie", "nas"], .person)
            out.assign(["realizacji"], .status)
            out.assign(["w"], .statusOpen)
            out.assign(["od"], .since)
            out.assign(["temu"], .ago)
            out.assign(["to"], .that)
            out.assign(["minęły", "minęło", "minął", "minęła"], .passed)
            out.assign(["wytłumaczył", "wytłumaczyła", "wytłumaczyli", "wyjaśnił", "wyjaśniła", "wyjaśnili"], .explain)
            out.assign(
                [
                    "skontaktował", "skontaktowała", "skontaktowali", "oddzwonił", "oddzwoniła", "oddzwonili",
                    "odpisał", "odpisała", "odpisali", "odezwał", "odezwała", "odezwali",
                ], .contact)
            out.assign(["dopóki"], .until)
            out.assign(["wystarczyła", "wystarczył", "wystarczyło"], .enough)
            out.assign(["jedna", "jeden", "jedno", "jedną"], .single)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads the sentence's service told as its steps (`SentimentRules+Process`): runs after
    /// the remedies and before negation. `promised` says whether an earlier sentence made a
    /// promise, and becomes whether this one or an earlier one did. Returns whether the
    /// sentence says a promise was not kept (the sentence before it then counts less).
    func markProcess(_ info: UnsafeMutablePointer<Info>, _ n: Int, promised: inout Bool) -> Bool {
        var broken = false
        // One pass for what the sentence has; most sentences have no step to read.
        var referrals = 0, steps = 0
        var unit = false, since = false, ago = false, passed = false, promise = false
        for k in 0..<n {
            if info[k].measure.length > 0 { unit = true }
            if info[k].measure == .still { since = true }
            if info[k].figure == .promise || info[k].figure == .said || info[k].expectation == .future {
                promise = true
            }
            switch info[k].process {
            case .none, .person, .statusOpen, .that, .particle, .single: continue
            case .referral: referrals += 1
            case .since: since = true
            case .ago:
                ago = true
                since = true
            case .passed: passed = true
            default: break
            }
            steps += 1
        }
        defer { promised = promised || promise }
        guard steps > 0 else { return false }
        for k in 0..<n {
            switch info[k].process {
            case .referral where !info[k].fixed:
                // Passed back: "wieder an den Händler", "hänvisade tillbaka", "z powrotem";
                // English "back" only after whom ("transferred me back").
                // (Not one after a word for getting in touch: "transferred to a technician
                // who called me back".)
                var back = referrals > 1
                for j in (k + 1)..<min(n, k + 7) {
                    if info[j].process == .contact { break }
                    if info[j].process == .back { back = true }
                }
                info[k].valence = back ? SentimentRules.runaroundValence : SentimentRules.referralValence
                info[k].problem = !back
                info[k].fixed = back
            case .person where k > 0 && k + 1 < n && info[k + 1].process == .back:
                // "sent me back to billing".
                if info[k - 1].remedy == .sent || info[k - 1].process == .referral {
                    info[k + 1].valence = SentimentRules.runaroundValence
                    info[k + 1].fixed = true
                }
            case .status where k > 0 && info[k - 1].process == .statusOpen:
                // "in progress" for six weeks is a wait; alone, a fact.
                info[k].valence = unit || since ? SentimentRules.waitValence : 0
                info[k].fixed = true
                // (The span is the wait's, not how long something has lasted: "seit zwei
                // Monaten in Bearbeitung".)
                if info[k].valence < 0 {
                    for j in 0..<n where info[j].valence > 0 && info[j].measure != .none { info[j].valence = 0 }
                }
            case .explain:
                var negated = false
                for j in max(0, k - 3)..<k where info[j].negator { negated = true }
                if negated { continue }
                // (Across the comma right after it: "erklärt, woran es lag", "wytłumaczył, co".)
                for j in (k + 1)..<min(n, k + 7) {
                    if (info[j].clauseStart && j > k + 1) || info[j].contrast { break }
                    if info[j].valence < 0 && !info[j].fixed { info[j].valence = 0 }
                }
            case .contact:
                markNobodyInTouch(k, info, n)
            case .heard where k + 1 < n && info[k + 1].process == .particle:
                markNobodyInTouch(k, info, n)
            case .enough where !info[k].fixed:
                // One step was enough: "Ett besök räckte", "Wystarczyła jedna wizyta".
                let bounds = clause(of: k, info, n)
                for j in max(bounds.lowerBound, k - 4)..<min(bounds.upperBound, k + 4)
                where info[j].process == .single {
                    info[k].valence = SentimentRules.oneStepValence
                    break
                }
            case .until where k + 3 < n:
                // "dopóki … nie zaczął działać": until it worked.
                for j in (k + 1)...(k + 3) where info[j].negator {
                    info[j].negator = false
                    info[j].mayDangle = false
                    break
                }
            default:
                break
            }
        }
        // "That was eleven days ago", "Minęły trzy tygodnie", after a promise.
        if promised && unit && n <= 8 && ((ago && info[0].process == .that) || passed) {
            for k in 0..<n where info[k].process == .ago || info[k].process == .passed {
                info[k].valence = SentimentRules.runaroundValence
                info[k].fixed = true
                broken = true
                break
            }
        }
        return broken
    }

    /// A word for getting in touch at `k` after "without", "nobody" or "never" in its clause,
    /// with no word between for the negation to take, is a complaint: nobody got in touch.
    func markNobodyInTouch(_ k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) {
        let bounds = clause(of: k, info, n)
        var j = k - 1
        while j >= bounds.lowerBound {
            if info[j].valence != 0 { return }
            if info[j].negator {
                info[k].valence = SentimentRules.runaroundValence
                info[k].fixed = true
                info[j].negatedSomething = true
                return
            }
            j -= 1
        }
    }
}
