/// A verdict told by fit: how a thing sits on the body or in the place it is for (issue 19,
/// thirty-second round). "The ring doesn't spin round", "Lakanet sitter kvar hela natten", "De
/// muts komt helemaal over mijn oren", "Die Vorhänge reichen bis auf den Boden, ohne dass ich den
/// Saum auslassen musste", and "The swimsuit straps slide off my shoulders", "Prześcieradło zsuwa
/// się z rogu". No word in them says good or bad; the praise is said with a negation ("doesn't
/// spin", "without having to"), which read as a complaint, and the complaint with a motion that
/// no lexicon weighs.
///
/// Read only in a sentence that names a thing worn or fitted ("ring", "sheet", "strap", "lid",
/// "helmet", "ringen", "hoeslaken", "Spannbettlaken", "prześcieradło"):
///
/// - **A fitted thing that moves is a fault**: it spins ("spins round", "snurrar runt", "draait
///   rond", "dreht sich", "obraca się") or slides off ("slide off", "pops off", "glider av",
///   "schiet los", "rutschen von", "springt … ab", "zsuwa się", "zjeżdża"), and a gap ("leaves a
///   gap", "en glipa", "Lücke", "szpara") is one too. As faults they are complaints, and negated
///   praise ("doesn't spin round", "rutscht nicht").
/// - **A fitted thing that holds is praise**: it stays put ("stays put", "stays on", "sitter
///   kvar", "blijft zitten", "bleibt, wo es ist", "trzyma się"), or goes all the way ("all the
///   way in", "hela vägen ner", "helemaal over", "ganz über", "do końca"); negated ("won't go all
///   the way in", "geht nicht ganz ins Handy") a complaint.
///
/// And in any sentence: **what the customer did not have to do** is praise, where a word for
/// "without" opens it and the obligation ends the clause ("without me having to", "utan att jag
/// behövt", "zonder dat ik … hoefde", "ohne dass ich … musste").
extension SentimentRules {
    /// What a word does in a verdict told by fit.
    enum Fit: Sendable, Equatable {
        case none
        /// "ring", "sheet", "lid", "ringen", "hoeslaken", "Deckel", "pierścionek": a thing worn
        /// or fitted.
        case item
        /// "spins", "snurrar", "draait", "dreht", "obraca": a fault where an item is named.
        case spin
        /// "slide", "pops", "glider", "schiet", "rutschen", "springt": a fault before `off`.
        case slip
        /// "zsuwa", "zjeżdża", "spada": slides off, in one word.
        case slipOff
        /// "off", "av", "los", "van", "ab", "z": see `slip`.
        case off
        /// "gap", "glipa", "kier", "Lücke", "szpara": a fault where an item is named.
        case gap
        /// "stays", "sitter", "blijft", "bleibt", "trzyma": praise before `put`.
        case stay
        /// "put", "on", "kvar", "zitten", "wo", "się": see `stay`.
        case put
        /// "all", "hela": before `way`.
        case all
        /// "way", "vägen": all the way.
        case way
        /// "helemaal", "ganz": all the way before `direction`.
        case fully
        /// "over", "in", "auf", "zu", "über": see `fully`.
        case direction
        /// Polish "do": before `end`.
        case to
        /// Polish "końca": "do końca", all the way.
        case end
        /// "goes", "går", "gaat", "geht", "passt", "wchodzi", "mieści": into `place`, praise.
        case enter
        /// "pocket", "sidofacket", "zijvak", "Seitenfach", "kieszeni", "alcove", "Nische": the
        /// place a fitted thing goes into ("slides into the side pocket").
        case place
        /// "still", "ändå", "fortfarande", "nog", "noch", "trotzdem", "nadal": within three words
        /// of `able` or `enter`, praise ("geht noch auf").
        case still
        /// "can", "opens", "kan", "går", "kann", "auf", "mogę", "otwiera": see `still`.
        case able
        /// "without", "utan", "zonder", "ohne": see `need`.
        case without
        /// "having", "behövt", "hoefde", "musste": an obligation after `without`.
        case need
    }

    /// The valence of a fault or a hold told by fit, before negation.
    static let fitValence = 1.2
    /// The valence of what the customer did not have to do: a negated obligation's
    /// (`SentimentRules+Problems`).
    static let unneededValence = 0.8 * -negatedProblem

