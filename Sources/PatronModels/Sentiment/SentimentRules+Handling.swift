/// A verdict told by weight and handling (issue 19, thirty-eighth round): how a thing is to lift,
/// carry and hold. "I can lift the full laundry basket with one arm", "Vår tvååring kan hälla ur
/// kannan själv", "Die Küchenmaschine bleibt auf der Arbeitsplatte stehen", and "Kylboxen kräver
/// två personer", "Telefon zsuwa się z oparcia kanapy". No word in them says good or bad.
///
/// - **Light enough** ("light enough", "lätt nog", "licht genoeg", "leicht genug", "na tyle
///   lekki") and **so light that** are praise; **so heavy that** a complaint ("too heavy" is the
///   measures' rule).
/// - **One hand or arm** ("with one arm", "med en arm", "met één arm", "mit einem Arm", "jedną
///   ręką") is praise (not "in one hand"), and one person who carries it alone; negated a
///   complaint.
/// - **Two hands or people needed** ("needs two people", "kräver två personer", "twee mensen
///   nodig", "braucht man zwei Personen", "potrzeba dwóch osób") is a complaint.
/// - **Carrying or pouring alone** ("pour from the jug by herself", "hälla ur kannan själv",
///   "allein eingießen", "sama nalewa") is praise; negated a complaint. Not doing anything else
///   alone ("I can take care of myself").
/// - **Staying put**, said of the thing ("stays where it is", "står kvar", "blijft … staan",
///   "bleibt … stehen", "stoi w miejscu", or staying in the hand), is praise; negated a
///   complaint. Not a request ("Stay where you are", "Bleiben Sie stehen").
/// - **Slipping, dripping, aching** ("slides off", "glider", "glijdt", "rutscht", "zsuwa się";
///   "drips", "droppar", "druipt", "tropft", "cieknie"; "aches", "värker", "tut weh", "boli")
///   are faults: complaints, negated praise ("nie wyślizguje się z ręki").
extension SentimentRules {
    /// What a word does in a verdict told by weight and handling.
    enum Handling: Sendable, Equatable {
        case none
        /// "light", "lätt", "licht", "leicht", "lekki".
        case light
        /// "heavy", "tung", "zwaar", "schwer", "ciężki".
        case heavy
        /// "enough", "nog", "genoeg", "genug", "tyle": after `light`, or before it in Polish.
        case enough
        /// "so", "så", "zo", "tak": before `light` or `heavy` with `that` after.
        case so
        /// "that", "att", "dat", "dass", "że".
        case that
        /// "one", "en", "één", "einem", "jedną".
        case one
        /// "two", "två", "twee", "zwei", "dwóch".
        case two
        /// "hand", "arm", "händer", "handen", "Hände", "ręką".
        case limb
        /// "person", "people", "personer", "mensen", "Personen", "osób".
        case person
        /// "needs", "takes", "kräver", "nodig", "braucht", "potrzeba".
        case need
        /// "alone", "herself", "själv", "zelf", "allein", "sama".
        case alone
        /// "can", "kan", "kann", "może": able to.
        case able
        /// "carry", "lift", "pour", "bära", "lyfta", "hälla", "tragen", "heben", "nalewa".
        case carry
        /// "stays", "står", "ligger", "blijft", "bleibt", "stoi": staying.
        case stay
        /// "where", "kvar", "staan", "liggen", "stehen", "liegen", "miejscu": staying put.
        case put
        /// "with", "med", "met", "mit": before `one` and `limb` ("with one arm"; not "in one hand
        /// and a phone in the other", "mister en arm").
        case with
        /// Polish "jedną": one, with ("jedną ręką").
        case oneWith
        /// "slides", "slips", "drips", "glider", "droppar", "glijdt", "druipt", "rutscht",
        /// "tropft", "zsuwa", "cieknie", "aches", "värker", "boli": a fault.
        case slip
    }

