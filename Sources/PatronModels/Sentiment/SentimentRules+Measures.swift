/// A verdict told as a measured fact (issue 19, twenty-second round): how long a thing lasted
/// or a battery holds, how soon the service came, and the fault that did not happen once.
///
/// - **How long it lasted**: "Lasted eleven days", "Lagningen höll i två veckor", "Der Akku
///   hält gerade mal zwei Stunden", "Słuchawki wytrzymały dokładnie miesiąc" are complaints;
///   "Der Akku hält locker eine Woche", "Bateria wytrzymuje spokojnie trzy dni" praise. A span
///   of time in a clause with a word for lasting leans by its length: years are long, anything
///   shorter is short; where the sentence speaks of a battery or a charge, a day is already
///   long and hours are short. "only", "half", "nur", "ledwie", "pół" make the span short, "easily", "locker",
///   "spokojnie" and "still" long; a negated lasting ("didn't even last a week") is short.
/// - **How long it has worked**: a span of years in a clause with a word for running, using or
///   wearing, and no complaint or negator in it, is praise ("Läuft seit vier Jahren jeden Tag",
///   "Pralka chodzi od ośmiu lat"). A shorter span says nothing ("läuft seit zwei Wochen").
/// - **How long a charge holds**: a span of a day or more in a clause with a word for a battery
///   or a charge, and no complaint, negator or "only" in it, is praise ("Two days between
///   charges"); "charges" there is the battery's, not a fee.
/// - **Still, after a span**: "Still on the original battery after five years", "Nach fünf
///   Jahren immer noch": a span after "after", or with a word for running, with "still" in its
///   clause and no complaint, negator or "only" there, is praise, and "after" no longer tells how soon
///   something failed ("Still not delivered after three weeks" stays a complaint).
/// - **How soon it came**: a span up to a day after "within", "inom", "binnen", "innerhalb",
///   "w ciągu", with no complaint or negator in its clause, is praise ("Svar inom tio minuter").
/// - **The next day**: a day or morning after "next", "nästa", "nächsten", "następnego" in a
///   clause with a word for coming or delivering, and no complaint or negator in it, is praise
///   ("Die Lieferung war schon am nächsten Morgen da", "Przyszło następnego dnia"; twenty-third
///   round).
/// - **Not a single fault**: a negated complaint in a clause with "single", "once", "enda",
///   "einziges", "enkele", "ani" is praise, as a fault negated is ("not one crack", "kein
///   einziges Loch"), not the faint praise of "not bad"; and a span after "after" in a clause
///   with a negated complaint tells how long nothing went wrong ("No complaints after a year").
/// - **Time given**: Polish "poświęcił mi pięć minut" (the doctor gave me five minutes) is a
///   complaint and "całą godzinę" praise: an hour or more is long.
extension SentimentRules {
    /// What a word does in a verdict told as a measured fact.
    enum Measure: Sendable, Equatable {
        case none
        /// A unit of time, by length: seconds and minutes, hours, days, weeks, months, years.
        case minutes, hours, days, weeks, months, years
        /// "lasted", "höll", "hält", "wytrzymała": a span in its clause is how long it lasted.
        case lasts
        /// "poświęcił": time given to the customer, long from an hour.
        case gave
        /// "läuft", "chodzi", "used": a span of years in its clause is how long it has worked.
        case runs
        /// "still", "fortfarande", "noch", "nadal".
        case still
        /// "only", "half", "bara", "nur", "ledwie", "pół": the span is short.
        case barely
        /// "easily", "locker", "spokojnie", "full": the span is long.
        case easily
        /// "within", "inom", "binnen", "innerhalb", "ciągu": how soon it came.
        case within
        /// "battery", "Akku", "bateria", "charges": a day is long.
        case battery
        /// "single", "enda", "einziges", "ani": a negated complaint near it is praise.
        case emphatic
        /// "one" right after a negator ("not one crack"): emphatic there only.
        case one
        /// "next", "nästa", "nächsten", "następnego": with a day after it, how soon it came.
        case next
        /// "arrived", "kom", "geliefert", "przyszło": a word for coming, for "next day".
        case arrived
        /// "morning", "morgon", "Morgen", "rano": a day, after "next" only.
        case morning

