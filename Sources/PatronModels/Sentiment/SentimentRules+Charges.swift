/// What was charged and what was not (issue 19, twenty-sixth round): "didn't charge a call-out
/// fee", "tog ingen avgift", "rekende geen voorrijkosten", "hat keine Anfahrt berechnet", "nie
/// policzył za dojazd" are praise; "They charged a restocking fee", "de behöll depositionen" are
/// complaints. The lexicons read a charge as a fact or a complaint, so a charge negated was at
/// most faint praise, and "free" is a topic of shop feedback ("free delivery"), no verdict.
///
/// - **A charge negated is praise**: a fee ("fee", "avgift", "meerprijs", "Aufpreis", "opłata")
///   or a word for charging ("charged", "billed", "debiterade", "rekende", "berechnet",
///   "policzył") after a negator in its clause ("no", "ingen", "geen", "ohne", "bez"), or before
///   one in the languages that negate after the verb ("berechnete nichts"); a fee right after
///   it is its object, no complaint ("didn't charge a call-out fee"). Said plainly, either is a
///   mild complaint.
/// - **Money not taken**: a word for money ("money", "betalt", "geld", "Geld", "pieniędzy")
///   negated, after a word for taking or wanting ("wouldn't take any money",
///   "ville inte ha betalt", "wilde er geen geld voor", "kein Geld dafür", "nie chciał za to
///   pieniędzy"), is praise; not money back ("geen geld terug").
/// - **Free, said of what was done**: "for free", "free of charge", "kostenlos", "umsonst",
///   "gratis", "za darmo", "bezpłatnie" are praise; not before a word of what shops give free
///   ("free delivery", "gratis frakt", "gratis verzending"), and not German or Polish adjectives
///   (only the adverbs are listed).
/// - **On the house**: "on the house", "aufs Haus", "na koszt firmy" are praise (not Dutch "van
///   de zaak", which is as often "of the shop").
/// - **A deposit kept**: "kept the deposit", "behöll depositionen", "hielden de borg in",
///   "Kaution einbehalten", "zatrzymali kaucję" is a complaint.
extension SentimentRules {
    /// What a word does in what was charged and what was not.
    enum Charge: Sendable, Equatable {
        case none
        /// "fee", "avgift", "meerprijs", "Aufpreis", "opłata": a fee.
        case fee
        /// "cost", "kostnad": a fee only negated ("at no extra cost", "utan kostnad").
        case cost
        /// "charged", "billed", "debiterade", "rekende", "berechnet", "policzył": charging.
        case charged
        /// English "charge": charging only right after a negator ("didn't charge us").
        case chargeVerb
        /// "money", "betalt", "geld", "Geld", "pieniędzy": money, taken or not.
        case money
        /// "take", "ta", "wilde", "wollte", "wziął": taking or wanting, before money.
        case take
        /// English "for" of "for free".
        case forWord
        /// "back", "tillbaka", "terug", "zurück", "oddać": money back is a refund ("nie chcieli
        /// oddać pieniędzy" is a complaint).
        case back
        /// "gratis", "kostenlos", "darmo": free.
        case free
        /// English "free": free only after "for", before "of", or at the end of its clause ("for
        /// free", "free of charge", "it was free"; not "free time").
        case freeStrict
        /// "of" of "free of charge".
        case of
        /// "delivery", "frakt", "verzending", "Versand", "dostawa": what shops give free.
        case topic
        /// "house", "Haus", "koszt": on the house, after `on` or `onThe`.
        case house
        /// "aufs", "na": right before `house`.
        case on
        /// English "on": two words before `house`.
        case onThe
        /// "deposit", "depositionen", "borg", "Kaution", "kaucję": a deposit.
        case deposit
        /// "kept", "behöll", "hielden", "einbehalten", "zatrzymali": a deposit kept.
        case kept
    }

    /// The valence of a charge not made, money not taken, or something done free: praise as
    /// plain as "good" (1.9) is.
    static let notChargedValence = 1.9
    /// The valence of a deposit kept: a plain complaint.
    static let depositKeptValence = -2.0
    /// The valence of a charge said plainly: a mild complaint.
    static let chargeValence = -0.8

