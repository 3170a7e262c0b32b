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
        func add(_ words: [String], _ role: Waiting) { for word in words { out[word] = role } }
        switch language {
        case .en:
            add(["wait", "waited", "waiting", "waits", "queued", "queuing", "queueing"], .wait)
            add(["took", "takes"], .took)
            add(["minutes", "mins"], .minutes)
            add(["hour", "hours", "hrs", "days", "week", "weeks", "month", "months"], .long)
            add(
                [
                    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                    "twelve", "fifteen", "half", "several", "few", "couple",
                ], .number)
            let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
            let ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
            add(tens + tens.flatMap { ten in ones.map { "\(ten)-\($0)" } }, .bigNumber)
            add(["only", "just", "under", "less", "within", "barely"], .short)
        case .sv:
            add(["vänta", "väntade", "väntat", "väntar", "väntan", "köade", "köat", "telefonkö", "telefonkön"], .wait)
            add(["tog", "dröjde", "dröjer"], .took)
            add(["minuter"], .minutes)
            add(
                ["timme", "timmar", "timmen", "dagar", "dygn", "vecka", "veckor", "veckan", "månad", "månader"], .long)
            add(["halvtimme", "halvtimmen"], .longAlone)
            add(
                [
                    "en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
                    "femton", "några", "flera", "par",
                ], .number)
            add(["tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"], .bigNumber)
            add(["bara", "endast", "inom", "mindre"], .short)
        case .nl:
            add(["wachten", "gewacht", "wachtte", "wachtten", "wacht"], .wait)
            add(["duurde", "duurt", "geduurd"], .took)
            add(["minuten"], .minutes)
            add(["uur", "uren", "kwartier", "dagen", "week", "weken", "maand", "maanden"], .long)
            add(["halfuur"], .longAlone)
            add(
                [
                    "een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
                    "twaalf", "vijftien", "half", "halve", "paar", "enkele", "meerdere",
                ], .number)
            add(["twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"], .bigNumber)
            add(["slechts", "binnen", "minder"], .short)
        case .de:
            add(["warten", "gewartet", "wartete", "warteten", "warte", "wartet"], .wait)
            add(["dauerte", "dauert", "gedauert"], .took)
            add(["minuten"], .minutes)
            add(["stunde", "stunden", "tage", "tagen", "woche", "wochen", "monat", "monate", "monaten"], .long)
            add(
                [
                    "ein", "eine", "einer", "einen", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
                    "zehn", "elf", "zwölf", "fünfzehn", "halbe", "halben", "paar", "mehrere", "einige",
                ], .number)
            add(["zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"], .bigNumber)
            add(["nur", "lediglich", "bloß", "unter", "weniger", "innerhalb"], .short)
        case .pl:
            add(
                [
                    "czekać", "czekałem", "czekałam", "czekaliśmy", "czekałyśmy", "czekał", "czekała", "czekali",
                    "czekam", "czekamy", "czekania", "czekanie",
                ], .wait)
            add(["trwało", "trwała", "trwa", "zajęło", "zajęła"], .took)
            add(["minut", "minuty"], .minutes)
            add(["godziny", "godzin", "dni", "tygodnie", "tygodni", "miesiące", "miesięcy"], .long)
            add(["godzinę", "tydzień", "miesiąc", "półtorej"], .longAlone)
            add(
                [
                    "dwie", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć", "dziesięć",
                    "piętnaście", "kilka", "kilkanaście", "pół",
                ], .number)
            add(["dwadzieścia", "trzydzieści", "czterdzieści", "pięćdziesiąt", "kilkadziesiąt"], .bigNumber)
            add(["tylko", "zaledwie", "mniej", "poniżej"], .short)
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
