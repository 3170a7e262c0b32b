/// A verdict told only by the timeline (issue 19, twenty-seventh round): "Applied for the
/// permit on the 4th and it arrived on the 6th", "Bänkskivan beställdes i januari och
/// monterades i maj", "Om acht uur gemeld, om elf uur stond de loodgieter er", "Mittwoch
/// eingeschickt, Freitag hatte ich ihn zurück", "Odczyt podałam trzeciego, faktura przyszła
/// trzydziestego". No word in them carries sentiment; the verdict is in the days between the
/// day something was asked for and the day it came.
///
/// - **A point in time** is a weekday ("Tuesday", "tisdagsmorgonen", "dinsdagochtend",
///   "Dienstagmorgen", "we wtorek"), a month ("in May", "i maj", "im Mai", "w maju"), a day of
///   the month ("the 4th", "den 4:e", "op de 4e", "am 4.", "czwartego", "2 May"), an hour after
///   "at", "klockan", "om", "um", "o" ("at 8", "om acht uur", "o ósmej"), a part of the day
///   ("that afternoon", "samma kväll", "'s middags", "am selben Abend", "tego samego
///   wieczoru"), or "the next day". Words next to each other make one point ("on 2 May", "the
///   end of April").
/// - **A timeline** is a first point in the clause of a word for asking or sending ("ordered",
///   "anmälde", "aangevraagd", "eingeschickt", "zgłosiłem"), or of a fault ("went down",
///   "fiel aus", a fault said as a phrase), and a later point in a later clause of the sentence, or in the next sentence
///   ("Renewed my licence in August. The card came in November.").
/// - **Its verdict**: three days or fewer between the points is praise; more than a week is a
///   complaint (a month apart is about thirty days; a part of the day or an hour alone is the
///   same day). Between, and where the days cannot be told (a weekday against a month), no
///   verdict. A fault in the later clause ("broke on Wednesday") is no praise, and a word for a
///   range between the points ("Monday to Friday", "bis", "do") is no timeline.
/// - When the timeline gives the verdict, the fault that started it and a word of what came
///   ("refund") count for nothing: the days are the verdict.
extension SentimentRules {
    /// What a word does in a verdict told by the timeline.
    enum Timeline: Sendable, Equatable {
        case none
        /// "Monday", "tisdagsmorgonen", "Dienstagabend", "wtorek" (0 is Monday).
        case weekday(Int)
        /// "January", "maj", "Mai", "maju" (1 is January).
        case month(Int)
        /// English "may", "march": a month only next to a number or after `monthOpen` or "end".
        case monthIfDated(Int)
        /// English "in", "of", "early", "late", "mid": a word before a month.
        case monthOpen
        /// "4th", "4e", "czwartego": a day of the month.
        case day(Int)
        /// Polish "ósmej", "jedenastej": an hour, after `at`.
        case hour(Int)
        /// "at", "klockan", "om", "um", "o": a number after it is an hour.
        case at
        /// Dutch "half", German "halb", Swedish "halv" between `at` and an hour ("om half elf").
        case half
        /// Swedish "den", German "am", "zum": a number after it is a day of the month.
        case dayArticle
        /// "morning", "kvällen", "middags", "Nachmittag", "wieczorem": a part of the day.
        case dayPart
        /// "same", "that", "samma", "dezelfde", "selben", "samego": the same day as before.
        case same
        /// "next", "following", "nästa", "volgende", "nächsten", "następnego": the day after.
        case next
        /// "end", "slutet", "eind", "Ende", "koniec": late in the month after it.
        case end
        /// "ordered", "anmälde", "aangevraagd", "eingeschickt", "zgłosiłem": asked or sent; a
        /// point in its clause starts a timeline.
        case request
        /// "to", "till", "until", "tot", "bis", "do": two points with it between are a range.
        case range
        /// "and", "och", "en", "und", "i", "a": a clause of the timeline ends before it.
        case and
    }

    /// The valence of a verdict told by the timeline: as strong as a figure against a promise.
    static let timelineValence = 1.5

    /// Days between the points at most this many: praise.
    static let timelineQuickDays = 3

    /// Days between the points more than this many: a complaint.
    static let timelineSlowDays = 7

