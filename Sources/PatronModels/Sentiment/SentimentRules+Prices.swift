/// A verdict told only by the price (issue 19, twenty-eighth round): "Only £3.50 for a pint",
/// "Middag för två, 420 kronor inklusive dricks", "Zes yogalessen voor 30 euro in totaal", "1
/// Euro nur um auf die Toilette zu gehen", "25 zł za malutki kawałek sernika". No word in them
/// says cheap or dear; the verdict is in what the sum bought.
///
/// - **A sum** is a number with a currency sign ("£60", "12€") or a word for a currency after
///   it ("45 kronor", "8 Euro", "12 zł").
/// - **Only before a sum is praise**: "only", "just", "bara", "slechts", "maar", "nur",
///   "lediglich", "tylko", "zaledwie" right before it ("Tylko 12 zł za dużą kawę").
/// - **Only after a sum, for a purpose, is a complaint**: "only", "just", "bara", "alleen",
///   "nur", "tylko" up to three words after the sum and a word for a purpose or "for" right
///   after it ("€2 just to use the toilet", "10 kronor bara för att", "1 euro alleen al om",
///   "2 Euro Aufschlag, nur weil", "5 zł dopłaty tylko za płatność").
/// - **A sum for a short span or a small thing is a complaint**: "for" ("för", "voor", "für",
///   "za") right after the sum, and later in its clause a span of a quarter of an hour or less
///   ("ten minutes", "en kvart", "kwartier", "Viertelstunde", "kwadrans", "a few minutes") or a
///   word for small ("tiny", "pytteliten", "piepklein", "winzig", "malutki").
/// - **A sum for the whole of something is praise**: "for the whole term", "för hela
///   terminen", "für das ganze Halbjahr", "za cały semestr".
/// - **What the sum included is praise**: "tip included", "inklusive dricks", "alles
///   inclusief", "Krallenschneiden inklusive", "w cenie", "came with new tyres", "på köpet", "mit
///   drin", and a total ("in total", "totalt", "in totaal", "insgesamt", "w sumie", "razem");
///   negated ("not included", "ingår inte", "nicht inbegriffen": a negator up to four words
///   before it or right after it) a complaint.
/// - Praise is read only where no word of the sentence complains: "€300 in total and it still
///   leaks" is the leak's verdict, not the total's. One verdict a sentence, on its first sum.
extension SentimentRules {
    /// What a word does in a verdict told by the price.
    enum Price: Sendable, Equatable {
        case none
        /// "kronor", "Euro", "zł", "dollars": a currency after a number.
        case currency
        /// Digits that continue the number before ("3.50", "12 000"); set while reading, not
        /// in the tables.
        case digits
        /// "only", "just", "bara", "nur", "tylko": before a sum praise, after it for a purpose
        /// a complaint.
        case only
        /// "slechts", "maar", "lediglich", "zaledwie": only before a sum.
        case onlyBefore
        /// Dutch "alleen": only after a sum ("alleen al om").
        case onlyAfter
        /// "to", "att", "om", "um", "weil", "żeby": a purpose, after `only`.
        case purpose
        /// "for", "för", "voor", "für", "za": what the sum bought follows; a purpose too.
        case forWord
        /// "tiny", "liten", "piepklein", "winzig", "malutki": a small thing.
        case small
        /// A phrase of `forWord` and `small` (Polish "za mały", read as "too small"): for a
        /// small thing, after a sum. Set while reading, not in the tables.
        case forSmall
        /// "minutes", "minuter", "Minuten", "minut": a span, short up to fifteen.
        case minutes
        /// "kvart", "kwartier", "Viertelstunde", "kwadrans": a quarter of an hour.
        case quarter
        /// English "quarter": a quarter of an hour only before "hour".
        case quarterOf
        /// English "hour", after `quarterOf`.
        case hour
        /// "few", "några", "paar", "kilka": a few minutes are a short span.
        case few
        /// "whole", "hela", "hele", "ganze", "cały": right after `forWord`, the whole of it.
        case whole
        /// "included", "inklusive", "ingår", "inbegrepen", "wliczone", "erbij": included.
        case included
        /// "total", "totalt", "totaal", "insgesamt", "sumie", "razem": a total.
        case total
        /// "came", "all", "på", "mit", "w": included before `tail` ("came with", "all in", "på
        /// köpet", "mit drin", "w cenie").
        case head
        /// "with", "in", "köpet", "drin", "cenie": see `head`.
        case tail
        /// "got", "received", "fick", "kreeg", "bekam", "dostałem": what came or was offered;
        /// "only" before a sum after it in its clause is too little ("got only $7").
        case received
        /// "back", "refund", "tillbaka", "terug", "zurück", "zwrotu": what came back; "only"
        /// before a sum in its clause is too little ("bara 50 kronor tillbaka").
        case back
    }