    /// The words of `language`'s charges.
    static func charges(_ language: Language) -> [String: Charge] {
        var out = [String: Charge]()
        switch language {
        case .en:
            out.assign(["fee", "fees"], .fee)
            out.assign(["cost"], .cost)
            out.assign(["charged", "billed"], .charged)
            // ("doesn't hold a charge" is the battery's: "charge" only right after a negator.)
            out.assign(["charge"], .chargeVerb)
            out.assign(["money", "penny", "cent"], .money)
            out.assign(["take", "took", "taking", "want", "wanted", "ask", "asked"], .take)
            out.assign(["for"], .forWord)
            out.assign(["back", "refund", "return", "returned"], .back)
            out.assign(["free"], .freeStrict)
            out.assign(["of"], .of)
            out.assign(["delivery", "shipping", "trial", "returns", "wifi", "parking", "sample", "samples"], .topic)
            out.assign(["house"], .house)
            out.assign(["on"], .onThe)
            out.assign(["deposit"], .deposit)
            out.assign(["kept", "withheld", "retained", "keep", "keeping"], .kept)
        case .sv:
            out.assign(
                [
                    "avgift", "avgiften", "avgifter", "tillägg", "utryckningsavgift", "returavgift",
                ], .fee)
            out.assign(["kostnad", "kostnaden"], .cost)
            out.assign(["debiterade", "debiterades", "fakturerade", "fakturerades"], .charged)
            out.assign(["betalt", "pengar", "krona", "öre"], .money)
            out.assign(["ta", "tog", "tar", "ha", "ville"], .take)
            out.assign(["tillbaka", "återbetala", "återbetalning", "återbetalningen"], .back)
            out.assign(["gratis", "kostnadsfritt"], .free)
            out.assign(["frakt", "frakten", "leverans", "leveransen", "provperiod", "provperioden", "wifi"], .topic)
            out.assign(["deposition", "depositionen", "handpenningen"], .deposit)
            out.assign(["behöll", "behölls", "behåller"], .kept)
        case .nl:
            out.assign(["meerprijs", "voorrijkosten", "retourkosten", "bijbetalen"], .fee)
            // (Not "rekende": "rekende er niet op", counted on it.)
            out.assign(["gerekend", "berekend", "berekende", "afgeschreven"], .charged)
            out.assign(["geld", "cent"], .money)
            out.assign(["wilde", "wilden", "vroeg", "vroegen", "nam", "namen"], .take)
            out.assign(["terug", "teruggeven", "terugbetalen", "terugstorten"], .back)
            out.assign(["gratis", "kosteloos"], .free)
            out.assign(
                ["verzending", "bezorging", "levering", "proefperiode", "proefmaand", "wifi", "parkeren"], .topic)
            out.assign(["borg", "waarborg", "waarborgsom"], .deposit)
            out.assign(["hielden", "hield", "ingehouden"], .kept)
        case .de:
            out.assign(
                ["gebühr", "gebühren", "aufpreis", "aufzahlung", "zuzahlung", "zuschlag"], .fee)
            // (Not "verlangt": "Tun Sie, was er verlangt", demands.)
            out.assign(["berechnet", "berechnete", "berechneten", "abgebucht"], .charged)
            out.assign(["geld", "cent"], .money)
            out.assign(["wollte", "wollten", "nahm", "nahmen", "genommen"], .take)
            out.assign(["zurück", "zurückgeben", "zurückzahlen", "erstatten", "zurückerstatten"], .back)
            out.assign(["kostenlos", "umsonst", "gratis"], .free)
            out.assign(["versand", "lieferung", "probemonat", "wlan"], .topic)
            out.assign(["haus"], .house)
            out.assign(["aufs"], .on)
            out.assign(["kaution"], .deposit)
            out.assign(["einbehalten", "behalten", "behielt", "behielten"], .kept)
        case .pl:
            out.assign(
                [
                    "opłata", "opłaty", "opłatę", "opłat", "dopłata", "dopłaty", "dopłatę", "dopłat",
                ], .fee)
            out.assign(["policzył", "policzyła", "policzyli", "naliczył", "naliczyli", "pobrali", "pobrał"], .charged)
            out.assign(["pieniędzy", "grosza", "złotówki"], .money)
            out.assign(["wziął", "wzięła", "wzięli", "chciał", "chciała", "chcieli"], .take)
            out.assign(["powrotem", "oddać", "oddali", "oddał", "zwrócić", "zwrócili", "zwrotu"], .back)
            out.assign(["darmo", "bezpłatnie", "gratis"], .free)
            out.assign(["dostawa", "dostawę", "dostawy", "wysyłka", "wysyłkę"], .topic)
            out.assign(["koszt"], .house)
            out.assign(["na"], .on)
            out.assign(["kaucję", "kaucja", "kaucji", "depozyt"], .deposit)
            out.assign(["zatrzymali", "zatrzymał", "zatrzymała", "zatrzymano"], .kept)
        }
        return out
    }
}