    /// The words of `language`'s timelines.
    static func timeline(_ language: Language) -> [String: Timeline] {
        var out = [String: Timeline]()
        func weekdays(_ names: [[String]]) {
            for (d, forms) in names.enumerated() { out.assign(forms, .weekday(d)) }
        }
        func months(_ names: [[String]]) {
            for (m, forms) in names.enumerated() { out.assign(forms, .month(m + 1)) }
        }
        switch language {
        case .en:
            weekdays(
                ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map {
                    [$0, "\($0)'s"]
                })
            months(
                [
                    ["january"], ["february"], [], ["april"], [], ["june"], ["july"], ["august"], ["september"],
                    ["october"], ["november"], ["december"],
                ])
            out["march"] = .monthIfDated(3)
            out["may"] = .monthIfDated(5)
            out.assign(["in", "of", "early", "late", "mid", "since"], .monthOpen)
            out.assign(["at", "by"], .at)
            out.assign(
                ["day", "morning", "afternoon", "evening", "night", "lunchtime", "noon", "midday", "tonight"], .dayPart)
            out.assign(["same", "that"], .same)
            out.assign(["next", "following"], .next)
            out.assign(["end"], .end)
            out.assign(
                [
                    "ordered", "booked", "reported", "applied", "sent", "posted", "returned", "submitted", "asked",
                    "rang", "called", "phoned", "emailed", "e-mailed", "messaged", "told", "dropped", "handed",
                    "requested", "renewed", "paid", "down", "broke", "stopped", "failed", "crashed",
                ], .request)
            out.assign(["to", "till", "until", "through", "thru"], .range)
            out.assign(["and"], .and)
        case .sv:
            let days = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
            let parts = [
                "morgon", "morgonen", "förmiddag", "förmiddagen", "eftermiddag", "eftermiddagen", "kväll", "kvällen",
                "natt", "natten", "lunch", "lunchen",
            ]
            weekdays(days.map { d in [d, d + "en", d + "s"] + parts.map { d + "s" + $0 } })
            months(
                [
                    ["januari"], ["februari"], ["mars"], ["april"], ["maj"], ["juni"], ["juli"], ["augusti"],
                    ["september"], ["oktober"], ["november"], ["december"],
                ])
            out.assign(["klockan", "kl", "vid"], .at)
            out["halv"] = .half
            out.assign(["den"], .dayArticle)
            out.assign(parts + ["dag", "dagen"], .dayPart)
            out.assign(["samma", "samme"], .same)
            out.assign(["nästa", "följande"], .next)
            out.assign(["slutet"], .end)
            out.assign(
                [
                    "beställde", "beställdes", "beställt", "bokade", "bokat", "anmälde", "anmält", "felanmälde",
                    "ansökte", "ansökt", "sökte", "skickade", "skickades", "skickat", "lämnade", "lämnat",
                    "returnerade", "ringde", "mejlade", "mailade", "frågade", "bad", "förnyade", "betalade",
                    "reklamerade", "slutade",
                ], .request)
            out.assign(["till", "tills", "fram"], .range)
            out.assign(["och"], .and)
        case .nl:
            let days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
            let parts = ["ochtend", "morgen", "middag", "avond", "nacht"]
            weekdays(days.map { d in [d] + parts.map { d + $0 } })
            months(
                [
                    ["januari"], ["februari"], ["maart"], ["april"], ["mei"], ["juni"], ["juli"], ["augustus"],
                    ["september"], ["oktober"], ["november"], ["december"],
                ])
            out.assign(["om", "rond"], .at)
            out["half"] = .half
            out.assign(parts + ["dag", "ochtends", "middags", "avonds", "morgens", "nachts"], .dayPart)
            out.assign(["dezelfde", "datzelfde", "diezelfde", "zelfde"], .same)
            out.assign(["volgende", "daaropvolgende", "erna"], .next)
            out.assign(["eind", "einde"], .end)
            out.assign(
                [
                    "besteld", "bestelde", "bestelden", "geboekt", "boekte", "gemeld", "meldde", "aangevraagd",
                    "gevraagd", "gestuurd", "opgestuurd", "teruggestuurd", "stuurde", "gebracht", "bracht",
                    "ingeleverd", "gebeld", "belde", "gemaild", "mailde", "verlengd", "betaald", "doorgegeven",
                    "ingediend", "viel", "uitgevallen",
                ], .request)
            out.assign(["tot"], .range)
            out.assign(["en"], .and)
        case .de:
            let days = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]
            let parts = ["morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht"]
            weekdays(days.map { d in [d, d + "s"] + parts.map { d + $0 } })
            months(
                [
                    ["januar", "jänner"], ["februar"], ["märz"], ["april"], ["mai"], ["juni"], ["juli"], ["august"],
                    ["september"], ["oktober"], ["november"], ["dezember"],
                ])
            out.assign(["um", "gegen"], .at)
            out["halb"] = .half
            out.assign(["am", "zum", "vom"], .dayArticle)
            out.assign(
                [
                    "tag", "vormittag", "mittag", "nachmittag", "abend", "nacht", "morgens", "mittags", "nachmittags",
                    "abends",
                ],
                .dayPart)
            out.assign(["selben", "gleichen", "demselben"], .same)
            out.assign(["nächsten", "folgenden", "tags"], .next)
            out.assign(["ende"], .end)
            out.assign(
                [
                    "bestellt", "bestellte", "gebucht", "buchte", "gemeldet", "meldete", "beantragt", "beantragte",
                    "geschickt", "eingeschickt", "zurückgeschickt", "schickte", "gebracht", "brachte", "abgegeben",
                    "angerufen", "rief", "gemailt", "gebeten", "bat", "verlängert", "bezahlt", "eingereicht",
                    "reklamiert", "fiel", "ausgefallen",
                ], .request)
            out.assign(["bis"], .range)
            out.assign(["und"], .and)
        case .pl:
            weekdays([
                ["poniedziałek", "poniedziałku"], ["wtorek", "wtorku"], ["środę", "środa", "środy"],
                ["czwartek", "czwartku"], ["piątek", "piątku"], ["sobotę", "sobota", "soboty"],
                ["niedzielę", "niedziela", "niedzieli"],
            ])
            months([
                ["styczeń", "stycznia", "styczniu"], ["luty", "lutego", "lutym"], ["marzec", "marca", "marcu"],
                ["kwiecień", "kwietnia", "kwietniu"], ["maj", "maja", "maju"], ["czerwiec", "czerwca", "czerwcu"],
                ["lipiec", "lipca", "lipcu"], ["sierpień", "sierpnia", "sierpniu"],
                ["wrzesień", "września", "wrześniu"],
                ["październik", "października", "październiku"], ["listopad", "listopada", "listopadzie"],
                ["grudzień", "grudnia", "grudniu"],
            ])
            let days = [
                "pierwszego", "drugiego", "trzeciego", "czwartego", "piątego", "szóstego", "siódmego", "ósmego",
                "dziewiątego", "dziesiątego", "jedenastego", "dwunastego", "trzynastego", "czternastego",
                "piętnastego", "szesnastego", "siedemnastego", "osiemnastego", "dziewiętnastego", "dwudziestego",
            ]
            for (d, word) in days.enumerated() { out[word] = .day(d + 1) }
            out["trzydziestego"] = .day(30)
            let hours = [
                "pierwszej", "drugiej", "trzeciej", "czwartej", "piątej", "szóstej", "siódmej", "ósmej",
                "dziewiątej", "dziesiątej", "jedenastej", "dwunastej",
            ]
            for (h, word) in hours.enumerated() { out[word] = .hour(h + 1) }
            out.assign(["o", "około"], .at)
            out.assign(
                [
                    "rano", "popołudniu", "popołudnia", "wieczorem", "wieczoru", "wieczór", "południe", "południu",
                    "dnia",
                ], .dayPart)
            out.assign(["samego", "tym", "tego"], .same)
            out.assign(["następnego", "nazajutrz"], .next)
            out.assign(["koniec", "końcu", "końca"], .end)
            out.assign(
                [
                    "zamówiłem", "zamówiłam", "zamówiliśmy", "zamówiony", "zamówiona", "zamówione", "zgłosiłem",
                    "zgłosiłam", "zgłosiliśmy", "zgłosił", "zgłosiła", "złożyłem", "złożyłam", "złożyliśmy",
                    "wysłałem", "wysłałam", "wysłaliśmy", "odesłałem", "odesłałam", "oddałem", "oddałam",
                    "zadzwoniłem", "zadzwoniłam", "dzwoniłem", "dzwoniłam", "poprosiłem", "poprosiłam", "napisałem",
                    "napisałam", "przedłużyłem", "przedłużyłam", "zapłaciłem", "zapłaciłam", "podałem", "podałam",
                    "zarezerwowałem", "zarezerwowałam", "przestał", "przestała", "padł", "padło",
                ], .request)
            out.assign(["do"], .range)
            out.assign(["i", "a"], .and)
        }
        return out
    }
}

