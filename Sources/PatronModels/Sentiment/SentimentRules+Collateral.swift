/// A verdict told by what a thing did to what was around it (issue 19, thirty-third round):
/// "The new rug has left blue fluff on every pair of socks", "Diskmedlet har tagit bort mönstret
/// från våra tallrikar", "Door de nieuwe mand ruikt de woonkamer naar rubber", and "Dahinter ist
/// kein heller Fleck", "Śliniak złapał każdą kroplę i body zostało białe". No word in them says
/// good or bad: the complaint is in what was left behind, taken away or passed on, the praise in
/// its absence or in what stayed as it was.
///
/// - **What is left behind is a fault**: a residue ("fluff", "streaks", "smudges", "stains",
///   "ludd", "ränder", "fläckar", "pluizen", "vlekken", "Schlieren", "Flecken", "smugi",
///   "plamy"); so is a smell of something unpleasant ("smell of rubber", "lukta gummi", "ruikt
///   naar rubber", "riecht nach Gummi", "pachnie gumą") and a finish taken away ("took the
///   pattern off", "färgen släppte", "de verf liet los", "das Muster gelöst", "wyrwały kawał
///   tynku"). As faults they are complaints, and negated praise ("no pale patch behind it",
///   "kein heller Fleck", "nie ma plamy", "doesn't smell of plastic").
/// - **What stayed as it was is praise**: looks as before or as on the first day ("exactly as
///   before", "som förut", "als op de eerste dag", "wie am ersten Tag", "jak przedtem"); kept
///   its colour ("kept the colour", "har kvar sin färg", "seine Farbe behalten", "zachował
///   kolor"); stayed or is still white or black ("stayed white", "förblev vit", "blieb weiß",
///   "zostało białe", "noch schwarz"); one wipe ("en torkning", "met één veeg", "einmal
///   Wischen", "jedno przetarcie").
extension SentimentRules {
    /// What a word does in a verdict told by what a thing did to what was around it.
    enum Collateral: Sendable, Equatable {
        case none
        /// "fluff", "streaks", "stains", "ludd", "vlekken", "Schlieren", "smugi": a fault.
        case residue
        /// "smells", "luktar", "ruikt", "riecht", "pachnie": before `source`.
        case smell
        /// "rubber", "smoke", "plastic", "gummi", "rook", "Gummi", "gumą": smelt of, a fault.
        case source
        /// "paint", "plaster", "pattern", "puts", "verf", "Putz", "tynku": a finish, before or
        /// after `detach`.
        case finish
        /// "colour", "färg", "kleur", "Farbe", "kolor": a finish, and kept (`keep`) praise.
        case colour
        /// "off", "lifted", "släppte", "los", "gelöst", "gerissen", "odeszła", "zmył": taken away.
        case detach
        /// "kept", "kvar", "gehouden", "behalten", "zachował": see `colour`.
        case keep
        /// "as", "like", "som", "als", "wie", "jak": before `before` or `first`.
        case like
        /// "before", "förut", "eerst", "vorher", "przedtem": as it was.
        case before
        /// "first", "första", "eerste", "ersten", "pierwszego": before `day`.
        case first
        /// "day", "dagen", "dag", "Tag", "dnia": as on the first day.
        case day
        /// "stayed", "still", "förblev", "bleef", "blieb", "noch", "nadal": before `plain`.
        case stayed
        /// "white", "black", "vit", "wit", "weiß", "białe": stayed so, praise.
        case plain
        /// "of", "av", "naar", "nach": a smell of `source`.
        case of
        /// "free", "fritt", "vrij", "frei", "wolne": free of a residue, praise.
        case free
        /// "one", "en", "één", "einmal", "jedno": before `wipe`.
        case one
        /// "wipe", "torkning", "veeg", "Wischen", "przetarcie".
        case wipe
    }

    /// The valence of a fault or of what stayed as it was, before negation.
    static let collateralValence = 1.2
    /// A word of the sentence this far below zero or further complains: nothing that stayed as
    /// it was is read as praise.
    static let collateralGuard = 0.5

