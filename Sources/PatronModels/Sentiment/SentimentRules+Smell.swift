/// A verdict told by smell or taste (issue 19, thirty-seventh round): what a thing smells or
/// tastes of. "The dishwasher leaves the glasses smelling of nothing", "Handdukarna … doftar
/// lavendel", "De broodjes smaken naar karton", "Man riecht den Windeleimer schon im Flur",
/// "Herbata ziołowa smakuje mydłem". The verdict is in what is smelled or tasted, and whether at
/// all, not in a word for good or bad.
///
/// - **Smelling** ("smells", "luktar", "ruikt", "riecht", "czuć") and **a smell** ("smell",
///   "lukt", "geur", "Geruch", "zapach") are a complaint, of something foul or of nothing named
///   ("still smells of glue", "you can smell the bin from the hallway", "a smell of burnt
///   plastic"), and praise of something pleasant or of nothing ("smelling of lavender", "nach
///   nichts riechen", "niczym nie pachnie"). Negated, a smell is praise ("no longer smells of the
///   neighbours' cooking", "without any smell", "nie czuć już").
/// - **Smelling sweet** ("doftar", "geurt", "duftet", "pachnie") is praise unless of something
///   foul ("pachnie mokrym psem").
/// - **Tasting** ("tastes", "smakar", "smaakt", "schmeckt", "smakuje") is read only of
///   something named: foul a complaint ("of soap", "kartong"), pleasant praise ("of butter"); of
///   nothing a complaint ("the soup tastes of nothing"), unless water tastes so.
/// - "Not of chlorine", "inte klor", "nicht nach Chlor": a foul thing negated is named only to
///   be ruled out. "Keeps the smell in" ("håller lukten inne", "hält den Geruch drinnen") is
///   praise.
///
/// A reading counts nothing in its part of the clause (up to "and") that leans the other way; a
/// smell of nothing named is read only where no other word of that part has a reading.
extension SentimentRules {
    /// What a word does in a verdict told by smell or taste.
    enum Smell: Sendable, Equatable {
        case none
        /// "smells", "smelling", "luktar", "ruikt", "riecht", "czuć": smelling.
        case smell
        /// "doftar", "geurt", "duftet", "pachnie": smelling sweet unless of something foul.
        case fragrant
        /// "tastes", "smakar", "smaakt", "schmeckt", "smakuje": tasting.
        case taste
        /// "smell", "odour", "lukt", "geur", "Geruch", "zapach", "bismak": a smell or taste.
        case scent
        /// "cardboard", "glue", "soap", "mould", "sour", "musty", "kartong", "lim", "tvål",
        /// "karton", "zeep", "Pappe", "Seife", "mydłem", "stęchlizną": foul to smell or taste.
        case foul
        /// "lavender", "butter", "herbs", "vanilla", "lavendel", "smör", "boter", "Butter",
        /// "masłem": pleasant to smell or taste.
        case pleasant
        /// "nothing", "ingenting", "nergens", "niets", "nichts", "niczym": of nothing at all.
        case nothing
        /// "water", "vatten", "Wasser", "woda": what may taste of nothing.
        case water
        /// "keeps", "håller", "houdt", "hält", "trzyma": keeping a smell.
        case keep
        /// "in", "inne", "binnen", "drinnen", "środku": a smell kept in.
        case inside
        /// "and", "och", "en", "und", "i": ends the part of the clause a reading reads.
        case and
        /// Polish "się" after "czuć": feeling oneself, no smell.
        case reflexive
        /// Polish "czuć": smelling where something named is smelled or it is negated ("nie
        /// czuć już gotowania"); alone it is also feeling ("czuć dreszczyk").
        case sense
        /// "that", "att", "dat", "dass", "że" right after the verb: sensing that, no smell ("Die
        /// Wähler riechen, dass …").
        case that
    }