extension SentimentRules.Charge {
    /// Whether the word is one a charge is read from, not a helper of one ("for", "of", "on").
    var startsACharge: Bool {
        switch self {
        case .fee, .cost, .charged, .chargeVerb, .money, .free, .freeStrict, .house, .deposit: true
        default: false
        }
    }
}

extension SentimentScorer {
    /// Reads the sentence's charges (`SentimentRules+Charges`): runs after the service's steps
    /// and before negation.
    func markCharges(_ info: UnsafeMutablePointer<Info>, _ n: Int, negatesBackward: Bool) {
        // Most sentences have no word that starts a charge: only the helpers ("for", "on").
        let any = anyIndex(n) { info[$0].charge.startsACharge }
        guard any else { return }
        for k in 0..<n where !info[k].fixed {
            switch info[k].charge {
            case .fee, .cost, .charged, .chargeVerb, .money:
                var negator = chargeNegator(k, info, n, negatesBackward: negatesBackward)
                if info[k].charge == .chargeVerb && negator != k - 1 { negator = -1 }
                if info[k].charge == .money {
                    // Money not taken: after a word for taking or wanting; not money back.
                    // ("geen geld voor schoenen", "nicht für Geld": "for" alone is no charge.)
                    guard negator >= 0 else { continue }
                    var taken = false, back = false
                    for j in max(0, k - 4)..<min(n, k + 3) where j != k {
                        if info[j].charge == .take && j < k { taken = true }
                        if info[j].charge == .back && j > k { back = true }
                    }
                    guard taken && !back else { continue }
                }
                if negator >= 0 {
                    info[k].valence = SentimentRules.notChargedValence
                    info[k].fixed = true
                    info[negator].negatedSomething = true
                    // The fee it names is its object: "didn't charge a call-out fee".
                    for j in (k + 1)..<min(n, k + 5) where info[j].charge == .fee {
                        if info[j].clauseStart { break }
                        info[j].valence = 0
                        info[j].fixed = true
                    }
                } else if (info[k].charge == .fee || info[k].charge == .charged) && info[k].valence == 0 {
                    info[k].valence = SentimentRules.chargeValence
                }
            case .free, .freeStrict:
                // "free of charge", "for free", "gratis op zondag"; not "free delivery".
                let next = k + 1 < n && !info[k + 1].clauseStart ? info[k + 1].charge : nil
                if next == .topic { continue }
                if info[k].charge == .freeStrict && next != nil && next != .of
                    && !(k > 0 && info[k - 1].charge == .forWord)
                {
                    continue
                }
                info[k].valence = SentimentRules.notChargedValence
                if k + 2 < n && info[k + 1].charge == .of && info[k + 2].valence < 0 {
                    info[k + 2].valence = 0
                    info[k + 2].fixed = true
                }
            case .house:
                // "on the house" (two words before), "aufs Haus", "na koszt" (one).
                if (k > 0 && info[k - 1].charge == .on && !info[k].clauseStart)
                    || (k > 1 && info[k - 2].charge == .onThe && !info[k - 1].clauseStart && !info[k].clauseStart)
                {
                    info[k].valence = SentimentRules.notChargedValence
                    info[k].fixed = true
                }
            case .deposit:
                for j in max(0, k - 4)..<min(n, k + 7) where info[j].charge == .kept {
                    info[k].valence = SentimentRules.depositKeptValence
                    info[k].fixed = true
                    break
                }
            default:
                break
            }
        }
    }

    /// The negator of the charge at `k`: one up to four words before it in its clause, or,
    /// where the language negates after the verb, right after it ("berechnete nichts"); -1 for
    /// none.
    func chargeNegator(_ k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int, negatesBackward: Bool) -> Int {
        var j = k - 1
        while j >= max(0, k - 4) {
            if info[j].negator && !info[j].fixed { return j }
            if info[j + 1].clauseStart { break }
            j -= 1
        }
        if negatesBackward && k + 1 < n && info[k + 1].negator && !info[k + 1].clauseStart { return k + 1 }
        return -1
    }
}
