/// A verdict told by how the staff treated the customer (issue 19, thirtieth round): "The guide
/// waited at every gate for my dad", "Receptionisten erbjöd mig en stol medan jag väntade", "De
/// koerier belde dat hij tien minuten later zou komen", and "Die Bedienung hat gegähnt, während
/// ich bestellt habe", "Lekarz rozmawiał o mnie ze studentem, jakby mnie tam nie było". No word
/// in them says good or bad, and the words that do carry a valence are the customer's trouble
/// (a wait, an illness, a needle, lateness), which the care answered.
///
/// - **Care is praise** where someone other than the speaker does it for the customer: a word
///   of care ("offered", "remembered", "explained", "listened", "carried", "warned", "waited",
///   "erbjöd", "onthield", "angeboten", "zapamiętała") with a word for the customer in its
///   sentence ("me", "us", "my", "mig", "ons", "meinen", "mnie"), and no word for the speaker
///   before it in its clause ("We waited for our food" is the customer's wait). A call ahead
///   ("phoned to say", "ringde och sa att", "belde dat", "angerufen, dass", "zadzwonił, że") is
///   care too. The customer's trouble in the sentence ("while I waited", "who walks with a
///   stick", "ten minutes late", "because I was ill") then counts nothing. Care is read only
///   where no other word of the sentence complains; negated ("nobody offered us a chair") it is
///   a complaint.
/// - **A slight is a complaint** where no word of the sentence praises: a sigh, a yawn, a shrug,
///   a smirk, mimicking ("sighed", "gäspade", "zuchtte", "nachgemacht", "przedrzeźniał"); rolled
///   eyes and a turned back ("himlade med ögonen", "verdrehte die Augen", "odwrócił się
///   plecami"); laughing at the customer ("laughed at my question", "skrattade åt mig", "über
///   mich gelacht", "śmiał się z nas") or when the customer asked ("laughed when I asked");
///   "as if I wasn't there" ("som om jag inte var där", "alsof ik er niet bij was", "als wäre ich
///   nicht da", "jakby mnie nie było"); the one behind served first ("served the man behind me
///   first", "zuerst den Mann hinter mir bedient"); mid-sentence ("mitt i en mening", "mitten im
///   Satz", "w połowie zdania"); without a word ("utan ett ord", "ohne ein Wort", "bez słowa");
///   answers of one word ("svarade med ett ord", "odpowiadał jednym słowem"); told to google it.
extension SentimentRules {
    /// What a word does in a verdict told by how the staff treated the customer.
    enum Treatment: Sendable, Equatable {
        case none
        /// "offered", "remembered", "explained", "erbjöd", "onthield", "angeboten", "zapamiętała":
        /// care, with a word for the customer.
        case care
        /// "waited", "väntade", "wachtte", "gewartet", "czekał": care with a word for the
        /// customer and no word for the speaker before it; else the customer's trouble.
        case waited
        /// "phoned", "ringde", "belde", "angerufen", "zadzwonił": a call ahead, care with
        /// `message` or a word for the customer after it.
        case call
        /// "to say", "att", "dat", "dass", "że": what a call said.
        case message
        /// "me", "us", "my", "mig", "oss", "ons", "mijn", "mir", "uns", "mnie": the customer.
        case aim
        /// "I", "we", "jag", "vi", "ik", "ich", "wir": the speaker, the customer: before care in
        /// its clause it is the customer's act; after it ("until we", "tills vi") the customer.
        case speaker
        /// "wait", "late", "ill", "needle", "stick", "sjuk", "ziek", "Krücken", "lasce": the
        /// customer's trouble, which care answered.
        case trouble
        /// "sighed", "yawned", "gäspade", "zuchtte", "gegähnt", "westchnął": a slight.
        case slight
        /// "rolled", "himlade", "rolde", "verdrehte", "przewrócił": a slight with `pairTail`
        /// within three words either side ("rolled her eyes", "mit den Schultern gezuckt").
        case pairHead
        /// "eyes", "ögonen", "ogen", "Augen", "oczami", "Schultern", "ramionami": see `pairHead`.
        case pairTail
        /// "laughed", "skrattade", "lachte", "gelacht", "śmiał": a slight aimed at the customer.
        case laugh
        /// "at", "åt", "om", "über", "z": laughing at, before a word for the customer.
        case laughAt
        /// "when", "när", "toen", "als", "kiedy": laughing when the customer (the speaker) did
        /// something.
        case when
        /// "as", "som" before `ifTail`; Dutch "alsof", Polish "jakby" are `asIf`.
        case asHead
        /// "if", "though", "om": see `asHead`.
        case ifTail
        /// "alsof", "jakby": as if.
        case asIf
        /// German "als": "as if" before "wäre" or "würde" (`irrealisVerb`), "when" before a word
        /// for the speaker.
        case als
        /// "wäre", "würde": German "as if" after "als".
        case irrealisVerb
        /// Swedish "mitt": a word for the customer ("mitt namn") and mid ("mitt i en mening").
        case aimMid
        /// "behind", "bakom", "achter", "hinter": the one behind the customer.
        case behind
        /// "first", "först", "eerst", "zuerst", "najpierw": served first.
        case first
        /// "mitt", "midden", "mitten", "połowie": mid-sentence before `sentence`.
        case mid
        /// "mening", "zin", "satz", "zdania": see `mid`.
        case sentence
        /// "word", "ord", "woord", "Wort", "słowa", "słowem": without a word; one word.
        case word
        /// "one", "ett", "één", "einem", "jednym": answers of one word.
        case one
        /// "answered", "svarade", "antwoordde", "beantwortet", "odpowiadał": see `one`.
        case reply
        /// "google", "googla", "googelen", "googeln", "wygooglować": told to google it.
        case google
        /// "told", "said", "sa", "zei", "gesagt", "kazał": see `google`.
        case told
        /// "line", "step", "rad", "regel", "Zeile", "pozycja": care, one by one, before `by` and
        /// another ("line by line", "rad för rad", "Zeile für Zeile", "pozycja po pozycji").
        case piece
        /// "by", "för", "voor", "für", "po": see `piece`.
        case by
        /// "before", "innan", "bij", "vor", "przed": care before every trouble ("before every
        /// needle", "vor jedem Stich"); a greeting only after something else ("before she even
        /// said hello").
        case before
        /// "every", "each", "varje", "elke", "jedem", "każdym": see `before`.
        case every
        /// "even", "ens", "überhaupt", "nawet": see `before`.
        case even
        /// "hello", "greeted", "hälsade", "goedendag", "gegrüßt", "przywitała": a greeting,
        /// negated or only after something else a slight.
        case greet
        /// "dopiero": Polish "only then", before a greeting.
        case onlyThen
        /// "who", "die", "der", "który": a clause opened by it after a comma tells of the one
        /// cared for ("for my dad, who walks with a stick"): the trouble care answered.
        case relative
        /// Swedish "som": as (`asHead`, "som om") and a relative pronoun ("som går med käpp").
        case relativeAs
    }