extension SentimentScorer {
    /// One point in time of a sentence (`SentimentRules+Timeline`): what is known of it, its
    /// first and last entries and whether it is the same day or the day after the one before.
    struct TimePoint {
        var first = -1, last = -1
        var weekday = -1, month = -1, day = -1, hour = -1
        var same = false, next = false, dayPart = false
        /// Whether it tells anything of when.
        var isPoint: Bool { weekday >= 0 || month >= 0 || day >= 0 || hour >= 0 || dayPart || next }
    }

    /// The days from `a` to the later point `b`, or nil when they cannot be told.
    static func days(from a: TimePoint, to b: TimePoint) -> Int? {
        if b.next { return 1 }
        if b.same { return 0 }
        if b.weekday < 0 && b.month < 0 && b.day < 0 {
            // An hour or a part of the day alone: the same day, unless the hour is earlier.
            return (b.hour >= 0 && a.hour >= 0 && b.hour < a.hour) ? 1 : 0
        }
        if a.weekday >= 0 && b.weekday >= 0 {
            let d = (b.weekday - a.weekday + 7) % 7
            return d == 0 ? 7 : d
        }
        if a.month >= 0 && b.month >= 0 {
            if a.month == b.month {
                guard a.day >= 0 && b.day > a.day else { return nil }
                return b.day - a.day
            }
            return (b.month - a.month + 12) % 12 * 30 + (b.day >= 0 ? b.day : 15) - (a.day >= 0 ? a.day : 15)
        }
        if a.day >= 0 && b.day >= 0 && b.month < 0 { return b.day > a.day ? b.day - a.day : b.day + 30 - a.day }
        return nil
    }

