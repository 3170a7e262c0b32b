/// Two readings of praise that customers tell in the words of complaints (issue 19, twelfth
/// round):
///
/// - **A problem negated is praise**, not faint praise: "no problems", "nothing sticks", "never
///   lags", "rutscht nicht", "verveelt geen seconde", "inga repor", "nie zawiódł". A negated
///   complaint word otherwise reads as faint praise at most ("not bad" is not "good"), and a
///   negator with nothing to negate as a mild complaint; for the faults a product can have, the
///   customer who says it has none is pleased. The words below are faults (what a product does
///   wrong, or a fault's name), each a complaint when said plainly ("it lags", "rutscht ständig").
/// - **A concession counts less**: the clause a concessive word opens ("although", "obwohl",
///   "hoewel", "trots", "chociaż") concedes a point and the rest of the sentence carries the
///   verdict ("Although it was pricey, the quality is superb"; "Great phone, though heavy").
///   These were contrast words before, which weighed the clause after them more, the opposite.
extension SentimentRules {
    /// The factor on a negated problem's valence: praise nearly as strong as the fault.
    static let negatedProblem = -0.9
    /// The weight of a concessive clause's words.
    static let concession = 0.5

    /// Words that open a concessive clause.
    static func concessive(_ language: Language) -> [String] {
        switch language {
        case .en: ["although", "though", "despite"]
        case .de: ["obwohl", "obgleich", "wenngleich", "trotz"]
        case .nl: ["hoewel", "ofschoon", "ondanks"]
        case .sv: ["trots"]
        case .pl: ["chociaż", "choć", "mimo", "pomimo"]
        }
    }

    /// Faults, with the valence each takes where neither the lexicon nor the vocabulary gives
    /// one; negated, each is praise.
    static func problems(_ language: Language) -> [String: Double] {
        let words: [String]
        switch language {
        case .en:
            words = [
                "problem", "problems", "issue", "issues", "glitch", "glitches", "bug", "bugs", "flaw", "flaws",
                "defect", "defects", "fault", "faults", "hassle", "fuss", "scratch", "scratches", "scratched",
                "lag", "lags", "lagging", "crash", "crashes", "crashed", "overheat", "overheats", "overheating",
                "leak", "leaks", "leaking", "rattle", "rattles", "squeak", "squeaks", "wobble", "wobbles", "slip",
                "slips", "slipping", "pinch", "pinches", "fade", "fades", "faded", "shrink", "shrinks", "shrank",
                "shrunk", "pilling", "fray", "frays", "frayed", "peel", "peels", "peeling", "sticks", "itch",
                "itches", "itchy", "chafe", "chafes", "flicker", "flickers", "disappoint", "disappoints", "fails",
                "boring", "bored", "freezes", "froze", "breaks", "disappointed", "dropped", "drops", "creaks",
                "restarts", "reboots", "crack", "cracks", "cracked", "complaint", "complaints",
            ]
        case .de:
            words = [
                "problem", "probleme", "problemen", "fehler", "mängel", "mangel", "macken", "kratzer", "kratzt",
                "ruckelt", "ruckeln", "rauschen", "rauscht", "rutscht", "verrutscht", "klebt", "fusselt", "färbt",
                "wackelt", "klappert", "quietscht", "knarzt", "hakt", "leckt", "tropft", "flackert", "scheuert",
                "zwickt", "überhitzt", "ausfälle", "ausfall", "abstürze", "langweilig", "enttäuscht", "beanstandungen",
                "stinkt", "brummt", "einläuft", "loch", "löcher", "warteschleife",
            ]
        case .nl:
            words = [
                "probleem", "problemen", "gebreken", "storing", "storingen", "krassen", "kras", "lekt", "kraakt",
                "piept", "wiebelt", "hapert", "haperen", "verveelt", "verveeld", "saai", "saaie", "wegleggen",
                "glijdt", "jeukt", "schuurt", "krimpt", "pluist", "verkleurt", "teleurgesteld", "teleurstellen",
                "wachtmuziek",
            ]
        case .sv:
            words = [
                "problem", "problemen", "fel", "klaga", "krångel", "krånglar", "strul", "strular", "repor", "repa",
                "repig",
                "glappar", "läcker", "kärvar", "laggar", "tråkig", "tråkigt", "besviken", "besvikna", "kliar",
                "skaver", "nopprar", "luddar", "krymper", "missfärgas", "knarrar", "gnisslar", "missat", "missade",
                "hål", "väntmusik",
            ]
        case .pl:
            words = [
                "problem", "problemu", "problemów", "problemy", "rysy", "rysa", "rysek", "zarysowania", "przykleja",
                "ślizga", "uwiera", "przegrzewa", "zacina", "laguje", "cieknie", "skrzypi", "trzeszczy",
                "mechaci", "kurczy", "farbuje", "zawiódł", "zawiodła", "zawiodło", "zawodzi", "nudna", "nudny",
                "nudne", "usterki", "usterek", "awarii", "awarie", "wad", "wady", "uciska", "obciera",
            ]
        }
        var out = Dictionary(words.map { ($0, -1.2) }, uniquingKeysWith: { a, _ in a })
        for word in obligations(language) where out[word] == nil { out[word] = -0.8 }
        return out
    }

    /// What the customer had to do (thirteenth round): "musste zweimal nachfragen", "moest drie
    /// keer bellen", "var tvungen att ringa", "musiałam dzwonić" — a mild complaint, and
    /// negated praise ("Ich musste nichts einstellen", "Nie musiałam nic robić"). Past tense
    /// only: "you have to try it" recommends. English "had to" is a phrase of the vocabulary
    /// ("had" alone is "had a great time").
    static func obligations(_ language: Language) -> [String] {
        switch language {
        case .en: []
        case .de: ["musste", "mussten", "musstest"]
        // (Dutch "hoefde" is said negated: "hoefde nergens achteraan te bellen".)
        case .nl: ["moest", "moesten", "hoefde", "hoefden"]
        case .sv: ["behövde", "tvungen", "tvungna"]
        case .pl: ["musiałam", "musiałem", "musieliśmy", "musiałyśmy", "musiał", "musiała", "musieli", "musiały"]
        }
    }
}
