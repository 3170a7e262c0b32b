/// A verdict told by coming back or by leaving (issue 19, twenty-ninth round): "This is the
/// third car we've bought from this dealer", "Beställde samma löparskor igen", "Tien jaar later
/// koop ik nog steeds elke maand mijn koffiebonen bij hen", and "Früher habe ich alle meine
/// Bücher hier gekauft", "Nasze pierwsze zamówienie u nich i ostatnie". No word in them says good
/// or bad; the verdict is in what the customer keeps doing or stopped doing.
///
/// - **Coming back is praise** where no word of the sentence complains and none negates:
///   - a third or later time ("third", "fjärde", "vierde", "dritte", "trzecie") with "same",
///     "this" or "here" ("this dealer", "samma plattsättare", "den här handlaren", "deze
///     garage", "diesem Händler", "tym glazurnikiem");
///   - buying or booking again ("ordered … again", "beställde … igen", "nog een keer besteld",
///     "noch einmal bestellt", "zamówiłam … jeszcze raz");
///   - still buying, or buying every month ("I still buy", "köper jag fortfarande", "koop ik nog
///     steeds", "kaufe … immer noch", "nadal kupuję", "co miesiąc kupuję"): a word for buying
///     in the present with "still" or "every";
///   - booking for a time to come ("booked … for next spring", "bokade … till nästa vår",
///     "voor volgend voorjaar geboekt", "für nächstes Frühjahr gebucht", "na przyszłą wiosnę
///     zarezerwowaliśmy");
///   - "ever since", "sedan dess", "sindsdien", "seitdem", "od tamtej pory";
///   - Dutch "nog", German "noch" with a word for buying in the present ("bestel ik nog bij
///     hen").
/// - **Leaving is a complaint** where no word of the sentence praises:
///   - a custom that ended: "used to", "brukade", "förr", "vroeger", "früher", "kiedyś" with a
///     word for buying or for here ("Used to buy all my books here");
///   - the first and the last: a word for first and a later word for last joined by "and"
///     ("Our first order from them and our last", "Första och sista besöket"); and "that was
///     the last time" ("Det var sista gången", "Das war das letzte Mal");
///   - going elsewhere: "elsewhere", "somewhere else", "annanstans", "ergens anders",
///     "woanders", "gdzie indziej", or "another" after "from", "to", "do" ("to another bank",
///     "do innego banku"), or "different", "annan", "andere", "anderen" after "from", "till",
///     "bij", "bei" and an indefinite article ("ordered from a different shop", "bij een andere
///     winkel", "bei einem anderen Laden"; not "naar de andere kant");
///   - going back to the old one: a word for old after "back" ("went back to my old provider",
///     "gick tillbaka till min gamla", "teruggegaan naar mijn oude", "zurück zu meinem alten",
///     "wróciłem do starego").
extension SentimentRules {
    /// What a word does in a verdict told by coming back or by leaving.
    enum Custom: Sendable, Equatable {
        case none
        /// "third", "fjärde", "vierde", "dritte", "trzecie": a third or later time.
        case ordinal
        /// "same", "this", "samma", "deze", "diesem", "tym": the same one again.
        case same
        /// "again", "igen", "opnieuw", "wieder", "znowu": again.
        case again
        /// "nog", "noch", "jeszcze": again before `againTail` ("nog een keer"); Dutch and German
        /// still, with a word for buying in the present.
        case againHead
        /// "keer", "einmal", "mal", "raz": see `againHead`; a time after `last` too.
        case againTail
        /// "ordered", "bought", "beställde", "besteld", "gekauft", "zamówiłam": buying, done (and
        /// the Dutch and German infinitive, "kopen", "kaufen", which is no habit of its own).
        case bought
        /// "buy", "order", "köper", "koop", "kaufe", "kupuję": buying, now.
        case buys
        /// "booked", "renewed", "bokade", "geboekt", "gebucht", "zarezerwowaliśmy": booking.
        case booked
        /// "still", "fortfarande", "steeds", "immer", "nadal", "dalej": still.
        case still
        /// "every", "varje", "elke", "jeden", "co", "każdy": every.
        case every
        /// "next", "nästa", "volgend", "nächstes", "przyszłą": a time to come.
        case next
        /// "sindsdien", "seitdem": ever since.
        case sinceThen
        /// "since", "dess", "pory": ever since after `ever` ("ever since", "sedan dess", "od
        /// tamtej pory").
        case sinceTail
        /// "ever", "sedan", "tamtej": see `sinceTail`.
        case ever
        /// "brukade", "förr", "vroeger", "früher", "kiedyś": a custom that ended.
        case usedTo
        /// English "used": a custom that ended before "to".
        case usedHead
        /// "here", "här", "hier", "tu": the place of a custom.
        case here
        /// "first", "första", "eerste", "erste", "pierwsze": the first.
        case first
        /// "last", "sista", "laatste", "letzte", "ostatnie": the last.
        case last
        /// "and", "och", "en", "und", "i": between the first and the last.
        case and
        /// "was", "var", "war", "był": "that was the last time".
        case was
        /// "time", "gången", "keer", "Mal", "raz": after `last`.
        case time
        /// "elsewhere", "annanstans", "woanders": going elsewhere.
        case elsewhere
        /// "somewhere", "ergens", "gdzie": elsewhere before `elseTail`.
        case elseHead
        /// "else", "anders", "indziej": see `elseHead`.
        case elseTail
        /// "different", "annan", "andere", "anderen": another, after `toward` and an
        /// indefinite article ("from a different shop", "bij een andere winkel").
        case another
        /// "another", "innego": another, right after `toward` ("to another bank", "do innego
        /// banku").
        case anotherBare
        /// "a", "en", "een", "einem": an indefinite article between `toward` and `another`.
        case indefinite
        /// "from", "to", "till", "bij", "bei", "do": a move toward another.
        case toward
        /// "moved", "switched", "flyttade", "overgezet", "gewechselt", "przenieśliśmy": a move;
        /// going elsewhere needs it, or a word for buying or booking.
        case moved
        /// "member", "customer", "medlem", "klant", "Mitglied", "członkiem": "ever since" tells
        /// a custom only with it.
        case member
        /// "with", "med", "met", "mit", "z": a third time with the same one ("fourth bathroom
        /// with this tiler").
        case with
        /// "get", "got": "get used to" is no custom that ended.
        case get
        /// "back", "tillbaka", "terug", "zurück", "wróciłem": going back, before `old`.
        case back
        /// "old", "gamla", "oude", "alten", "starego": the old one, after `back`.
        case old
    }