    /// The words of `language`'s verdicts told by smell or taste.
    static func smell(_ language: Language) -> [String: Smell] {
        var out = [String: Smell]()
        switch language {
        case .en:
            out.assign(["smell", "smells", "smelled", "smelt", "smelling"], .smell)
            out.assign(["taste", "tastes", "tasted", "tasting"], .taste)
            out.assign(["odour", "odor", "whiff", "aftertaste"], .scent)
            out.assign(
                [
                    "cardboard", "glue", "soap", "metal", "plastic", "chlorine", "bleach", "smoke", "mould", "mold",
                    "sweat", "rubber", "fish", "onion", "garlic", "damp", "burnt", "sour", "musty", "stale", "rancid",
                    "mildew", "chemicals", "petrol", "diesel", "paint", "sewage", "drains", "cigarettes", "ashtray",
                    "urine", "vinegar", "sawdust",
                ], .foul)
            out.assign(
                [
                    "lavender", "butter", "herbs", "vanilla", "lemon", "citrus", "flowers", "rose", "roses", "pine",
                    "cedar",
                    "cinnamon", "linen", "mint", "berries", "strawberries", "apples",
                ], .pleasant)
            out.assign(["nothing"], .nothing)
            out.assign(["water"], .water)
            out.assign(["keeps", "keep", "kept", "holds"], .keep)
            out.assign(["in"], .inside)
            out.assign(["and"], .and)
            out.assign(["that"], .that)
        case .sv:
            out.assign(["luktar", "luktade", "lukta", "luktat"], .smell)
            out.assign(["doftar", "doftade", "dofta"], .fragrant)
            out.assign(["smakar", "smakade", "smaka"], .taste)
            out.assign(["lukt", "lukten", "bismak", "eftersmak"], .scent)
            out.assign(
                [
                    "kartong", "lim", "tvål", "metall", "plast", "klor", "klorin", "rök", "mögel", "svett", "gummi",
                    "fisk", "lök", "vitlök", "fukt", "bränt", "bränd", "brända", "surt", "sur", "unket", "unken",
                    "instängt", "kemikalier", "bensin", "avlopp", "urin", "ättika", "sågspån",
                ], .foul)
            out.assign(
                [
                    "lavendel", "smör", "örter", "örterna", "vanilj", "citron", "blommor", "rosor", "tall", "kanel",
                    "mynta", "bär", "jordgubbar", "äpplen",
                ], .pleasant)
            out.assign(["ingenting", "inget"], .nothing)
            out.assign(["vatten", "vattnet", "kranvattnet", "kranvatten"], .water)
            out.assign(["håller", "höll", "behåller"], .keep)
            out.assign(["inne"], .inside)
            out.assign(["och"], .and)
            out.assign(["att"], .that)
        case .nl:
            out.assign(["ruikt", "ruiken", "geroken", "ruik"], .smell)
            out.assign(["geurt", "geuren", "geurde"], .fragrant)
            out.assign(["smaakt", "smaken", "smaakte", "smaakten", "proef", "proeft"], .taste)
            out.assign(["geur", "geurtje", "luchtje", "bijsmaak", "nasmaak"], .scent)
            out.assign(
                [
                    "karton", "lijm", "zeep", "metaal", "plastic", "chloor", "bleek", "rook", "schimmel", "zweet",
                    "rubber", "vis", "ui", "knoflook", "vocht", "aangebrand", "verbrand", "zuur", "muf", "muffe",
                    "chemicaliën", "benzine", "riool", "urine", "azijn", "zaagsel",
                ], .foul)
            out.assign(
                [
                    "lavendel", "boter", "kruiden", "vanille", "citroen", "bloemen", "rozen", "dennen", "kaneel",
                    "munt", "bessen", "aardbeien", "appels",
                ], .pleasant)
            out.assign(["nergens", "niets", "niks"], .nothing)
            out.assign(["water", "kraanwater"], .water)
            out.assign(["houdt", "houden", "hield", "vasthoudt"], .keep)
            out.assign(["binnen"], .inside)
            out.assign(["en"], .and)
            out.assign(["dat"], .that)
        case .de:
            out.assign(["riecht", "riechen", "roch", "rochen", "gerochen", "rieche"], .smell)
            out.assign(["duftet", "duften", "duftete"], .fragrant)
            out.assign(["schmeckt", "schmecken", "schmeckte", "schmeckten"], .taste)
            out.assign(["geruch", "gestank", "beigeschmack", "nachgeschmack"], .scent)
            out.assign(
                [
                    "pappe", "karton", "kleber", "leim", "seife", "metall", "plastik", "chlor", "rauch", "schimmel",
                    "schweiß", "gummi", "fisch", "zwiebel", "zwiebeln", "knoblauch", "verbrannt", "verbranntem",
                    "sauer", "muffig", "chemie", "benzin", "kanal", "urin", "essig", "sägemehl",
                ], .foul)
            out.assign(
                [
                    "lavendel", "butter", "kräutern", "kräuter", "vanille", "zitrone", "blumen", "rosen", "tanne",
                    "zimt", "minze", "beeren", "erdbeeren", "äpfeln",
                ], .pleasant)
            out.assign(["nichts"], .nothing)
            out.assign(["wasser", "leitungswasser"], .water)
            out.assign(["hält", "halten", "hielt", "behält"], .keep)
            out.assign(["drinnen", "drin"], .inside)
            out.assign(["und"], .and)
            out.assign(["dass", "daß"], .that)
        case .pl:
            out.assign(["śmierdzi", "śmierdzą", "cuchnie"], .smell)
            out.assign(["czuć"], .sense)
            out.assign(["pachnie", "pachną", "pachniał", "pachniała", "pachniało"], .fragrant)
            out.assign(["smakuje", "smakują", "smakował", "smakowała", "smakowało", "smakować"], .taste)
            out.assign(["zapach", "zapachu", "zapachem", "posmak", "posmaku", "posmakiem", "smród", "woń"], .scent)
            out.assign(
                [
                    "kartonem", "kartonu", "karton", "klejem", "kleju", "mydłem", "mydła", "metalem", "metalu",
                    "plastikiem", "plastiku", "chlorem", "chloru", "dymem", "dymu", "pleśnią", "pleśni", "potem",
                    "gumą", "gumy", "rybą", "ryby", "cebulą", "cebuli", "czosnkiem", "czosnku", "wilgocią",
                    "spalenizną", "spalonego", "kwaśno", "stęchlizną", "chemią", "benzyną", "kanalizacją", "moczem",
                    "octem",
                ], .foul)
            out.assign(
                [
                    "lawendą", "lawendy", "masłem", "masła", "ziołami", "ziół", "wanilią", "cytryną", "kwiatami",
                    "różami", "sosną", "cynamonem", "miętą", "jagodami", "truskawkami", "jabłkami",
                ], .pleasant)
            out.assign(["niczym", "niczego", "nic"], .nothing)
            out.assign(["woda", "wody", "wodę"], .water)
            out.assign(["trzyma", "trzymają", "zatrzymuje"], .keep)
            out.assign(["środku"], .inside)
            out.assign(["i"], .and)
            out.assign(["że"], .that)
            out.assign(["się"], .reflexive)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads a verdict told by smell or taste (`SentimentRules+Smell`): runs after touch and
    /// before negation; each reading reads its own negation. Not in a question.
    func markSmell(_ info: UnsafeMutablePointer<Info>, _ n: Int, question: Bool, negatesBackward: Bool) {
        // (A phrase such as "riecht nach" is fixed with a valence of its own, which this reads.)
        func open(_ k: Int) -> Bool { info[k].smell.decides && (!info[k].fixed || info[k].phrase) }
        let any = !question && anyIndex(n) { open($0) }
        guard any else { return }
        for k in 0..<n where open(k) {
            let kind = info[k].smell
            // "czuć się": to feel, no smell.
            if k + 1 < n && (info[k + 1].smell == .reflexive || info[k + 1].smell == .that) { continue }
            let span = smellSpan(of: k, info, n)
            // What is smelled or tasted: the first foul or pleasant thing, or nothing, not ruled
            // out by a negator just before it ("not of chlorine", "inte klor").
            var object = -1, nothing = -1, water = false, keep = false, inside = false
            for j in span where j != k {
                switch info[j].smell {
                case .foul, .pleasant:
                    var ruledOut = false
                    for b in max(span.lowerBound, j - 3)..<j where b != k && info[b].negator && !info[b].without {
                        ruledOut = b > k || k > j
                    }
                    if ruledOut {
                        info[j].valence = 0
                        for b in max(span.lowerBound, j - 3)..<j where info[b].negator { takeNegator(b, info) }
                    } else if object < 0 {
                        object = j
                    }
                case .nothing where nothing < 0: nothing = j
                case .water: water = true
                case .keep where j < k: keep = true
                case .inside where j > k: inside = true
                default: break
                }
            }
            var praise: Bool
            var parts = [Int]()
            let negator = perceptionNegator(of: k, info, n, negatesBackward: negatesBackward)
            if kind != .taste && keep && inside {
                praise = true
            } else if object >= 0 {
                praise = info[object].smell == .pleasant
                parts.append(object)
            } else if nothing >= 0 {
                praise = kind != .taste || water
                parts.append(nothing)
            } else if kind == .taste || kind == .sense && negator.map({ !span.contains($0) }) ?? true {
                continue
            } else {
                // Of nothing named: a smell is a complaint, a sweet smell praise; only where
                // nothing else in its part of the clause has a reading, or it is negated
                // ("lämnar glasen utan någon lukt").
                var other = false
                for j in span where j != k && info[j].valence != 0 && !info[j].fixed && !info[j].negator {
                    other = negator.map { !span.contains($0) } ?? true
                }
                if other { continue }
                praise = kind == .fragrant
            }
            if object < 0 && nothing >= 0 {
                // Of nothing: a negator beside it agrees with it ("niczym nie pachnie"), and
                // "nothing" itself negates nothing else.
                for j in span where info[j].negator { takeNegator(j, info) }
            } else if let j = negator, span.contains(j),
                j < k || j < (parts.first.map { $0 > k ? $0 : span.upperBound } ?? span.upperBound)
            {
                // Its own negation: before it, or after it and before what is smelled.
                praise.toggle()
                takeNegator(j, info)
            }
            ruleOutNext(after: span, info, n)
            for j in parts { info[j].valence = 0 }
            for j in span where info[j].smell.decides {
                info[j].fixed = true
                info[j].phrase = false
                info[j].valence = 0
            }
            settle(k, praise: praise, over: span, info)
        }
    }

    /// A clause right after a reading that only rules something out ("tastes of nothing, not of
    /// chlorine", "smaken naar boter, niet naar margarine"): its negator negates nothing else,
    /// and what it names counts nothing.
    private func ruleOutNext(after span: Range<Int>, _ info: UnsafeMutablePointer<Info>, _ n: Int) {
        // After "and" in the same clause ("smakar smör och inte margarin"), or the next clause.
        var start = span.upperBound
        if start < n && (info[start].smell == .and || info[start].joiner) { start += 1 }
        if start == span.upperBound { start = clause(of: span.upperBound - 1, info, n).upperBound }
        guard start < n, info[start].negator, !info[start].without else { return }
        var end = start + 1
        while end < n && !info[end].clauseStart && !info[end].contrast && info[end].smell != .and { end += 1 }
        for j in (start + 1)..<end where info[j].smell.decides || info[j].valence != 0 && info[j].smell == .none {
            return
        }
        for j in (start + 1)..<end { info[j].valence = 0 }
        takeNegator(start, info)
    }

    /// The part of `k`'s clause up to the word for "and" on either side.
    private func smellSpan(of k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> Range<Int> {
        span(of: k, info, n) { info[$0].smell == .and }
    }
}

extension SentimentRules.Smell {
    /// Whether the word is one a reading can be decided on (the rest only tell it).
    var decides: Bool {
        switch self {
        case .smell, .fragrant, .taste, .scent, .sense: true
        default: false
        }
    }
}
