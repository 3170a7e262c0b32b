/// Waiting told with its length (issue 19, seventeenth round): "We waited over an hour",
/// "Took forty-five minutes to get our drinks", "Vi fick vänta i fyrtio minuter", "We hebben
/// drie kwartier gewacht", "Wir haben eine Stunde auf das Essen gewartet", "Czekaliśmy godzinę
/// na jedzenie". No word in them carries sentiment, yet a review that says how long the
/// customer waited is a complaint. A span of time (a unit with a number before it) in a clause
/// with a word for waiting, before or after it (Dutch and German put the verb last), leans
/// negative. A word for taking ("took", "dauerte", "trwało") counts only with a long span
/// (hours, weeks, months, or twenty minutes and more): "Setup took five minutes" is no
/// complaint. Nor is a short span ("only waited ten minutes", "nur fünf Minuten", "tylko
/// chwilę") or a negated wait ("didn't have to wait an hour").
extension SentimentRules {
    /// What a word does in a wait told with its length.
    enum Waiting: Sendable, Equatable {
        case none
        /// "waited", "vänta", "gewartet", "czekaliśmy": any span in its clause is a wait.
        case wait
        /// "took", "dauerte", "trwało": only a long span in its clause is a wait.
        case took
        /// "minutes": a span, long with a number of twenty or more.
        case minutes
        /// "hour", "weeks", "months": a long span.
        case long
        /// A span with its number in the word ("godzinę", an hour; "halvtimme"): long.
        case longAlone
        /// "an", "two", "several": a number before a unit.
        case number
        /// "forty", "zwanzig": a number of twenty or more before a unit.
        case bigNumber
        /// "only", "nur", "tylko": the span is short.
        case short
    }

    /// The valence of a wait told with its length: a complaint, milder than "took forever"
    /// (−1.8), so that a sentiment word in the sentence still counts.
    static let waitValence = -1.5

    /// The words of `language`'s waits told with their length.
    static func waiting(_ language: Language) -> [String: Waiting] {
        var out = [String: Waiting]()
        switch language {
        case .en:
            out.assign(["wait", "waited", "waiting", "waits", "queued", "queuing", "queueing"], .wait)
            out.assign(["took", "takes"], .took)
            out.assign(["minutes", "mins"], .minutes)
            out.assign(["hour", "hours", "hrs", "days", "week", "weeks", "month", "months"], .long)
            out.assign(
                [
                    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                    "twelve", "fifteen", "half", "several", "few", "couple",
                ], .number)
            let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
            let ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
            out.assign(tens + tens.flatMap { ten in ones.map { "\(ten)-\($0)" } }, .bigNumber)
            out.assign(["only", "just", "under", "less", "within", "barely"], .short)
        case .sv:
            out.assign(
                ["vänta", "väntade", "väntat", "väntar", "väntan", "köade", "köat", "telefonkö", "telefonkön"], .wait)
            out.assign(["tog", "dröjde", "dröjer"], .took)
            out.assign(["minuter"], .minutes)
            out.assign(
                ["timme", "timmar", "timmen", "dagar", "dygn", "vecka", "veckor", "veckan", "månad", "månader"], .long)
            out.assign(["halvtimme", "halvtimmen"], .longAlone)
            out.assign(
                [
                    "en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
                    "femton", "några", "flera", "par",
                ], .number)
            out.assign(["tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"], .bigNumber)
            out.assign(["bara", "endast", "inom", "mindre"], .short)
        case .nl:
            out.assign(["wachten", "gewacht", "wachtte", "wachtten", "wacht"], .wait)
            out.assign(["duurde", "duurt", "geduurd"], .took)
            out.assign(["minuten"], .minutes)
            out.assign(["uur", "uren", "kwartier", "dagen", "week", "weken", "maand", "maanden"], .long)
            out.assign(["halfuur"], .longAlone)
            out.assign(
                [
                    "een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
                    "twaalf", "vijftien", "half", "halve", "paar", "enkele", "meerdere",
                ], .number)
            out.assign(
                ["twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"], .bigNumber)
            out.assign(["slechts", "binnen", "minder"], .short)
        case .de:
            out.assign(["warten", "gewartet", "wartete", "warteten", "warte", "wartet"], .wait)
            out.assign(["dauerte", "dauert", "gedauert"], .took)
            out.assign(["minuten"], .minutes)
            out.assign(["stunde", "stunden", "tage", "tagen", "woche", "wochen", "monat", "monate", "monaten"], .long)
            out.assign(
                [
                    "ein", "eine", "einer", "einen", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
                    "zehn", "elf", "zwölf", "fünfzehn", "halbe", "halben", "paar", "mehrere", "einige",
                ], .number)
            out.assign(
                ["zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"], .bigNumber)
            out.assign(["nur", "lediglich", "bloß", "unter", "weniger", "innerhalb"], .short)
        case .pl:
            out.assign(
                [
                    "czekać", "czekałem", "czekałam", "czekaliśmy", "czekałyśmy", "czekał", "czekała", "czekali",
                    "czekam", "czekamy", "czekania", "czekanie",
                ], .wait)
            out.assign(["trwało", "trwała", "trwa", "zajęło", "zajęła"], .took)
            out.assign(["minut", "minuty"], .minutes)
            out.assign(["godziny", "godzin", "dni", "tygodnie", "tygodni", "miesiące", "miesięcy"], .long)
            out.assign(["godzinę", "tydzień", "miesiąc", "półtorej"], .longAlone)
            out.assign(
                [
                    "dwie", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć", "dziesięć",
                    "piętnaście", "kilka", "kilkanaście", "pół",
                ], .number)
            out.assign(["dwadzieścia", "trzydzieści", "czterdzieści", "pięćdziesiąt", "kilkadziesiąt"], .bigNumber)
            out.assign(["tylko", "zaledwie", "mniej", "poniżej"], .short)
        }
        return out
    }
}