    /// The words of `language`'s verdicts told by fit.
    static func fit(_ language: Language) -> [String: Fit] {
        var out = [String: Fit]()
        switch language {
        case .en:
            out.assign(
                [
                    "ring", "rings", "glasses", "hat", "cap", "beanie", "helmet", "sheet", "strap", "straps", "belt",
                    "sleeve", "sleeves", "trousers", "jeans", "waistband", "boots", "shoes", "gloves",
                    "glove", "curtains", "lid", "cable", "case", "cover", "duvet", "mattress", "desk", "chair",
                    "drawer", "drawers", "door", "doors", "wetsuit", "swimsuit", "jacket", "coat", "dress", "shirt",
                    "collar", "phone", "laptop", "bag", "rucksack", "backpack", "pram", "pushchair", "seat",
                    "bookcase", "shelf", "sofa", "bed", "pillow", "protector", "charger", "insoles", "socks",
                    "headphones", "earbuds", "mask", "boot", "bike", "bikes", "rack",
                ], .item)
            out.assign(["spins", "spin", "spinning"], .spin)
            out.assign(
                ["slide", "slides", "slid", "slip", "slips", "pops", "popped", "falls", "fell"], .slip)
            out.assign(["off", "down", "up"], .off)
            out.assign(["gap", "gaps"], .gap)
            out.assign(["goes", "went", "fits"], .enter)
            out.assign(["pocket", "pockets", "compartment", "alcove", "glovebox", "slot", "footwell"], .place)
            out.assign(["still"], .still)
            out.assign(["can", "opens", "opening", "open", "lift", "close", "closes", "shuts"], .able)
            out.assign(["stays", "stay", "stayed"], .stay)
            out.assign(["put", "on"], .put)
            out.assign(["all"], .all)
            out.assign(["way"], .way)
            out.assign(["without"], .without)
            out.assign(["having"], .need)
        case .sv:
            out.assign(
                [
                    "ringen", "ring", "glasögonen", "glasögon", "mössan", "mössa", "kepsen", "hjälmen", "hjälm",
                    "lakanet", "lakan", "påslakanet", "axelband", "axelbanden", "bältet", "bälte", "klockan",
                    "ärmarna", "ärmar", "byxorna", "byxor", "kängorna", "skorna", "skor", "handskarna", "handskar",
                    "gardinerna", "gardiner", "locket", "lock", "sladden", "kabeln", "skalet", "fodralet", "täcket",
                    "madrassen", "skrivbordet", "stolen", "lådan", "lådorna", "dörren", "dörrarna", "bakluckan",
                    "våtdräkten", "baddräkten", "baddräktens", "jackan", "kappan", "klänningen", "skjortan",
                    "kragen", "telefonen", "mobilen", "datorn", "väskan", "ryggsäcken", "barnvagnen", "hyllan",
                    "soffan", "sängen", "kudden", "sulorna", "hörlurarna",
                ], .item)
            out.assign(["snurrar", "snurrade"], .spin)
            out.assign(["glider", "gled", "hoppar", "hoppade", "åker", "åkte", "ramlar", "ramlade"], .slip)
            out.assign(["av", "ner", "upp"], .off)
            out.assign(["glipa", "glipan", "springa"], .gap)
            out.assign(["går", "gick"], .enter)
            out.assign(["fickan", "ficka", "fickor", "sidofacket", "facket", "nischen", "handskfacket"], .place)
            out.assign(["ändå", "fortfarande"], .still)
            out.assign(["kan", "öppna", "stänga"], .able)
            out.assign(["sitter", "satt", "ligger", "låg"], .stay)
            out.assign(["kvar"], .put)
            out.assign(["hela"], .all)
            out.assign(["vägen"], .way)
            out.assign(["utan"], .without)
            out.assign(["behövt", "behöva", "behövde", "behövts"], .need)
        case .nl:
            out.assign(
                [
                    "ring", "bril", "muts", "pet", "helm", "hoeslaken", "laken", "bandjes", "riem", "horloge",
                    "mouwen", "mouw", "broek", "tailleband", "laarzen", "schoenen", "handschoenen", "gordijnen",
                    "deksel", "kabel", "snoer", "hoesje", "dekbed", "dekbedovertrek", "matras", "bureau", "stoel",
                    "la", "lades", "deur", "deuren", "kastdeuren", "achterklep", "wetsuit", "badpak", "jas", "jurk",
                    "overhemd", "kraag", "telefoon", "laptop", "tas", "rugzak", "kinderwagen", "boekenkast", "plank",
                    "bed", "kussen", "zolen", "koptelefoon",
                ], .item)
            out.assign(["draait", "draaide", "draaien"], .spin)
            out.assign(["glijden", "glijdt", "gleed", "schiet", "schieten", "schoot", "valt", "vallen", "viel"], .slip)
            out.assign(["los", "af", "van", "naar"], .off)
            out.assign(["kier", "spleet", "gat"], .gap)
            out.assign(["gaat", "ging", "past"], .enter)
            out.assign(["zak", "zijvak", "vak", "binnenzak", "jaszak", "nis", "handschoenenkastje"], .place)
            out.assign(["nog"], .still)
            out.assign(["kan", "open", "dicht"], .able)
            out.assign(["blijft", "blijven", "bleef", "zit"], .stay)
            out.assign(["zitten", "vast", "liggen"], .put)
            out.assign(["helemaal"], .fully)
            out.assign(["over", "in", "onder", "dicht", "open", "op", "om"], .direction)
            out.assign(["zonder"], .without)
            out.assign(["hoefde", "hoeven", "hoefden", "moest", "moesten"], .need)
        case .de:
            out.assign(
                [
                    "ring", "brille", "mütze", "kappe", "helm", "spannbettlaken", "laken", "träger", "gürtel", "uhr",
                    "ärmel", "hose", "bund", "stiefel", "schuhe", "handschuhe", "handschuh", "vorhänge", "deckel",
                    "kabel", "ladekabel", "hülle", "bettbezug", "decke", "matratze", "schreibtisch", "stuhl",
                    "schublade", "tür", "türen", "schranktüren", "heckklappe", "kofferraum", "neoprenanzug",
                    "badeanzug", "jacke", "mantel", "kleid", "hemd", "kragen", "handy", "laptop", "tasche",
                    "rucksack", "kinderwagen", "regal", "sofa", "bett", "kissen", "einlagen", "kopfhörer",
                ], .item)
            out.assign(["dreht", "drehen", "drehte", "verdreht"], .spin)
            out.assign(["rutschen", "rutschte", "springt", "springen", "fällt", "fallen", "fiel", "gleitet"], .slip)
            out.assign(["ab", "runter", "herunter", "von", "weg"], .off)
            out.assign(["lücke", "spalt", "schlitz"], .gap)
            out.assign(["geht", "ging", "passt"], .enter)
            out.assign(["seitenfach", "fach", "nische", "handschuhfach", "hosentasche", "jackentasche"], .place)
            out.assign(["noch", "trotzdem"], .still)
            out.assign(["kann", "auf", "gehen"], .able)
            out.assign(["bleibt", "bleiben", "blieb", "sitzt", "hält"], .stay)
            out.assign(["wo", "fest", "platz"], .put)
            out.assign(["ganz"], .fully)
            out.assign(
                ["über", "auf", "zu", "in", "ins", "rein", "darunter", "hinein", "herunter", "hoch"], .direction)
            out.assign(["ohne"], .without)
            out.assign(["musste", "mussten", "müssen", "brauchte", "brauchen"], .need)
        case .pl:
            out.assign(
                [
                    "pierścionek", "okulary", "czapka", "kask", "prześcieradło", "ramiączka", "pasek", "zegarek",
                    "rękawy", "spodnie", "buty", "rękawiczki", "zasłony", "pokrywka", "kabel", "etui", "poszwa",
                    "kołdra", "materac", "biurko", "krzesło", "szuflada", "drzwi", "bagażnik", "klapa", "pianka",
                    "kostium", "kurtka", "płaszcz", "sukienka", "koszula", "telefon", "laptop", "torba", "plecak",
                    "wózek", "regał", "kanapa", "łóżko", "poduszka", "wkładki", "słuchawki", "piankę", "czapkę",
                    "kurtkę",
                    "sukienkę", "torbę", "poduszkę", "kołdrę", "poszwę", "pokrywkę", "klapę", "szufladę",
                ], .item)
            out.assign(["obraca", "obracał", "obracała", "kręci"], .spin)
            out.assign(["zsuwa", "zsuwają", "zsuwał", "zsuwała", "zjeżdża", "zjeżdżają", "spada", "spadają"], .slipOff)
            out.assign(["szpara", "szparę", "szczelina", "szczelinę", "przerwa"], .gap)
            out.assign(["wchodzi", "weszła", "wszedł", "mieści"], .enter)
            out.assign(["kieszeni", "kieszeń", "wnękę", "wnęce", "schowka", "schowku"], .place)
            out.assign(["nadal", "wciąż"], .still)
            out.assign(["mogę", "otwiera", "zamyka"], .able)
            out.assign(["trzyma", "trzymają", "siedzi"], .stay)
            out.assign(["się", "miejscu"], .put)
            out.assign(["do"], .to)
            out.assign(["końca"], .end)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads fit (`SentimentRules+Fit`): runs after the reactions and before negation. Faults
    /// and holds are left for the negation to turn; what the customer did not have to do is read
    /// here.
    func markFit(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        var item = false, without = false
        for k in 0..<n {
            if info[k].fit == .item { item = true }
            if info[k].fit == .without { without = true }
        }
        guard item || without else { return }
        func role(_ j: Int) -> SentimentRules.Fit { j >= 0 && j < n ? info[j].fit : .none }
        for k in 0..<n where !info[k].fixed {
            switch info[k].fit {
            case .without:
                // "without me having to", "ohne dass ich den Saum auslassen musste": the
                // obligation the clause ends on is negated — praise.
                if let j = ahead(.need, from: k, within: 9, info, n), !info[j].fixed {
                    info[j].valence = SentimentRules.unneededValence
                    info[j].fixed = true
                }
            case .spin where item, .gap where item, .slipOff where item:
                fault(k, info)
            case .slip where item, .enter where item:
                // "slides into the side pocket", "glider ner i sidofacket": a hold.
                if ahead(.place, from: k, within: 6, info, n) != nil {
                    hold(k, info)
                } else if info[k].fit == .slip, ahead(.off, from: k, within: 7, info, n) != nil {
                    // "slide off my shoulders", "springt bei jedem Umdrehen an der Ecke ab".
                    fault(k, info)
                }
            case .stay where item:
                // "stays put", "sitter kvar", "blijft de hele nacht zitten", "bleibt, wo es ist".
                for j in (k + 1)..<min(n, k + 7) where info[j].fit == .put {
                    hold(k, info)
                    break
                }
            case .way where item && (role(k - 1) == .all || role(k - 2) == .all):
                hold(k, info)
            case .still where item:
                // "and I can still lift my arms", "die Heckklappe geht noch auf".
                // (Not a direction: "noch zu groß" is "still too big".)
                for j in max(0, k - 3)..<min(n, k + 4) where info[j].fit == .able || info[j].fit == .enter {
                    hold(k, info)
                    break
                }
            case .fully where item && role(k + 1) == .direction:
                hold(k, info)
            case .end where item && role(k - 1) == .to:
                hold(k, info)
            default:
                break
            }
        }
    }

    /// A fitted thing that moves: a fault, a complaint, and negated praise.
    private func fault(_ k: Int, _ info: UnsafeMutablePointer<Info>) {
        setLean(k, -SentimentRules.fitValence, fault: true, info)
    }

    /// A fitted thing that holds: praise, and negated a complaint.
    private func hold(_ k: Int, _ info: UnsafeMutablePointer<Info>) {
        setLean(k, SentimentRules.fitValence, fault: false, info)
    }

    /// The first word of `role` after `k`, within `reach` words of its clause, or nil.
    private func ahead(
        _ role: SentimentRules.Fit, from k: Int, within reach: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int
    ) -> Int? {
        var j = k + 1
        while j < n && j <= k + reach && !info[j].clauseStart {
            if info[j].fit == role { return j }
            j += 1
        }
        return nil
    }
}
