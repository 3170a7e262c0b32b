/// A verdict told as advice to the reader (issue 19, forty-first round). "Get the fish tacos",
/// "Fråga efter Maja i kassan", "Reserveer de hoektafel", "Zarezerwujcie stolik w rogu", and
/// "Check the date on everything they sell", "Lägg pengarna någon annanstans", "Wacht op het
/// volgende model", "Lest die Garantiebedingungen, bevor ihr kauft". No word in them says good or
/// bad: the verdict is what the reader is told to do. An imperative opens its clause (after "and",
/// a comma, "just", "definitely" or a negator; in English before an object, so that "Order was
/// wrong" is no advice):
///
/// - **To take it** is praise: order, get, buy, book, try, ask for, sign up ("beställ", "boka",
///   "bestel", "vraag naar", "bestellt", "nehmt", "zamówcie", "zapiszcie się").
/// - **To take care** is a complaint: check, count, keep ready, wait for, skip ("kolla", "vänta",
///   "controleer", "houd", "prüft", "wartet", "sprawdzajcie", "poczekajcie").
/// - **To bring** something is a complaint (the place lacks it: "Bring a jumper", "Ta med en
///   tröja", "Nehmt einen Pulli mit"); to bring someone here is praise ("Ta med dina föräldrar
///   hit").
/// - **Another** makes any of them a complaint: other, else, instead, your own, rather ("från den
///   andra butiken", "ergens anders", "woanders", "gdzie indziej"); so does a precaution, before
///   the reader does something ("before you buy", "innan du köper", "voordat je koopt", "bevor
///   ihr kauft", "zanim kupicie") or beforehand ("vorher", "eerst", "först", "najpierw").
/// - Negated, each turns ("Don't go on a Friday night", "Nie idźcie tam", "Don't wait"); negated
///   with a without after it, it is praise ("Don't leave without the chocolate tart", "Gå inte
///   därifrån utan chokladtårtan").
///
/// The advice decides the part of its clause up to the next "and" only where no word of it
/// already leans; a condition before it ("If you're torn between the two, …") counts nothing.
extension SentimentRules {
    /// What a word does in a verdict told as advice to the reader.
    enum Advice: Sendable, Equatable {
        case none
        /// "order", "get", "buy", "book", "try", "ask", "beställ", "köp", "bestel", "koop",
        /// "bestellt", "kauft", "zamówcie", "kupcie": to take it.
        case take
        /// "bring", "zabierzcie": to bring something along (a complaint), or someone here.
        case bring
        /// "go", "leave", "gå", "ga", "geht", "idźcie": read only negated ("Don't go on a Friday
        /// night", a complaint; "Gå inte därifrån utan chokladtårtan", praise): unnegated they are
        /// mostly someone sent somewhere ("Go home", "Ga zitten").
        case go
        /// "check", "count", "wait", "skip", "kolla", "vänta", "controleer", "wacht", "prüft",
        /// "wartet", "sprawdźcie", "poczekajcie": to take care.
        case caution
        /// "keep", "have", "ha", "houd", "haltet", "miejcie": to take care to keep something so
        /// ("Keep a spare phone ready", "Miejcie zapasowy telefon na czas"): a word of praise after
        /// it is the state to keep and does not stop the reading.
        case keep
        /// "along", Dutch "mee": turns a take into a bring anywhere in its part.
        case along
        /// Swedish "med", German "mit": a bring right after the verb or at its part's end ("Ta
        /// med en tröja", "Nehmt einen Pulli mit"; not "Boka bordet med utsikt").
        case alongAfter
        /// "here", "hit", "hier", "hierher", "tu": to bring someone here.
        case here
        /// "other", "else", "instead", "own", "spare", "annan", "anders", "woanders", "inny",
        /// "indziej", "zamiast": another place or thing.
        case other
        /// "before", "innan", "voordat", "bevor", "zanim", "przed": a precaution, before the
        /// reader does what follows.
        case before
        /// "beforehand", "först", "eerst", "vorher", "najpierw": a precaution.
        case beforehand
        /// "you", "du", "ni", "je", "jullie", "ihr", "kupicie": the reader, after a before.
        case you
        /// "just", "definitely", "please", "bara", "gewoon", "einfach", "koniecznie": a word
        /// between the opening of a clause and its imperative.
        case softener
        /// "if", "om", "als", "wenn", "wer", "jeśli": a condition, when it opens its clause.
        case condition
        /// English "the", "a", "it", "your", "for", "from", "on": what follows an imperative.
        case object
        /// English "out", "up", Swedish "in": after a caution, a promotion ("Check out", "Keep
        /// it up", "Kolla in"), not a caution.
        case particle
        /// "me", "him", "us", "mig", "honom", "mij", "hem", "mich", "ihm", "mnie": a person told
        /// what to do, not advice on a place or a thing ("Give me my jacket", "Ta henne").
        case person
        /// "away", "off", "home", "back", "bort", "hem", "weg", "terug", "raus", "stąd": sent
        /// away, no advice ("Get out of my way", "Ga naar huis", "Lägg av").
        case away
        /// "is", "was", "är", "var", "ist", "jest": a clause that says what something is, with the
        /// verb as its subject ("Ta fingeravtryck är nazistiskt", "Order was wrong"): no advice.
        case copula
    }