extension SentimentScorer {
    /// Whether the span whose unit is token `i` (a `.minutes`, `.long` or `.longAlone` word) is
    /// a wait told with its length (`SentimentRules+Waiting`).
    func waited(_ i: Int, _ unit: SentimentRules.Waiting, _ r: SentenceReader, _ c: CompiledLanguage) -> Bool {
        let toks = r.tokens, count = r.tokenCount
        func role(_ k: Int) -> SentimentRules.Waiting {
            toks[k].symbolValence == nil ? c.words.lookup(r.word(toks[k]))?.waiting ?? .none : .none
        }
        func isDigits(_ k: Int) -> Int? {
            let w = r.word(toks[k])
            guard !w.isEmpty, w.count <= 4, w.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return w.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        // The number before the unit (one or two words back: "an hour", "over an hour" has
        // "an" next to it, "2 1/2 hours" too), and whether it is short.
        var long = unit == .long || unit == .longAlone
        var counted = unit == .longAlone
        var k = i - 1
        while k >= max(0, i - 2) && !toks[k + 1].clauseStart {
            if let n = isDigits(k) {
                counted = true
                if n >= 20 { long = true }
            } else {
                switch role(k) {
                case .number: counted = true
                case .bigNumber:
                    counted = true
                    long = true
                default: break
                }
            }
            k -= 1
        }
        guard counted else { return false }
        // The clause around the unit: a word for waiting in it, no word that makes the span
        // short just before it, and no negator before it.
        var start = i
        while start > 0 && !toks[start].clauseStart { start -= 1 }
        var end = i + 1
        while end < count && !toks[end].clauseStart { end += 1 }
        var cue = false
        for k in max(start, i - 6)..<min(end, i + 7) where k != i {
            let word = c.words.lookup(r.word(toks[k]))
            if k < i, word?.negator == true { return false }
            switch word?.waiting ?? .none {
            case .wait: cue = true
            case .took: if long { cue = true }
            case .short: if k < i && k >= i - 3 { return false }
            default: break
            }
        }
        return cue
    }
}