    /// Reads the points in time of the sentence's entries `0..<n`, in order.
    func timePoints(_ info: UnsafeMutablePointer<Info>, _ n: Int) -> [TimePoint] {
        var points = [TimePoint]()
        var current = TimePoint()
        func close() {
            if current.isPoint { points.append(current) }
            current = TimePoint()
        }
        for k in 0..<n {
            let role = info[k].timeline
            if current.first >= 0 && (k - current.last > 2 || info[k].clauseStart) { close() }
            func take() {
                if current.first < 0 { current.first = k }
                current.last = k
            }
            switch role {
            case .weekday(let d):
                take()
                current.weekday = d
            case .month(let m):
                take()
                current.month = m
            case .monthIfDated(let m):
                let dated =
                    (k > 0 && !info[k].clauseStart
                        && (info[k - 1].amount >= 1 || info[k - 1].timeline == .end
                            || info[k - 1].timeline == .monthOpen || current.day >= 0))
                    || (k + 1 < n && info[k + 1].amount >= 1 && info[k + 1].amount <= 31)
                guard dated else { continue }
                take()
                current.month = m
            case .day(let d):
                take()
                current.day = d
            case .hour(let h):
                if k > 0 && info[k - 1].timeline == .at {
                    take()
                    current.hour = h
                }
            case .dayPart:
                take()
                current.dayPart = true
                if k > 0 && info[k - 1].timeline == .same { current.same = true }
                if k > 0 && info[k - 1].timeline == .next { current.next = true }
            case .next where k + 1 < n && (info[k + 1].timeline == .dayPart || info[k + 1].timeline == .next):
                take()
                current.next = true
            default:
                let v = info[k].amount
                guard v >= 0, v == v.rounded() else { break }
                let afterAt =
                    k > 0
                    && (info[k - 1].timeline == .at
                        || (k > 1 && info[k - 1].timeline == .half && info[k - 2].timeline == .at))
                if afterAt && v <= 24 {
                    take()
                    current.hour = Int(v)
                } else if v >= 1 && v <= 31
                    && ((k > 0 && info[k - 1].timeline == .dayArticle)
                        || (k + 1 < n && Self.isMonth(info[k + 1].timeline))
                        || (k > 0 && Self.isMonth(info[k - 1].timeline)))
                {
                    take()
                    current.day = Int(v)
                }
            }
            if role == .end, k + 3 < n {
                // "the end of April", "slutet av april", "eind april", "koniec kwietnia": late.
                for j in (k + 1)...(k + 2) where Self.isMonth(info[j].timeline) {
                    current.day = 28
                }
            }
        }
        close()
        return points
    }

    @inline(__always) static func isMonth(_ role: SentimentRules.Timeline) -> Bool {
        switch role {
        case .month, .monthIfDated: true
        default: false
        }
    }