    /// The valence of a verdict told by how the staff treated the customer: as strong as a
    /// figure against a promise.
    static let treatmentValence = 1.5

    /// A word of the sentence this far from zero or further, the other way, decides the
    /// sentence: no treatment in it is read.
    static let treatmentGuard = 0.5

    /// The words of `language`'s verdicts told by how the staff treated the customer.
    static func treatment(_ language: Language) -> [String: Treatment] {
        var out = [String: Treatment]()
        switch language {
        case .en:
            out.assign(
                [
                    "offered", "remembered", "explained", "listened", "knelt", "kneeled", "carried", "warned",
                    "escorted", "reassured", "wrote",
                ], .care)
            out.assign(["waited"], .waited)
            out.assign(["phoned", "rang", "texted", "called"], .call)
            out.assign(["say", "let"], .message)
            out.assign(["me", "us", "my", "our"], .aim)
            out.assign(["i", "we", "i'd", "we'd", "i've", "we've"], .speaker)
            out.assign(
                [
                    "wait", "waiting", "late", "later", "ill", "sick", "needle", "needles", "injection", "stick",
                    "crutches", "wheelchair", "pain", "scared", "nervous", "afraid", "worried", "anxious",
                ], .trouble)
            out.assign(
                [
                    "sighed", "sighing", "yawned", "yawning", "smirked", "smirking", "mimicked", "mimicking",
                    "shrugged", "mid-sentence", "eye-roll", "eye-rolling",
                ], .slight)
            out.assign(["rolled", "rolling"], .pairHead)
            out.assign(["eyes"], .pairTail)
            out.assign(["laughed", "laughing", "sniggered", "giggled"], .laugh)
            out.assign(["at"], .laughAt)
            out.assign(["when"], .when)
            out.assign(["as"], .asHead)
            out.assign(["if", "though"], .ifTail)
            out.assign(["behind"], .behind)
            out.assign(["first"], .first)
            out.assign(["word"], .word)
            out.assign(["one", "single"], .one)
            out.assign(["answered", "replied", "answer", "answers"], .reply)
            out.assign(["line", "step", "point", "item", "page"], .piece)
            out.assign(["by"], .by)
            out.assign(["before"], .before)
            out.assign(["every", "each"], .every)
            out.assign(["even"], .even)
            out.assign(["hello", "hi", "greeted", "greet", "acknowledged", "acknowledge"], .greet)
            out.assign(["google", "googling"], .google)
            out.assign(["who"], .relative)
            out.assign(["told", "said"], .told)
        case .sv:
            out.assign(
                [
                    "erbjöd", "ihåg", "förklarade", "lyssnade", "varnade", "följde", "lugnade", "skrev",
                ], .care)
            out.assign(["väntade"], .waited)
            out.assign(["ringde", "messade", "sms:ade"], .call)
            out.assign(["att"], .message)
            out.assign(["mig", "mej", "oss", "min", "mina", "vår", "vårt", "våra"], .aim)
            out.assign(["mitt"], .aimMid)
            out.assign(["jag", "vi"], .speaker)
            out.assign(
                [
                    "vänta", "väntan", "väntat", "sen", "sent", "senare", "sjuk", "sjukt", "förkyld", "spruta",
                    "sprutan", "stick", "käpp", "kryckor", "rullstol", "ont", "rädd", "nervös", "orolig",
                ], .trouble)
            out.assign(["suckade", "gäspade", "flinade", "härmade", "hånflinade"], .slight)
            out.assign(["himlade", "ryckte", "vände"], .pairHead)
            out.assign(["ögonen", "axlarna", "ryggen"], .pairTail)
            out.assign(["skrattade", "fnissade"], .laugh)
            out.assign(["åt"], .laughAt)
            out.assign(["när"], .when)
            out.assign(["som"], .relativeAs)
            out.assign(["om"], .ifTail)
            out.assign(["bakom"], .behind)
            out.assign(["först"], .first)
            out.assign(["mening"], .sentence)
            out.assign(["ord"], .word)
            out.assign(["ett", "enda"], .one)
            out.assign(["svarade", "svar"], .reply)
            out.assign(["rad", "steg", "punkt", "post", "sida"], .piece)
            out.assign(["för"], .by)
            out.assign(["innan", "före"], .before)
            out.assign(["varje", "varenda"], .every)
            out.assign(["ens"], .even)
            out.assign(["hälsade", "hälsa", "hej", "hälsat"], .greet)
            out.assign(["googla", "googlade"], .google)
            out.assign(["sa", "sade"], .told)
        case .nl:
            out.assign(
                [
                    "bood", "onthield", "onthouden", "uitgelegd", "luisterde", "knielde", "droeg", "waarschuwde",
                    "toonde", "schreef",
                ], .care)
            out.assign(["wachtte", "gewacht"], .waited)
            out.assign(["belde", "gebeld", "appte", "sms'te"], .call)
            out.assign(["dat"], .message)
            out.assign(["me", "mij", "ons", "onze", "mijn", "m'n"], .aim)
            out.assign(["ik", "we", "wij"], .speaker)
            out.assign(
                [
                    "wachten", "wachttijd", "laat", "later", "ziek", "prik", "naald", "spuit", "stok", "krukken",
                    "rolstoel", "pijn", "bang", "zenuwachtig", "ongerust",
                ], .trouble)
            out.assign(["zuchtte", "geeuwde", "gaapte", "grijnsde", "gezucht", "gegaapt", "uitgelachen"], .slight)
            out.assign(["rolde", "haalde", "draaide"], .pairHead)
            out.assign(["ogen", "schouders", "rug"], .pairTail)
            out.assign(["lachte", "lachten", "giechelde"], .laugh)
            out.assign(["om", "uit"], .laughAt)
            out.assign(["toen"], .when)
            out.assign(["alsof"], .asIf)
            out.assign(["achter"], .behind)
            out.assign(["eerst"], .first)
            out.assign(["midden"], .mid)
            out.assign(["zin"], .sentence)
            out.assign(["woord"], .word)
            out.assign(["één", "een", "enkel"], .one)
            out.assign(["antwoordde", "antwoord", "antwoorden", "beantwoordde"], .reply)
            out.assign(["regel", "stap", "punt", "post", "pagina", "bladzijde"], .piece)
            out.assign(["voor"], .by)
            out.assign(["bij", "vóór", "voordat"], .before)
            out.assign(["elke", "iedere", "ieder"], .every)
            out.assign(["eens", "zelfs"], .even)
            out.assign(["goedendag", "gedag", "begroette", "groette", "gegroet", "hallo"], .greet)
            out.assign(["googelen", "googlen", "googleen"], .google)
            out.assign(["die", "wie"], .relative)
            out.assign(["zei", "zeiden"], .told)
        case .de:
            out.assign(
                [
                    "angeboten", "bot", "gemerkt", "merkte", "erklärt", "erklärte", "zugehört", "angehört", "kniete",
                    "getragen", "trug", "gewarnt", "warnte", "gezeigt", "zeigte", "begleitet", "begleitete",
                    "beruhigt", "geschrieben", "schrieb",
                ], .care)
            out.assign(["gewartet", "wartete"], .waited)
            out.assign(["angerufen", "rief"], .call)
            out.assign(["dass"], .message)
            out.assign(
                [
                    "mir", "mich", "uns", "mein", "meine", "meinen", "meinem", "meiner", "unser", "unsere", "unseren",
                    "unserem", "unserer",
                ], .aim)
            out.assign(["ich", "wir"], .speaker)
            out.assign(
                [
                    "warten", "wartezeit", "später", "spät", "krank", "stich", "spritze", "stock", "krücken",
                    "rollstuhl", "schmerzen", "angst", "nervös",
                ], .trouble)
            out.assign(
                [
                    "seufzte", "geseufzt", "gähnte", "gegähnt", "grinste", "gegrinst", "nachgemacht", "nachgeäfft",
                    "ausgelacht",
                ],
                .slight)
            out.assign(["verdrehte", "verdreht", "zuckte", "gezuckt", "zugedreht", "drehte"], .pairHead)
            out.assign(["augen", "schultern", "rücken"], .pairTail)
            out.assign(["lachte", "gelacht", "kicherte"], .laugh)
            out.assign(["über"], .laughAt)
            out.assign(["als"], .als)
            out.assign(["wäre", "würde", "wären", "würden"], .irrealisVerb)
            out.assign(["hinter"], .behind)
            out.assign(["zuerst", "erst"], .first)
            out.assign(["mitten"], .mid)
            out.assign(["satz", "satzes"], .sentence)
            out.assign(["wort"], .word)
            out.assign(["einem", "ein", "einzigen"], .one)
            out.assign(["beantwortet", "antwortete", "geantwortet"], .reply)
            out.assign(["zeile", "schritt", "punkt", "posten", "position", "seite"], .piece)
            out.assign(["für"], .by)
            out.assign(["vor", "bevor"], .before)
            out.assign(["jedem", "jeder", "jede", "jeden"], .every)
            out.assign(["überhaupt", "einmal"], .even)
            out.assign(["gegrüßt", "begrüßt", "grüßte", "begrüßte", "hallo"], .greet)
            out.assign(["googeln", "googlen"], .google)
            out.assign(["die", "der", "dem", "den"], .relative)
            out.assign(["gesagt", "sagte", "meinte", "gemeint"], .told)
        case .pl:
            out.assign(
                [
                    "zaproponowała", "zaproponował", "zapamiętała", "zapamiętał", "wytłumaczyła", "wytłumaczył",
                    "wyjaśniła", "wyjaśnił", "wysłuchała", "wysłuchał", "uklękła", "ukląkł", "zaniosła", "zaniósł",
                    "odprowadziła", "odprowadził", "uprzedziła", "uprzedził", "pokazała", "pokazał", "uspokoiła",
                    "uspokoił", "napisała", "napisał",
                ], .care)
            out.assign(["czekał", "czekała", "poczekał", "poczekała", "zaczekał", "zaczekała"], .waited)
            out.assign(["zadzwoniła", "zadzwonił"], .call)
            out.assign(["że", "żeby"], .message)
            out.assign(
                [
                    "mi", "mnie", "nam", "nas", "mój", "moja", "moje", "mojego", "mojej", "moim", "moją", "nasz",
                    "nasza", "nasze", "naszego", "naszej", "naszym", "naszą", "mną", "nami",
                ], .aim)
            out.assign(["ja", "my"], .speaker)
            out.assign(
                [
                    "czekałam", "czekałem", "czekaliśmy", "czekania", "spóźni", "spóźnienie", "później", "chory",
                    "chora", "chorego", "ukłucie", "ukłuciem", "zastrzyk", "lasce", "laską", "kulach", "wózku",
                    "ból", "bólu", "bała", "bał", "bałam", "bałem",
                ], .trouble)
            out.assign(
                [
                    "westchnął", "westchnęła", "wzdychał", "wzdychała", "ziewał", "ziewała", "ziewnął", "ziewnęła",
                    "przedrzeźniał", "przedrzeźniała", "wyśmiała", "wyśmiał", "wyśmiali",
                ], .slight)
            out.assign(["przewrócił", "przewróciła", "wzruszył", "wzruszyła", "odwrócił", "odwróciła"], .pairHead)
            out.assign(["oczami", "ramionami", "plecami"], .pairTail)
            out.assign(["śmiał", "śmiała", "śmiali", "zaśmiał", "zaśmiała", "roześmiał", "roześmiała"], .laugh)
            out.assign(["z", "ze"], .laughAt)
            out.assign(["kiedy", "gdy"], .when)
            out.assign(["jakby"], .asIf)
            out.assign(["za"], .behind)
            out.assign(["najpierw"], .first)
            out.assign(["połowie"], .mid)
            out.assign(["zdania"], .sentence)
            out.assign(["słowa", "słowem"], .word)
            out.assign(["jednym"], .one)
            out.assign(["odpowiadał", "odpowiadała", "odpowiedział", "odpowiedziała"], .reply)
            out.assign(["pozycja", "pozycji", "krok", "kroku", "punkt", "punktu", "strona", "strony"], .piece)
            out.assign(["po"], .by)
            out.assign(["przed", "zanim"], .before)
            out.assign(["każdym", "każdą", "każdej", "każdego"], .every)
            out.assign(["nawet"], .even)
            out.assign(["przywitała", "przywitał", "przywitali", "przywitać", "powitała", "powitał"], .greet)
            out.assign(["dopiero"], .onlyThen)
            out.assign(["wygooglować", "wygooglowała", "googlować", "wygoogluj"], .google)
            out.assign(["który", "która", "które", "którzy", "której", "któremu"], .relative)
            out.assign(["kazał", "kazała", "powiedział", "powiedziała"], .told)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads how the staff treated the customer (`SentimentRules+Treatment`): runs after the
    /// custom and before negation.
    func markTreatment(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        // Most sentences have none of the words that start a treatment.
        let any = anyIndex(n) { info[$0].treatment.startsATreatment }
        guard any else { return }
        if let at = slight(info, n) {
            // Laughing can be with the customer ("laughed at my jokes, lovely"): not where a word
            // praises. The other slights are one whatever else the sentence says.
            if info[at].treatment != .laugh || !praisedElsewhere(at, info, n) { setTreatment(at, praise: false, info) }
            return
        }
        guard let (at, negated) = care(info, n) else { return }
        if negated {
            if !praisedElsewhere(at, info, n) { setTreatment(at, praise: false, info) }
            return
        }
        // Praise only where no other word complains and nothing is negated. The customer's
        // trouble counts nothing (the care answered it): a word of trouble, and what a relative
        // clause after the care tells of the one cared for ("for my dad, who walks badly").
        var answered = [Int]()
        var relative = false
        for k in 0..<n where k != at {
            if info[k].clauseStart {
                relative = k > at && (info[k].treatment == .relative || info[k].treatment == .relativeAs)
            }
            if info[k].negator { return }
            let trouble = (relative || info[k].treatment.isTrouble) && !info[k].fixed
            if trouble && info[k].valence < 0 {
                answered.append(k)
            } else if info[k].valence <= -SentimentRules.treatmentGuard {
                return
            }
        }
        for k in answered { info[k].valence = 0 }
        setTreatment(at, praise: true, info)
    }

    /// Whether a word other than the one at `at` praises.
    private func praisedElsewhere(_ at: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> Bool {
        for k in 0..<n where k != at && info[k].valence >= SentimentRules.treatmentGuard { return true }
        return false
    }

    private func setTreatment(_ at: Int, praise: Bool, _ info: UnsafeMutablePointer<Info>) {
        info[at].valence = praise ? SentimentRules.treatmentValence : -SentimentRules.treatmentValence
        info[at].fixed = true
    }

    /// The word of care and whether it is negated, or nil: care by someone other than the
    /// speaker, for the customer. A word another rule has read keeps that reading.
    private func care(_ info: UnsafeMutablePointer<Info>, _ n: Int) -> (Int, Bool)? {
        func role(_ j: Int) -> SentimentRules.Treatment { info.treatment(j, n) }
        for k in 0..<n where !info[k].fixed {
            let kind = info[k].treatment
            // "line by line", "Zeile für Zeile", "pozycja po pozycji": care with a word for the
            // customer, like a word of care.
            let oneByOne = kind == .piece && role(k + 1) == .by && role(k + 2) == .piece
            // "before every needle", "vor jedem Stich": care, told before each of the
            // customer's troubles.
            if kind == .before && role(k + 1) == .every && (role(k + 2).isTrouble || role(k + 3).isTrouble)
                && !spokenBefore(k, info)
            {
                return (k, false)
            }
            guard kind == .care || kind == .waited || kind == .call || oneByOne else { continue }
            // The speaker before it in its clause: the customer's own act ("We waited for our
            // food", "Ich habe auf meinen Vater gewartet").
            var start = k
            while start > 0 && !info[start].clauseStart { start -= 1 }
            var spoken = false, negated = false
            for j in start..<k {
                if info[j].treatment == .speaker { spoken = true }
                if info[j].negator && k - j <= 3 { negated = true }
            }
            if spoken { continue }
            var aimed = false
            for j in (k + 1)..<min(n, k + 7) {
                let other = info[j].treatment
                // A call tells care by what it said ("phoned to say", "belde dat"); the rest by
                // a word for the customer after it ("offered me", "waited until we").
                if kind == .call ? other == .message : other.isAim || (other == .speaker && kind == .waited) {
                    aimed = true
                    break
                }
            }
            // German and Dutch put the verb last ("hat mir … angeboten"): a word for the
            // customer before it in its clause counts too, but not the clause's first word,
            // which is its subject ("My husband waited in the car").
            if !aimed && kind != .call && k > start + 1 {
                for j in (start + 1)..<k where info[j].treatment.isAim { aimed = true }
            }
            if aimed { return (k, negated) }
        }
        return nil
    }

    /// Whether a word for the speaker comes before `k` in its clause.
    private func spokenBefore(_ k: Int, _ info: UnsafeMutablePointer<Info>) -> Bool {
        var j = k - 1
        while j >= 0 {
            if info[j].treatment == .speaker { return true }
            if info[j].clauseStart { break }
            j -= 1
        }
        return false
    }

    /// The word that tells a slight, or nil.
    private func slight(_ info: UnsafeMutablePointer<Info>, _ n: Int) -> Int? {
        var told = false, reply = false, first = false
        for k in 0..<n {
            switch info[k].treatment {
            case .told: told = true
            case .reply: reply = true
            case .first: first = true
            default: break
            }
        }
        func role(_ j: Int) -> SentimentRules.Treatment { info.treatment(j, n) }
        for k in 0..<n where !info[k].fixed {
            switch info[k].treatment {
            case .slight:
                return k
            case .pairHead:
                // "rolled her eyes", "mit den Schultern gezuckt".
                for j in max(0, k - 3)..<min(n, k + 4) where info[j].treatment == .pairTail { return k }
            case .laugh where !spokenBefore(k, info):
                // "laughed at my question", "über mich gelacht", "śmiał się z nas"; not the
                // speaker's own laugh ("how I laughed when I saw you").
                for j in max(0, k - 4)..<min(n, k + 4) where info[j].treatment == .laughAt && role(j + 1).isAim {
                    return k
                }
                // "laughed when I asked", "hat gelacht, als ich fragte".
                for j in (k + 1)..<min(n, k + 3)
                where (info[j].treatment == .when || info[j].treatment == .als) && role(j + 1) == .speaker {
                    return k
                }
            case .asHead where role(k + 1) == .ifTail, .relativeAs where role(k + 1) == .ifTail:
                if asIfNegated(k + 2, info, n) { return k }
            case .asIf where asIfNegated(k + 1, info, n):
                return k
            case .als where role(k + 1) == .irrealisVerb && asIfNegated(k + 2, info, n):
                return k
            case .behind where first && (role(k + 1).isAim || role(k + 1) == .speaker):
                return k
            case .mid, .aimMid:
                if info[k].treatment == .mid || role(k + 1) != .aim,
                    role(k + 1) == .sentence || role(k + 2) == .sentence || role(k + 3) == .sentence
                {
                    return k
                }
            case .word where k > 0 && (info[k - 1].without || (k > 1 && info[k - 2].without)):
                return k
            case .word where reply && k > 0 && role(k - 1) == .one:
                return k
            case .google where told:
                return k
            case .greet:
                // "Nobody said hello", "didn't even greet us": a greeting negated; "before she
                // even said hello", "bevor sie überhaupt gegrüßt hat", "dopiero potem się
                // przywitała": a greeting only after something else.
                for j in max(0, k - 4)..<k {
                    if info[j].negator && !spokenBefore(j + 1, info) { return k }
                    if info[j].treatment == .before
                        && (role(j + 1) == .even || role(j + 2) == .even || role(j + 3) == .even)
                    {
                        return k
                    }
                    if info[j].treatment == .onlyThen { return k }
                }
            default:
                break
            }
        }
        return nil
    }

    /// Whether "as if" is followed, within four words, by a word for the customer and a negator:
    /// "as if I wasn't there", "jakby mnie tam nie było".
    private func asIfNegated(_ from: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> Bool {
        var person = false
        for j in from..<min(n, from + 4) {
            if info[j].treatment == .speaker || info[j].treatment.isAim { person = true }
            if info[j].negator && person { return true }
        }
        return false
    }
}

extension SentimentRules.Treatment {
    /// Whether the word can tell a treatment by itself or as the word that decides one.
    var startsATreatment: Bool {
        switch self {
        case .care, .waited, .call, .slight, .pairHead, .laugh, .asHead, .relativeAs, .asIf, .als, .behind, .mid,
            .aimMid, .word,
            .google, .piece, .before, .greet:
            true
        default: false
        }
    }

    /// A word for the customer ("me", "mitt").
    var isAim: Bool { self == .aim || self == .aimMid }

    /// The customer's trouble, which care answers: a trouble word, or a wait that was not care.
    var isTrouble: Bool { self == .trouble || self == .waited }
}

extension UnsafeMutablePointer<SentimentScorer.Info> {
    /// The treatment role of word `j` of a sentence of `n` words, `.none` outside it.
    fileprivate func treatment(_ j: Int, _ n: Int) -> SentimentRules.Treatment {
        j >= 0 && j < n ? self[j].treatment : .none
    }
}
