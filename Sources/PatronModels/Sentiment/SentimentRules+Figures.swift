/// A number against what was promised, paid or usual (issue 19, twenty-third round): "Advertised
/// as 500 Mbps, I get 40", "Ordered six chairs, four arrived", "Quoted £80, charged £140",
/// "Angegeben sind 30 Minuten Laufzeit, ich komme auf fast 40", "Zamiast obiecanych pięciu dni
/// paczka była po dwóch". No word in them carries sentiment; the verdict is in which number is
/// larger.
///
/// - **Two figures and a promise**: in a sentence with a word for what was promised, stated,
///   quoted or ordered, the figure nearest that word (in its clause) is the promise, and the
///   figure after "instead", "statt", "zamiast" is too; another figure of the same kind in
///   the sentence is what came. A figure is a number (digits, "1,80", "12 000", or a number
///   word) with its unit: a span of time in minutes, money where its clause speaks of a price,
///   else a count; a bare number takes the unit of the other figure ("Promised 48 hours, done
///   in 24"), "half", "twice", "dubbla", "Drittel" are a multiple of it ("mine was half
///   that"), and a unit alone is one ("statt der angekündigten Woche"). Where more is better,
///   less than promised is a complaint and more praise; where less is better (money, and time
///   unless the sentence speaks of how long something lasts, not of charging it) the other way.
///   A number after "at", "um", "kl" is a time of day, not a figure.
/// - **A multiple of a price**: "Twice the price of the place next door", "Zum halben Preis",
///   "Kostade en tredjedel", "De drog pengarna två gånger": a multiple in a clause about money
///   is a complaint above one and praise below; of a portion the other way.
/// - **A comparative against a promise**: "Arrived a day earlier than promised", "Bateria
///   trzyma dłużej niż podaje producent", "under the quote", "lägre än offerten": a comparative
///   of amount with "than" and a word for a promise after it (or in a sentence about money,
///   with "than" alone) leans by what is better: earlier is praise, later a complaint, more or
///   less by the kind of the sentence as above.
/// - **A price under a bound**: a sum of money right after a negator or "under" is praise ("Voor
///   nog geen tien euro", "Mains for under £12"); after "over", "über", "powyżej" a complaint.
/// - **As promised**: "wie versprochen", "as advertised" is praise, and takes away a complaint
///   that a span of time in its sentence read ("Hält den Kaffee acht Stunden warm, wie
///   versprochen").
extension SentimentRules {
    /// What a word does in a number against what was promised, paid or usual.
    enum Figure: Sendable, Equatable {
        case none
        /// "promised", "advertised", "ordered", "utlovad", "angegeben", "obiecanych": the figure
        /// near it is the one promised.
        case promise
        /// "said", "told", "sa", "staat": a promise whose figure and the one that came are
        /// apart (another clause, or five words or more: "one of those two" is no promise).
        case said
        /// "usual", "brukar", "sonst", "zwykle": what is usual, promised as a promise is.
        case usual
        /// "quote", "offerten", "Angebot", "wycena": a promise, of money.
        case quote
        /// "instead", "istället", "statt", "zamiast": the figure after it is the one promised.
        case instead
        /// "actually", "tatsächlich", "rzeczywistości": the figure near it is what came.
        case actual
        /// "price", "paid", "kronor", "Euro", "zł": the figures of its clause are money.
        case money
        /// "portion", "portie": the multiples of its clause are of an amount.
        case portion
        /// "runtime", "Laufzeit": a span in its sentence is how long something lasts.
        case lasting
        /// "charging", "laden": a span in its sentence is how long charging takes.
        case charging
        /// A number word and its value.
        case number(Double)
        /// "half", "twice", "Drittel": a multiple of the figure compared with.
        case multiple(Double)
        /// "times", "gånger", "mal", "razy": the number before it is a multiple.
        case times
        /// "at", "um", "kl", "o": a number right after it is a time of day.
        case clock
        /// "as", "wie", "som", "zoals", "jak": before a promise, "as promised".
        case asWord
        /// "earlier", "sooner", "tidigare", "wcześniej": sooner than promised.
        case earlier
        /// "later", "senare", "später", "później".
        case later
        /// "higher", "bigger", "over", "większy": more than promised.
        case more
        /// "lower", "under", "lägre", "niższa".
        case less
        /// "more", "mehr", "więcej": as "higher", but only right before "than" ("more than
        /// promised"; not "more expensive than promised", a comparative of the word after it).
        case moreAmount
        /// "less", "weniger", "mniej".
        case lessAmount
        /// "longer", "länger", "dłużej": praise of how long something lasts, else a complaint.
        case longer
        /// "shorter", "kürzer", "krócej".
        case shorter
        /// "cm", "m", "Meter", "metrów": a unit of length and its metres; a number before it is a
        /// length ("80 cm statt der angegebenen 1,5 m").
        case length(Double)
        /// "long", "lange", "długo": after a multiple, the multiple is of time ("twice as long").
        case long

