/// A verdict told by sight (issue 19, thirty-fifth round): what can or cannot be seen or read.
/// "With the lamp over the desk I can see every stitch", "Visarna går att läsa med en blick i
/// mörkret", "De prijskaartjes zijn makkelijk te lezen", and "The reversing camera shows nothing
/// but water drops", "Der Bildschirm ist unter dem Bürolicht nicht lesbar". No word in them says
/// good or bad: the praise is in what can be made out, the complaint in what cannot.
///
/// - **Seeing or reading** ("see", "read", "ser", "läsa", "zie", "lezen", "sehe", "ablesen",
///   "widzę", "odczytać") is praise where something says it can be done and how well: a modal
///   "clearly", "easily", "at a glance" in its clause ("tydligt", "makkelijk te lezen", "auf
///   einen Blick"), or a modal before it ("can", "kan", "går att", "kann", "można") with
///   "every" or "everything" ("can see every stitch", "kunde se varje min"). Negated it is a
///   complaint ("can't easily see the keyhole"); "only" makes it one ("you can only see the
///   top"). Not before "why", "that", "you" ("I can see why", "would love to see you"), not
///   where the clause has a reading of its own, and not where needing something to read by
///   ("I need a torch to read them"), which is a complaint.
/// - **Legible** ("readable", "läsbar", "leesbaar", "lesbar", "czytelny") is praise and
///   **illegible** ("unreadable", "oläslig", "onleesbaar", "unleserlich", "nieczytelny") a
///   complaint.
/// - **Showing or lighting** ("shows", "lights up", "visar", "lyser upp", "verlicht", "zeigt",
///   "leuchtet aus", "pokazuje", "oświetla") is praise with "everything" or "clearly" ("lyser
///   upp allt", "zeigt den Bordstein deutlich"), a complaint with "only" or "nothing but"
///   ("visar bara vattendroppar", "zeigt nur Wassertropfen").
extension SentimentRules {
    /// What a word does in a verdict told by sight.
    enum Sight: Sendable, Equatable {
        case none
        /// "see", "read", "ser", "läsa", "zie", "lezen", "sehe", "ablesen", "widać", "odczytać".
        case see
        /// "shows", "lights", "visar", "lyser", "verlicht", "zeigt", "leuchtet", "oświetla".
        case show
        /// "readable", "läsbar", "leesbaar", "lesbar", "czytelny": praise.
        case legible
        /// "unreadable", "oläslig", "onleesbaar", "unleserlich", "nieczytelny": a complaint.
        case illegible
        /// "can", "could", "kan", "går", "kun", "kann", "mogę", "można": able to.
        case able
        /// "clearly", "easily", "glance", "tydligt", "lätt", "duidelijk", "oogopslag", "deutlich",
        /// "wyraźnie": how well, enough by itself.
        case well
        /// "every", "varje", "elke", "jeden", "każdy": after a modal ("can see every stitch"; not
        /// "have seen every film").
        case each
        /// "everything", "allt", "alles", "wszystko": all of it shown, or after a modal seen.
        case everything
        /// "only", "bara", "alleen", "nur", "tylko", "zaledwie": only that shown, a complaint.
        case only
        /// "nothing": before "but", only.
        case nothing
        /// "but": after `nothing`.
        case but
        /// "why", "how", "that", "you", "him", "varför", "att", "dig", "waarom", "dat", "warum",
        /// "dass", "dich", "dlaczego", "że", "cię": right after the verb, not sight ("I can see
        /// why", "shows that", "would love to see you").
        case why
        /// "coming", "komma", "aankomen", "kommen", German "aus" and "an": later in the clause,
        /// not sight ("could see the twist coming", "sieht gut aus").
        case coming
        /// "to", "för", "om", "zu", "żeby": a purpose, after `need`.
        case purpose
        /// "need", "behöver", "nodig", "brauche", "potrzebuję": needing something to see or read
        /// by is a complaint ("I need a torch to read them"; not "I need to see you").
        case need
    }

