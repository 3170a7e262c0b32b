/// A verdict told by how it matched what the seller showed or said (issue 19, forty-second
/// round). "The rug looks exactly like the picture", "Allt i specifikationen stämde", "De bank
/// lijkt in niets op de catalogusfoto", "Die Jacke ist auf der Produktseite rot, meine ist eher
/// orange", "Basen na stronie jest dwa razy większy niż ten, który zastaliśmy". No word in them
/// says good or bad: the verdict is whether the thing is what its photo, listing, box or
/// description showed. A word for what was shown ("photo", "listing", "website", "box", "menu",
/// "bilden", "annonsen", "hemsidan", "etalage", "Datenblatt", "Anzeige", "zdjęciu", "ogłoszeniu";
/// compounds by their ending: "katalogbilden", "productpagina", "Produktfotos") is read with:
///
/// - **The same** as praise: like or as before it ("exactly like the picture", "som på bilden",
///   "als op de foto", "wie auf der Webseite", "jak na zdjęciu"), the same ("samma", "dezelfde",
///   "denselben", "ten sam"), everything it says ("everything the box says", "allt som står på
///   kartongen", "alles, was auf der Schachtel steht"), or a word for matching ("matched",
///   "stämde", "klopte", "entsprach", "zgadzało się"). Negated ("looks nothing like", "liknar
///   inte", "nie przypomina"), a complaint.
/// - **Another** as a complaint: different ("anders", "annorlunda"), so many times or half the
///   size after it ("The pool on the website is twice the size", "dubbelt så stor", "twee keer zo
///   groot", "dwa razy większy"), or a
///   later part of the sentence about the customer's own ("mine is closer to orange", "vår vette
///   mot en vägg", "unserer ging auf eine Wand"), another number ("two USB ports, there is one")
///   or a negation ("which they don't have", "die er nicht hat").
///
/// The reading decides the sentence only where no word of it leans the other way (a word of what
/// was promised, "a balcony with a view", is the promise's, not a verdict).
extension SentimentRules {
    /// What a word does in a verdict told by how it matched what the seller showed or said.
    enum Listing: Sendable, Equatable {
        case none
        /// "photo", "picture", "listing", "website", "box", "menu", "window", "bilden", "annonsen",
        /// "foto", "advertentie", "Anzeige", "Schachtel", "zdjęciu", "ogłoszeniu": what was shown.
        case shown
        /// "like", "as", "som", "lika", "als", "wie", "jak", "lijkt", "liknar", "przypomina": like
        /// what was shown, before it.
        case like
        /// "matched", "stämde", "motsvarade", "klopte", "overeen", "stimmt", "entsprach",
        /// "zgadzało": matching, on either side of it.
        case match
        /// "everything", "allt", "alles", "wszystko": all it says, before it.
        case all
        /// "different", "annorlunda", "anders", "inaczej": unlike it.
        case unlike
        /// "twice", "half", "dubbelt", "keer", "doppelt", "razy": so many times what was shown.
        case times
        /// "mine", "ours", "my", "min", "vår", "mijne", "onze", "meine", "unserer", "moja", "nasz":
        /// the customer's own, at the start of a later part.
        case mine
        /// English "I", "we", "you", "they": before "like", a verb ("I like your website").
        case subject
        /// "which", "vilket", "die", "der", "której", Polish "a": a later part that opens with it
        /// (or with a contrast word) may complain by a negation ("which they don't have").
        case which
    }

    /// The words of `language`'s verdicts told by how it matched what the seller showed or said.
    static func listings(_ language: Language) -> [String: Listing] {
        var out = [String: Listing]()
        switch language {
        case .en:
            out.assign(
                [
                    "photo", "photos", "listing", "advert", "website", "site", "box", "menu", "window", "description",
                    "catalogue", "catalog", "packaging", "page", "sheet", "blurb",
                ], .shown)
            out.assign(["like", "as", "same"], .like)
            out.assign(["matched", "matches"], .match)
            out.assign(["everything", "all"], .all)
            out.assign(["different", "unlike"], .unlike)
            out.assign(["twice", "half", "double"], .times)
            out.assign(["mine", "ours", "my", "our"], .mine)
            out.assign(["i", "we", "you", "they"], .subject)
            out.assign(["which"], .which)
        case .sv:
            out.assign(
                [
                    "bild", "bilden", "bilderna", "foto", "fotot", "annonsen", "hemsidan", "kartongen", "förpackningen",
                    "beskrivningen", "specifikationen", "fönstret", "fönster", "menyn", "katalogen", "videon",
                ], .shown)
            out.assign(["som", "lika", "samma", "liknar", "liknade"], .like)
            out.assign(["stämde", "stämmer", "motsvarade", "motsvarar"], .match)
            out.assign(["allt"], .all)
            out.assign(["annorlunda"], .unlike)
            out.assign(["dubbelt", "hälften", "halva"], .times)
            out.assign(["min", "mitt", "mina", "vår", "vårt", "våra"], .mine)
            out.assign(["vilket", "vilka"], .which)
        case .nl:
            out.assign(
                [
                    "foto", "foto's", "afbeelding", "advertentie", "website", "site", "doos", "verpakking",
                    "beschrijving", "etalage", "menu", "catalogus", "flaptekst", "video",
                ], .shown)
            out.assign(["als", "dezelfde", "hetzelfde", "lijkt", "leek"], .like)
            out.assign(["klopte", "klopt", "overeen"], .match)
            out.assign(["alles"], .all)
            out.assign(["anders"], .unlike)
            out.assign(["keer", "helft", "dubbel"], .times)
            out.assign(["mijne", "onze", "mijn", "ons"], .mine)
            out.assign(["die", "wat"], .which)
        case .de:
            out.assign(
                [
                    "foto", "fotos", "bild", "bildern", "anzeige", "webseite", "website", "schachtel", "verpackung",
                    "beschreibung", "schaufenster", "katalog", "video", "angabe", "produktbild",
                ], .shown)
            out.assign(["wie", "denselben", "dieselbe", "dasselbe", "derselbe", "genauso", "ähnelt"], .like)
            out.assign(["stimmt", "gestimmt", "stimmte", "entsprach", "entspricht", "überein"], .match)
            out.assign(["alles"], .all)
            out.assign(["anders"], .unlike)
            out.assign(["doppelt", "hälfte", "halb"], .times)
            out.assign(["meine", "meiner", "meinem", "meinen", "unserer", "unsere", "unserem", "unseren"], .mine)
            out.assign(["die", "der", "den", "das", "was"], .which)
        case .pl:
            out.assign(
                [
                    "zdjęciu", "zdjęcia", "zdjęć", "zdjęciach", "zdjęcie", "ogłoszeniu", "ogłoszenie", "ogłoszeniem",
                    "stronie", "pudełku", "opisie", "opis", "wystawie", "ofercie", "katalogu", "specyfikacji",
                    "specyfikacja", "filmie",
                ], .shown)
            out.assign(["jak", "sam", "sama", "samo", "przypomina", "przypominał", "przypominała"], .like)
            out.assign(["zgadzało", "zgadza", "zgadzał", "zgadzała"], .match)
            out.assign(["wszystko"], .all)
            out.assign(["inaczej", "inny", "inna", "inne"], .unlike)
            out.assign(["razy", "połowę", "dwukrotnie"], .times)
            out.assign(["moja", "mój", "moje", "moim", "nasz", "nasza", "nasze", "naszym"], .mine)
            out.assign(["której", "którego", "które", "który", "a"], .which)
        }
        return out
    }