        /// The length of a unit (1 minutes to 6 years), or 0 for any other word.
        var length: Int {
            switch self {
            case .minutes: 1
            case .hours: 2
            case .days: 3
            case .weeks: 4
            case .months: 5
            case .years: 6
            default: 0
            }
        }
    }

    /// The valence of a span that tells a verdict: as strong as a wait told with its length.
    static let measureValence = 1.5

    /// The words of `language`'s verdicts told as measured facts.
    static func measures(_ language: Language) -> [String: Measure] {
        var out = [String: Measure]()
        switch language {
        case .en:
            out.assign(["seconds", "secs", "minutes", "mins"], .minutes)
            out.assign(["hour", "hours", "hrs"], .hours)
            out.assign(["day", "days"], .days)
            out.assign(["week", "weeks", "fortnight"], .weeks)
            out.assign(["month", "months"], .months)
            out.assign(["year", "years", "decade", "decades"], .years)
            out.assign(["lasted", "lasts", "survived", "holds", "held"], .lasts)
            out.assign(["used", "using", "owned", "worn", "running", "had"], .runs)
            out.assign(["still"], .still)
            out.assign(["only", "just", "barely", "merely", "hardly", "half"], .barely)
            out.assign(["easily", "comfortably", "full", "whole"], .easily)
            out.assign(["within"], .within)
            out.assign(["battery", "batteries", "charge", "charges"], .battery)
            out.assign(["single", "once"], .emphatic)
            out.assign(["one"], .one)
            out.assign(["next", "following"], .next)
            out.assign(["arrived", "came", "delivered", "here", "turned"], .arrived)
            out.assign(["morning"], .morning)
        case .sv:
            out.assign(["sekunder", "minuter"], .minutes)
            out.assign(["timme", "timmar", "timmen", "halvtimme", "halvtimmen"], .hours)
            out.assign(["dag", "dagar", "dagen", "dygn", "dygnet"], .days)
            out.assign(["vecka", "veckor", "veckan"], .weeks)
            out.assign(["månad", "månader", "månaden"], .months)
            out.assign(["år", "åren", "året"], .years)
            out.assign(["höll", "håller", "hållit", "räckte", "räcker", "klarade", "fungerade"], .lasts)
            out.assign(["använt", "använder", "haft", "kört"], .runs)
            out.assign(["fortfarande", "alltjämt"], .still)
            out.assign(["bara", "endast", "knappt", "enbart", "halv", "halvt", "halva"], .barely)
            out.assign(["lätt", "gott", "hela"], .easily)
            out.assign(["inom"], .within)
            out.assign(["batteri", "batteriet", "laddning", "laddningen", "laddningar"], .battery)
            out.assign(["enda"], .emphatic)
            out.assign(["nästa", "följande"], .next)
            out.assign(["kom", "levererades", "levererad", "levererat", "fick", "hämta"], .arrived)
            out.assign(["morgon", "morgonen", "morgen"], .morning)
        case .nl:
            out.assign(["seconden", "minuten", "kwartier"], .minutes)
            out.assign(["uur", "uren", "halfuur"], .hours)
            out.assign(["dag", "dagen"], .days)
            out.assign(["week", "weken"], .weeks)
            out.assign(["maand", "maanden"], .months)
            out.assign(["jaar", "jaren"], .years)
            // ("ging maar twee weken mee": the particle of "meegaan", to last.)
            out.assign(["hield", "houdt", "mee", "overleefde", "werkte"], .lasts)
            out.assign(["gebruik", "gebruikt", "draag", "gedragen"], .runs)
            out.assign(["steeds"], .still)
            out.assign(["slechts", "amper", "nauwelijks", "half", "halve"], .barely)
            out.assign(["makkelijk", "gemakkelijk", "ruim", "gerust", "hele"], .easily)
            out.assign(["binnen"], .within)
            out.assign(["accu", "batterij", "lading"], .battery)
            out.assign(["enkel", "enkele"], .emphatic)
            out.assign(["volgende", "volgend"], .next)
            out.assign(["kwam", "geleverd", "bezorgd", "ontvangen", "kreeg"], .arrived)
            out.assign(["ochtend", "morgen"], .morning)
        case .de:
            out.assign(["sekunden", "minuten"], .minutes)
            out.assign(["stunde", "stunden"], .hours)
            out.assign(["tag", "tage", "tagen"], .days)
            out.assign(["woche", "wochen"], .weeks)
            out.assign(["monat", "monate", "monaten"], .months)
            out.assign(["jahr", "jahre", "jahren", "jahrzehnt"], .years)
            out.assign(["hielt", "hält", "halten", "hielten", "durchgehalten", "überlebt", "überlebte"], .lasts)
            out.assign(["läuft", "lief", "nutze", "benutze", "trage", "getragen"], .runs)
            out.assign(["noch"], .still)
            out.assign(
                ["nur", "gerade", "knapp", "lediglich", "bloß", "kaum", "halb", "halbe", "halben", "halbes"], .barely)
            out.assign(["locker", "problemlos", "ganze", "ganzen", "volle", "vollen"], .easily)
            out.assign(["innerhalb", "binnen"], .within)
            out.assign(["akku", "akkus", "batterie", "ladung", "akkuladung"], .battery)
            out.assign(["einzig", "einzige", "einziges", "einzigen", "einziger", "einzigem"], .emphatic)
            out.assign(["nächsten", "nächste", "folgenden", "folgende"], .next)
            out.assign(["da", "geliefert", "kam", "angekommen", "zugestellt", "erhalten", "bekommen"], .arrived)
            out.assign(["morgen", "vormittag"], .morning)
        case .pl:
            out.assign(["sekund", "minut", "minuty", "minutę"], .minutes)
            out.assign(["godzina", "godzinę", "godziny", "godzin", "godzinie"], .hours)
            out.assign(["dzień", "dni", "dnia", "dniu"], .days)
            out.assign(["tydzień", "tygodnie", "tygodni", "tygodnia", "tygodniu"], .weeks)
            out.assign(["miesiąc", "miesiące", "miesięcy", "miesiąca", "miesiącu"], .months)
            out.assign(["rok", "roku", "lata", "lat", "latach"], .years)
            out.assign(
                [
                    "wytrzymał", "wytrzymała", "wytrzymało", "wytrzymały", "wytrzymuje", "wytrzymują", "trzyma",
                    "trzymał", "trzymała", "przetrwał", "przetrwała", "posłużył", "posłużyła", "posłużyło",
                    "posłużyły", "działał", "działała", "działało", "działały",
                ], .lasts)
            out.assign(["poświęcił", "poświęciła", "poświęca", "poświęcili"], .gave)
            out.assign(["chodzi", "działa", "używam", "noszę", "służy"], .runs)
            out.assign(["nadal", "wciąż"], .still)
            out.assign(["tylko", "ledwie", "ledwo", "zaledwie", "raptem", "pół", "pol"], .barely)
            out.assign(["spokojnie", "śmiało", "cały", "całą", "całe"], .easily)
            out.assign(["ciągu"], .within)
            out.assign(["bateria", "baterii", "baterię", "akumulator", "ładowania", "ładowanie"], .battery)
            out.assign(["ani"], .emphatic)
            out.assign(["następnego", "następny", "kolejnego", "kolejny", "nazajutrz"], .next)
            out.assign(
                [
                    "przyszło", "przyszła", "przyszedł", "dotarła", "dotarło", "dotarł", "dostarczona", "dostarczono",
                    "doszła", "doszło", "dostałam", "dostałem", "miałam", "miałem",
                ], .arrived)
            out.assign(["rano", "ranek"], .morning)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads the sentence's spans of time that tell a verdict (`SentimentRules+Measures`): runs
    /// after the expectations and before negation. A span read here becomes a lean of its own
    /// (fixed, so no negator reaches it).
    func markMeasures(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        var battery = false
        for k in 0..<n where info[k].measure == .battery { battery = true }
        for u in 0..<n where info[u].measure.length > 0 || info[u].measure == .morning {
            let next = nextDay(u, info)
            // (A morning is a day after "next" only.)
            if info[u].measure == .morning && !next { continue }
            let length = info[u].measure == .morning ? 3 : info[u].measure.length
            // A wait told with its length is read already; a span after "after" is a lean that
            // this rule may turn.
            if info[u].fixed && !info[u].elapsed { continue }
            let bounds = clause(of: u, info, n)
            let start = bounds.lowerBound, end = bounds.upperBound
            var lasts = false, gave = false, runs = false, still = false, barely = false, easily = false
            var within = false, negator = false, complaint = false, arrived = false
            for k in max(start, u - 6)..<min(end, u + 7) where k != u {
                switch info[k].measure {
                case .lasts: lasts = true
                case .gave: gave = true
                case .runs: runs = true
                case .barely where k < u: barely = true
                case .easily: easily = true
                case .within where k < u && k >= u - 3: within = true
                case .arrived: arrived = true
                default: break
                }
                if info[k].negator && !info[k].fixed { negator = true }
                // (Not "charges", a fee elsewhere: here the battery's.)
                if info[k].valence < 0 && !info[k].elapsed && info[k].measure != .battery { complaint = true }
            }
            // ("Still on the original battery after five years": "still" anywhere in the clause,
            // unless "only" is there too: "nur noch zehn Minuten" is a complaint.)
            var onlyInClause = false, batteryInClause = false
            for k in start..<end {
                if info[k].measure == .still { still = true }
                if info[k].measure == .barely { onlyInClause = true }
                if info[k].measure == .battery { batteryInClause = true }
            }
            let plain = !negator && !complaint
            var lean: Double? = nil
            if lasts || gave {
                let long = length >= (gave ? 2 : battery ? 3 : 6)
                let praise = !negator && !barely && (long || easily || still)
                lean = praise ? SentimentRules.measureValence : -SentimentRules.measureValence
                if negator {
                    // The negator is read: it shortened the lasting, it does not dangle.
                    for k in max(start, u - 6)..<u where info[k].negator { info[k].negatedSomething = true }
                }
            } else if still && plain && !onlyInClause && (info[u].elapsed || runs) {
                lean = SentimentRules.measureValence
            } else if runs && plain && !barely && length == 6 {
                lean = SentimentRules.measureValence
            } else if (within || (next && arrived)) && plain && length <= 3 {
                lean = SentimentRules.measureValence
            } else if batteryInClause && plain && !barely && length >= 3 && !info[u].elapsed {
                lean = SentimentRules.measureValence
            }
            guard let lean else { continue }
            if (lasts || gave) && lean < 0 {
                // The lasting was short: "wytrzymały" no longer praises.
                for k in start..<end
                where (info[k].measure == .lasts || info[k].measure == .gave) && info[k].valence > 0 {
                    info[k].valence = 0
                }
            }
            if battery {
                for k in start..<end where info[k].measure == .battery && info[k].valence < 0 { info[k].valence = 0 }
            }
            info[u].valence = lean
            info[u].fixed = true
            info[u].phrase = false
            info[u].elapsed = false
        }
    }

    /// Whether the day (or morning) at `u` is the next one: "next" or "following" one or two
    /// words before it ("the next day", "am nächsten Morgen", "następnego dnia").
    func nextDay(_ u: Int, _ info: UnsafeMutablePointer<Info>) -> Bool {
        guard info[u].measure == .days || info[u].measure == .morning else { return false }
        for k in max(0, u - 2)..<u where info[k].measure == .next { return true }
        return false
    }

    /// After negation: a negated complaint in a clause with "single", "enda", "einziges" or
    /// "ani" is a fault negated, praise (`SentimentRules+Measures`), and a span after "after"
    /// in a clause with a negated complaint tells how long nothing went wrong, not how soon it
    /// failed ("No complaints after a year of daily use").
    func markEmphaticNegation(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        for e in 0..<n
        where info[e].measure == .emphatic || (info[e].measure == .one && e > 0 && info[e - 1].negator) {
            for k in clause(of: e, info, n)
            where info[k].negated && info[k].valence < 0 && !info[k].lessened {
                info[k].problem = true
            }
        }
        // A span after "after" in a clause with a negated complaint: how long nothing went wrong.
        for u in 0..<n where info[u].elapsed && info[u].valence < 0 {
            for k in clause(of: u, info, n) where info[k].negated && info[k].valence < 0 {
                info[u].valence = 0
                break
            }
        }
    }
}