    /// The words of `language`'s verdicts told by what a thing did to what was around it.
    static func collateral(_ language: Language) -> [String: Collateral] {
        var out = [String: Collateral]()
        switch language {
        case .en:
            out.assign(
                [
                    "fluff", "lint", "streaks", "streaky", "smears", "smudges", "residue", "stains", "stain",
                    "stained", "watermark", "watermarks", "tidemark", "bobbles",
                ], .residue)
            out.assign(["smells", "smell", "smelt", "smelled", "reeks", "stinks"], .smell)
            out.assign(["rubber", "smoke", "plastic", "glue", "chemicals", "damp", "petrol", "bleach"], .source)
            out.assign(["of"], .of)
            out.assign(["free"], .free)
            out.assign(["paint", "plaster", "varnish", "enamel", "coating", "pattern", "lacquer", "finish"], .finish)
            out.assign(["colour", "color"], .colour)
            out.assign(["off", "lifted", "peeled", "stripped"], .detach)
            out.assign(["kept", "keeps", "held"], .keep)
            out.assign(["as", "like"], .like)
            out.assign(["before"], .before)
            out.assign(["first"], .first)
            out.assign(["day"], .day)
            out.assign(["stayed", "stays", "still"], .stayed)
            out.assign(["white", "black"], .plain)
            out.assign(["one"], .one)
            out.assign(["wipe"], .wipe)
        case .sv:
            out.assign(
                ["ludd", "ränder", "fläck", "fläckar", "fläcken", "fotspår", "dragtrådar", "noppor"],
                .residue)
            out.assign(["luktar", "lukta", "luktade", "stinker"], .smell)
            out.assign(["gummi", "rök", "plast", "lim", "kemikalier", "fukt", "bensin", "klor"], .source)
            out.assign(["av"], .of)
            out.assign(["fri", "fritt", "fria"], .free)
            out.assign(["puts", "putsen", "mönstret", "lacken", "emaljen", "tapeten", "glasyren"], .finish)
            out.assign(["färg", "färgen"], .colour)
            out.assign(["släppte", "lossnade", "flagnade", "flagar"], .detach)
            out.assign(["kvar", "behållit", "behåller"], .keep)
            out.assign(["som"], .like)
            out.assign(["förut"], .before)
            out.assign(["första"], .first)
            out.assign(["dagen"], .day)
            out.assign(["förblev", "förblir", "fortfarande"], .stayed)
            out.assign(["vit", "vita", "vitt", "svart", "svarta"], .plain)
            out.assign(["en", "ett"], .one)
            out.assign(["torkning"], .wipe)
        case .nl:
            out.assign(
                [
                    "pluizen", "strepen", "kringen", "vlek", "vlekken", "afdruk", "afdrukken", "kalkaanslag",
                    "pluisjes",
                ], .residue)
            out.assign(["ruikt", "ruiken", "stinkt"], .smell)
            out.assign(["rubber", "rook", "plastic", "lijm", "chemicaliën", "vocht", "benzine", "chloor"], .source)
            out.assign(["naar"], .of)
            out.assign(["vrij"], .free)
            out.assign(["verf", "pleister", "patroon", "lak", "emaille", "behang", "glazuur"], .finish)
            out.assign(["kleur"], .colour)
            out.assign(["los", "gehaald", "afgebladderd", "bladdert"], .detach)
            out.assign(["gehouden", "behouden", "houdt"], .keep)
            out.assign(["als"], .like)
            out.assign(["eerst"], .before)
            out.assign(["eerste"], .first)
            out.assign(["dag"], .day)
            out.assign(["bleef", "blijft", "nog"], .stayed)
            out.assign(["wit", "witte", "zwart", "zwarte"], .plain)
            out.assign(["één"], .one)
            out.assign(["veeg"], .wipe)
        case .de:
            out.assign(
                [
                    "fusseln", "flusen", "schlieren", "wasserrand", "wasserflecken", "fleck", "flecken",
                    "kalkflecken", "rückstände", "knötchen",
                ], .residue)
            out.assign(["riecht", "riechen", "roch", "stinkt"], .smell)
            out.assign(["gummi", "rauch", "plastik", "kleber", "chemie", "moder", "benzin", "chlor"], .source)
            out.assign(["nach"], .of)
            out.assign(["frei"], .free)
            out.assign(["putz", "muster", "lack", "emaille", "tapete", "beschichtung", "glasur"], .finish)
            out.assign(["farbe"], .colour)
            out.assign(["gelöst", "löst", "abgeblättert", "blättert", "gerissen", "ab"], .detach)
            out.assign(["behalten", "behält"], .keep)
            out.assign(["wie"], .like)
            out.assign(["vorher"], .before)
            out.assign(["ersten"], .first)
            out.assign(["tag"], .day)
            out.assign(["blieb", "bleibt", "noch"], .stayed)
            out.assign(["weiß", "weiße", "schwarz", "schwarze"], .plain)
            out.assign(["einmal"], .one)
            out.assign(["wischen"], .wipe)
        case .pl:
            out.assign(
                [
                    "kłaczki", "smugi", "smug", "plamy", "plama", "plamę", "plam", "zacieki", "zaciek", "odciski",
                    "zaciągnięć", "zaciągnięcia", "mechacenie",
                ], .residue)
            out.assign(["pachnie", "pachniało", "pachniała", "pachniały", "śmierdzi", "cuchnie"], .smell)
            out.assign(["gumą", "gumy", "dymem", "dymu", "plastikiem", "klejem", "chemią", "stęchlizną"], .source)
            out.assign(["od"], .of)
            out.assign(["wolne", "wolny", "wolna", "wolną"], .free)
            out.assign(["tynku", "tynk", "wzór", "lakier", "emalia", "tapeta", "powłoka", "farba", "farbę"], .finish)
            out.assign(["kolor"], .colour)
            out.assign(["odeszła", "odpadła", "zmył", "zeszła", "wyrwały", "wyrwał", "odchodzi", "schodzi"], .detach)
            out.assign(["zachował", "zachowała", "zachowało", "zachowuje"], .keep)
            out.assign(["jak"], .like)
            out.assign(["przedtem"], .before)
            out.assign(["pierwszego"], .first)
            out.assign(["dnia"], .day)
            out.assign(["zostało", "została", "został", "pozostało", "nadal"], .stayed)
            out.assign(["białe", "biała", "biały", "czarne", "czarna", "czarny"], .plain)
            out.assign(["jedno"], .one)
            out.assign(["przetarcie"], .wipe)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads what a thing did to what was around it (`SentimentRules+Collateral`): runs after
    /// fit and before negation. Faults and what stayed as it was are left for the negation to
    /// turn.
    func markCollateral(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        // Most sentences have "as", "one" or "of" but no word that can decide a reading.
        let any = anyIndex(n) { info[$0].collateral.decides }
        guard any else { return }
        func role(_ j: Int) -> SentimentRules.Collateral { j >= 0 && j < n ? info[j].collateral : .none }
        // What stayed as it was is praise only where no word of the sentence complains ("the
        // same fault as before").
        var complains = false
        for k in 0..<n where info[k].valence <= -SentimentRules.collateralGuard { complains = true }
        /// Whether a word of `a` or `b` is within `reach` words either side of `k` in its clause.
        func near(
            _ k: Int, _ a: SentimentRules.Collateral, _ b: SentimentRules.Collateral? = nil, _ reach: Int
        )
            -> Bool
        {
            let clause = clause(of: k, info, n)
            for j in max(clause.lowerBound, k - reach)..<min(clause.upperBound, k + reach + 1) where j != k {
                if info[j].collateral == a || info[j].collateral == b { return true }
            }
            return false
        }
        for k in 0..<n where !info[k].fixed {
            switch info[k].collateral {
            case .residue where info[k].valence == 0:
                fault(k, info)
            case .source where info[k].valence == 0 && (role(k - 1) == .smell || role(k - 2) == .smell):
                // "smells of rubber", "pachnie gumą".
                fault(k, info)
            case .source where info[k].valence == 0 && role(k - 1) == .of && near(k, .smell, nil, 8):
                // "ruikt de hele woonkamer naar rubber", "riecht das ganze Wohnzimmer nach Gummi".
                fault(k, info)
            case .finish where near(k, .detach, nil, 4), .colour where near(k, .detach, nil, 4):
                // "took the pattern off", "färgen släppte", "das Muster gelöst".
                fault(k, info)
            case .colour where !complains && near(k, .keep, nil, 4):
                // "kept the colour it was", "har kvar sin färg", "zachował kolor".
                praise(k, info)
            case .before where !complains && (role(k - 1) == .like || role(k - 2) == .like):
                // "exactly as before", "som förut", "wie vorher", "jak przedtem".
                praise(k, info)
            case .day where !complains && role(k - 1) == .first && (role(k - 2) == .like || role(k - 3) == .like):
                // "like the first day", "wie am ersten Tag", "jak pierwszego dnia".
                praise(k, info)
            case .plain where !complains && (role(k - 1) == .stayed || role(k - 2) == .stayed):
                // "stayed white", "förblev vit", "noch schwarz", "nadal białe".
                praise(k, info)
            case .wipe where !complains && role(k - 1) == .one:
                // "one wipe", "en torkning", "einmal Wischen", "jedno przetarcie".
                praise(k, info)
            default:
                break
            }
        }
    }

    /// A fault: a complaint, and negated praise. The words just before it describe it ("no pale
    /// patch", "blue fluff") and count nothing of their own; "free of" it is praise.
    private func fault(_ k: Int, _ info: UnsafeMutablePointer<Info>) {
        setLean(k, -SentimentRules.collateralValence, fault: true, info)
        for j in max(0, k - 2)..<k where !info[j].fixed && !info[j].negator && !info[j].clauseStart {
            if info[j].collateral == .free {
                setLean(k, SentimentRules.collateralValence * -SentimentRules.negatedProblem, fault: false, info)
                info[k].fixed = true
            }
            info[j].valence = 0
        }
    }

    /// What stayed as it was: praise, and negated a complaint.
    private func praise(_ k: Int, _ info: UnsafeMutablePointer<Info>) {
        setLean(k, SentimentRules.collateralValence, fault: false, info)
    }
}

extension SentimentRules.Collateral {
    /// Whether the word is the one a reading is decided on (the rest only qualify it).
    var decides: Bool {
        switch self {
        case .residue, .source, .finish, .colour, .before, .day, .plain, .wipe: true
        default: false
        }
    }
}
