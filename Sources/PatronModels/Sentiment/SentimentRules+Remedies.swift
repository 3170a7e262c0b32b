/// A problem and what was done about it (issue 19, twenty-fourth round): "The glass cracked.
/// They had a new one at my door two days later, free", "Fel färg levererades, och butiken
/// bytte utan krångel", "Bei der Montage fehlte ein Beschlag, der Kundenservice hat ihn
/// nachgeliefert", "Była drobna usterka, serwis naprawił ją w dwa dni". The fault is told first
/// and in strong words; the verdict is the remedy after it.
///
/// - **A remedy** after a fault (a complaint or a negator before it, in its sentence or an
///   earlier one, or the fault it names after it; without one it is a fact: "De schoenen zijn
///   geruild voor een kleinere maat"; a new one sent needs none)
///   ("replaced", "refunded", "repaired", "åtgärdade", "omgeruild",
///   "rechtgezet", "erstattet", "nachgeliefert", "wymienił", "naprawił", or a new one near a
///   word for sending: "skickade ett nytt", "ein neues Gerät geschickt") is praise; negated it
///   is a complaint ("never refunded", "kein Ersatz", "ingen ersättning"); "without" two words
///   before it does not negate it ("ohne Diskussion Ersatz geliefert").
/// - **It turns the sentence**: what comes before an unnegated remedy counts as before a
///   contrast word (half), what comes after it more, and a sentence with one discounts the
///   sentence before it, as one that opens with "but" does. The fault the remedy names right
///   after it ("fixed the bug", "rättade felet", "behob den Fehler") is no complaint.
/// - **A remedy that failed**: with "same" in its clause ("The replacement had the same
///   crackle", "Het vervangende exemplaar had dezelfde drukfout"; not "the same day") it is a
///   complaint; after
///   "instead" ("a voucher instead of a refund", "Statt einer Erstattung") it was not given.
extension SentimentRules {
    /// What a word does in a problem and what was done about it.
    enum Remedy: Sendable, Equatable {
        case none
        /// "replaced", "refunded", "bytte", "erstattet", "naprawił": a remedy.
        case remedy
        /// "same", "samma", "dezelfde", "denselben", "ten sam": a remedy with it failed.
        case same
        /// "sent", "skickade", "stuurde", "geschickt", "wysłali": with a word for a new one near
        /// it, a remedy ("sent a new one").
        case sent
        /// "new", "another", "nytt", "nieuw", "neues", "nowy", "opnieuw": a new one, after a
        /// word for sending.
        case fresh
        /// A new one sent: a remedy, though what follows it is no fault it put right ("brought
        /// another cold plate").
        case replacement
    }

    /// The valence of a remedy: praise as plain as "good" (1.9) is.
    static let remedyValence = 1.9