    /// The valence of a verdict told by coming back or by leaving: as strong as a figure
    /// against a promise.
    static let customValence = 1.5

    /// A word of the sentence this far from zero or further decides the sentence: no custom
    /// in it is read.
    static let customGuard = 0.5

    /// The words of `language`'s verdicts told by coming back or by leaving.
    static func custom(_ language: Language) -> [String: Custom] {
        var out = [String: Custom]()
        switch language {
        case .en:
            out.assign(["third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], .ordinal)
            out.assign(["same", "this", "these"], .same)
            out.assign(["again"], .again)
            out.assign(["ordered", "bought", "reordered"], .bought)
            out.assign(["buy", "order"], .buys)
            out.assign(["booked", "renewed", "rebooked", "reserved"], .booked)
            out.assign(["still"], .still)
            out.assign(["every"], .every)
            out.assign(["next"], .next)
            out.assign(["since"], .sinceTail)
            out.assign(["ever"], .ever)
            out.assign(["used"], .usedHead)
            out.assign(["here"], .here)
            out.assign(["first"], .first)
            out.assign(["last"], .last)
            out.assign(["and"], .and)
            out.assign(["was"], .was)
            out.assign(["time"], .time)
            out.assign(["elsewhere"], .elsewhere)
            out.assign(["somewhere", "someplace"], .elseHead)
            out.assign(["else"], .elseTail)
            out.assign(["different"], .another)
            out.assign(["another"], .anotherBare)
            out.assign(["a", "an"], .indefinite)
            out.assign(["from", "to", "at"], .toward)
            out.assign(["back"], .back)
            out.assign(["old", "previous"], .old)
            out.assign(["moved", "switched", "went", "changed", "transferred", "took"], .moved)
            out.assign(["member", "customer", "client", "regular"], .member)
            out.assign(["with"], .with)
            out.assign(["get", "got", "getting", "gets"], .get)
        case .sv:
            out.assign(["tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde"], .ordinal)
            out.assign(["samma", "samme", "likadan", "likadana"], .same)
            out.assign(["igen"], .again)
            out.assign(["beställde", "köpte", "handlade"], .bought)
            out.assign(["köper", "beställer", "handlar"], .buys)
            out.assign(["bokade", "förnyade", "bokat", "förnyat"], .booked)
            out.assign(["fortfarande", "alltjämt"], .still)
            out.assign(["varje", "varenda"], .every)
            out.assign(["nästa", "nästkommande"], .next)
            out.assign(["dess"], .sinceTail)
            out.assign(["sedan"], .ever)
            out.assign(["brukade", "förr"], .usedTo)
            out.assign(["här", "hit"], .here)
            out.assign(["första", "förste"], .first)
            out.assign(["sista", "siste"], .last)
            out.assign(["och"], .and)
            out.assign(["var"], .was)
            out.assign(["gången"], .time)
            out.assign(["annanstans", "någonannanstans"], .elsewhere)
            out.assign(["annan", "annat"], .another)
            out.assign(["en", "ett"], .indefinite)
            out.assign(["från", "till", "hos"], .toward)
            out.assign(["tillbaka"], .back)
            out.assign(["gamla", "förra"], .old)
            out.assign(["flyttade", "bytte", "gick", "tog"], .moved)
            out.assign(["medlem", "kund", "stamkund", "stamgäst"], .member)
            out.assign(["med"], .with)
        case .nl:
            out.assign(["derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende"], .ordinal)
            out.assign(["dezelfde", "hetzelfde", "deze", "dit"], .same)
            out.assign(["opnieuw", "weer", "alweer"], .again)
            out.assign(["nog"], .againHead)
            out.assign(["keer"], .againTail)
            out.assign(["besteld", "gekocht", "nabesteld", "bestelde", "kocht", "kochten", "kopen"], .bought)
            out.assign(["koop", "bestel"], .buys)
            out.assign(["geboekt", "verlengd", "gereserveerd"], .booked)
            out.assign(["steeds"], .still)
            out.assign(["elke", "ieder", "iedere"], .every)
            out.assign(["volgend", "volgende", "komend", "komende"], .next)
            out.assign(["sindsdien"], .sinceThen)
            out.assign(["vroeger"], .usedTo)
            out.assign(["hier"], .here)
            out.assign(["eerste"], .first)
            out.assign(["laatste"], .last)
            out.assign(["en"], .and)
            out.assign(["was"], .was)
            out.assign(["ergens"], .elseHead)
            out.assign(["anders"], .elseTail)
            out.assign(["andere", "ander"], .another)
            out.assign(["een"], .indefinite)
            out.assign(["bij", "naar"], .toward)
            out.assign(["terug", "teruggegaan", "teruggestapt", "overgestapt"], .back)
            out.assign(["oude", "vorige"], .old)
            out.assign(["overgezet", "overgestapt", "gingen", "ging", "verhuisd", "gezet", "gewisseld"], .moved)
            out.assign(["lid", "klant", "vaste"], .member)
            out.assign(["met"], .with)
        case .de:
            out.assign(
                [
                    "dritte", "dritten", "drittes", "dritter", "vierte", "vierten", "viertes", "vierter", "fünfte",
                    "fünften", "fünftes", "sechste", "sechsten", "sechstes", "siebte", "siebten", "zehnte",
                ], .ordinal)
            out.assign(["dieselbe", "dieselben", "denselben", "dasselbe", "derselben", "diesem", "dieser"], .same)
            out.assign(["wieder", "erneut", "nochmal", "nochmals"], .again)
            out.assign(["noch"], .againHead)
            out.assign(["einmal", "mal"], .againTail)
            out.assign(["bestellt", "gekauft", "nachbestellt", "bestellte", "kaufte", "kaufen"], .bought)
            out.assign(["kaufe", "bestelle"], .buys)
            out.assign(["gebucht", "verlängert", "reserviert"], .booked)
            out.assign(["immer", "weiter", "weiterhin"], .still)
            out.assign(["jeden", "jede", "jedes"], .every)
            out.assign(["nächstes", "nächste", "nächsten", "kommendes", "kommende", "kommenden"], .next)
            out.assign(["seitdem", "seither"], .sinceThen)
            out.assign(["früher"], .usedTo)
            out.assign(["hier"], .here)
            out.assign(["erste", "ersten", "erster", "erstes"], .first)
            out.assign(["letzte", "letzten", "letzter", "letztes"], .last)
            out.assign(["und"], .and)
            out.assign(["war"], .was)
            out.assign(["woanders", "anderswo"], .elsewhere)
            out.assign(["anderen", "andere", "anderes", "anderer"], .another)
            out.assign(["einem", "einen", "einer", "ein", "eine"], .indefinite)
            out.assign(["bei", "zu", "zum", "zur"], .toward)
            out.assign(["zurück"], .back)
            out.assign(["alten", "alte", "alter", "altes", "früheren", "vorherigen"], .old)
            out.assign(["gewechselt", "gebracht", "gegangen", "umgezogen", "gewandert"], .moved)
            out.assign(["mitglied", "kunde", "kundin", "stammkunde", "stammkundin", "stammgast"], .member)
            out.assign(["mit"], .with)
        case .pl:
            out.assign(
                [
                    "trzeci", "trzecia", "trzecie", "trzecią", "czwarty", "czwarta", "czwarte", "czwartą", "piąty",
                    "piąta", "piąte", "szósty", "szósta", "szóste", "siódmy", "siódma", "siódme", "dziesiąty",
                ], .ordinal)
            out.assign(["tym", "tego", "tej", "same", "sam", "samą", "samej", "samego", "samym"], .same)
            out.assign(["znowu", "ponownie", "znów"], .again)
            out.assign(["jeszcze"], .againHead)
            out.assign(["raz"], .againTail)
            out.assign(["zamówiłam", "zamówiłem", "zamówiliśmy", "kupiłam", "kupiłem", "kupiliśmy"], .bought)
            out.assign(["kupuję", "zamawiam", "kupujemy", "zamawiamy", "bierzemy", "biorę"], .buys)
            out.assign(
                [
                    "zarezerwowaliśmy", "zarezerwowałam", "zarezerwowałem", "przedłużyłam", "przedłużyłem",
                    "przedłużyliśmy",
                ], .booked)
            out.assign(["nadal", "dalej", "wciąż", "ciągle"], .still)
            out.assign(["co", "każdy", "każdą", "każde", "każdego"], .every)
            out.assign(["przyszłą", "przyszły", "przyszłe", "przyszłego", "następną", "następny", "następne"], .next)
            out.assign(["pory"], .sinceTail)
            out.assign(["tamtej"], .ever)
            out.assign(["kiedyś", "dawniej"], .usedTo)
            out.assign(["tu", "tutaj"], .here)
            out.assign(
                ["pierwsze", "pierwszy", "pierwsza", "pierwszą", "pierwszego", "pierwszej"], .first)
            out.assign(["ostatnie", "ostatni", "ostatnia", "ostatnią", "ostatniego", "ostatniej"], .last)
            out.assign(["i"], .and)
            out.assign(["był", "była", "było"], .was)
            out.assign(["gdzie"], .elseHead)
            out.assign(["indziej"], .elseTail)
            out.assign(["innego", "innej", "inny", "inną", "innym"], .anotherBare)
            out.assign(["do", "od"], .toward)
            out.assign(["wróciłem", "wróciłam", "wróciliśmy"], .back)
            out.assign(["starego", "starej", "stary", "starym", "poprzedniego", "poprzedniej"], .old)
            out.assign(
                [
                    "przenieśliśmy", "przeniosłem", "przeniosłam", "poszliśmy", "poszedłem", "poszłam", "zmieniłem",
                    "zmieniłam",
                ],
                .moved)
            out.assign(["członkiem", "członkinią", "klientem", "klientką", "stałym", "stałą"], .member)
            out.assign(["z", "ze"], .with)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads the sentence's custom (`SentimentRules+Custom`): runs after the price and before
    /// negation.
    func markCustom(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        // Most sentences have none of the words that start a custom.
        let any = anyIndex(n) { info[$0].custom.startsACustom }
        // (A word another rule has read keeps that reading: "Warum habe ich das nicht früher
        // gekauft?" is a regret, not a custom that ended.)
        guard any, let (at, praise) = customVerdict(info, n), !info[at].fixed || info[at].phrase else { return }
        let bound = SentimentRules.customGuard
        // (The word that tells it is not counted: Dutch "nog steeds" is a phrase of its own.)
        for k in 0..<n where k != at {
            if praise ? (info[k].valence <= -bound || info[k].negator) : info[k].valence >= bound { return }
        }
        info[at].valence = praise ? SentimentRules.customValence : -SentimentRules.customValence
        info[at].fixed = true
    }

    /// The word that tells the custom and whether it is praise, or nil.
    private func customVerdict(_ info: UnsafeMutablePointer<Info>, _ n: Int) -> (Int, Bool)? {
        var firstWord = -1, bought = false, buys = false, booked = false
        var same = false, next = false, here = false, moved = false, member = false
        for k in 0..<n {
            switch info[k].custom {
            case .bought: bought = true
            case .buys: buys = true
            case .booked: booked = true
            case .same: same = true
            case .next: next = true
            case .here: here = true
            case .moved: moved = true
            case .member: member = true
            default: break
            }
        }
        let purchase = bought || buys || booked
        for k in 0..<n {
            let next1 = k + 1 < n ? info[k + 1].custom : .none
            let next2 = k + 2 < n ? info[k + 2].custom : .none
            switch info[k].custom {
            case .usedTo where bought || buys || here:
                return (k, false)
            case .usedHead where next1 == .toward && (bought || buys || here) && !(k > 0 && info[k - 1].custom == .get):
                return (k, false)
            case .first:
                if firstWord < 0 { firstWord = k }
            case .last:
                // "first … and … last", "that was the last time".
                if firstWord >= 0 {
                    for j in (firstWord + 1)..<k where info[j].custom == .and { return (k, false) }
                }
                if (next1 == .time || next1 == .againTail) && purchase && k > 0
                    && (info[k - 1].custom == .was || (k > 1 && info[k - 2].custom == .was))
                {
                    return (k, false)
                }
            case .elsewhere where purchase || moved:
                return (k, false)
            case .elseHead where next1 == .elseTail && (purchase || moved):
                return (k, false)
            case .toward
            where (next1 == .anotherBare || (next1 == .indefinite && next2 == .another)) && (purchase || moved):
                return (k, false)
            case .back where next1 == .old || next2 == .old || (k + 3 < n && info[k + 3].custom == .old):
                return (k, false)
            case .ordinal where (same || here) && purchase:
                return (k, true)
            case .ordinal:
                // "Fourth bathroom with this tiler", "czwarta łazienka z tym glazurnikiem".
                for j in (k + 1)..<min(n, k + 4)
                where info[j].custom == .with && j + 1 < n && info[j + 1].custom == .same {
                    return (k, true)
                }
            case .again where bought || booked || buys:
                return (k, true)
            case .againHead where (next1 == .againTail || next2 == .againTail) && (bought || booked || buys):
                return (k, true)
            case .againHead where buys:
                // "bestel ik mijn brillen nog bij hen", "bestelle noch bei ihnen": still.
                return (k, true)
            case .still where buys, .every where buys:
                return (k, true)
            case .booked where next:
                return (k, true)
            case .sinceThen where member:
                return (k, true)
            case .sinceTail where member && k > 0 && info[k - 1].custom == .ever:
                return (k, true)
            default:
                break
            }
        }
        return nil
    }
}

extension SentimentRules.Custom {
    /// Whether the word can tell a custom by itself or as the word that decides one.
    var startsACustom: Bool {
        switch self {
        case .ordinal, .again, .againHead, .still, .every, .booked, .sinceThen, .sinceTail, .usedTo, .usedHead,
            .last, .elsewhere, .elseHead, .another, .anotherBare, .back:
            true
        default: false
        }
    }
}