    /// The words of `language`'s verdicts told as advice to the reader.
    static func advice(_ language: Language) -> [String: Advice] {
        var out = [String: Advice]()
        switch language {
        case .en:
            out.assign(
                [
                    "order", "get", "buy", "book", "reserve", "try", "pick", "choose", "ask", "grab", "give", "spend",
                    "read", "visit", "treat",
                ], .take)
            out.assign(["go", "leave"], .go)
            out.assign(["bring"], .bring)
            out.assign(["check", "count", "wait", "skip", "avoid", "expect", "beware"], .caution)
            out.assign(["keep"], .keep)
            out.assign(["along"], .along)
            out.assign(["here"], .here)
            out.assign(["other", "another", "else", "elsewhere", "instead", "own", "spare", "backup"], .other)
            out.assign(["before"], .before)
            out.assign(["beforehand"], .beforehand)
            out.assign(["you"], .you)
            out.assign(["just", "definitely", "please", "always", "simply", "then", "so"], .softener)
            out.assign(["if", "whoever"], .condition)
            out.assign(
                [
                    "the", "a", "an", "this", "these", "that", "those", "it", "them", "one", "your", "some", "any",
                    "for", "from", "at", "with", "all", "everything", "two", "yourself",
                ], .object)
            out.assign(["out", "up", "going"], .particle)
            out.assign(["me", "him", "her", "us", "my"], .person)
            out.assign(["away", "off", "home", "back", "lost", "rid", "hell", "down"], .away)
            out.assign(["is", "was", "are", "were"], .copula)
        case .sv:
            out.assign(
                [
                    "beställ", "köp", "boka", "ta", "välj", "fråga", "anmäl", "prova", "testa", "ring", "läs", "anlita",
                    "byt", "besök",
                ], .take)
            out.assign(["gå", "åk"], .go)
            out.assign(["kolla", "kontrollera", "räkna", "spara", "vänta", "undvik", "akta"], .caution)
            out.assign(["håll"], .keep)
            out.assign(["med"], .alongAfter)
            out.assign(["hit"], .here)
            out.assign(
                [
                    "annan", "andra", "annat", "annanstans", "någonstans", "stället", "istället", "hellre", "egen",
                    "eget", "egna",
                ], .other)
            out.assign(["innan"], .before)
            out.assign(["först"], .beforehand)
            out.assign(["du", "ni"], .you)
            out.assign(["bara", "gärna", "absolut", "alltid", "definitivt"], .softener)
            out.assign(["om"], .condition)
            out.assign(["in"], .particle)
            out.assign(["mig", "honom", "henne", "oss", "dig", "min", "mitt", "mina"], .person)
            out.assign(["av", "undan", "bort", "ut", "hem", "tillbaka", "upp"], .away)
            out.assign(["är", "var", "blir", "blev"], .copula)
        case .nl:
            out.assign(
                [
                    "bestel", "koop", "reserveer", "neem", "kies", "vraag", "meld", "probeer", "geef", "begin", "lees",
                    "bel", "bezoek",
                ], .take)
            out.assign(["ga"], .go)
            out.assign(["controleer", "check", "tel", "bewaar", "wacht", "vermijd", "reken"], .caution)
            out.assign(["houd"], .keep)
            out.assign(["mee"], .along)
            out.assign(["hier", "hierheen"], .here)
            out.assign(
                ["andere", "ander", "anders", "elders", "plaats", "liever", "eigen", "reserve"], .other)
            out.assign(["voordat"], .before)
            out.assign(["eerst"], .beforehand)
            out.assign(["je", "jij", "jullie", "u"], .you)
            out.assign(["gewoon", "zeker", "gerust", "vooral", "altijd", "dus"], .softener)
            out.assign(["als", "wie"], .condition)
            out.assign(["me", "mij", "hem", "haar", "ons", "mijn", "m'n"], .person)
            out.assign(["weg", "uit", "terug", "huis", "zitten", "af"], .away)
            out.assign(["is", "was", "zijn", "waren"], .copula)
        case .de:
            out.assign(
                [
                    "bestellt", "kauft", "nehmt", "nimm", "reserviert", "bucht", "fragt", "meldet", "probiert", "holt",
                    "schenkt", "gebt", "lest", "besucht", "gönnt",
                ], .take)
            out.assign(["geht", "geh"], .go)
            out.assign(
                [
                    "prüft", "kontrolliert", "zählt", "wartet", "vermeidet", "rechnet", "spart",
                ], .caution)
            out.assign(["haltet", "behaltet"], .keep)
            out.assign(["mit"], .alongAfter)
            out.assign(["hier", "hierher", "hierhin"], .here)
            out.assign(
                [
                    "andere", "anderen", "anderer", "anderes", "woanders", "anderswo", "stattdessen", "lieber",
                    "eigene", "eigenen", "eigenes",
                ], .other)
            out.assign(["bevor", "ehe"], .before)
            out.assign(["vorher", "vorab", "zuerst"], .beforehand)
            out.assign(["ihr", "du"], .you)
            out.assign(["einfach", "unbedingt", "ruhig", "bitte", "also"], .softener)
            out.assign(["wenn", "falls", "wer"], .condition)
            out.assign(["mich", "mir", "ihn", "ihm", "uns", "mein", "meine", "meinen"], .person)
            out.assign(["weg", "raus", "zurück", "hause", "ab"], .away)
            out.assign(["ist", "war", "sind", "waren"], .copula)
        case .pl:
            out.assign(
                [
                    "zamówcie", "zamów", "kupcie", "kup", "weźcie", "weź", "bierzcie", "zarezerwujcie", "rezerwujcie",
                    "wybierzcie", "wybierz", "pytajcie", "zapytajcie", "poproście", "zapiszcie", "zapisz",
                    "spróbujcie", "dajcie", "wydajcie", "zamawiajcie", "czytajcie", "przeczytajcie", "odwiedźcie",
                ], .take)
            out.assign(["idźcie", "idź", "wychodźcie", "jedźcie"], .go)
            out.assign(["zabierzcie", "zabierz", "przynieście"], .bring)
            out.assign(
                [
                    "sprawdźcie", "sprawdź", "sprawdzajcie", "liczcie", "policzcie", "poczekajcie", "czekajcie",
                    "unikajcie", "uważajcie", "pilnujcie",
                ], .caution)
            out.assign(["zachowajcie", "miejcie", "trzymajcie"], .keep)
            out.assign(["tu", "tutaj"], .here)
            out.assign(
                [
                    "inny", "innej", "innego", "inną", "inne", "innym", "indziej", "zamiast", "raczej", "własne",
                    "własny", "własną", "swoje", "zapasowy", "zapasowe",
                ], .other)
            out.assign(["zanim", "przed"], .before)
            out.assign(["najpierw", "wcześniej"], .beforehand)
            out.assign(
                [
                    "kupicie", "kupisz", "zapłacicie", "zapłacisz", "zamówicie", "zamówisz", "podpiszecie",
                    "podpiszesz", "pojedziecie", "pójdziecie", "wyjdziecie", "przyjedziecie", "zakupem", "zakupu",
                    "przyjazdem", "wyjazdem", "zapłatą",
                ], .you)
            out.assign(["koniecznie", "śmiało", "zawsze", "lepiej"], .softener)
            out.assign(["jeśli", "jeżeli", "gdy", "kto"], .condition)
            out.assign(["mnie", "mi", "nas", "nam", "mój", "moją", "moje"], .person)
            out.assign(["stąd", "precz", "domu", "dwór"], .away)
            out.assign(["jest", "był", "była", "było", "są"], .copula)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads a verdict told as advice to the reader (`SentimentRules+Advice`): runs after the
    /// requests and before negation. Not in a question, nor in a sentence that tells what came.
    func markAdvice(
        _ info: UnsafeMutablePointer<Info>, _ n: Int, question: Bool, needsObject: Bool, negatesBackward: Bool
    ) {
        let any = !question && anyIndex(n) { info[$0].advice.advises && !info[$0].fixed }
        guard any, !anyIndex(n, { info[$0].request == .got || info[$0].request == .came }) else { return }
        func role(_ j: Int) -> SentimentRules.Advice { j >= 0 && j < n ? info[j].advice : .none }
        // ("and", Polish "i": the requests' word, where no joiner of the language says it.)
        func isAnd(_ j: Int) -> Bool { info[j].request == .and }
        // Whether a clause begins at `j`: the sentence's start, a comma, or after a contrast
        // word, a joiner or "and".
        // (After "and" only once an imperative was read: "Beställ fisken och ta en extra portion",
        // not "Han skulle bestämma och ta pengarna".)
        var advised = false
        func begins(_ j: Int) -> Bool {
            j == 0 || info[j].clauseStart || info[j - 1].contrast
                || advised && (info[j - 1].joiner || isAnd(j - 1))
        }
        // An imperative opens its clause, after at most two softeners or negators.
        func opens(_ k: Int) -> Bool {
            var j = k
            while j > max(0, k - 2) && !begins(j)
                && (role(j - 1) == .softener || info[j - 1].negator && !info[j - 1].without)
            {
                j -= 1
            }
            guard begins(j) else { return false }
            // In English, before an object: "Order the lamb", not "Order was wrong".
            guard needsObject, role(k) != .go else { return true }
            let next = role(k + 1)
            return next == .object || next == .particle || k + 1 < n && info[k + 1].without || next == .here
                || next == .other || next == .along
                || next == .you || (k + 1 < n && info[k + 1].amount >= 0)
        }
        var k = 0
        while k < n {
            defer { k += 1 }
            let r = role(k)
            guard r.advises, !info[k].fixed, opens(k) else { continue }
            let span = span(of: k, info, n, isAnd: isAnd)
            // Something to take or to do after it, in a sentence of three words or more (not "Get
            // them!", "Weź wiosło"), no person told what to do or sent away, and no "is" right after it.
            guard span.upperBound > k + 1, n >= 3,
                !span.contains(where: { role($0) == .person || role($0) == .away && r != .go }),
                !((k + 1)...(k + 3)).contains(where: { role($0) == .copula }),
                r == .caution || r == .keep || !span.contains(where: { role($0) == .particle })
            else { continue }
            let clause = clause(of: k, info, n)
            // Its reach: its clause, and the next one if a before opens it ("…, bevor ihr kauft").
            var reach = clause
            if clause.upperBound < n && role(clause.upperBound) == .before {
                reach = clause.lowerBound..<self.clause(of: clause.upperBound, info, n).upperBound
            }
            let precaution = ((k + 1)..<reach.upperBound).contains { j in
                role(j) == .beforehand && span.contains(j) || role(j) == .before && role(j + 1) == .you
            }
            let another = span.contains { role($0) == .other }
            let negator = perceptionNegator(of: k, info, n, negatesBackward: negatesBackward).flatMap {
                span.contains($0) ? $0 : nil
            }
            let without = negator.map { g in ((k + 1)..<span.upperBound).contains { $0 != g && info[$0].without } }
            // "Check out", "Keep it up", "Kolla in": a promotion.
            let promoted =
                (r == .caution || r == .keep) && (role(k + 1) == .particle || role(k + 2) == .particle && needsObject)
            // Quiet: no other word of its part leans or is read (after a keep, praise is the state
            // to keep).
            let quiet = !span.contains { j in
                j != k && j != negator && !info[j].negator && (info[j].valence != 0 || info[j].fixed)
                    && !(r == .keep && !promoted && info[j].valence > 0 && (!info[j].fixed || info[j].phrase))
            }
            guard quiet else { continue }
            // Go and leave only negated.
            if r == .go && negator == nil { continue }
            var praise: Bool
            if precaution {
                praise = false
            } else {
                let bring =
                    r == .bring
                    || r == .take
                        && span.contains { j in
                            role(j) == .along
                                || role(j) == .alongAfter && (j == k + 1 || j + 1 == span.upperBound)
                        }
                if another {
                    praise = false
                } else if bring {
                    praise = span.contains { role($0) == .here }
                } else {
                    praise = r == .take || promoted
                }
                if let g = negator {
                    praise = without == true || r != .go && !praise
                    takeNegator(g, info)
                    for j in span where j != g && info[j].without { takeNegator(j, info) }
                }
            }
            // A condition before it (or after it, in its reach) counts nothing: it is the reader's.
            for c in 0..<reach.upperBound where role(c) == .condition && begins(c) && c != k {
                for j in self.clause(of: c, info, n) where !info[j].negator && !span.contains(j) {
                    info[j].valence = 0
                }
            }
            // (A verb that leans the same way already keeps its own lean: "Avoid at all costs".)
            let own = info[k].valence
            settle(k, praise: praise, over: span, info)
            if (own > 0) == praise && abs(own) > abs(info[k].valence) { info[k].valence = own }
            advised = true
            k = span.upperBound - 1
        }
    }
}

extension SentimentRules.Advice {
    /// Whether the word is an imperative that may decide a verdict.
    var advises: Bool { self == .take || self == .bring || self == .caution || self == .keep || self == .go }
}