        /// The metres in a unit of length, or 0.
        var metres: Double {
            if case .length(let m) = self { m } else { 0 }
        }

        /// Whether a figure near this word is what was promised, stated, quoted or usual.
        var promises: Bool {
            switch self {
            case .promise, .said, .quote, .usual: true
            default: false
            }
        }
    }

    /// The valence of a figure against a promise: as strong as a span that tells a verdict.
    static let figureValence = 1.5

    /// Minutes in a unit of `Measure.length` 1 to 6 (minutes, hours, days, weeks, months, years).
    static let minutesPerUnit: [Double] = [0, 1, 60, 1440, 10_080, 43_200, 525_600]

    /// The words of `language`'s numbers against what was promised, paid or usual.
    static func figures(_ language: Language) -> [String: Figure] {
        var out = [String: Figure]()
        func numbers(_ values: [(Double, [String])]) {
            for (value, words) in values { out.assign(words, .number(value)) }
        }
        switch language {
        case .en:
            out.assign(
                [
                    "promised", "promise", "advertised", "advertises", "stated", "claimed", "claims", "listed",
                    "described",
                    "supposed", "specs", "spec", "ordered", "booked", "estimated",
                ], .promise)
            out.assign(["said", "says", "told"], .said)
            out.assign(["usual", "usually", "normally", "normal", "typically", "expected", "anticipated"], .usual)
            out.assign(["quote", "quoted", "quotes", "estimate", "budget"], .quote)
            out.assign(["instead"], .instead)
            out.assign(["actually", "reality", "actual"], .actual)
            out.assign(
                [
                    "price", "prices", "priced", "cost", "costs", "paid", "pay", "paying", "charged", "charge", "bill",
                    "fee", "fees", "pounds", "dollars", "euros", "quid", "bucks",
                ], .money)
            out.assign(["portion", "portions"], .portion)
            out.assign(["runtime", "life", "lasts", "lasted"], .lasting)
            out.assign(["charging", "recharge", "recharging"], .charging)
            numbers([
                (1, ["one"]), (2, ["two"]), (3, ["three"]), (4, ["four"]), (5, ["five"]), (6, ["six"]),
                (7, ["seven"]), (8, ["eight"]), (9, ["nine"]), (10, ["ten"]), (11, ["eleven"]),
                (12, ["twelve", "dozen"]),
                (15, ["fifteen"]), (20, ["twenty"]), (30, ["thirty"]), (40, ["forty"]), (50, ["fifty"]),
                (100, ["hundred"]), (1000, ["thousand"]), (1_000_000, ["million"]), (1e9, ["billion"]),
            ])
            out.assign(["half"], .multiple(0.5))
            out.assign(["third"], .multiple(1.0 / 3))
            out.assign(["quarter"], .multiple(0.25))
            out.assign(["twice", "double"], .multiple(2))
            out.assign(["triple"], .multiple(3))
            out.assign(["times"], .times)
            out.assign(["m"] + ["metre", "metres", "meter", "meters"], .length(1))
            out.assign(["cm"], .length(0.01))
            out.assign(["mm"], .length(0.001))
            out.assign(["km"], .length(1000))
            out.assign(["at"], .clock)
            out.assign(["as"], .asWord)
            out.assign(["earlier", "sooner"], .earlier)
            out.assign(["later"], .later)
            out.assign(["higher", "bigger", "over", "above"], .more)
            out.assign(["more"], .moreAmount)
            out.assign(["lower", "smaller", "under", "below"], .less)
            out.assign(["less"], .lessAmount)
            out.assign(["longer"], .longer)
            out.assign(["shorter"], .shorter)
            out.assign(["long"], .long)
        case .sv:
            out.assign(
                [
                    "utlovad", "utlovade", "utlovat", "lovade", "lovat", "lovad", "angav", "angivet", "angivna",
                    "annonserade", "beställde", "beställt", "bokade", "uppgav",
                ], .promise)
            out.assign(["sa", "sade", "sagt"], .said)
            out.assign(["vanligt", "vanligtvis", "brukar", "normalt", "väntat", "förväntat", "beräknat"], .usual)
            out.assign(["offert", "offerten", "offerter", "offerterna", "budget", "budgeten"], .quote)
            out.assign(["istället", "stället"], .instead)
            out.assign(["verkligheten", "faktiskt"], .actual)
            out.assign(
                [
                    "pris", "priset", "kostade", "kostar", "betalade", "betalat", "betala", "summan", "slutsumman",
                    "slutpriset", "notan", "fakturan", "pengarna", "kronor", "kr", "spänn", "avgift", "avgiften",
                ], .money)
            out.assign(["portion", "portionen", "portionerna"], .portion)
            out.assign(["räcker", "räckte", "håller", "höll"], .lasting)
            out.assign(["ladda", "laddar", "laddningstid", "laddningstiden"], .charging)
            numbers([
                (2, ["två"]), (3, ["tre"]), (4, ["fyra"]), (5, ["fem"]), (6, ["sex"]), (7, ["sju"]), (8, ["åtta"]),
                (9, ["nio"]), (10, ["tio"]), (11, ["elva"]), (12, ["tolv"]), (15, ["femton"]), (20, ["tjugo"]),
                (30, ["trettio"]), (40, ["fyrtio"]), (50, ["femtio"]), (100, ["hundra"]), (1000, ["tusen"]),
                (1_000_000, ["miljon", "miljoner"]), (1e9, ["miljard", "miljarder"]),
            ])
            out.assign(["halva", "halv", "halvt", "hälften"], .multiple(0.5))
            out.assign(["tredjedel", "tredjedelen"], .multiple(1.0 / 3))
            out.assign(["dubbla", "dubbelt", "dubbel"], .multiple(2))
            out.assign(["gånger"], .times)
            out.assign(["m"] + ["meter", "metern"], .length(1))
            out.assign(["cm"], .length(0.01))
            out.assign(["mm"], .length(0.001))
            out.assign(["km"], .length(1000))
            out.assign(["kl", "klockan"], .clock)
            out.assign(["som"], .asWord)
            out.assign(["tidigare", "snabbare"], .earlier)
            out.assign(["senare"], .later)
            out.assign(["högre", "större", "över"], .more)
            out.assign(["mer", "mera"], .moreAmount)
            out.assign(["lägre", "under"], .less)
            out.assign(["mindre"], .lessAmount)
            out.assign(["längre"], .longer)
            out.assign(["kortare"], .shorter)
            out.assign(["lång", "långa", "länge"], .long)
        case .nl:
            out.assign(
                [
                    "beloofd", "beloofde", "belooft", "aangegeven", "vermeld", "volgens", "geadverteerd", "besteld",
                    "bestelde", "geboekt", "beschrijving", "geschat",
                ], .promise)
            out.assign(["staat", "stond"], .said)
            out.assign(["normaal", "gewoonlijk", "meestal", "verwacht"], .usual)
            out.assign(["offerte", "begroting"], .quote)
            out.assign(["plaats"], .instead)
            out.assign(["werkelijkheid", "eigenlijk", "daadwerkelijk"], .actual)
            out.assign(
                [
                    "prijs", "kost", "kostte", "kosten", "betaald", "betaalde", "betalen", "euro", "eur", "rekening",
                ], .money)
            out.assign(["portie", "porties"], .portion)
            out.assign(["gaat", "ging"], .lasting)
            out.assign(["opladen", "laadtijd"], .charging)
            numbers([
                (1, ["één"]), (2, ["twee"]), (3, ["drie"]), (4, ["vier"]), (5, ["vijf"]), (6, ["zes"]), (7, ["zeven"]),
                (8, ["acht"]), (9, ["negen"]), (10, ["tien"]), (11, ["elf"]), (12, ["twaalf"]), (15, ["vijftien"]),
                (20, ["twintig"]), (30, ["dertig"]), (40, ["veertig"]), (50, ["vijftig"]), (100, ["honderd"]),
                (1000, ["duizend"]), (1_000_000, ["miljoen"]), (1e9, ["miljard"]),
            ])
            out.assign(["helft"], .multiple(0.5))
            out.assign(["dubbel", "dubbele"], .multiple(2))
            out.assign(["keer", "maal"], .times)
            out.assign(["m"] + ["meter"], .length(1))
            out.assign(["cm"], .length(0.01))
            out.assign(["mm"], .length(0.001))
            out.assign(["km"], .length(1000))
            out.assign(["om"], .clock)
            out.assign(["zoals"], .asWord)
            out.assign(["eerder", "sneller"], .earlier)
            out.assign(["later"], .later)
            out.assign(["hoger", "groter", "hogere", "grotere", "boven"], .more)
            out.assign(["meer"], .moreAmount)
            out.assign(["lager", "kleiner", "lagere", "kleinere", "onder"], .less)
            out.assign(["minder"], .lessAmount)
            out.assign(["langer", "langere"], .longer)
            out.assign(["korter", "kortere"], .shorter)
            out.assign(["lang", "lange"], .long)
        case .de:
            out.assign(
                [
                    "angegeben", "angegebene", "angegebenen", "versprochen", "versprochene", "versprochenen",
                    "angekündigt", "angekündigte", "angekündigten", "laut", "beworben", "beworbene", "beworbenen",
                    "beschrieben", "beschreibung", "bestellt", "bestellte", "gebucht", "zugesagt", "zugesagten",
                ], .promise)
            out.assign(["sonst", "üblich", "normalerweise", "gewöhnlich", "erwartet"], .usual)
            out.assign(["angebot", "kostenvoranschlag", "budget"], .quote)
            out.assign(["statt", "anstatt", "anstelle"], .instead)
            out.assign(["tatsächlich", "gemessen", "real", "wirklichkeit"], .actual)
            out.assign(
                [
                    "preis", "preises", "kostet", "kostete", "bezahlt", "zahlen", "gezahlt", "euro", "eur", "rechnung",
                    "abgebucht", "gebühr",
                ], .money)
            out.assign(["portion", "portionen"], .portion)
            out.assign(["laufzeit", "akkulaufzeit", "hält", "hielt"], .lasting)
            out.assign(["laden", "aufladen", "ladezeit", "ladedauer"], .charging)
            numbers([
                (1, ["eins"]), (2, ["zwei"]), (3, ["drei"]), (4, ["vier"]), (5, ["fünf"]), (6, ["sechs"]),
                (7, ["sieben"]), (8, ["acht"]), (9, ["neun"]), (10, ["zehn"]), (11, ["elf"]), (12, ["zwölf"]),
                (15, ["fünfzehn"]), (20, ["zwanzig"]), (30, ["dreißig"]), (40, ["vierzig"]), (50, ["fünfzig"]),
                (100, ["hundert"]), (1000, ["tausend"]), (1_000_000, ["million", "millionen"]),
                (1e9, ["milliarde", "milliarden"]),
            ])
            out.assign(["halb", "halbe", "halben", "halbes", "hälfte"], .multiple(0.5))
            out.assign(["drittel"], .multiple(1.0 / 3))
            out.assign(["doppelt", "doppelte", "doppelten", "zweimal"], .multiple(2))
            out.assign(["mal"], .times)
            out.assign(["m"] + ["meter", "metern"], .length(1))
            out.assign(["cm"], .length(0.01))
            out.assign(["mm"], .length(0.001))
            out.assign(["km"], .length(1000))
            out.assign(["um"], .clock)
            out.assign(["wie"], .asWord)
            out.assign(["früher", "schneller", "eher"], .earlier)
            out.assign(["später"], .later)
            out.assign(
                ["höher", "größer", "über"]
                    + ["höher", "größer"].flatMap { w in ["e", "en", "es", "er", "em"].map { w + $0 } }, .more)
            out.assign(["mehr"], .moreAmount)
            out.assign(
                ["niedriger", "kleiner", "unter"]
                    + ["niedriger", "kleiner"].flatMap { w in ["e", "en", "es", "er", "em"].map { w + $0 } }, .less)
            out.assign(["weniger"], .lessAmount)
            out.assign(["länger", "längere", "längeren", "längeres", "längerer"], .longer)
            out.assign(["kürzer", "kürzere", "kürzeren", "kürzeres", "kürzerer"], .shorter)
            out.assign(["lang", "lange"], .long)
        case .pl:
            out.assign(
                [
                    "obiecanych", "obiecane", "obiecany", "obiecano", "obiecali", "zapowiadano", "zapowiadane",
                    "opisie", "stronie", "podaje", "deklaruje", "deklarowane", "deklarowanej", "zamówiłam",
                    "zamówiłem", "zamówiliśmy", "zamówione", "rezerwowaliśmy", "zarezerwowaliśmy", "zarezerwowany",
                ], .promise)
            out.assign(
                ["zwykle", "zazwyczaj", "normalnie", "zwyczajowo", "oczekiwano", "spodziewałam", "spodziewałem"], .usual
            )
            out.assign(["wycena", "wyceny", "wycenie", "budżet"], .quote)
            out.assign(["zamiast"], .instead)
            out.assign(["rzeczywistości", "faktycznie"], .actual)
            out.assign(
                [
                    "cena", "cenę", "ceny", "cenie", "kosztował", "kosztowała", "kosztowało", "kosztuje", "zapłaciłam",
                    "zapłaciłem", "zapłaciliśmy", "zł", "zl", "złotych", "pln", "kwotę", "kwota", "policzyli",
                    "pobrał", "pobrali", "opłata", "opłaty", "rachunek",
                ], .money)
            out.assign(["porcja", "porcje", "porcji"], .portion)
            out.assign(["trzyma", "wytrzymuje"], .lasting)
            out.assign(["ładowanie", "ładowania", "ładuje"], .charging)
            numbers([
                (1, ["jeden", "jedna", "jedno", "jednego"]), (2, ["dwa", "dwie", "dwóch"]), (3, ["trzy", "trzech"]),
                (4, ["cztery", "czterech"]), (5, ["pięć", "pięciu"]), (6, ["sześć", "sześciu"]),
                (7, ["siedem", "siedmiu"]), (8, ["osiem", "ośmiu"]), (9, ["dziewięć", "dziewięciu"]),
                (10, ["dziesięć", "dziesięciu"]), (20, ["dwadzieścia"]), (30, ["trzydzieści"]),
                (40, ["czterdzieści"]), (50, ["pięćdziesiąt"]), (100, ["sto"]),
                (1000, ["tysiąc", "tysięcy"]), (1_000_000, ["milion", "miliony", "milionów"]),
            ])
            out.assign(["połowę", "połowa", "połowy"], .multiple(0.5))
            out.assign(["podwójnie", "dwukrotnie", "podwójną"], .multiple(2))
            out.assign(["razy"], .times)
            out.assign(["m"] + ["metr", "metry", "metrów", "metra", "metrach"], .length(1))
            out.assign(["cm"], .length(0.01))
            out.assign(["mm"], .length(0.001))
            out.assign(["km"], .length(1000))
            out.assign(["o", "godz"], .clock)
            out.assign(["jak"], .asWord)
            out.assign(["wcześniej", "szybciej"], .earlier)
            out.assign(["później"], .later)
            out.assign(["wyższa", "wyższą", "większy", "większą", "większe", "powyżej"], .more)
            out.assign(["więcej"], .moreAmount)
            out.assign(["niższa", "niższą", "mniejszy", "mniejszą", "mniejsze", "poniżej"], .less)
            out.assign(["mniej"], .lessAmount)
            out.assign(["dłużej"], .longer)
            out.assign(["krócej"], .shorter)
            out.assign(["długo"], .long)
        }
        return out
    }
}