    /// The valence of a verdict told by the price: as strong as a figure against a promise.
    static let priceValence = 1.5

    /// A word of the sentence this negative or less is a complaint, and no price is praise.
    static let priceComplaintFloor = -0.5

    /// A span of this many minutes or fewer, bought by a sum, is short.
    static let priceShortMinutes = 15.0

    /// The words of `language`'s verdicts told by the price.
    static func prices(_ language: Language) -> [String: Price] {
        var out = [String: Price]()
        switch language {
        case .en:
            out.assign(
                ["euro", "euros", "eur", "dollar", "dollars", "usd", "pound", "pounds", "gbp", "quid", "bucks"],
                .currency)
            out.assign(["only", "just"], .only)
            out.assign(["merely"], .onlyBefore)
            out.assign(["to", "because"], .purpose)
            out.assign(["for"], .forWord)
            out.assign(["small", "tiny", "little", "mini", "minuscule", "teeny", "weeny"], .small)
            out.assign(["minutes", "minute", "mins"], .minutes)
            out["quarter"] = .quarterOf
            out["hour"] = .hour
            out.assign(["few", "couple"], .few)
            out.assign(["whole", "entire", "full"], .whole)
            out.assign(["included", "including", "includes", "incl", "inclusive", "covers", "covered"], .included)
            out.assign(["total"], .total)
            out.assign(["came", "comes", "come", "all"], .head)
            out.assign(["with", "in"], .tail)
            out.assign(["got", "get", "gets", "received", "receive", "receives", "offered"], .received)
            out.assign(["back", "refund", "refunded", "compensation"], .back)
        case .sv:
            out.assign(["kronor", "kr", "spänn", "sek", "euro", "dollar"], .currency)
            out.assign(["bara", "endast", "enbart"], .only)
            out.assign(["att", "därför"], .purpose)
            out.assign(["för"], .forWord)
            out.assign(
                [
                    "liten", "litet", "lilla", "små", "pytteliten", "pyttelitet", "pyttelilla", "pyttesmå", "minimal",
                    "minimala", "mini",
                ], .small)
            out.assign(["minuter", "minuters", "minut"], .minutes)
            out.assign(["kvart", "kvarts"], .quarter)
            out.assign(["några", "par"], .few)
            out.assign(["hela", "heldag"], .whole)
            out.assign(
                [
                    "inklusive", "inkl", "ingår", "ingick", "inräknat", "inräknad", "inberäknat", "inkluderat",
                    "inkluderad", "inkluderade", "täcker", "täckte",
                ], .included)
            out.assign(["totalt", "sammanlagt"], .total)
            out.assign(["på"], .head)
            out.assign(["köpet"], .tail)
            out.assign(["fick", "får", "erbjöd", "erbjöds"], .received)
            out.assign(["tillbaka", "ersättning", "återbetalning"], .back)
        case .nl:
            out.assign(["euro", "eur", "cent", "dollar"], .currency)
            out.assign(["slechts", "maar"], .onlyBefore)
            out.assign(["alleen"], .onlyAfter)
            out.assign(["om", "omdat", "al"], .purpose)
            out.assign(["voor"], .forWord)
            out.assign(["klein", "kleine", "piepklein", "piepkleine", "minuscuul", "minuscule", "mini"], .small)
            out.assign(["minuten", "minuut", "minuutjes"], .minutes)
            out.assign(["kwartier", "kwartiertje"], .quarter)
            out.assign(["paar", "enkele"], .few)
            out.assign(["hele", "gehele", "volle"], .whole)
            out.assign(["inbegrepen", "inclusief", "incl", "inclusive", "erbij"], .included)
            out.assign(["totaal"], .total)
            out.assign(["kreeg", "kregen", "krijg", "krijgt", "aangeboden"], .received)
            out.assign(["terug", "vergoeding", "teruggestort"], .back)
        case .de:
            out.assign(["euro", "eur", "cent", "franken", "chf", "dollar"], .currency)
            out.assign(["nur"], .only)
            out.assign(["lediglich", "bloß", "schlappe"], .onlyBefore)
            out.assign(["um", "weil", "damit", "dafür", "zum", "zur"], .purpose)
            out.assign(["für", "fürs"], .forWord)
            out.assign(
                [
                    "klein", "kleine", "kleines", "kleinen", "kleiner", "winzig", "winzige", "winziges", "winzigen",
                    "winziger", "mini",
                ], .small)
            out.assign(["minuten", "minute"], .minutes)
            out.assign(["viertelstunde"], .quarter)
            out.assign(["paar", "wenige", "wenigen"], .few)
            out.assign(["ganze", "ganzen", "ganzes", "gesamte", "gesamten", "volle", "vollen"], .whole)
            out.assign(["inklusive", "inkl", "inbegriffen", "inklusiv", "enthalten"], .included)
            out.assign(["insgesamt", "zusammen"], .total)
            out.assign(["mit"], .head)
            out.assign(["drin"], .tail)
            out.assign(["bekam", "bekommen", "bekomme", "erhalten", "erhielt", "angeboten"], .received)
            out.assign(["zurück", "entschädigung", "erstattet", "erstattung"], .back)
        case .pl:
            out.assign(["zł", "zl", "złotych", "złote", "złoty", "pln", "euro", "groszy"], .currency)
            out.assign(["tylko"], .only)
            out.assign(["jedynie", "zaledwie", "raptem"], .onlyBefore)
            out.assign(["żeby", "aby", "bo", "dlatego"], .purpose)
            out.assign(["za"], .forWord)
            out.assign(
                [
                    "mały", "mała", "małe", "małą", "małego", "małej", "malutki", "malutka", "malutkie", "malutką",
                    "maleńki", "maleńka", "maleńkie", "maleńką", "mini",
                ], .small)
            out.assign(["minut", "minuty", "minutę", "minutkę", "minutek"], .minutes)
            out.assign(["kwadrans"], .quarter)
            out.assign(["kilka", "kilku", "parę"], .few)
            out.assign(["cały", "całą", "całe", "całego", "całej", "pełną", "pełny", "pełne", "pełnej"], .whole)
            out.assign(
                [
                    "wliczone", "wliczony", "wliczona", "wliczając", "włącznie", "obejmuje", "obejmował",
                    "obejmowała", "obejmowało",
                ], .included)
            out.assign(["sumie", "łącznie", "razem"], .total)
            out.assign(["w"], .head)
            out.assign(["cenie", "zestawie", "komplecie"], .tail)
            out.assign(
                [
                    "dostałem", "dostałam", "dostaliśmy", "otrzymałem", "otrzymałam", "zwrócili", "oddali",
                    "zaproponowali",
                ], .received)
            out.assign(["zwrot", "zwrotu", "rekompensaty", "rekompensata"], .back)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads the sentence's price (`SentimentRules+Prices`): runs after the timeline and before
    /// negation.
    func markPrices(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        // Most sentences have no sum: no currency sign and no word for a currency.
        let any = anyIndex(n) {
            info[$0].price == .currency
                || (info[$0].figure == .money && (info[$0].amount > 0 || info[$0].price == .digits))
        }
        guard any else { return }
        var k = 0
        while k < n {
            guard info[k].amount > 0, !info[k].fixed, let end = sumEnd(k, info, n) else {
                k += 1
                continue
            }
            // A phrase that opens with "for" right after it is "for", not "too": Polish "12 zł za
            // dużą kawę" (for a large coffee), not "za duża" (too large).
            if end + 1 < n && info[end + 1].phrase
                && (info[end + 1].price == .forWord || info[end + 1].price == .forSmall)
            {
                info[end + 1].valence = 0
            }
            if let praise = priceVerdict(k, end, info, n), !praise || !complains(info, n) {
                info[k].valence = praise ? SentimentRules.priceValence : -SentimentRules.priceValence
                info[k].fixed = true
                return
            }
            k = end + 1
        }
    }

    /// Whether a word of the sentence complains: then no price in it is praise.
    private func complains(_ info: UnsafeMutablePointer<Info>, _ n: Int) -> Bool {
        for k in 0..<n where info[k].valence <= SentimentRules.priceComplaintFloor { return true }
        return false
    }

    /// The last entry of the sum whose number is at `k` (its last digits or its currency
    /// word), or nil when the number is no sum of money.
    private func sumEnd(_ k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> Int? {
        var end = k, money = info[k].figure == .money
        while end + 1 < n && info[end + 1].price == .digits {
            end += 1
            if info[end].figure == .money { money = true }
        }
        if end + 1 < n && info[end + 1].price == .currency && !info[end + 1].clauseStart { return end + 1 }
        return money ? end : nil
    }

    /// The verdict of the sum from `start` through `end`: true praise, false a complaint, nil
    /// none.
    private func priceVerdict(_ start: Int, _ end: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> Bool? {
        // Only before it: "only £3.50", "bara 45 kronor", "only paid £20"; not Dutch "maar"
        // opening a clause.
        if start > 0 {
            let paid =
                start > 1 && info[start - 1].figure == .money && info[start - 1].amount < 0
                && info[start - 1].price != .currency
            let before = info[paid ? start - 2 : start - 1]
            let at = paid ? start - 1 : start
            if before.price == .only || (before.price == .onlyBefore && !before.clauseStart && at > 1) {
                // What came back or was offered: "got only $7", "fick bara 50 kronor tillbaka"
                // ("for only £5" is what was paid).
                if at > 1 && info[at - 2].price == .forWord { return true }
                for j in clause(of: start, info, n)
                where (info[j].price == .received && j < start) || info[j].price == .back {
                    return false
                }
                return true
            }
        }
        // Only after it, for a purpose: "€2 just to use the toilet", "1 Euro nur um".
        for j in (end + 1)..<min(n, end + 4) where info[j].price == .only || info[j].price == .onlyAfter {
            for p in (j + 1)..<min(n, j + 3) where info[p].price == .purpose || info[p].price == .forWord {
                return false
            }
        }
        // What it bought: "for ten minutes' work", "för en pytteliten bit", "for the whole term".
        for f in (end + 1)..<min(n, end + 3) where info[f].price == .forWord || info[f].price == .forSmall {
            if info[f].clauseStart { break }
            if info[f].price == .forSmall { return false }
            for j in (f + 1)..<min(n, f + 3) where info[j].price == .whole { return true }
            var j = f + 1
            while j < n && !info[j].clauseStart && !info[j].contrast {
                switch info[j].price {
                case .small, .quarter: return false
                case .quarterOf:
                    for h in (j + 1)..<min(n, j + 4) where info[h].price == .hour { return false }
                case .minutes:
                    let count = info[j - 1]
                    if count.price == .few || (count.amount > 0 && count.amount <= SentimentRules.priceShortMinutes) {
                        return false
                    }
                default: break
                }
                j += 1
            }
            break
        }
        // What it included: "tip included", "w cenie", "in total"; negated a complaint.
        for j in 0..<n {
            let included: Bool
            switch info[j].price {
            case .included, .total: included = true
            case .head: included = j + 1 < n && info[j + 1].price == .tail && !info[j + 1].clauseStart
            default: included = false
            }
            guard included else { continue }
            // "including $61 million" lists a part of a sum ("insgesamt 30 Euro" is the sum), and
            // "included a cover charge" a charge: nothing extra came with the price.
            var charge = false
            for h in (j + 1)..<min(n, j + 4) {
                if info[h].clauseStart { break }
                if (info[h].amount > 0 && info[j].price == .included) || info[h].charge == .fee
                    || info[h].charge == .charged
                    || info[h].charge == .chargeVerb
                {
                    charge = true
                }
            }
            if charge { continue }
            // Negated before it, or right after it ("ingår inte"), as a charge is.
            let negator = chargeNegator(j, info, n, negatesBackward: true)
            if negator >= 0 {
                info[negator].negatedSomething = true
                return false
            }
            return true
        }
        return nil
    }
}