    /// The words of `language`'s verdicts told by sight.
    static func sight(_ language: Language) -> [String: Sight] {
        var out = [String: Sight]()
        switch language {
        case .en:
            out.assign(["see", "sees", "seen", "read"], .see)
            out.assign(["shows", "lights", "lit", "illuminates"], .show)
            out.assign(["readable", "legible"], .legible)
            out.assign(["unreadable", "illegible"], .illegible)
            out.assign(["can", "could"], .able)
            out.assign(["clearly", "easily", "easy", "glance", "perfectly"], .well)
            out.assign(["every", "each"], .each)
            out.assign(["to"], .purpose)
            out.assign(["everything"], .everything)
            out.assign(["only"], .only)
            out.assign(["nothing"], .nothing)
            out.assign(["but"], .but)
            out.assign(["why", "how", "point", "that", "you", "u", "him", "her", "them", "me", "us"], .why)
            out.assign(["coming"], .coming)
            out.assign(["need", "needed", "needs"], .need)
        case .sv:
            out.assign(["se", "ser", "såg", "sett", "syns", "synas", "läsa", "läser", "läste", "avläsa"], .see)
            out.assign(["visar", "visade", "lyser", "belyser"], .show)
            out.assign(["läsbar", "läsbara", "läsbart", "lättläst"], .legible)
            out.assign(["oläslig", "oläsliga", "oläsligt"], .illegible)
            out.assign(["kan", "kunde", "går", "gick"], .able)
            out.assign(["tydligt", "lätt", "blick", "perfekt"], .well)
            out.assign(["varje", "varenda"], .each)
            out.assign(["för"], .purpose)
            out.assign(["allt"], .everything)
            out.assign(["bara", "endast"], .only)
            out.assign(["varför", "hur", "poängen", "att", "dig", "honom", "henne", "er", "oss", "mig"], .why)
            out.assign(["komma"], .coming)
            out.assign(["behöver", "behövde"], .need)
        case .nl:
            out.assign(["zie", "ziet", "zien", "zag", "zagen", "gezien", "lezen", "lees", "leest", "aflezen"], .see)
            out.assign(["toont", "verlicht", "belicht", "laat"], .show)
            out.assign(["leesbaar", "leesbare"], .legible)
            out.assign(["onleesbaar", "onleesbare"], .illegible)
            out.assign(["kan", "kun", "kunt", "kunnen", "kon", "konden"], .able)
            out.assign(["duidelijk", "makkelijk", "gemakkelijk", "oogopslag"], .well)
            out.assign(["elke", "elk", "ieder", "iedere"], .each)
            out.assign(["om"], .purpose)
            out.assign(["alles"], .everything)
            out.assign(["alleen", "enkel"], .only)
            out.assign(
                ["waarom", "hoe", "punt", "dat", "je", "jou", "hem", "haar", "jullie", "ons", "me", "mij"], .why)
            out.assign(["aankomen"], .coming)
            out.assign(["nodig"], .need)
        case .de:
            out.assign(
                [
                    "sehe", "sieht", "sehen", "sah", "sahen", "gesehen", "erkennt", "erkennen", "erkenne", "lesen",
                    "liest", "ablesen",
                ], .see)
            out.assign(["zeigt", "zeigte", "leuchtet", "beleuchtet"], .show)
            out.assign(["lesbar", "lesbare", "ablesbar", "leserlich"], .legible)
            out.assign(["unlesbar", "unleserlich", "unlesbare"], .illegible)
            out.assign(["kann", "kannst", "können", "konnte", "konnten"], .able)
            out.assign(["deutlich", "gut", "leicht", "blick", "einwandfrei"], .well)
            out.assign(["jeden", "jede", "jedes", "jeder"], .each)
            out.assign(["zu"], .purpose)
            out.assign(["alles"], .everything)
            out.assign(["nur", "lediglich"], .only)
            out.assign(["warum", "wie", "sinn", "dass", "dich", "ihn", "uns", "euch", "mich"], .why)
            out.assign(["kommen", "aus", "an"], .coming)
            out.assign(["brauche", "brauchte", "braucht", "benötige"], .need)
        case .pl:
            out.assign(
                [
                    "widać", "widzę", "widzi", "widzimy", "widzieliśmy", "widział", "widziała", "zobaczyć",
                    "widzieć", "czytać", "przeczytać", "odczytać", "odczytuję",
                ], .see)
            out.assign(["pokazuje", "pokazywała", "oświetla", "oświetlała"], .show)
            out.assign(["czytelny", "czytelna", "czytelne", "czytelnie"], .legible)
            out.assign(["nieczytelny", "nieczytelna", "nieczytelne"], .illegible)
            out.assign(["mogę", "można", "możesz", "da"], .able)
            out.assign(["wyraźnie", "łatwo", "spojrzeniem", "doskonale"], .well)
            out.assign(["każdy", "każdą", "każde", "każdego"], .each)
            out.assign(["żeby", "aby", "by"], .purpose)
            out.assign(["wszystko"], .everything)
            out.assign(["tylko", "jedynie", "zaledwie"], .only)
            out.assign(["dlaczego", "czemu", "jak", "sensu", "że", "cię", "go", "ją", "was", "nas", "mnie"], .why)
            out.assign(["potrzebuję", "potrzebowałem", "potrzebowałam", "potrzeba"], .need)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads a verdict told by sight (`SentimentRules+Sight`): runs after sound and before
    /// negation; each reading reads its own negation.
    func markSight(_ info: UnsafeMutablePointer<Info>, _ n: Int, negatesBackward: Bool) {
        let any = anyIndex(n) { info[$0].sight.decides && !info[$0].fixed }
        guard any else { return }
        func role(_ j: Int) -> SentimentRules.Sight { j >= 0 && j < n ? info[j].sight : .none }
        for k in 0..<n where !info[k].fixed {
            let kind = info[k].sight
            guard kind.decides else { continue }
            if kind == .legible || kind == .illegible {
                decidePerception(k, praise: kind == .legible, [], info, n, negatesBackward: negatesBackward)
                continue
            }
            // "I can see why", "ser vad", "could see the twist coming": no sight.
            if role(k + 1) == .why { continue }
            let clause = clause(of: k, info, n)
            var foreseen = false
            for j in k..<clause.upperBound where info[j].sight == .coming { foreseen = true }
            if foreseen { continue }
            var well = [Int](), each = [Int](), only = [Int](), everything = [Int](), able = false
            // "I need a torch to read them", "potrzebuję latarki, żeby je odczytać": something named
            // between the need and the purpose ("I need to see you" is no sight).
            var purpose = -1, need = -1
            for j in max(0, k - 3)..<k where info[j].sight == .purpose { purpose = j }
            if purpose >= 1 {
                for j in max(0, k - 10)..<max(max(0, k - 10), purpose - 1) where info[j].sight == .need { need = j }
            }
            for j in clause where j != k {
                switch info[j].sight {
                case .well: well.append(j)
                case .each:
                    each.append(j)
                    // "every stitch", "jeden Stich": the thing seen is only named.
                    if j + 1 < n && j + 1 != k && !info[j + 1].fixed { each.append(j + 1) }
                case .everything: everything.append(j)
                // "not only", "nicht nur": no "only".
                case .only where j == 0 || !info[j - 1].negator: only.append(j)
                case .nothing where role(j + 1) == .but: only.append(j)
                case .able where j < k && k - j <= 3: able = true
                default: break
                }
            }
            var reading: (praise: Bool, parts: [Int])? = nil
            if need >= 0 {
                reading = (false, [need])
            } else if kind == .show {
                if let first = only.first {
                    // "nothing but water drops": what is shown is only named.
                    reading = (false, only + Array((first + 1)..<min(clause.upperBound, first + 4)))
                } else if !everything.isEmpty || !well.isEmpty {
                    reading = (true, everything + well)
                }
            } else if !well.isEmpty || able && !(each.isEmpty && everything.isEmpty) {
                reading = (only.isEmpty, well + each + everything + only)
            }
            guard let reading else { continue }
            // Only where nothing else in the clause carries a reading: "easily the most
            // thoughtful … ever seen" is the lexicon's.
            var other = false
            for j in clause where j != k && !reading.parts.contains(j) && info[j].valence != 0 { other = true }
            if other { continue }
            decidePerception(k, praise: reading.praise, reading.parts, info, n, negatesBackward: negatesBackward)
        }
    }
}

extension SentimentRules.Sight {
    /// Whether the word is one a reading can be decided on (the rest only tell it).
    var decides: Bool {
        switch self {
        case .see, .show, .legible, .illegible: true
        default: false
        }
    }
}