    /// Reads the sentence's timeline (`SentimentRules+Timeline`): runs after the charges and
    /// before negation. `started` is a first point told in the sentence before, with no later
    /// one; this sentence's point, if it has one and no later one, is left in it.
    func markTimeline(_ info: UnsafeMutablePointer<Info>, _ n: Int, started: inout TimePoint?) {
        let before = started
        started = nil
        // Most sentences have no word for asking or sending, nor a fault said as a phrase, and
        // no point left from the sentence before: no timeline starts or ends in them.
        var any = before != nil
        for k in 0..<n where !any && startsATimeline(info[k]) { any = true }
        guard any else { return }
        markLongAgo(info, n)
        let points = timePoints(info, n)
        guard !points.isEmpty else { return }
        // The first point in the clause of a word for asking or sending (or of a fault).
        var first: TimePoint? = nil
        var firstIndex = -1
        for (p, point) in points.enumerated() {
            let (from, to) = clause(around: point, info, n)
            var asked = false
            for j in from..<to where startsATimeline(info[j]) {
                asked = true
                break
            }
            if asked {
                first = point
                firstIndex = p
                break
            }
        }
        var a: TimePoint, bIndex: Int
        if let first {
            guard firstIndex + 1 < points.count else {
                started = first
                return
            }
            a = first
            bIndex = points.count - 1
            // The later point in a later clause.
            let (_, firstEnd) = clause(around: first, info, n)
            guard points[bIndex].first >= firstEnd else { return }
            // A range: "Monday to Friday", "bis Freitag", "do piątku".
            for j in max(first.last, points[bIndex].first - 2)..<points[bIndex].first
            where info[j].timeline == .range {
                return
            }
        } else if let before {
            a = before
            bIndex = 0
        } else {
            return
        }
        let b = points[bIndex]
        guard let days = Self.days(from: a, to: b) else { return }
        let (bFrom, bTo) = clause(around: b, info, n)
        let quick = days <= SentimentRules.timelineQuickDays
        if quick {
            // A fault at the later point ("broke on Wednesday") is no praise.
            for j in bFrom..<bTo where info[j].problem { return }
        } else if days <= SentimentRules.timelineSlowDays {
            return
        }
        info[b.first].valence = quick ? SentimentRules.timelineValence : -SentimentRules.timelineValence
        info[b.first].fixed = true
        // The days are the verdict: what started it ("went down", "slutade fungera") and what
        // came ("refund") count for nothing.
        let (aFrom, aTo) = first.map { clause(around: $0, info, n) } ?? (0, 0)
        for j in 0..<n where j != b.first {
            if (j >= aFrom && j < aTo)
                || (quick ? info[j].valence < 0 : info[j].valence > 0)
            {
                info[j].valence = 0
                info[j].problem = false
                info[j].negator = false
                info[j].remedy = .none
            }
        }
    }

    /// Whether a point in the clause of `info` starts a timeline: a word for asking or sending,
    /// or a fault (a word, or a phrase such as "slutade fungera", "fiel … aus", "przestał działać").
    @inline(__always) func startsATimeline(_ info: Info) -> Bool {
        info.timeline == .request || info.problem || (info.phrase && info.valence < 0)
    }

    /// How long ago, and nothing since: a span of weeks or more (or more than a week of days)
    /// before "ago", "sedan", "geleden", "temu" or after "vor", in the clause of a word for
    /// asking or sending, and a negator in a later clause with no sentiment word after it
    /// ("and nobody has come yet", "bis heute ist niemand gekommen") is a complaint.
    func markLongAgo(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        for k in 0..<n where info[k].process == .ago {
            var span = -1
            for u in max(0, k - 3)..<min(n, k + 4) where info[u].measure.length >= 3 {
                let days = info[u].measure.length == 3 && u > 0 ? info[u - 1].amount : 0
                if info[u].measure.length >= 4 || days > 7 { span = u }
            }
            guard span >= 0 else { continue }
            let (from, to) = clause(from: min(k, span), through: max(k, span), info, n)
            var asked = false
            for j in from..<to where info[j].timeline == .request {
                asked = true
                break
            }
            guard asked else { continue }
            // A negator later in the sentence that negates nothing ("nobody has come").
            var start = to
            while start < n {
                if info[start].timeline == .and {
                    start += 1
                    continue
                }
                let (from, to) = clause(from: start, through: start, info, n)
                start = to
                for j in from..<to where info[j].negator && !info[j].fixed {
                    var negates = false
                    for m in (j + 1)..<max(j + 1, min(to, j + 4)) where info[m].valence != 0 {
                        negates = true
                        break
                    }
                    guard !negates else { continue }
                    info[span].valence = -SentimentRules.timelineValence
                    info[span].fixed = true
                    return
                }
            }
        }
    }

    /// The entries of the clause `point` is in.
    func clause(around point: TimePoint, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> (Int, Int) {
        clause(from: point.first, through: point.last, info, n)
    }

    /// The entries of the clause the entries `first...last` are in: from the clause start or
    /// the word for "and" before them to the next one after them.
    func clause(from first: Int, through last: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> (Int, Int) {
        var from = first
        while from > 0 && !info[from].clauseStart && info[from - 1].timeline != .and { from -= 1 }
        var to = last + 1
        while to < n && !info[to].clauseStart && info[to].timeline != .and { to += 1 }
        return (from, to)
    }
}