extension SentimentScorer {
    /// Sets the amount of the word `w` (token `t`, entry `n`): a number in digits (leading
    /// digits, "128gb"; not an ordinal, "3rd"), or a number word. Digits after a comma or full
    /// stop between digits, or three digits after a number of up to three ("12 000"), continue
    /// the number before: three digits are thousands, fewer a fraction ("1,80"). Digits joined
    /// by a slash or colon ("3/10", "8:30") are a date or a time of day, no amount.
    @inline(__always)
    func readAmount(
        _ w: UnsafeBufferPointer<UInt8>, _ t: Token, _ entry: CompiledLanguage.Entry?,
        _ info: UnsafeMutablePointer<Info>, _ n: Int, _ lastDigits: inout (index: Int, count: Int)
    ) {
        if case .number(let v) = entry?.figure {
            info[n].amount = v
            return
        }
        guard let first = w.first, first >= 0x30 && first <= 0x39 else { return }
        if t.currency { info[n].figure = .money }
        var value = 0.0, digits = 0
        for b in w {
            guard b >= 0x30 && b <= 0x39 else { break }
            value = value * 10 + Double(b - 0x30)
            digits += 1
        }
        if digits + 2 == w.count {
            // An ordinal ("1st", "3rd", "4th", "2nd") is no amount (compared as two bytes: this
            // runs for every word that starts with a digit), but may be a day of the month.
            switch (w[digits], w[digits + 1]) {
            case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
                (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
                if value >= 1 && value <= 31 { info[n].timeline = .day(Int(value)) }
                return
            default: break
            }
        }
        if digits + 1 == w.count && w[digits] == UInt8(ascii: "e") && value >= 1 && value <= 31 {
            // A Dutch ordinal ("op de 4e"): a day of the month.
            info[n].timeline = .day(Int(value))
        }
        let previous = lastDigits
        lastDigits = (n, digits)
        guard previous.index == n - 1, previous.index >= 0, digits == w.count else {
            info[n].amount = value
            return
        }
        if t.afterSeparator == UInt8(ascii: "/") || t.afterSeparator == UInt8(ascii: ":") {
            // A date or a time of day ("3/10", "8:30"): no figure.
            info[n - 1].amount = -1
            lastDigits = (-1, 0)
            return
        } else if t.afterSeparator != 0 {
            info[n - 1].amount =
                digits == 3 ? info[n - 1].amount * 1000 + value : info[n - 1].amount + value / pow10(digits)
        } else if digits == 3 && previous.count <= 3 && !t.clauseStart {
            info[n - 1].amount = info[n - 1].amount * 1000 + value
        } else {
            info[n].amount = value
            return
        }
        // The digits continue the number before: this entry is no number of its own.
        lastDigits = (n - 1, previous.count + digits)
        info[n].price = .digits
    }

    /// 10 to the power `k`.
    @inline(__always) private func pow10(_ k: Int) -> Double {
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// What a figure is counted in.
    enum FigureKind: Equatable {
        case count, time, money
    }

    /// One figure of a sentence (`SentimentRules+Figures`): the entry of its number (or of its
    /// unit, for a unit alone), its value in its unit (minutes for a span), whether it is a
    /// multiple of the figure it is compared with, and the entry of its unit (or -1).
    struct SentenceFigure {
        var index: Int, value: Double, relative: Bool, kind: FigureKind, factor: Double, unit: Int
    }

    /// Reads the sentence's numbers against what was promised, paid or usual
    /// (`SentimentRules+Figures`): runs after the measures, whose spans it may read again.
    func markFigures(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        var promise = false, multiple = false, comparative = false, asWord = false
        var money = false, lasting = false, charging = false, time = false
        for k in 0..<n {
            switch info[k].figure {
            case .promise, .said, .quote, .usual, .instead, .actual: promise = true
            case .multiple, .times: multiple = true
            case .earlier, .later, .more, .less, .moreAmount, .lessAmount, .longer, .shorter: comparative = true
            case .asWord: asWord = true
            default: break
            }
            switch info[k].figure {
            case .money, .quote: money = true
            case .lasting: lasting = true
            case .charging: charging = true
            default: break
            }
            switch info[k].measure {
            case .lasts, .battery, .gave: lasting = true
            default: break
            }
            if info[k].measure.length > 0 { time = true }
        }
        guard promise || multiple || comparative || money else { return }
        // Where less is better: money, and time unless it is how long something lasts.
        let lessIsBetter = money || ((time || charging) && !(lasting && !charging))
        let lean = SentimentRules.figureValence
        // "than promised", "als versprochen": a promise compared with is no praise of its own.
        for k in 1..<max(1, n) where info[k].figure.promises && !info[k].fixed {
            if info[k - 1].comparison == .than || (k > 1 && info[k - 2].comparison == .than) { info[k].valence = 0 }
        }
        if promise && asWord { markAsPromised(info, n) }
        if comparative && (promise || money) {
            for k in 0..<n {
                let better: Bool
                switch info[k].figure {
                case .earlier: better = true
                case .later: better = false
                case .more, .moreAmount: better = !lessIsBetter
                case .less, .lessAmount: better = lessIsBetter
                case .longer: better = lasting && !charging
                case .shorter: better = !(lasting && !charging)
                default: continue
                }
                if info[k].fixed && info[k].valence != 0 { continue }
                guard againstAPromise(k, info, n) else { continue }
                info[k].valence = better ? lean : -lean
                info[k].fixed = true
                clearPromises(info, n)
            }
        }
        guard promise || multiple || money else { return }
        var figures = [SentenceFigure]()
        collectFigures(info, n, &figures)
        if figures.isEmpty || figures.count > 4 { return }
        // A price under a bound: "nog geen tien euro", "for under £12" are praise, "over £100" a
        // complaint.
        for f in figures where f.kind == .money && !f.relative {
            for k in stride(from: f.index - 1, through: max(0, f.index - 2), by: -1) {
                if info[k].fixed { break }
                let under = info[k].negator || info[k].figure == .less
                guard under || info[k].figure == .more else { continue }
                info[f.index].valence = under ? lean : -lean
                info[f.index].fixed = true
                if info[k].negator { info[k].negatedSomething = true }
                break
            }
        }
        if promise, let (promised, actual) = promisedAndActual(figures, info, n) {
            var p = figures[promised], a = figures[actual]
            // A bare number takes the unit of the other ("Promised 48 hours, done in 24").
            if !a.relative {
                if a.kind == .count && a.unit < 0 && (p.unit >= 0 || p.kind != .count) {
                    a.value *= p.factor
                    a.kind = p.kind
                } else if p.kind == .count && p.unit < 0 && (a.unit >= 0 || a.kind != .count) {
                    p.value *= a.factor
                    p.kind = a.kind
                }
                guard a.kind == p.kind else { return }
            }
            guard !p.relative, p.value > 0 else { return }
            let ratio = a.relative ? a.value : a.value / p.value
            guard abs(ratio - 1) > 0.02 else { return }
            // (A multiple is of the promised figure's kind: "nästan det dubbla" of a quote is money.)
            let kind = a.relative ? p.kind : a.kind
            let higherIsBetter = kind == .count || (kind == .time && lasting && !charging)
            // The spans and waits of the figures are read here, not as waits or lastings.
            for f in [p, a] {
                for k in [f.index, f.unit] where k >= 0 && info[k].fixed { info[k].valence = 0 }
            }
            info[a.index].valence = (ratio > 1) == higherIsBetter ? lean : -lean
            info[a.index].fixed = true
            info[a.index].phrase = false
            clearPromises(info, n)
            return
        }
        // A multiple of time ("twice as long", "doppelt so lange") is a complaint unless it is
        // of how long something lasts; of a price, or of a portion, the nearer word decides.
        for f in figures where f.relative {
            var ofTime = false
            for k in (f.index + 1)..<min(n, f.index + 4) where info[k].figure == .long || info[k].figure == .longer {
                ofTime = true
            }
            if ofTime {
                info[f.index].valence = (f.value > 1) == (lasting && !charging) ? lean : -lean
                info[f.index].fixed = true
                continue
            }
            var nearest = 99, ofMoney = false
            for k in clause(of: f.index, info, n) {
                let kind = info[k].figure
                guard kind == .money || kind == .quote || kind == .portion, abs(k - f.index) < nearest else { continue }
                nearest = abs(k - f.index)
                ofMoney = kind != .portion
            }
            guard nearest < 99 else { continue }
            info[f.index].valence = (f.value < 1) == ofMoney ? lean : -lean
            info[f.index].fixed = true
        }
    }

    /// The words for a promise, read as part of a figure or comparative against it: no praise
    /// of their own ("promised" is +1.5 in the lexicon).
    private func clearPromises(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        for k in 0..<n where !info[k].fixed {
            switch info[k].figure {
            case .promise, .said, .quote, .usual: info[k].valence = 0
            default: break
            }
        }
    }

    /// "As promised", "wie versprochen", "som utlovat" at the end of its clause: praise, which
    /// takes away a complaint that a span of time in the sentence read. Not "som sagt" (as I
    /// said): "said" is a promise only where two figures stand apart.
    private func markAsPromised(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        for k in 0..<(n - 1)
        where info[k].figure == .asWord && info[k + 1].figure == .promise {
            let ends = k + 2 == n || info[k + 2].clauseStart || info[k + 2].joiner || info[k + 2].contrast
            guard ends else { continue }
            info[k + 1].valence = SentimentRules.figureValence
            for j in 0..<n where info[j].fixed && info[j].valence < 0 && (info[j].measure.length > 0 || info[j].elapsed)
            {
                info[j].valence = 0
            }
        }
    }

    /// Whether the comparative at `k` is said against a promise: "than" up to three words after
    /// it (right after it for "more" and "less") and a
    /// word for a promise or what is usual within three words after that ("earlier than
    /// promised", "lägre än offerten", "longer than usual"), or a sum of money there ("for less
    /// than $700"), or a word for money right before the comparative ("Cena niższa niż w
    /// sklepach"); or the comparative is a preposition right before the promise ("under the
    /// quote", "over budget").
    private func againstAPromise(_ k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> Bool {
        let amount = info[k].figure == .moreAmount || info[k].figure == .lessAmount
        // ("eerder klaar dan beloofd", "früher fertig als versprochen", "większy pokój niż
        // rezerwowaliśmy": "than" may come a word or two later.)
        var than = -1
        for j in (k + 1)..<min(n, k + (amount ? 2 : 4)) {
            if info[j].clauseStart || info[j].contrast { return false }
            if info[j].comparison == .than {
                than = j
                break
            }
        }
        if than > k {
            for p in (than + 1)..<min(n, than + 4) {
                if info[p].clauseStart || info[p].contrast { break }
                if info[p].figure.promises || info[p].figure == .money { return true }
            }
            for p in stride(from: k - 1, through: max(0, k - 2), by: -1)
            where info[p].figure == .money && info[p].amount < 0 {
                return true
            }
            return false
        }
        guard info[k].figure == .more || info[k].figure == .less else { return false }
        for p in (k + 1)..<min(n, k + 3) where info[p].figure.promises && !info[p].clauseStart { return true }
        return false
    }

    /// The sentence's figures: numbers with their units (a number right after a word for a time
    /// of day is none), multiples, and units of time alone (not after "same").
    private func collectFigures(_ info: UnsafeMutablePointer<Info>, _ n: Int, _ figures: inout [SentenceFigure]) {
        var k = 0
        while k < n {
            defer { k += 1 }
            var figure: SentenceFigure
            if info[k].amount >= 0 {
                if k > 0 && info[k - 1].figure == .clock { continue }
                figure = SentenceFigure(
                    index: k, value: info[k].amount, relative: false, kind: .count, factor: 1, unit: -1)
                if k + 1 < n && info[k + 1].figure == .times {
                    figure.relative = true
                } else {
                    for u in (k + 1)..<min(n, k + 3) where info[u].measure.length > 0 || info[u].figure.metres > 0 {
                        figure.unit = u
                        break
                    }
                    if figure.unit == k + 2 && info[k + 1].amount >= 0 { figure.unit = -1 }
                }
            } else if case .multiple(let m) = info[k].figure {
                // "half a million", "halbe Milliarde": a number, not a multiple.
                if (k + 1 < n && info[k + 1].amount >= 0) || (k + 2 < n && info[k + 2].amount >= 0) { continue }
                figure = SentenceFigure(index: k, value: m, relative: true, kind: .count, factor: 1, unit: -1)
            } else if info[k].measure.length > 0 {
                // ("the same day", "dezelfde dag", "tego samego dnia": a time, no span.)
                if k > 0 && info[k - 1].remedy == .same { continue }
                figure = SentenceFigure(index: k, value: 1, relative: false, kind: .time, factor: 1, unit: k)
            } else {
                continue
            }
            if figure.unit >= 0 && info[figure.unit].figure.metres > 0 {
                // A length: a count in metres.
                figure.factor = info[figure.unit].figure.metres
                figure.value *= figure.factor
                k = figure.unit
            } else if figure.unit >= 0 {
                figure.factor = SentimentRules.minutesPerUnit[info[figure.unit].measure.length]
                figure.value *= figure.factor
                figure.kind = .time
                // The unit is read with its number.
                if figure.unit > k { k = figure.unit }
            } else if !figure.relative {
                for j in clause(of: k, info, n) where info[j].figure == .money || info[j].figure == .quote {
                    figure.kind = .money
                    break
                }
            }
            figures.append(figure)
        }
    }

    /// Which of `figures` is the one promised and which the one that came: the first figure
    /// after "instead" (within four words), else the figure nearest a word for a promise in its
    /// clause, else the figure other than the one nearest "actually"; what came is the first
    /// other figure after the promised one, else the nearest before it.
    private func promisedAndActual(
        _ figures: [SentenceFigure], _ info: UnsafeMutablePointer<Info>, _ n: Int
    ) -> (promised: Int, actual: Int)? {
        var promised = -1, actual = -1
        for k in 0..<n where info[k].figure == .instead {
            if let f = figures.firstIndex(where: { $0.index > k && $0.index <= k + 4 }) {
                promised = f
                break
            }
        }
        var said = false
        if promised < 0 {
            var best = Int.max
            for k in 0..<n where info[k].figure.promises {
                let bounds = clause(of: k, info, n)
                for (f, figure) in figures.enumerated()
                where bounds.contains(figure.index) && !figure.relative && abs(figure.index - k) < best {
                    best = abs(figure.index - k)
                    promised = f
                    said = info[k].figure == .said
                }
            }
        }
        if promised < 0 {
            var best = Int.max
            for k in 0..<n where info[k].figure == .actual {
                let bounds = clause(of: k, info, n)
                for (f, figure) in figures.enumerated()
                where bounds.contains(figure.index) && abs(figure.index - k) < best {
                    best = abs(figure.index - k)
                    actual = f
                }
            }
            guard actual >= 0 else { return nil }
            promised = figures.indices.first { $0 != actual && !figures[$0].relative } ?? -1
            return promised >= 0 ? (promised, actual) : nil
        }
        guard promised >= 0 else { return nil }
        actual = figures.indices.first { $0 > promised } ?? (promised > 0 ? promised - 1 : -1)
        guard actual >= 0 else { return nil }
        if said {
            let p = figures[promised].index, a = figures[actual].index
            guard abs(a - p) >= 5 || !clause(of: p, info, n).contains(a) else { return nil }
        }
        return (promised, actual)
    }
}