    /// The words of `language`'s verdicts told by weight and handling.
    static func handling(_ language: Language) -> [String: Handling] {
        var out = [String: Handling]()
        switch language {
        case .en:
            out.assign(["light"], .light)
            out.assign(["heavy"], .heavy)
            out.assign(["enough"], .enough)
            out.assign(["so"], .so)
            out.assign(["that"], .that)
            out.assign(["one"], .one)
            out.assign(["two"], .two)
            out.assign(["hand", "hands", "arm", "arms"], .limb)
            out.assign(["person", "people"], .person)
            out.assign(["needs", "need", "takes", "take"], .need)
            out.assign(["alone", "herself", "himself", "myself", "themselves"], .alone)
            out.assign(["can", "could"], .able)
            out.assign(["carry", "carries", "lift", "lifts", "pour", "pours", "fold", "folds"], .carry)
            out.assign(["stays", "stayed"], .stay)
            out.assign(["with"], .with)
            out.assign(["where", "put"], .put)
            out.assign(["slides", "slid", "slips", "slipped", "drips", "dripped", "aches", "ached"], .slip)
        case .sv:
            out.assign(["lätt", "lätta"], .light)
            out.assign(["tung", "tunga", "tungt"], .heavy)
            out.assign(["nog"], .enough)
            out.assign(["så"], .so)
            out.assign(["att"], .that)
            out.assign(["en", "ett"], .one)
            out.assign(["med"], .with)
            out.assign(["två"], .two)
            out.assign(["hand", "händer", "handen", "arm", "armar"], .limb)
            out.assign(["person", "personer"], .person)
            out.assign(["kräver", "krävs", "behöver", "behövs"], .need)
            out.assign(["själv", "själva", "ensam"], .alone)
            out.assign(["kan", "kunde"], .able)
            out.assign(["bära", "bär", "lyfta", "lyfter", "hälla", "häller"], .carry)
            out.assign(["står", "ligger", "stod", "låg"], .stay)
            out.assign(["kvar"], .put)
            out.assign(["glider", "gled", "droppar", "värker"], .slip)
        case .nl:
            out.assign(["licht", "lichte"], .light)
            out.assign(["zwaar", "zware"], .heavy)
            out.assign(["genoeg"], .enough)
            out.assign(["zo"], .so)
            out.assign(["dat"], .that)
            out.assign(["één", "een"], .one)
            out.assign(["met"], .with)
            out.assign(["twee"], .two)
            out.assign(["hand", "handen", "arm", "armen"], .limb)
            out.assign(["persoon", "personen", "mensen"], .person)
            out.assign(["nodig"], .need)
            out.assign(["zelf", "alleen", "eentje"], .alone)
            out.assign(["kan", "kun", "kunnen", "kon"], .able)
            out.assign(["dragen", "draag", "tillen", "optillen", "schenken", "brengen"], .carry)
            out.assign(["blijft", "bleef"], .stay)
            out.assign(["staan", "liggen", "zitten"], .put)
            out.assign(["glijdt", "gleed", "druipt", "droop"], .slip)
        case .de:
            out.assign(["leicht", "leichte"], .light)
            out.assign(["schwer", "schwere"], .heavy)
            out.assign(["genug"], .enough)
            out.assign(["so"], .so)
            out.assign(["dass", "daß"], .that)
            out.assign(["einem", "einer", "eine"], .one)
            out.assign(["mit"], .with)
            out.assign(["zwei"], .two)
            out.assign(["hand", "hände", "händen", "arm", "armen"], .limb)
            out.assign(["person", "personen", "leute", "leuten"], .person)
            out.assign(["braucht", "brauchen", "benötigt"], .need)
            out.assign(["allein", "alleine"], .alone)
            out.assign(["kann", "können", "konnte"], .able)
            out.assign(["tragen", "heben", "eingießen", "gießen", "bringt", "bringen", "trägt", "hebt"], .carry)
            out.assign(["bleibt", "blieb"], .stay)
            out.assign(["stehen", "liegen", "stecken"], .put)
            out.assign(["rutscht", "rutschte", "tropft", "tropfte"], .slip)
        case .pl:
            out.assign(["lekki", "lekka", "lekkie"], .light)
            out.assign(["ciężki", "ciężka", "ciężkie"], .heavy)
            out.assign(["tyle"], .enough)
            out.assign(["tak"], .so)
            out.assign(["że"], .that)
            out.assign(["jedna", "jeden", "jedno"], .one)
            out.assign(["jedną"], .oneWith)
            out.assign(["dwóch", "dwie", "dwa", "dwoma"], .two)
            out.assign(["ręką", "ręce", "rąk", "rękami", "ręki"], .limb)
            out.assign(["osoba", "osób", "osoby"], .person)
            out.assign(["potrzeba", "trzeba", "wymaga"], .need)
            out.assign(["sama", "sam", "samo", "samodzielnie"], .alone)
            out.assign(["może", "mogę", "można"], .able)
            out.assign(["nosi", "wnosi", "podnosi", "podnoszę", "nalewa", "zawiezie", "wnoszę"], .carry)
            out.assign(["stoi", "leży", "zostaje"], .stay)
            out.assign(["miejscu"], .put)
            out.assign(["zsuwa", "wyślizguje", "cieknie", "kapie", "boli"], .slip)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads a verdict told by weight and handling (`SentimentRules+Handling`): runs after smell
    /// and before negation; each reading reads its own negation. Not in a question.
    func markHandling(_ info: UnsafeMutablePointer<Info>, _ n: Int, question: Bool, negatesBackward: Bool) {
        let any = !question && anyIndex(n) { info[$0].handling.decides && !info[$0].fixed }
        guard any else { return }
        func role(_ j: Int) -> SentimentRules.Handling { j >= 0 && j < n ? info[j].handling : .none }
        for k in 0..<n where !info[k].fixed && info[k].handling.decides {
            let span = self.span(of: k, info, n) { _ in false }
            func has(_ r: SentimentRules.Handling, _ range: Range<Int>? = nil) -> Int? {
                for j in (range ?? span).clamped(to: span) where j != k && info[j].handling == r { return j }
                return nil
            }
            var praise: Bool
            var parts = [Int]()
            var readsNegation = true
            switch info[k].handling {
            case .light where role(k + 1) == .enough || role(k - 1) == .enough:
                praise = true
                parts = [role(k + 1) == .enough ? k + 1 : k - 1]
            case .light where role(k - 1) == .so && has(.that, (k + 1)..<(k + 4)) != nil,
                .heavy where role(k - 1) == .so && has(.that, (k + 1)..<(k + 4)) != nil:
                // "so heavy that my mother can't pour it": the "that" clause tells how heavy.
                praise = info[k].handling == .light
                parts = [k - 1]
                readsNegation = false
                for j in (k + 1)..<span.upperBound where !info[j].fixed {
                    info[j].valence = 0
                    if info[j].negator { takeNegator(j, info) }
                }
            case .limb where role(k - 1) == .one && role(k - 2) == .with || role(k - 1) == .oneWith:
                praise = true
                parts = [k - 1]
            case .person where role(k - 1) == .one && has(.alone) != nil && (has(.able) != nil || has(.carry) != nil):
                praise = true
                parts = [k - 1]
            case .limb where role(k - 1) == .two && has(.need) != nil,
                .person where role(k - 1) == .two && has(.need) != nil:
                praise = false
                parts = [k - 1, has(.need)!]
            case .alone where has(.carry) != nil:
                praise = true
            case .stay where has(.put, (k + 1)..<span.upperBound) != nil || has(.limb, (k + 1)..<(k + 8)) != nil:
                praise = true
            case .slip:
                praise = false
            default:
                continue
            }
            if readsNegation, let j = perceptionNegator(of: k, info, n, negatesBackward: negatesBackward),
                span.contains(j)
            {
                praise.toggle()
                takeNegator(j, info)
            }
            for j in parts where j != k {
                info[j].valence = 0
                info[j].fixed = true
            }
            settle(k, praise: praise, over: span, info)
        }
    }
}

extension SentimentRules.Handling {
    /// Whether the word is one a reading can be decided on (the rest only tell it).
    var decides: Bool {
        switch self {
        case .light, .heavy, .limb, .person, .alone, .stay, .slip: true
        default: false
        }
    }
}