    /// The words of `language`'s problems and what was done about them.
    static func remedies(_ language: Language) -> [String: Remedy] {
        var out = [String: Remedy]()
        // (Verbs: a noun such as "refund" or "Erstattung" is as often what the customer is still
        // waiting for; a noun for a replacement is a remedy near a word for sending.)
        switch language {
        case .en:
            out.assign(
                [
                    "replaced", "swapped", "exchanged", "refunded", "reimbursed", "repaired", "credited", "compensated",
                    "rectified",
                ], .remedy)
            out.assign(["same", "identical"], .same)
            out.assign(["sent", "brought", "shipped", "posted"], .sent)
            out.assign(["new", "another", "fresh", "replacement"], .fresh)
        case .sv:
            // (Not "bytte": "bytte ägare", "bytte tillbaka".)
            out.assign(
                [
                    "ersatte", "ersattes", "återbetalade", "återbetalat", "lagade", "lagat", "lagades", "åtgärdade",
                    "åtgärdat", "åtgärdades", "rättade", "rättat", "krediterade", "kompenserade", "bjöd",
                    // (A claim paid out: "ersättningen utbetald".)
                    "utbetald", "utbetalt", "utbetalades",
                ], .remedy)
            out.assign(["samma", "likadana"], .same)
            out.assign(["skickade", "skickat", "skickades"], .sent)
            out.assign(["ny", "nytt", "nya", "annan", "ersättning"], .fresh)
        case .nl:
            out.assign(
                [
                    "vervangen", "omgeruild", "geruild", "ruilde", "ruilden", "terugbetaald", "gerepareerd",
                    "rechtgezet",
                    "hersteld", "herstelde", "gecompenseerd", "vergoed", "nagestuurd", "uitgekeerd", "uitbetaald",
                ], .remedy)
            out.assign(["dezelfde", "hetzelfde", "zelfde"], .same)
            out.assign(["stuurde", "stuurden", "gestuurd", "verstuurd", "verstuurde"], .sent)
            out.assign(["nieuw", "nieuwe", "opnieuw", "ander", "vervangend", "vervangende"], .fresh)
        case .de:
            out.assign(
                [
                    "ersetzt", "ausgetauscht", "umgetauscht", "erstattet", "zurückerstattet", "repariert", "behoben",
                    "nachgeschickt", "nachgeliefert", "gutgeschrieben", "ausgezahlt", "ausbezahlt",
                ], .remedy)
            out.assign(
                [
                    "derselbe", "dieselbe", "dasselbe", "denselben", "demselben", "selben", "gleiche", "gleichen",
                    "gleicher",
                ], .same
            )
            out.assign(["geschickt", "schickte", "schickten", "geliefert", "zugeschickt"], .sent)
            out.assign(
                ["neues", "neue", "neuen", "neuer", "neu", "erneut", "ersatz", "ersatzgerät", "austauschgerät"], .fresh)
        case .pl:
            out.assign(
                [
                    // (Not "zwrócił": "zwrócił uwagę", he noticed.)
                    "wymienił", "wymieniła", "wymienili", "wymieniono", "naprawił", "naprawiła", "naprawili",
                    // (Not "przysłali": "przysłali zły rozmiar", they sent the wrong size.)
                    "naprawiono", "dosłali", "dosłał", "wypłacone", "wypłacono", "wypłacili",
                ], .remedy)
            out.assign(["sam", "sama", "samo", "samą", "samego", "samym"], .same)
            out.assign(["wysłał", "wysłała", "wysłali", "wysłano", "przysłał", "przysłali"], .sent)
            out.assign(["nowy", "nową", "nowe", "nowego", "drugą", "drugi", "ponownie"], .fresh)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads the sentence's remedies (`SentimentRules+Remedies`): runs after the figures and
    /// before negation. A remedy with "same" in its clause, or right after "instead", is a
    /// complaint; any other after a fault (`complaintBefore`: an earlier sentence had a
    /// complaint) is praise, and the complaint it names right after it is none.
    func markRemedies(_ info: UnsafeMutablePointer<Info>, _ n: Int, complaintBefore: Bool) {
        // A new one near a word for sending, in its clause, is a remedy ("skickade ett nytt",
        // "hat sofort ein neues Gerät geschickt": German puts the verb last).
        for k in 0..<n where info[k].remedy == .fresh {
            let bounds = clause(of: k, info, n)
            for j in max(bounds.lowerBound, k - 3)..<min(bounds.upperBound, k + 5) where info[j].remedy == .sent {
                info[k].remedy = .replacement
                // (German "geschickt" is also "skilful", +3.0: here it is "sent".)
                if !info[j].fixed { info[j].valence = 0 }
                break
            }
        }
        for k in 0..<n where (info[k].remedy == .remedy || info[k].remedy == .replacement) && !info[k].fixed {
            // "ohne Diskussion Ersatz geliefert": "without" negates the word right after it only.
            var without = false, negator = false
            for j in max(0, k - 3)..<k where info[j].negator {
                if info[j].without && j < k - 1 { without = true } else { negator = true }
            }
            if without && !negator { info[k].ownNegation = true }
            var failed = false
            // ("the same day" is a time, not the same fault.)
            for j in clause(of: k, info, n)
            where info[j].remedy == .same && !(j + 1 < n && info[j + 1].measure.length > 0) {
                failed = true
            }
            for j in max(0, k - 3)..<k where info[j].figure == .instead { failed = true }
            if failed {
                info[k].valence = -SentimentRules.remedyValence
                info[k].fixed = true
                continue
            }
            // A remedy with no fault before it, in its sentence or an earlier one, is a fact
            // ("De schoenen zijn geruild voor een kleinere maat").
            // (A fault: a complaint or a negator before it, or the fault it names right after
            // it, "rättade felet".)
            // (A new one sent says itself that something was wrong.)
            var fault = complaintBefore || info[k].remedy == .replacement
            for j in 0..<k where info[j].valence < 0 || (info[j].negator && !info[j].without) { fault = true }
            for j in (k + 1)..<min(n, k + 4) where info[j].valence < 0 && !info[j].clauseStart { fault = true }
            guard fault else {
                info[k].remedy = .none
                continue
            }
            info[k].valence = max(info[k].valence, SentimentRules.remedyValence)
            // ("fixed the bug", "rättade felet": the fault named is the one put right.)
            for j in (k + 1)..<min(n, k + 4) where info[k].remedy == .remedy {
                if info[j].clauseStart || info[j].contrast { break }
                if info[j].valence < 0 && !info[j].fixed { info[j].valence = 0 }
            }
        }
    }

    /// The first remedy read as praise after negation (its entry), or -1: what comes before it
    /// counts as before a contrast word.
    func firstRemedy(_ info: UnsafeMutablePointer<Info>, _ n: Int) -> Int {
        for k in 0..<n
        where (info[k].remedy == .remedy || info[k].remedy == .replacement) && info[k].valence > 0 && !info[k].negated {
            return k
        }
        return -1
    }
}