    /// Endings of compounds that name what was shown ("katalogbilden", "produktsidan",
    /// "catalogusfoto", "productpagina", "specificatieblad", "Produktfotos", "Datenblatt"), three
    /// bytes or more before them.
    static let shownEndings: [[UInt8]] = [
        "bilden", "bilder", "sidan", "foto", "fotos", "pagina", "blad", "seite", "blatt", "bild",
    ].map { Array($0.utf8) }
}

extension SentimentScorer {
    /// Whether `word` is a compound ending in a word for what was shown
    /// (`SentimentRules.shownEndings`).
    static func isShownCompound(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count >= 7 && compound(word, endsWithOneOf: SentimentRules.shownEndings)
    }

    /// Reads a verdict told by how it matched what the seller showed or said
    /// (`SentimentRules+Listings`): runs after the advice and before negation. Not in a question.
    func markListings(_ info: UnsafeMutablePointer<Info>, _ n: Int, question: Bool, negatesBackward: Bool) {
        guard !question, let shown = (0..<n).first(where: { info[$0].listing == .shown && !info[$0].fixed })
        else { return }
        func role(_ j: Int) -> SentimentRules.Listing { j >= 0 && j < n ? info[j].listing : .none }
        // The words around it, not across a contrast word.
        var low = shown, high = shown + 1
        while low > max(0, shown - 6) && !info[low - 1].contrast { low -= 1 }
        while high < min(n, shown + 5) && !info[high].contrast { high += 1 }
        let near = low..<high
        var praise: Bool
        var decider = shown
        // What the complaint readings leave to the promise: the leans of its own clause ("a
        // balcony with a view", "twee keer zo groot").
        var promise = shown..<shown
        // The negators the reading reads (taken only once it is sure).
        var taken = [Int]()
        if near.contains(where: { role($0) == .unlike }) {
            praise = false
        } else if ((shown + 1)..<n).contains(where: { role($0) == .times }) {
            // What was shown, so many times what came ("The pool on the website is twice the size").
            praise = false
            promise = clause(of: shown, info, n)
        } else if let i = near.last(where: { j in
            (role(j) == .like && role(j - 1) != .subject || role(j) == .all) && j < shown || role(j) == .match
        }) {
            decider = i
            praise = true
            if let g = perceptionNegator(of: i, info, n, negatesBackward: negatesBackward) {
                praise = false
                taken.append(g)
            }
        } else {
            // A later part of the sentence about the customer's own, another number or a negation.
            let first = clause(of: shown, info, n)
            guard first.upperBound < n else { return }
            let later = first.upperBound..<n
            let shownAmount = first.first { info[$0].amount >= 0 }.map { info[$0].amount }
            let laterAmount = later.first { info[$0].amount >= 0 }.map { info[$0].amount }
            // (Another number in a short answer: "two USB ports, there is one"; not a poll's figures.)
            let differs =
                shownAmount != nil && laterAmount != nil && shownAmount != laterAmount
                && clause(of: later.lowerBound, info, n).count <= 5
            // (The customer's own within its first three words, "mine is closer to orange", "den i
            // min hall"; a negation where it opens with "which" or a contrast word.)
            let opens = info[later.lowerBound].contrast || role(later.lowerBound) == .which
            let mine = later.prefix(3).contains { role($0) == .mine }
            guard differs || mine || opens && later.contains(where: { info[$0].negator && !info[$0].without })
            else { return }
            praise = false
            promise = first
            taken += later.filter { info[$0].negator }
        }
        // Only where no word leans the other way.
        let opposed = (0..<n).contains { j in
            !info[j].fixed && !info[j].negator && !promise.contains(j)
                && (praise ? info[j].valence < 0 : info[j].valence > 0)
        }
        guard !opposed else { return }
        for g in taken { takeNegator(g, info) }
        settle(decider, praise: praise, over: 0..<n, info)
    }
}
