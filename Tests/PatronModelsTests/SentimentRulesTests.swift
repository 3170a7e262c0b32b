import Foundation
import Testing

@testable import PatronModels

/// The lexicon layer's rules (issue 19), one test per rule, in each language it concerns. These
/// test `lexiconScore`, the rules alone; `SentimentModelTests` tests the learned layer on top.
@Suite struct SentimentRulesTests {
    static let scorer = try! SentimentScorer()

    func lexicon(_ text: String, _ language: Language) -> Double {
        TextScanner.withUTF8(text) { Self.scorer.lexiconScore(utf8: $0, language: language) }
    }

    /// Expects the lexicon layer to read `text` as praise (above 0.05) or a complaint (below −0.05).
    func expectVerdict(
        _ text: String, _ language: Language, positive: Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let score = lexicon(text, language)
        #expect(positive ? score > 0.05 : score < -0.05, "\(text): \(score)", sourceLocation: sourceLocation)
    }

    /// Advice not to buy is a complaint, not a negated complaint ("nicht kaufen" read as
    /// "not −2.1" was praise).
    @Test(arguments: [
        ("Nicht kaufen.", Language.de), ("Niet kopen.", .nl), ("Köp inte!", .sv), ("Don't buy.", .en),
        ("Nie kupujcie.", .pl), ("Finger weg!", .de), ("Zonde van het geld.", .nl), ("Stay away.", .en),
    ])
    func adviceNotToBuyIsNegative(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// A negator before a phrase of the vocabulary negates it ("won't buy again").
    @Test(arguments: [
        ("Won't buy again.", Language.en), ("I will not order again.", .en), ("Nie kupię ponownie.", .pl),
    ])
    func negatedPhrasesAreNegated(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// A negated negative word is faint praise, not a rave: below a plain positive.
    @Test(arguments: [
        ("Not bad.", "Good.", Language.en), ("Nicht schlecht.", "Gut.", .de), ("Niet slecht.", "Goed.", .nl),
        ("Inte dåligt.", "Bra.", .sv),
    ])
    func negatedNegativesAreFaintPraise(_ negated: String, _ plain: String, _ language: Language) {
        let s = lexicon(negated, language)
        #expect(s > 0 && s < lexicon(plain, language) / 2, "\(negated): \(s)")
    }

    /// A sentence that opens with a contrast word outweighs the one before it.
    @Test(arguments: [
        ("Looks great. But it broke after a week.", Language.en),
        ("Sieht toll aus. Aber nach einer Woche kaputt.", .de),
        ("Mooi ontwerp. Maar na een week kapot.", .nl),
        ("Snygg och bra. Men den gick sönder efter en vecka.", .sv),
        ("Ładny i dobry. Ale po tygodniu się zepsuł.", .pl),
        ("Nice colour. Unfortunately it broke.", .en),
    ])
    func sentenceInitialContrastDiscountsWhatCameBefore(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// The closing sentence weighs more than the first: the same two sentences in either order
    /// lean towards the last.
    @Test(arguments: [
        ("Great.", "Terrible.", Language.en), ("Toll.", "Schrecklich.", .de), ("Bra.", "Dåligt.", .sv),
    ])
    func theClosingSentenceWeighsMore(_ a: String, _ b: String, _ language: Language) {
        #expect(lexicon(a + " " + b, language) < 0)
        #expect(lexicon(b + " " + a, language) > 0)
    }

    /// Backward negation (verb-second languages) stops at "und" / "en" / "och": the negator
    /// after it does not flip the complaint before it.
    @Test(arguments: [
        ("Die Schuhe sind undicht und nicht wasserdicht.", Language.de),
        ("De jas is lelijk en niet waterdicht.", .nl),
        ("Jackan är ful och inte vattentät.", .sv),
    ])
    func backwardNegationStopsAtAJoiner(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// Function words and everyday verbs carry no valence whatever a dictionary says:
    /// prepositions, intensifiers alone, "buy", "stay", "big", "price", "won".
    @Test(arguments: [
        ("Ik ging naar huis.", Language.nl), ("Ich will es kaufen und behalten.", .de), ("Wir bleiben.", .de),
        ("Das ist wirklich.", .de), ("Stor låda, bra pris", .sv), ("Vi har haft den länge.", .sv),
        ("We won.", .en), ("Het is heel.", .nl),
    ])
    func functionWordsCarryNoValence(_ text: String, _ language: Language) {
        let s = lexicon(text, language)
        // "bra" is praise: only the rest must add nothing.
        let expected = text.contains("bra") ? lexicon("bra", .sv) : 0
        #expect(abs(s - expected) < 1e-9, "\(text): \(s)")
    }

    /// Corrected entries: praise that a dictionary read as a complaint, and the reverse.
    @Test(arguments: [
        ("Hält dicht.", Language.de, true), ("Grymt bra!", .sv, true), ("Waanzinnig goed!", .nl, true),
        ("Das Essen war kalt.", .de, false), ("För dyrt.", .sv, false),
    ])
    func correctedEntries(_ text: String, _ language: Language, _ positive: Bool) {
        let s = lexicon(text, language)
        #expect(positive ? s > 0.05 : s < -0.05, "\(text): \(s)")
    }

    /// Complaint vocabulary: everyday words and idioms of unhappy customers.
    @Test(arguments: [
        ("Total junk.", Language.en), ("Waste of money.", .en), ("It fell apart.", .en), ("Avoid.", .en),
        ("Totaler Schrott.", .de), ("Reine Abzocke.", .de), ("Wat een troep.", .nl), ("Viel tegen.", .nl),
        ("Rent skräp.", .sv), ("Bortkastade pengar.", .sv), ("Strata pieniędzy.", .pl), ("Bubel.", .pl),
    ])
    func complaintVocabularyIsNegative(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// What broke and how: customers name the failure, not a feeling ("The printer jams").
    @Test(arguments: [
        ("The lid cracked.", Language.en), ("The paint is peeling.", .en), ("Der Drucker klemmt.", .de),
        ("Die Farbe ist abgeblättert.", .de), ("De printer klemt.", .nl), ("De kom is gebarsten.", .nl),
        ("Locket sprack.", .sv), ("Skrivaren fastnar hela tiden.", .sv), ("Drukarka się zacina.", .pl),
        ("Moje zamówienie nie dotarło.", .pl),
    ])
    func failuresAreNegative(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// "do przyjęcia" is "acceptable": negated, it is a complaint ("nie do przyjęcia").
    @Test func polishAcceptableAndItsNegation() {
        #expect(lexicon("To jest do przyjęcia.", .pl) > 0.05)
        #expect(lexicon("To jest nie do przyjęcia.", .pl) < -0.05)
    }

    /// Swedish adjectives the lexicon lists in one form are read in their neuter and plural
    /// forms too ("smutsig" → "smutsigt", "bristfällig" → "bristfälliga"), by ending only.
    @Test func swedishAdjectivesAreReadInEveryForm() {
        #expect(SentimentRules.swedishAdjective("besviken") == ["besviket", "besvikna"])
        #expect(SentimentRules.swedishAdjective("försenad") == ["försenat", "försenade"])
        #expect(SentimentRules.swedishAdjective("långsam") == ["långsamt", "långsamma"])
        #expect(SentimentRules.swedishAdjective("smutsig") == ["smutsigt", "smutsiga"])
        // Short words and nouns are left alone: "lik" (corpse) must not make "lika" (alike).
        #expect(SentimentRules.swedishAdjective("lik").isEmpty)
        #expect(SentimentRules.swedishAdjective("hopp").isEmpty)
        #expect(SentimentRules.swedishAdjective("facken").isEmpty)
        #expect(lexicon("Rummet var smutsigt.", .sv) < -0.05)
        #expect(lexicon("Bristfälliga rutiner.", .sv) < -0.05)
        #expect(lexicon("Generösa portioner.", .sv) > 0.05)
        #expect(abs(lexicon("De är lika.", .sv)) < 1e-9)
    }

    /// Swedish entries of procedure, law and time (translated from English with a valence)
    /// carry none in customer text; "låg" and "tyst" praise a price or a machine as often.
    @Test(arguments: ["Vi har ett avtal.", "Se respektive sida.", "Det var förr.", "Tyst maskin.", "Lågt pris."])
    func swedishProcedureWordsCarryNoValence(_ text: String) {
        #expect(abs(lexicon(text, .sv)) < 1e-9, "\(text): \(lexicon(text, .sv))")
    }

    /// Backward negation stays in its clause: a comma ends it ("Hemsk upplevelse, kommer aldrig
    /// tillbaka" negated "hemsk" and read as praise).
    @Test(arguments: [
        ("Hemsk upplevelse, kommer aldrig tillbaka.", Language.sv), ("Schrecklicher Service, ich bestelle nicht.", .de),
        ("Slechte service, ik bestel niet.", .nl), ("Dålig mat; vi åt den inte.", .sv),
    ])
    func backwardNegationStopsAtAComma(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// Swedish "rent" is praise of a room and an intensifier before a word ("rent skräp").
    @Test func swedishRentIsPraiseAloneAndAnIntensifierBeforeAWord() {
        #expect(lexicon("Rummet var rent.", .sv) > 0.05)
        #expect(lexicon("Rent skräp.", .sv) < lexicon("Skräp.", .sv))
    }

    /// Forward negation stays in its clause too: "Nothing wrong, excellent service" is praise.
    @Test(arguments: [
        ("Nothing wrong, excellent service.", Language.en), ("Nichts kaputt, super Service.", .de),
        ("Niets kapot, geweldige service.", .nl), ("Inget fel, utmärkt service.", .sv),
        ("Nic nie zginęło, świetna obsługa.", .pl),
    ])
    func negationDoesNotReachAcrossAComma(_ text: String, _ language: Language) {
        #expect(lexicon(text, language) > 0.05, "\(text): \(lexicon(text, language))")
    }

    /// A separable verb's particle ends its clause: the verb and the particle are read as one
    /// word wherever the verb stands ("Die App stürzt ständig ab" is a crash, not a fall), and
    /// negated as one ("Het boek stelt niet teleur").
    @Test(arguments: [
        ("Seit dem Update stürzt die App ständig ab.", Language.de, false),
        ("Nach zwei Wochen fiel das Display aus.", .de, false),
        ("Het einde van het boek stelt erg teleur.", .nl, false),
        ("Het boek viel me behoorlijk tegen.", .nl, false),
        ("Ik raad dit boek iedereen aan.", .nl, true),
        ("Het boek stelt niet teleur.", .nl, true),
        ("I won't be buying anything from this shop again.", .en, false),
        ("I would buy it again.", .en, true),
    ])
    func splitPhrasesAreReadAsOneWord(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// The particle must end the clause: a word that only looks like it does not complete the
    /// phrase ("ab" in the middle of a clause, or after a comma).
    @Test func aParticleInsideTheClauseCompletesNoPhrase() {
        #expect(lexicon("Er stürzt ab heute nicht mehr.", .de) == lexicon("Er stürzt heute nicht mehr.", .de))
        #expect(lexicon("Het boek stelt, zoals verwacht, teleur.", .nl) > -0.05)
    }

    /// An intensifying prefix written onto a word reads as the word, boosted ("stinksauer",
    /// "doodsaai", "skitbra", "superszybki"); a word that only begins like one is left alone.
    @Test(arguments: [
        ("Ich bin stinksauer.", "Ich bin sauer.", Language.de), ("Het boek is doodsaai.", "Het boek is saai.", .nl),
        ("Maten var skitbra.", "Maten var bra.", .sv), ("Obsługa superszybka.", "Obsługa szybka.", .pl),
        ("The delivery was superfast.", "The delivery was fast.", .en),
    ])
    func intensifyingPrefixesBoostTheWord(_ compound: String, _ plain: String, _ language: Language) {
        let a = lexicon(compound, language), b = lexicon(plain, language)
        #expect(b != 0 && abs(a) > abs(b) && (a > 0) == (b > 0), "\(compound): \(a), \(plain): \(b)")
    }

    /// Little of a good thing is a complaint: "weinig", "wenig", "mało" negate like "niet".
    @Test(arguments: [
        ("Weinig diepgang en weinig spanning.", Language.nl), ("Das Buch bietet wenig Spannung.", .de),
        ("Mało ciekawe zajęcia.", .pl),
    ])
    func littleOfAGoodThingIsAComplaint(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// "My only complaint" makes what follows a small matter, and a joke or advice to go
    /// elsewhere is a verdict, in every language.
    @Test(arguments: [
        ("Great phone. My only complaint is the tinny speaker.", Language.en, true),
        ("Tolles Gerät. Einziger Kritikpunkt: das Kabel ist kurz.", .de, true),
        ("The service is a joke.", .en, false), ("Für den Preis ein Witz.", .de, false),
        ("Kundtjänsten är ett skämt.", .sv, false), ("Skip it and eat somewhere else.", .en, false),
        ("Jeden Cent wert.", .de, true), ("Worth every penny.", .en, true),
    ])
    func verdictIdioms(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Polish typed without its diacritics and German without umlauts ("ae", "oe", "ue", "ss")
    /// read as the words they stand for, phrases too ("nie dziala").
    @Test(arguments: [
        ("Bardzo słaby produkt.", "Bardzo slaby produkt.", Language.pl), ("Nie działa.", "Nie dziala.", .pl),
        ("Zepsuł się po tygodniu.", "Zepsul sie po tygodniu.", .pl),
        ("Für den Preis völlig überteuert.", "Fuer den Preis voellig ueberteuert.", .de),
        ("Sehr schön.", "Sehr schoen.", .de),
    ])
    func keyboardSpellingsReadAsTheWord(_ written: String, _ typed: String, _ language: Language) {
        let a = lexicon(written, language), b = lexicon(typed, language)
        #expect(a != 0 && abs(a - b) < 1e-12, "\(written): \(a), \(typed): \(b)")
    }

    /// Dropping German umlauts would make other words ("schön" → "schon", "already"), and
    /// Swedish ones too ("vänligt" → "vanligt", "usual"): those spellings stay unscored.
    @Test(arguments: [
        ("Das ist schon da.", Language.de), ("Det är vanligt.", .sv), ("Han kom om en vecka.", .sv),
    ])
    func droppedDotsMakeNoOtherWordASentimentWord(_ text: String, _ language: Language) {
        #expect(lexicon(text, language) == 0, "\(text): \(lexicon(text, language))")
    }

    /// A compound the lexicon lacks reads as its head, the last part, where the head is one of
    /// the language's compound heads ("Pixelfehler" as "Fehler", "geldverspilling",
    /// "pengaslöseri"); English writes no such compounds.
    @Test(arguments: [
        ("Pixelfehler nach zwei Tagen.", Language.de, false), ("Wasserschaden im Bad.", .de, false),
        ("Pure geldverspilling.", .nl, false), ("Ett rent pengaslöseri.", .sv, false),
        ("Kundenfreundlichkeit.", .de, true),
    ])
    func compoundsReadAsTheirHead(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Complaints told as facts (issue 19, fourth round): a fault, a return, a wait, in each
    /// language.
    @Test(arguments: [
        ("Hat nach einem Monat den Geist aufgegeben.", Language.de), ("Geht direkt zurück.", .de),
        ("Ich warte seit drei Wochen auf die Erstattung.", .de), ("Lång väntetid i telefonkö.", .sv),
        ("Na al die recensies had ik meer verwacht.", .nl), ("Het verhaal zakt helemaal in.", .nl),
        ("Po tygodniu przestało działać.", .pl), ("Kontakt zerowy.", .pl), ("Returned it.", .en),
        ("The screen keeps flickering.", .en),
    ])
    func complaintsToldAsFacts(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// A rating written into a review is its verdict, in every language: a fraction of 5 or 10
    /// ("10/10", "1/5") or stars ("one star", "fünf Sterne", "twee sterren", "en stjärna",
    /// "dwie gwiazdki", typed "gwiazdke" too); a class of hotel is not a rating.
    @Test(arguments: [
        ("Great phone 10/10!", Language.en, true), ("2/10, would not go back.", .en, false),
        ("One star.", .en, false), ("Five stars from me.", .en, true), ("Fünf Sterne!", .de, true),
        ("Nur ein Stern.", .de, false), ("Twee sterren.", .nl, false), ("Vijf sterren!", .nl, true),
        ("En stjärna.", .sv, false), ("Fem stjärnor!", .sv, true), ("Daję dwie gwiazdki.", .pl, false),
        ("Daje jedna gwiazdke.", .pl, false), ("5 gwiazdek, polecam.", .pl, true), ("Ocena 4.5/5.", .pl, true),
    ])
    func ratingsAreVerdicts(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    @Test func aClassOfHotelAndADateAreNoRatings() {
        #expect(lexicon("We stayed in a 5 star hotel.", .en) == 0)
        #expect(lexicon("Delivered on 12/24.", .en) == 0)
        // A day written like a rating, after a word that introduces a day.
        for (text, language) in [
            ("Ordered on 3/10.", Language.en), ("Am 1/5 bestellt.", .de), ("Besteld op 3/10.", .nl),
            ("Beställd den 3/10.", .sv), ("Zamówione od 1/5.", .pl), ("Since 2/5 at home.", .en),
        ] {
            #expect(lexicon(text, language) == 0, "\(text): \(lexicon(text, language))")
        }
        // The same fractions as verdicts.
        #expect(lexicon("I give it 3/10.", .en) < -0.05)
        #expect(lexicon("Ocena: 1/5.", .pl) < -0.05)
        #expect(Array("11/10".utf8).withUnsafeBufferPointer { Rating.fraction($0) } == nil)
    }

    /// Derivations that merely end like a sentiment word are not compounds: "tillräckligt"
    /// (sufficient, praise if anything) is not "äckligt", "Kontrollen" not "troll",
    /// "gemeinsam" not "einsam", "Weihnachten" not "achten".
    @Test(arguments: [
        ("Det är tillräckligt.", Language.sv), ("Kontrollen tog en dag.", .sv), ("Wir machen das gemeinsam.", .de),
        ("Bis Weihnachten.", .de),
    ])
    func derivationsAreNoCompounds(_ text: String, _ language: Language) {
        let score = lexicon(text, language)
        #expect(language == .sv ? score >= 0 : score == 0, "\(text): \(score)")
    }

    /// German written with "ß" reads as the lexicon's "ss" entries ("großartig", "Spaß",
    /// "süß"); size and heat alone are no verdicts ("sind groß", "wird heiß").
    @Test(arguments: ["Der Rucksack ist großartig.", "Das macht richtig Spaß.", "Der Welpe ist so süß."])
    func sharpSReadsAsTheLexiconsDoubleS(_ text: String) {
        expectVerdict(text, .de, positive: true)
    }

    @Test(arguments: ["Die Schuhe sind groß.", "Ein grosser Rucksack.", "Das Gerät wird heiß."])
    func sizeAndHeatAreNoVerdicts(_ text: String) {
        #expect(lexicon(text, .de) == 0, "\(text): \(lexicon(text, .de))")
    }

    /// Polish negative concord: "nigdy nie dotarło" (never arrived) is one negation, not two;
    /// how long shipping took is a fact, a long wait a complaint, lasting goods praise.
    @Test func polishNegativeConcordAndDurations() {
        #expect(lexicon("Moje zamówienie nigdy nie dotarło.", .pl) < -0.05)
        #expect(lexicon("Paczka nie dotarła.", .pl) < -0.05)
        #expect(lexicon("Wysyłka trwała miesiąc.", .pl) == 0)
        #expect(lexicon("Czekałam wieki na odpowiedź.", .pl) < -0.05)
        #expect(lexicon("Torba jest bardzo trwała.", .pl) > 0.05)
    }

    /// Sixth round: what came apart, stopped or shrank, told as a fact; "barely", "höchstens",
    /// "knappt", "ledwo" as minimizers ("at most two hours warm" is a complaint); a stated
    /// expectation that was not met; praise without a sentiment word ("hat sich gelohnt").
    @Test(arguments: [
        ("Die Naht ist nach dem zweiten Tragen aufgegangen.", Language.de, false),
        ("Schon beim ersten Benutzen ist der Henkel abgefallen.", .de, false),
        ("Die Thermoskanne hält den Kaffee höchstens zwei Stunden warm.", .de, false),
        ("Kundenservice reagiert auf keine meiner E-Mails.", .de, false),
        ("Der Support reagiert schnell.", .de, true), ("Ich hatte mehr erwartet.", .de, false),
        ("Genau wie beschrieben, hat sich gelohnt.", .de, true), ("Lässt sich kinderleicht bedienen.", .de, true),
        ("Die Lieferung hat fast vier Wochen gedauert.", .de, false),
        ("Ładowarka przestała ładować po dwóch tygodniach.", .pl, false),
        ("Bluza po praniu skurczyła się o dwa rozmiary.", .pl, false),
        ("Zamek się zaciął już przy pierwszym założeniu.", .pl, false),
        ("Kolor zupełnie inny niż na zdjęciu.", .pl, false), ("Ledwo działa.", .pl, false),
        ("It barely works.", .en, false), ("Hardly any problems.", .en, true),
        ("I expected more from this brand.", .en, false), ("Det fungerar knappt.", .sv, false),
    ])
    func complaintsToldAsFactsSixthRound(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Seventh round: too much of a measure is a complaint in every language ("zu kurz", "za
    /// ciasne"), negated it is faint praise, and "for" is not "too" ("za ciepłe przyjęcie").
    @Test(arguments: [
        ("It is too small.", Language.en), ("Die Schuhe sind zu groß.", .de), ("Das Kabel ist viel zu kurz.", .de),
        ("Ein zu kleines Display.", .de), ("Veel te duur.", .nl), ("De broek is te krap.", .nl),
        ("Alldeles för liten.", .sv), ("Jackan var för trång.", .sv), ("Buty są za ciasne.", .pl),
        ("Pokój zbyt ciepły.", .pl),
    ])
    func tooMuchOfAMeasureIsAComplaint(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    @Test func notTooMuchAndForAreNoComplaints() {
        #expect(lexicon("Nicht zu groß und nicht zu klein.", .de) > 0)
        #expect(lexicon("Dziękujemy za ciepłe przyjęcie.", .pl) > 0.05)
        #expect(lexicon("Tack för mycket god mat.", .sv) > 0.05)
        #expect(lexicon("Ist zu empfehlen.", .de) > 0.05)
        #expect(lexicon("Die Größe ist genau richtig.", .de) >= 0)
    }

    /// Seventh round: how soon something failed, after "after", leans negative; a sentiment
    /// word in the sentence still decides; "po" without a span ("po prostu") is no complaint.
    @Test(arguments: [
        ("After two weeks the strap came off.", Language.en), ("Nach dem ersten Waschen total verzogen.", .de),
        ("Nach drei Tagen ging das Licht aus.", .de), ("Na een paar weken zat er een gat in.", .nl),
        ("Efter två dagar slutade den ladda.", .sv), ("Po tygodniu odpadł guzik.", .pl),
        ("Po pierwszym praniu spodnie wyglądają jak szmata.", .pl),
    ])
    func howSoonItFailedLeansNegative(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    @Test func aSentimentWordOutweighsTheSpan() {
        #expect(lexicon("After a week I love it even more.", .en) > 0.05)
        #expect(lexicon("Nach einem Jahr immer noch super.", .de) > 0.05)
        #expect(lexicon("Po prostu super.", .pl) > 0.05)
        #expect(lexicon("Nach Hause geliefert.", .de) == 0)
        #expect(lexicon("Efter middagen gick vi hem.", .sv) == 0)
    }

    /// Eighth round: a negation with nothing to negate is a mild complaint ("Passt nicht",
    /// "Nikt nie odpisał"), once a sentence; "without" is not ("ohne Umstände ersetzt").
    @Test(arguments: [
        ("It doesn't fit.", Language.en), ("Passt nicht.", .de), ("Het past niet.", .nl),
        ("Den passar inte.", .sv), ("Nikt nie odpisał.", .pl), ("Die Tür lässt sich nicht schließen.", .de),
    ])
    func aNegationWithNothingToNegateIsAComplaint(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    @Test(arguments: [
        ("Couldn't ask for more.", Language.en), ("Wouldn't change a thing.", .en), ("Can't complain.", .en),
        ("Es gibt nichts auszusetzen.", .de), ("Da kann man nicht meckern.", .de), ("Geen klachten.", .nl),
        ("Niets op aan te merken.", .nl), ("Inget att klaga på.", .sv), ("Nie mam zastrzeżeń.", .pl),
        ("Nie ma się do czego przyczepić.", .pl), ("Nie mogę się doczekać.", .pl),
        ("Nie ma na co narzekać.", .pl), ("Nie pożałujecie.", .pl), ("Nic dodać, nic ująć.", .pl),
        ("Keine Beanstandungen.", .de), ("Inget att anmärka på.", .sv),
    ])
    func praiseSaidAsANegationStaysPraise(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: true)
    }

    @Test func withoutAloneIsNoComplaintAndOneSentenceDanglesOnce() {
        #expect(lexicon("Ohne Umstände ersetzt.", .de) >= 0)
        #expect(lexicon("Replaced without fuss.", .en) >= 0)
        // Two negators with nothing to negate count once.
        #expect(lexicon("Nikt nic nie powiedział.", .pl) == lexicon("Nikt nie powiedział.", .pl))
    }

    /// Tenth round: the German lexicon lists judging verbs in the infinitive only; their
    /// conjugated forms read as it ("liebt", "nervt", "ärgert", "lohnt sich nicht").
    @Test(arguments: [
        ("Mein Hund liebt es.", true), ("Die Kinder freuten sich.", true), ("Hat uns total begeistert.", true),
        ("Das nervt total.", false), ("Es ärgert mich jeden Tag.", false), ("Ich bereue den Kauf.", false),
        ("Es lohnt sich nicht.", false), ("Taugt nichts.", false),
    ])
    func germanJudgingVerbsReadConjugated(_ text: String, positive: Bool) {
        expectVerdict(text, .de, positive: positive)
    }

    @Test func germanVerbFormsAreMadeOnlyForJudgingVerbs() {
        #expect(SentimentRules.germanVerb("lieben") == ["liebe", "liebst", "liebt", "liebte", "liebten", "geliebt"])
        #expect(
            SentimentRules.germanVerb("ärgern") == ["ärgere", "ärgerst", "ärgert", "ärgerte", "ärgerten", "geärgert"])
        #expect(SentimentRules.germanVerb("hassen").contains("hasst"))
        #expect(!SentimentRules.germanVerb("hassen").contains("hassst"))
        #expect(SentimentRules.germanVerb("enttäuschen").allSatisfy { !$0.hasPrefix("ge") })
        // Not every "-en" word of the lexicon: "preisen" would make "Preise", "nahen" "Naht".
        #expect(SentimentRules.germanVerb("preisen").isEmpty)
        #expect(SentimentRules.germanVerb("passen").isEmpty)
    }

    /// Tenth round: a negator after a span of time complains; it does not negate the time
    /// ("Ging nach 3 Tagen nicht mehr" read the span's lean negated, as praise). A phrase is
    /// negated backward like a word ("Preis-Leistung stimmt nicht").
    @Test(arguments: [
        ("Ging nach 3 Tagen nicht mehr.", Language.de), ("Preis-Leistung stimmt nicht.", .de),
        ("Würde ich nicht wieder kaufen.", .de), ("Riecht komisch.", .de), ("Qualität naja.", .de),
        ("Zou het niet opnieuw kopen.", .nl), ("Kommer inte att köpa igen.", .sv),
    ])
    func tenthRoundComplaints(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    @Test(arguments: [
        ("Preis-Leistung stimmt.", Language.de), ("Würde ich jederzeit wieder kaufen.", .de),
        ("Macht was es soll.", .de), ("Ich kaufe es bestimmt wieder.", .de), ("Ik zou het zo weer kopen.", .nl),
        ("Skulle köpa igen.", .sv), ("Kupię ponownie.", .pl),
    ])
    func buyingAgainAndDoingWhatItShouldArePraise(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: true)
    }

    /// Eleventh round: waiting a span of time, sending back, expecting more, smelling of
    /// something and differing from the description are complaints told as facts.
    @Test(arguments: [
        ("We waited over an hour for a table.", Language.en), ("Had to wait 40 minutes for the bill.", .en),
        ("Sending it back tomorrow.", .en), ("Colour is different from the photos.", .en),
        ("Wir mussten eine Stunde auf das Essen warten.", .de), ("Riecht nach Plastik.", .de),
        ("Sieht ganz anders aus als auf dem Foto.", .de), ("Ich hatte mir vom Hersteller mehr erwartet.", .de),
        ("We moesten een uur wachten op ons eten.", .nl), ("Ik had er veel meer van verwacht.", .nl),
        ("Het boek ruikt naar sigarettenrook.", .nl), ("De kleur is anders dan op de foto.", .nl),
        ("Fick vänta länge på svar.", .sv), ("Skickade tillbaka den direkt.", .sv),
        ("Jag hade förväntat mig mer.", .sv), ("Färgen är helt annorlunda än på bilden.", .sv),
        ("Musiałam czekać dwa tygodnie na wizytę.", .pl), ("Odesłałam towar.", .pl),
        ("Spodziewałam się czegoś więcej.", .pl),
    ])
    func eleventhRoundComplaints(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// Not waiting is faint praise; what was described, and better than expected, is praise.
    @Test(arguments: [
        ("Didn't have to wait long for our food.", Language.en), ("Can't wait to come back.", .en),
        ("Genau wie beschrieben.", .de), ("Besser als erwartet.", .de), ("Keine Wartezeit.", .de),
        ("Beter dan verwacht.", .nl), ("Bez czekania, od razu przyjęty.", .pl), ("Ingen väntetid alls.", .sv),
    ])
    func notWaitingAndAsDescribedArePraise(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: true)
    }

    /// Twelfth round: a fault negated is praise, not a mild complaint ("Rutscht nicht" read as a
    /// negation with nothing to negate); said plainly, the fault is a complaint.
    @Test(arguments: [
        ("Nothing sticks to the pan.", Language.en, true), ("Never had a problem with it.", .en, true),
        ("It lags.", .en, false), ("Rutscht nicht.", .de, true), ("Rutscht ständig.", .de, false),
        ("Hatte nie Probleme damit.", .de, true), ("Het verveelt geen seconde.", .nl, true),
        ("Het boek verveelt.", .nl, false), ("Inga repor alls.", .sv, true), ("Telefonen laggar.", .sv, false),
        ("Nigdy mnie nie zawiódł.", .pl, true), ("But uwiera.", .pl, false),
    ])
    func aNegatedFaultIsPraise(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
        if positive {
            // Praise, not a negation: the learned layer's negation count does not see it.
            #expect(lexicon(text, language) > 0.1, "\(text)")
        }
    }

    /// Thirteenth round: what the customer had to do is a mild complaint, and not having had to
    /// do anything praise.
    @Test(arguments: [
        ("I had to call three times before anyone picked up.", Language.en, false),
        ("Ich musste dreimal nachfragen.", .de, false), ("Ich musste nichts einstellen, lief sofort.", .de, true),
        ("Ik moest drie keer bellen.", .nl, false), ("Jag var tvungen att ringa flera gånger.", .sv, false),
        ("Jag behövde inte göra någonting själv.", .sv, true), ("Musiałam dzwonić trzy razy.", .pl, false),
        ("Nie musiałam nic robić.", .pl, true),
    ])
    func whatTheCustomerHadToDo(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Fourteenth round: what keeps happening is a complaint ("keeps crashing", "ständig",
    /// "hela tiden", "ciągle"), but not what keeps going or coming back.
    @Test(arguments: [
        ("The app keeps crashing.", Language.en, false), ("It kept turning itself off.", .en, false),
        ("It just keeps going.", .en, true), ("Die Verbindung bricht ständig ab.", .de, false),
        ("De app blijft hangen.", .nl, false), ("Appen kraschar hela tiden.", .sv, false),
        ("Aplikacja ciągle się wyłącza.", .pl, false),
    ])
    func whatKeepsHappening(_ text: String, _ language: Language, _ positive: Bool) {
        if positive {
            #expect(lexicon(text, language) >= 0, "\(text)")
        } else {
            expectVerdict(text, language, positive: false)
        }
    }

    /// Fifteenth round: a negated "can" before what cannot be exceeded is praise ("couldn't be
    /// happier", "kann es nicht genug empfehlen"); without the modal or the comparative it is
    /// a negation as before, and what cannot be exceeded keeps its sense ("more disappointed").
    @Test(arguments: [
        ("Couldn't be happier with this headset.", Language.en, true),
        ("I can't recommend this place enough.", .en, true),
        ("Can't say enough good things about the staff.", .en, true),
        ("It couldn't be easier to set up.", .en, true), ("Not good enough.", .en, false),
        ("I can't recommend it.", .en, false), ("Couldn't be more disappointed.", .en, false),
        ("Could not get more than two hours out of it.", .en, false),
        ("Ich kann es nicht genug empfehlen.", .de, true), ("Könnte nicht besser sein.", .de, true),
        ("Nicht gut genug.", .de, false), ("Ik had niet blijer kunnen zijn.", .nl, true),
        ("Ik kan het niet genoeg aanraden.", .nl, true), ("Kunde inte vara nöjdare.", .sv, true),
        ("Nie mogę się nachwalić.", .pl, true), ("Nie mogłabym być bardziej zadowolona.", .pl, true),
    ])
    func whatCannotBeExceeded(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Fifteenth round: "without" negates only what follows it, never the word before ("försenad
    /// två veckor utan besked" stays a complaint), and what happens without a word is one.
    @Test(arguments: [
        ("Leveransen blev försenad två veckor utan besked.", Language.sv),
        ("Die Bestellung wurde ohne Begründung storniert.", .de),
        ("De levering werd geannuleerd zonder uitleg.", .nl),
        ("The order was cancelled without explanation.", .en),
    ])
    func withoutNegatesOnlyWhatFollows(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// Fifteenth round: Swedish "stämmer" is "matches" in customer text (VADER's translated
    /// lexicon read it as "sue", −2.0), so "stämmer inte" complains and "stämmer bra" praises.
    @Test(
        arguments: [
            ("Fakturan stämde inte med offerten.", false), ("Beskrivningen stämmer bra.", true),
            ("Allt stämmer.", nil),
        ] as [(String, Bool?)])
    func swedishMatchesIsNoLawsuit(_ text: String, _ positive: Bool?) {
        let score = lexicon(text, .sv)
        switch positive {
        case true?: #expect(score > 0, "\(text)")
        case false?: #expect(score < 0, "\(text)")
        case nil: #expect(score >= 0, "\(text)")  // no lawsuit: not a complaint
        }
    }

    /// Sixteenth round: praise that did not happen is a complaint ("could have been a great
    /// book", "Dit had een goed boek kunnen zijn", "Hätte besser sein können", "Mogło być
    /// lepiej"), a complaint that did not is faint praise ("Could have been worse"), and a
    /// clause with its own negator is left to the negation rules.
    @Test(arguments: [
        ("It could have been a great book.", Language.en, false), ("The food could have been better.", .en, false),
        ("Could have been worse.", .en, true),
        ("Couldn't have been better.", .en, true), ("I would recommend it.", .en, true),
        ("I would say they have the best burgers in town.", .en, true),
        ("This might have been the best meal of my life.", .en, true),
        ("It would've been nice to get a charger in the box.", .en, false),
        ("Dit had een goed boek kunnen zijn.", .nl, false), ("Ik had het niet kunnen wegleggen.", .nl, true),
        ("Hätte besser sein können.", .de, false), ("Ich hätte nie gedacht, dass es so gut ist.", .de, true),
    ])
    func praiseThatDidNotHappen(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Seventeenth round: a wait told with its length is a complaint in every language, the
    /// verb before or after the span ("Wir haben eine Stunde … gewartet"); "took" only with a
    /// long span.
    @Test(arguments: [
        ("We waited over an hour for our food.", Language.en), ("Took forty-five minutes to get our drinks.", .en),
        ("Sat there for 40 minutes before anyone took our order.", .en),
        ("Vi fick vänta i fyrtio minuter på maten.", .sv), ("Satt i telefonkö i över en timme.", .sv),
        ("We hebben drie kwartier op ons eten gewacht.", .nl), ("Wir haben eine Stunde auf das Essen gewartet.", .de),
        ("Czekaliśmy godzinę na jedzenie.", .pl), ("Na odpowiedź czekałam trzy tygodnie.", .pl),
    ])
    func aWaitToldWithItsLengthIsAComplaint(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// A short span, a short "took", a span without a wait, or a minute without a number, adds
    /// nothing: the text scores as it does without the span (a word for waiting may lean of
    /// its own).
    @Test(arguments: [
        ("Setup took five minutes.", "Setup took.", Language.en),
        ("We only waited ten minutes.", "We only waited.", .en),
        ("Worth every minute of the wait.", "Worth every of the wait.", .en),
        ("Die Lieferung dauerte nur zwei Tage.", "Die Lieferung dauerte nur.", .de),
        ("Czekaliśmy tylko pięć minut.", "Czekaliśmy tylko.", .pl),
    ])
    func aShortOrUncountedSpanIsNoWait(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// Seventeenth round: incidents told plainly — something in the food, a thing that works
    /// only some of the time — and praise said as a match ("Exactly what I was looking for").
    @Test(arguments: [
        ("Found a hair in my salad.", Language.en, false), ("Works half the time.", .en, false),
        ("Do yourself a favor and eat somewhere else.", .en, false), ("Exactly what I was looking for.", .en, true),
        ("Det låg ett hårstrå i soppan.", .sv, false), ("Appen fungerar bara ibland.", .sv, false),
        ("Er zat een haar in mijn soep.", .nl, false), ("De app werkt maar de helft van de tijd.", .nl, false),
        ("Im Salat war ein Haar.", .de, false), ("Funktioniert nur manchmal.", .de, false),
        ("W zupie był włos.", .pl, false), ("Działa tylko czasami.", .pl, false),
        ("Dokładnie to, czego szukałam.", .pl, true),
    ])
    func incidentsToldPlainly(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Eighteenth round: a question that regrets not having done it sooner is praise in every
    /// language; asked of someone else, or without "sooner", it is not.
    @Test(arguments: [
        ("Why didn't I switch to this phone sooner?", Language.en, true),
        ("Varför har jag inte bytt tidigare?", .sv, true), ("Waarom heb ik dit boek niet eerder gelezen?", .nl, true),
        ("Warum habe ich das nicht früher gekauft?", .de, true), ("Dlaczego nie kupiłam tego wcześniej?", .pl, true),
        ("Why didn't you tell me sooner?", .en, false), ("Why didn't I get a refund?", .en, false),
    ])
    func regretForNotDoingItSoonerIsPraise(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Eighteenth round: thanks for nothing, and a fault that is back again, are complaints.
    @Test(arguments: [
        ("Thanks for nothing.", Language.en), ("Tack för ingenting.", .sv), ("Danke für nichts.", .de),
        ("Dziękuję za nic.", .pl), ("Toll gemacht, jetzt ist es schon wieder kaputt.", .de),
    ])
    func ironicThanksAndAgainAreComplaints(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// Nineteenth round: a comparative said of a rival or of the past praises the rival, a
    /// complaint; said of the thing reviewed, against a rival after "than", it is praise.
    @Test(arguments: [
        ("My old phone was faster.", Language.en, false), ("The old recipe was much better.", .en, false),
        ("I've had better fries at a gas station.", .en, false), ("Way better than my old Samsung.", .en, true),
        ("Even better than last time.", .en, true), ("I've had better service here than anywhere else.", .en, true),
        ("Det var bättre förr.", .sv, false), ("Min gamla leverantör var mycket bättre.", .sv, false),
        ("Jag har ätit bättre pizza på en bensinmack.", .sv, false),
        ("Mycket bättre än min förra operatör.", .sv, true), ("Jag har en bättre idé.", .sv, true),
        ("Het eerste boek was veel beter.", .nl, false), ("Vroeger schreef ze veel beter.", .nl, false),
        ("Beter dan zijn vorige boek.", .nl, true),
        ("Früher war alles besser.", .de, false), ("Die alte Rezeptur war viel besser.", .de, false),
        ("Viel besser als mein altes Gerät.", .de, true), ("Schneller Ersatz für mein altes Handy, top.", .de, true),
        ("Kiedyś było lepiej.", .pl, false), ("Stara receptura była dużo lepsza.", .pl, false),
        ("Dużo lepszy niż mój poprzedni telefon.", .pl, true), ("Gorszy niż poprzedni model.", .pl, false),
    ])
    func aComparativeSaidOfARivalPraisesTheRival(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Nineteenth round: nothing better is praise ("Never had a better steak", "Nothing beats
    /// …", "Nic nie przebije", "Nie jadłam lepszej pizzy"); "not better" and "nothing got
    /// better" are not.
    @Test(arguments: [
        ("Never had a better steak.", Language.en, true), ("Nothing beats their Sunday roast.", .en, true),
        ("Nothing is better than their coffee.", .en, true), ("It's not better than the old one.", .en, false),
        ("Inget slår deras kundtjänst.", .sv, true), ("Ingenting blev bättre.", .sv, false),
        ("Nooit een betere thriller gelezen.", .nl, true), ("Es gibt nichts Besseres.", .de, true),
        ("Leider nicht besser als das alte.", .de, false),
        ("Nic nie przebije ich śniadań.", .pl, true), ("Nigdy nie jadłam lepszej pizzy.", .pl, true),
        ("Nie ma nic lepszego na rynku.", .pl, true), ("Nie jest lepszy niż stary.", .pl, false),
    ])
    func nothingBetterIsPraise(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Nineteenth round: a state that no longer holds turns its praise into a complaint ("Used
    /// to love this place"), not "got used to"; "less" negates the word after it, and "any less"
    /// (a negation's) does nothing.
    @Test(arguments: [
        ("Used to love this place.", Language.en, false), ("It used to be great.", .en, false),
        ("Once you get used to it, it's great.", .en, true), ("Brukade vara bra.", .sv, false),
        ("Früher war der Service gut.", .de, false), ("Früher als erwartet geliefert, super.", .de, true),
        ("Less than impressed.", .en, false), ("Minder goed dan zijn eerdere werk.", .nl, false),
        ("Doesn't make the movie any less entertaining.", .en, true), ("Deutlich weniger Lärm.", .de, true),
        ("Mniej wygodne niż poprzednie.", .pl, false),
    ])
    func praiseOfThePastAndLessAreComplaints(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// What got worse, said in a phrase, is a complaint.
    @Test(arguments: [
        ("It's gone downhill since the new owners took over.", Language.en),
        ("A step backwards from the last version.", .en), ("Har gått utför sedan de bytte ägare.", .sv),
        ("Een stap terug na zijn vorige roman.", .nl), ("Ein Rückschritt gegenüber der Vorgängerversion.", .de),
        ("Krok wstecz w porównaniu z poprzednią wersją.", .pl),
    ])
    func whatGotWorseIsAComplaint(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: false)
    }

    /// Twentieth round: a fear, doubt or hope that the sentence turns away from is reversed (the
    /// customer no longer thinks it); without a turn it is left as it is.
    @Test(arguments: [
        ("I was worried it would be too loud, but it's whisper quiet.", Language.en, true),
        ("Sceptical at first, now I'm a convert.", .en, true),
        ("I had high hopes, but it broke within a week.", .en, false),
        ("I was excited to try it until I saw the bill.", .en, false),
        ("Thought it would save me time, but it keeps freezing.", .en, false),
        ("I'm afraid the food was awful.", .en, false), ("I thought it was great.", .en, true),
        ("Först var jag tveksam, men nu använder jag den varje dag.", .sv, true),
        ("Ik twijfelde eerst, maar het werd een van mijn favorieten.", .nl, true),
        ("Ich hatte Angst, dass es zu klein ist, aber es passt super.", .de, true),
        ("Anfangs skeptisch, jetzt will ich es nicht mehr hergeben.", .de, true),
        ("Na początku byłem sceptyczny, ale teraz używam codziennie.", .pl, true),
        ("Myślałam, że będzie głośno, a jest bardzo cicho.", .pl, true),
    ])
    func anExpectationTheSentenceTurnsFromIsReversed(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Twentieth round: a problem that went away or was fixed is praise; one not fixed, or
    /// not gone, stays a complaint; "finally" before a thing is praise, before a verb not.
    @Test(arguments: [
        ("My back pain is gone since I got this chair.", Language.en, true),
        ("Fixed my cracked screen in twenty minutes.", .en, true), ("They never fixed the leak.", .en, false),
        ("Mina ryggsmärtor är borta efter behandlingen.", .sv, true), ("Rörmokaren fixade läckan direkt.", .sv, true),
        ("De löste aldrig problemet.", .sv, false), ("Die Schmerzen sind weg.", .de, true),
        ("Die Schmerzen gehen nicht weg.", .de, false),
        ("Finally a charger that doesn't fall out of the socket.", .en, true),
        ("Finally arrived, and it was the wrong colour.", .en, false),
        ("Äntligen en mobil som håller en hel dag.", .sv, true),
        ("Wreszcie lekarz, który ma czas dla pacjenta.", .pl, true),
    ])
    func aProblemGoneAndFinallyAThing(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Twenty-first round: going back to a rival is a complaint, coming back is not; what the
    /// customer did says the verdict.
    @Test(arguments: [
        ("Switched back to my old phone.", Language.en, false), ("Came back with the whole family.", .en, true),
        ("Bytte tillbaka till min gamla telefon.", .sv, false),
        ("Bin zu meinem alten Handy zurückgewechselt.", .de, false), ("Wróciłam do starego telefonu.", .pl, false),
        ("Wróciliśmy do tej restauracji z całą rodziną i znowu było świetnie.", .pl, true),
        ("Ordered another one for my sister.", .en, true), ("Walked out before the mains.", .en, false),
        ("Gav upp efter en timme.", .sv, false), ("Ik heb het al aan drie vrienden aangeraden.", .nl, true),
        ("Ik ben na honderd bladzijden gestopt.", .nl, false), ("Schon dreimal nachgekauft.", .de, true),
        ("Abo nach einer Woche gekündigt.", .de, false), ("Poleciłam już trzem koleżankom.", .pl, true),
    ])
    func whatTheCustomerDidSaysTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// A concession counts less than the rest of its sentence ("although" was a contrast word,
    /// which weighed the clause after it more).
    @Test(arguments: [
        ("Although it was pricey, the quality is superb.", Language.en),
        ("Great phone, though the battery is poor.", .en), ("Obwohl es teuer war, ist die Qualität super.", .de),
        ("Hoewel het duur was, is de kwaliteit top.", .nl), ("Chociaż drogo, jakość świetna.", .pl),
    ])
    func aConcessionCountsLess(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: true)
    }

    /// No key of a customer vocabulary file is listed twice: the later line wins, so an earlier
    /// one is dead text that reads as if it counted (five English, two German and two Polish
    /// keys were, some with another valence).
    /// Twenty-second round: how long a thing lasted is the verdict — years are long, a shorter
    /// span is short, with a battery a day is long; "only", "half" make it short, "easily" long.
    @Test(arguments: [
        ("The strap lasted nine days.", Language.en, false), ("The battery easily lasts a week.", .en, true),
        ("The battery lasts two days.", .en, true),
        ("Reparationen höll i tre veckor.", .sv, false), ("Batteriet räcker lätt två dagar.", .sv, true),
        ("De accu houdt makkelijk drie dagen.", .nl, true), ("Der Akku hält nur drei Stunden.", .de, false),
        ("Die Jacke hielt sieben Jahre.", .de, true), ("Buty wytrzymały trzy tygodnie.", .pl, false),
        ("Bateria spokojnie wytrzymuje dwa dni.", .pl, true), ("Bateria trzyma pół dnia.", .pl, false),
        ("Lekarz poświęcił mi trzy minuty.", .pl, false), ("Pani doktor poświęciła mi całą godzinę.", .pl, true),
    ])
    func howLongItLastedIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Twenty-second round: years of running, "still" after a span, a charge that holds days,
    /// help within a day, and a negated fault with "single" or after a span are praise; "still
    /// not" and "nur noch" stay complaints.
    @Test(arguments: [
        ("Die Maschine läuft seit sechs Jahren täglich.", Language.de, true),
        ("Lodówka chodzi od dziesięciu lat.", .pl, true),
        ("Still on the first set of brushes after three years.", .en, true),
        ("Nach sechs Jahren immer noch im Einsatz.", .de, true),
        ("Fortfarande samma batteri efter fyra år.", .sv, true),
        ("Still not fixed after two weeks.", .en, false),
        ("Nach zwei Monaten lief die Pumpe nur noch fünf Minuten.", .de, false),
        ("Three days between charges.", .en, true), ("Svar inom en timme.", .sv, true),
        ("Binnen twee dagen geleverd.", .nl, true), ("Arrived the next morning.", .en, true),
        ("Przesyłka dotarła następnego dnia.", .pl, true), ("Kwam de volgende dag al binnen.", .nl, true),
        ("Kein einziger Kratzer nach dem Sturz.", .de, true),
        ("Not a single error in the whole book.", .en, true), ("No issues after two years of daily use.", .en, true),
    ])
    func aVerdictToldAsAMeasuredFact(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// A span with nothing that makes it a verdict adds nothing ("still" without "after", a
    /// span "within" something else than service).
    @Test(arguments: [
        ("It's a lot to ask to sit still for two hours.", "It's a lot to ask to sit still for.", Language.en),
        ("Noch ein halbes Jahr bis zum Urlaub.", "Noch ein halbes bis zum Urlaub.", .de),
        ("The next day we went to the beach.", "We went to the beach.", .en),
    ])
    func aSpanThatTellsNoVerdictAddsNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// Two figures and a promise: less than promised where more is better, or more where less is
    /// better (money, and time unless it is how long something lasts), is a complaint; the other
    /// way praise. A bare number takes the other figure's unit; "1,80" and "1.200" are one number.
    @Test(arguments: [
        ("Advertised 300 Mbps, getting 35.", Language.en, false), ("Quoted 400 for the job, invoiced 650.", .en, false),
        ("They promised three weeks and it was done in ten days.", .en, true),
        ("Ordered eight plates, got five.", .en, false), ("Utlovat 14 dagar, klart efter 5.", .sv, true),
        ("Vi beställde tolv stolar, fick nio.", .sv, false),
        ("Volgens de flap 350 pagina's, in werkelijkheid 210.", .nl, false),
        ("Laut Hersteller 5000 mAh, gemessen 3100.", .de, false),
        ("Statt der angegebenen 6 Stunden Laufzeit schafft er 9.", .de, true),
        ("Laut Beschreibung 1,80 m, tatsächlich 1,20 m.", .de, false),
        ("Ein Kabel von 90 cm statt der versprochenen 2 m.", .de, false),
        ("Angegeben sind 150 cm, gemessen habe ich 120.", .de, false),
        ("Angebot 1.200 Euro, Rechnung 980 Euro.", .de, true),
        ("Zamiast obiecanych trzech tygodni remont trwał dwa miesiące.", .pl, false),
        ("Wycena 2 000 zł, zapłaciłam 1 500.", .pl, true),
    ])
    func aFigureAgainstAPromise(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// A multiple of a price ("twice", "halva", "Drittel", "połowę"), a comparative against a
    /// promise ("later than promised", "högre än offerten"), a price under a bound ("keine zehn
    /// Euro", "under £15"), "twice as long as usual" and "as promised" lean by what is better
    /// for the customer; a promise compared with ("than promised") is no praise of its own.
    @Test(arguments: [
        ("Paid double what the shop down the road asks.", Language.en, false),
        ("Halva priset jämfört med butiken.", .sv, true), ("Voor de helft van de prijs.", .nl, true),
        ("Doppelt so viel bezahlt wie im Laden.", .de, false), ("Kosztuje połowę ceny w salonie.", .pl, true),
        ("Delivered two days later than promised.", .en, false), ("Eerder klaar dan beloofd.", .nl, true),
        ("Bateria trzyma dłużej niż obiecano.", .pl, true), ("Slutpriset blev högre än offerten.", .sv, false),
        ("Für keine zehn Euro.", .de, true), ("Under £15 for two courses.", .en, true),
        ("Die Lampe leuchtet vier Stunden, wie angegeben.", .de, true),
        ("Took twice as long as usual.", .en, false), ("Dauerte doppelt so lange wie sonst.", .de, false),
        ("Leveransen kom tidigare än beräknat.", .sv, true), ("Czekałam dłużej niż zwykle.", .pl, false),
        ("More expensive than promised.", .en, false), ("Fällt genau in der bestellten Größe aus.", .de, true),
        ("Die Jacke fällt klein aus.", .de, false), ("Ein größeres Zimmer als gebucht.", .de, true),
    ])
    func aPriceOrComparativeAgainstWhatWasPromised(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Figures without a verdict add nothing: a time of day, "half a million", two figures close
    /// together after "said".
    @Test(arguments: [
        ("Angekommen um 7, abgefahren um 9.", "Angekommen, abgefahren.", Language.de),
        ("She said she left with one of those two.", "She said she left with those.", .en),
        ("They earn half a million a year.", "They earn a year.", .en),
    ])
    func figuresThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A remedy after a fault is the verdict: praise that turns the sentence as a contrast word
    /// does; negated, a failed one ("same"), or one not given ("instead of a refund") a
    /// complaint.
    @Test(arguments: [
        ("The lens was scratched, so they swapped the whole camera.", Language.en, true),
        ("The replacement kettle leaks from the same seam.", .en, false),
        ("They gave me store credit instead of a refund.", .en, false),
        ("Handtaget lossnade, och firman skickade ett nytt direkt.", .sv, true),
        ("Någon ersättning fick vi aldrig.", .sv, false),
        ("De rug was gescheurd, maar de winkel heeft het boek omgeruild.", .nl, true),
        ("Der Lüfter war laut, der Hersteller hat ihn anstandslos ersetzt.", .de, true),
        ("Das Gehäuse war gerissen, der Händler hat ohne Nachfrage Ersatz geschickt.", .de, true),
        ("Bluza miała dziurę, sklep wymienił ją na nową.", .pl, true),
    ])
    func aRemedyAfterAFaultIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// A remedy with no fault before it is a fact, not praise.
    @Test(arguments: [
        ("They swapped the strap for a longer one.", "They the strap for a longer one.", Language.en),
        ("Vi ersatte den gamla kranen med en modernare.", "Vi den gamla kranen med en modernare.", .sv),
    ])
    func aRemedyWithoutAFaultAddsNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A service told as its steps: passed back and forth, a status that stays, a promise and
    /// the time since, nobody in touch are complaints; not passed on at all is praise.
    @Test(arguments: [
        ("Sales sent me back to the warranty desk.", Language.en, false),
        ("The refund has been in progress since March.", .en, false),
        ("The courier promised a call before noon. That was a week ago.", .en, false),
        ("Försäkringsbolaget hänvisade till verkstaden, verkstaden hänvisade tillbaka.", .sv, false),
        ("Reklamationen har legat under handläggning i sju veckor.", .sv, false),
        ("De helpdesk verwees me naar de leverancier en die verwees me weer terug.", .nl, false),
        ("Hij zou de volgende dag terugbellen. Dat is nu een maand geleden.", .nl, false),
        ("Die Reparatur ist seit zwei Monaten in Bearbeitung.", .de, false),
        ("Bis heute hat sich niemand gemeldet.", .de, false),
        ("Keine Weiterleitung, keine Warteschleife, der erste Mitarbeiter wusste Bescheid.", .de, true),
        ("Obiecali kuriera na wtorek. Minął miesiąc.", .pl, false),
        ("Reklamacja od trzech tygodni jest w realizacji.", .pl, false),
        ("Nikt się ze mną nie skontaktował.", .pl, false),
        ("Ett samtal till växeln räckte.", .sv, true), ("Wystarczył jeden telefon do serwisu.", .pl, true),
        ("Ein einziger Anruf reichte nicht.", .de, false),
        ("Ik hoefde er niets voor te doen.", .nl, true),
    ])
    func aServiceToldAsItsSteps(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Steps that tell no verdict add nothing: passed on once with no back, a status alone,
    /// "same day" as a time, and what was explained as wrong.
    @Test(arguments: [
        ("The work is in progress.", "The work is in.", Language.en),
        (
            "Ze belden na een uur terug zoals beloofd en kwamen dezelfde dag.",
            "Ze belden na een uur terug zoals beloofd.",
            .nl
        ),
        ("Montören förklarade vad som var fel.", "Montören förklarade vad som var.", .sv),
        ("Technik wytłumaczył, co było zepsute.", "Technik wytłumaczył, co było.", .pl),
    ])
    func stepsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A charge negated, money not taken, something done free or on the house is praise; a
    /// charge said plainly or a deposit kept a complaint.
    @Test(arguments: [
        ("The mechanic didn't charge us for the extra bulb.", Language.en, true),
        ("They fixed the zip free of charge.", .en, true),
        ("The shop took a restocking fee from the refund.", .en, false),
        ("Frisören tog inget betalt för att rätta till luggen.", .sv, true),
        ("Hyresvärden behöll depositionen utan förklaring.", .sv, false),
        ("De fietsenmaker wilde er geen geld voor hebben.", .nl, true),
        ("Die Nachspeise ging aufs Haus.", .de, true),
        ("Der Schneider hat das Kürzen nicht berechnet.", .de, true),
        ("Mechanik nie policzył za wymianę żarówki.", .pl, true),
        ("Właściciel zatrzymał kaucję bez powodu.", .pl, false),
    ])
    func whatWasChargedAndWhatWasNot(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// "free" before what shops give free, or as a topic, and money that is not a charge add
    /// nothing.
    @Test(arguments: [
        ("Free delivery on the order.", "Delivery on the order.", Language.en),
        ("Er was geen geld voor een nieuwe fiets.", "Er was geen tijd voor een nieuwe fiets.", .nl),
    ])
    func chargesThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// The days between a point told with a word for asking or sending and a later point are
    /// the verdict: three or fewer praise, more than a week a complaint, in the next sentence too.
    @Test(arguments: [
        ("Emailed the tailor on Thursday and the trousers were ready on Saturday.", Language.en, true),
        ("The blinds were ordered in February and fitted in July.", .en, false),
        ("Paid the invoice on the 2nd. The receipt came on the 23rd.", .en, false),
        ("Bokade frisören på fredagen och fick tid på lördagen.", .sv, true),
        ("Reklamerade jackan den 3 februari, svaret kom den 2 april.", .sv, false),
        ("Om negen uur de storing gemeld, om half elf deed alles het weer.", .nl, true),
        ("In maart de offerte aangevraagd, in juni kwam er eindelijk een reactie.", .nl, false),
        ("Am 12. März die Brille bestellt, am 14. März konnte ich sie abholen.", .de, true),
        ("Den Antrag im Februar eingereicht. Der Bescheid kam im Juli.", .de, false),
        ("Zamówiłam tapetę we wtorek, w czwartek była u mnie.", .pl, true),
        ("Reklamację złożyłem w marcu, odpowiedź przyszła w sierpniu.", .pl, false),
        ("Beställde gardinerna för två månader sedan och ingen har hört av sig.", .sv, false),
        ("Drie weken geleden gemaild, en er is nog steeds niemand die reageert.", .nl, false),
    ])
    func daysBetweenAskingAndGettingAreTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Points in time with no word for asking between them, a range, or days that tell
    /// nothing (a weekday against a month) add nothing.
    @Test(arguments: [
        (
            "Open from Monday to Friday, and closed on Sunday.", "Open from here to there, and closed there.",
            Language.en
        ),
        ("We stayed on Monday and left on Wednesday.", "We stayed on and left on.", .en),
        ("Bestellt am Montag, geliefert im Mai.", "Bestellt, geliefert.", .de),
        ("Ordered on Monday and it came on Friday.", "Ordered and it came.", .en),
    ])
    func timelinesThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// What a sum bought is the verdict: "only" before it, what it included, the whole of
    /// something are praise; "only" after it for a purpose, a short span or a small thing
    /// bought, "only" before what came back, and what was not included a complaint.
    @Test(arguments: [
        ("Only £4 for a large bowl of soup and bread.", Language.en, true),
        ("Our bill was €52 with wine, service included.", .en, true),
        ("I only paid £20 for the pair.", .en, true),
        ("Residents get only $7 a day.", .en, false),
        ("£45 for a 10 minute consultation.", .en, false),
        ("Klippningen kostade 250 kronor, tvätt inräknat.", .sv, true),
        ("Fick bara 50 kronor tillbaka för en trasig tröja.", .sv, false),
        ("40 euro voor de hele week.", .nl, true),
        ("3 euro alleen al om te parkeren.", .nl, false),
        ("18 Euro für ein winziges Schnitzel.", .de, false),
        ("Der Elektriker wollte 90 Euro für fünf Minuten.", .de, false),
        ("Zapłaciłam tylko 50 zł za naprawę zamka.", .pl, true),
        ("15 zł za mały sok.", .pl, false),
        ("Pokój 300 zł, śniadanie nie jest wliczone.", .pl, false),
    ])
    func whatASumBoughtIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// A sum with nothing said of what it bought, a part of a sum after "including", and Polish
    /// "za dużą" after a sum ("for a large", not "too large") add nothing.
    @Test(arguments: [
        ("Paid £300 for a new phone.", "Paid 300 for a new phone.", Language.en),
        ("The bill came to $90, including $20 for parking.", "The bill came to $90, then $20 for parking.", .en),
        ("12 zł za dużą kawę.", "12 zł kawę.", .pl),
    ])
    func pricesThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// Coming back is praise (a third time with the same one, buying again, still buying,
    /// booking for a time to come, a member ever since); leaving a complaint (a custom that
    /// ended, the first and the last, going elsewhere, going back to the old one).
    @Test(arguments: [
        ("This is the fifth sofa we've bought from this shop.", Language.en, true),
        ("Ordered the same jacket again for my husband.", .en, true),
        ("I still buy all my tea from them.", .en, true),
        ("We used to buy our bread here.", .en, false),
        ("Our first stay with them and our last.", .en, false),
        ("Moved my savings to another bank.", .en, false),
        ("Bokade samma stuga igen till nästa sommar.", .sv, true),
        ("Förr handlade vi all mat här.", .sv, false),
        ("Na een jaar teruggegaan naar mijn oude kapper.", .nl, false),
        ("Ik bestel mijn koffie nog steeds bij hen.", .nl, true),
        ("Das war das letzte Mal, dass ich dort Schuhe gekauft habe.", .de, false),
        ("Seitdem bin ich Stammkunde.", .de, true),
        ("Zamówiłam te same świece jeszcze raz.", .pl, true),
        ("Przenieśliśmy konto do innego banku.", .pl, false),
    ])
    func comingBackAndLeavingAreTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Words of a custom with no buying, moving or membership add nothing: "get used to",
    /// "from one scene to another", "a third person story", "ever since" alone, and a regret
    /// keeps its reading ("Warum habe ich das nicht früher gekauft?").
    @Test(arguments: [
        ("You'll get used to it.", "You'll get it.", Language.en),
        ("It jumps from one scene to another.", "It jumps from one scene to the next.", .en),
        ("This is a third person story.", "This is a person story.", .en),
        ("Ever since the merger, the office is quiet.", "After the merger, the office is quiet.", .en),
    ])
    func customsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A regret asked about a purchase stays praise where the verb of buying is also a word of
    /// the custom rules ("kupiłam", "gekauft").
    @Test(arguments: [
        ("Warum habe ich das nicht früher gekauft?", Language.de),
        ("Dlaczego nie kupiłam tego wcześniej?", .pl),
    ])
    func aRegretOfBuyingStaysPraise(_ text: String, _ language: Language) {
        expectVerdict(text, language, positive: true)
    }

    /// Care for the customer by someone else is praise, and the customer's trouble it answered
    /// counts nothing; a slight is a complaint (thirtieth round).
    @Test(arguments: [
        ("The driver waited at the corner for my mother, who walks slowly.", Language.en, true),
        ("The chemist phoned to say the order would be a day late.", .en, true),
        ("She went through the contract with us line by line.", .en, true),
        ("The porter yawned while we checked in.", .en, false),
        ("The clerk rolled her eyes at my question.", .en, false),
        ("They talked about us as if we weren't there.", .en, false),
        ("The barman laughed at my accent.", .en, false),
        ("Hon erbjöd mig en filt medan jag väntade.", .sv, true),
        ("Kassören himlade med ögonen.", .sv, false),
        ("De kapper onthield mijn naam.", .nl, true),
        ("De conducteur wachtte op mijn moeder, die slecht ter been is.", .nl, true),
        ("De conducteur zuchtte toen ik een vraag stelde.", .nl, false),
        ("Der Fahrer hat auf meine Mutter gewartet, die schlecht zu Fuß ist.", .de, true),
        ("Die Frau am Schalter hat mich nicht einmal begrüßt.", .de, false),
        ("Er hat mitten im Satz aufgelegt.", .de, false),
        ("Pani odprowadziła mnie do samochodu, bo byłam chora.", .pl, true),
        ("Sprzedawca wzruszył ramionami i odszedł bez słowa.", .pl, false),
    ])
    func howTheStaffTreatedTheCustomerIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Words of care and slights that tell no treatment add nothing: the customer's own wait
    /// ("We waited for our food for an hour" stays the wait's complaint), a subject that is the
    /// customer's ("My husband waited in the car"), "as if" with no one missing, laughing with
    /// no one laughed at.
    @Test(arguments: [
        ("We waited for our table.", "We waited for the table.", Language.en),
        ("My husband waited in the car.", "The husband waited in the car.", .en),
        ("He spoke to us as if we were old friends.", "He spoke to us as we were old friends.", .en),
        ("The children laughed at the clown.", "The children laughed with the clown.", .en),
        ("Vi väntade på vår tur.", "Vi väntade på tur.", .sv),
    ])
    func treatmentsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// How other people reacted is the verdict (thirty-first round): wanting it (buying the
    /// same, borrowing it, a second helping, asking where it is from, using it every night since)
    /// is praise; turning from it (giving it back, pushing it away, leaving it on the plate,
    /// asking whether it was fake, going back to the old one, a wide berth) is a complaint.
    @Test(arguments: [
        ("Two of the other mums have bought the same pram since.", Language.en, true),
        ("My nephew keeps borrowing the drill.", .en, true),
        ("The cat has slept on the blanket every night since it came.", .en, true),
        ("My daughter gave the jumper back after a week.", .en, false),
        ("The kids pushed the porridge away.", .en, false),
        ("My husband asked if the watch was fake.", .en, false),
        ("The children left the soup on their plates.", .en, false),
        ("My son went back to his old trainers.", .en, false),
        ("Mina kollegor har beställt samma stol.", .sv, true),
        ("Gästerna tog en andra portion av soppan.", .sv, true),
        ("Min son lämnade tillbaka tröjan efter en vecka.", .sv, false),
        ("Barnen vägrar äta gröten.", .sv, false),
        ("De kinderen vechten over wie de koptelefoon mag.", .nl, true),
        ("Mijn buurman leent de ladder steeds.", .nl, true),
        ("Mijn vrouw vroeg of de tas nep was.", .nl, false),
        ("De kat gaat met een grote boog om de krabpaal heen.", .nl, false),
        ("Mein Vater hat sich zweimal nachgeschöpft.", .de, true),
        ("Die Nachbarin hat gefragt, wo ich die Lampe her habe.", .de, true),
        ("Die Kinder haben die Suppe weggeschoben.", .de, false),
        ("Mein Mann hat die Jacke nach einer Woche zurückgegeben.", .de, false),
        ("Córka nie dotknęła lalek, odkąd przyszedł rower.", .pl, true),
        ("Goście wzięli dokładkę sałatki.", .pl, true),
        ("Mąż zapytał, czy zegarek jest podróbką.", .pl, false),
        ("Dzieci zostawiły zupę na talerzach.", .pl, false),
    ])
    func howOtherPeopleReactedIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Words of a reaction that tell none add nothing: the speaker's own asking, laughing and
    /// giving ("I asked where the toilets were", "I'll give you a ride back"), laughing at a
    /// joke, asking whether someone had used one before, money given back, "10% off".
    @Test(arguments: [
        ("I asked where the toilets were.", "I asked when the toilets were.", Language.en),
        ("I'll give you a ride back.", "I'll give you a ride home.", .en),
        ("My friends laughed at the jokes.", "My friends laughed about the jokes.", .en),
        ("The assistant asked if I had used one before.", "The assistant asked how I had used one before.", .en),
        ("My brother gave the money back.", "My brother paid the money back.", .en),
        ("She asked if we wanted ten percent off.", "She asked how we wanted ten percent off.", .en),
        ("Jag frågade var kassan var.", "Jag frågade när kassan var.", .sv),
    ])
    func reactionsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// Fit is the verdict (thirty-second round): a fitted thing that moves (spins, slides off, a
    /// gap) is a complaint and negated praise; one that holds (stays put, all the way in, into a
    /// pocket) is praise; what the customer did not have to do ("without me having to", "ohne
    /// dass ich … musste") is praise.
    @Test(arguments: [
        ("The strap doesn't slip off my shoulder.", Language.en, true),
        ("The hat slides down over my eyes.", .en, false),
        ("The lid stays put when I shake the pan.", .en, true),
        ("The helmet spins round on my head.", .en, false),
        ("The charger goes all the way in with the case on.", .en, true),
        ("The lid leaves a gap at the back.", .en, false),
        ("The curtains reach the floor without me having to shorten them.", .en, true),
        ("Ringen snurrar inte.", .sv, true),
        ("Axelbanden glider av hela tiden.", .sv, false),
        ("Locket sitter kvar när jag skakar kastrullen.", .sv, true),
        ("De muts blijft zitten als ik fiets.", .nl, true),
        ("De bril glijdt van mijn neus.", .nl, false),
        ("De laptop gaat in het vak van mijn tas.", .nl, true),
        ("Die Mütze bleibt, wo sie ist.", .de, true),
        ("Die Träger rutschen ständig herunter.", .de, false),
        ("Das Kabel geht ganz ins Handy.", .de, true),
        ("Die Hose passt, ohne dass ich sie kürzen musste.", .de, true),
        ("Pierścionek się nie obraca.", .pl, true),
        ("Czapka zjeżdża mi na oczy.", .pl, false),
        ("Kabel wchodzi do końca.", .pl, true),
    ])
    func fitIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Words of fit with nothing fitted add nothing: a washing machine that spins, a case that
    /// goes all the way to court, "noch zu groß" (still too big).
    @Test(arguments: [
        ("The washing machine spins at 1400.", "The washing machine runs at 1400.", Language.en),
        ("It went all the way to court.", "It went to court.", .en),
        ("Die Jacke ist noch zu groß.", "Die Jacke ist immer zu groß.", .de),
    ])
    func fitsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// What a thing did to what was around it is the verdict (thirty-third round): a residue, a
    /// smell of something unpleasant, a finish taken away are complaints, and negated or "free
    /// of" praise; what stayed as it was (as before, still white, one wipe) is praise.
    @Test(arguments: [
        ("The towel left fluff all over my black jumper.", Language.en, false),
        ("The vase left no watermark on the table.", .en, true),
        ("The sofa smells of plastic.", .en, false),
        ("The paint came off the first time I washed the mug.", .en, false),
        ("The tablecloth stayed white after the party.", .en, true),
        ("The worktop looks exactly as before.", .en, true),
        ("Moppen lämnar ränder på golvet.", .sv, false),
        ("Bilen luktar inte rök längre.", .sv, true),
        ("Duken förblev vit efter festen.", .sv, true),
        ("De spons laat strepen achter op het glas.", .nl, false),
        ("De kast ruikt naar lijm.", .nl, false),
        ("Het glas is vrij van kringen.", .nl, true),
        ("Das Tuch hinterlässt Schlieren auf dem Spiegel.", .de, false),
        ("Der Lack hat sich nach einer Woche gelöst.", .de, false),
        ("Die Bluse blieb weiß.", .de, true),
        ("Mop zostawia smugi na podłodze.", .pl, false),
        ("Farba odeszła po tygodniu.", .pl, false),
        ("Blat wygląda jak przedtem.", .pl, true),
    ])
    func whatItDidToOtherThingsIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Words of collateral that tell none add nothing: "before" with no "as", paint that nothing
    /// took away.
    @Test(arguments: [
        ("I said so before.", "I said so then.", Language.en),
        ("The paint is blue.", "The wall is blue.", .en),
    ])
    func collateralsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A verdict told by sound (thirty-fourth round): a noise heard, or a bystander who hears,
    /// is a complaint and not hearing it praise; a signal heard is praise and not hearing it a
    /// complaint; a noise the thing makes and waking the house are complaints; "so quiet that"
    /// is praise.
    @Test(arguments: [
        ("Since the double glazing went in we don't hear the motorway traffic.", Language.en, true),
        ("You can hear the compressor from the other end of the flat.", .en, false),
        ("The whole office can hear my headset when I turn it up.", .en, false),
        ("I couldn't hear each other over the fan.", .en, false),
        ("The hinges creak every time the door moves.", .en, false),
        ("The hinges don't creak any more.", .en, true),
        ("It beeps so loud that it wakes the baby.", .en, false),
        ("Grannarna hör inte längre när vi diskar.", .sv, true),
        ("Man hör trafiken genom väggen.", .sv, false),
        ("Dörren gnisslar.", .sv, false),
        ("Vi hör inte varandra i bilen.", .sv, false),
        ("We horen de trein niet meer.", .nl, true),
        ("De deur kraakt als je hem opendoet.", .nl, false),
        ("De printer is zo stil dat niemand hem opmerkt.", .nl, true),
        ("Die Nachbarn hören uns nicht mehr.", .de, true),
        ("Den Klingelton hört man überall im Haus.", .de, true),
        ("Die Tür quietscht seit dem ersten Tag.", .de, false),
        ("Die Pumpe ist so laut, dass das ganze Haus aufwacht.", .de, false),
        ("Nie słychać już ruchu ulicy.", .pl, true),
        ("Drzwi skrzypią przy każdym otwarciu.", .pl, false),
        ("Cały dom słyszy pralkę.", .pl, false),
    ])
    func soundIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Words of sound that tell none add nothing: hearing of something, "the whole time", a
    /// room that buzzes with ideas, the kids squealing.
    @Test(arguments: [
        ("I heard about it from a friend.", "I learned about it from a friend.", Language.en),
        ("Ich höre die ganze Zeit davon.", "Ich lese die ganze Zeit davon.", .de),
        ("The whole room buzzes with ideas.", "The whole room comes with ideas.", .en),
        ("The kids squealed when they opened it.", "The kids shouted when they opened it.", .en),
    ])
    func soundsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A verdict told by sight (thirty-fifth round): seeing or reading, where something says it
    /// can be done or how well, is praise and negated a complaint; legible is praise and
    /// illegible a complaint; showing everything is praise and showing only something a
    /// complaint; needing something to read by is a complaint.
    @Test(arguments: [
        ("In the back seat I can easily read the map.", Language.en, true),
        ("You can't see the numbers on the scale without bending down.", .en, false),
        ("The label is illegible after one wash.", .en, false),
        ("The floodlight shows everything down to the garden gate.", .en, true),
        ("The scanner shows nothing but black lines.", .en, false),
        ("I need a magnifier to read the dial.", .en, false),
        ("Man ser tydligt varje fiber i tyget.", .sv, true),
        ("Etiketten går inte att läsa.", .sv, false),
        ("De letters zijn goed leesbaar.", .nl, true),
        ("Het display is in de zon niet te lezen.", .nl, false),
        ("Die Skala kann man gut ablesen.", .de, true),
        ("Die Schrift ist unleserlich.", .de, false),
        ("Na mapie widać wyraźnie każdą ścieżkę.", .pl, true),
        ("Etykiety nie da się odczytać.", .pl, false),
    ])
    func sightIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Words of sight that tell none add nothing: "I can see why", a twist seen coming, reading
    /// with nothing said of how.
    @Test(arguments: [
        ("I can see why people like it.", "I can tell why people like it.", Language.en),
        ("I read it on the train.", "I had it on the train.", .en),
        ("We could see the twist coming from the start.", "We could guess the twist coming from the start.", .en),
    ])
    func sightsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A verdict told by touch (thirty-sixth round): a discomfort the thing causes or a state
    /// felt on the body is a complaint and negated praise; comfort kept or felt is praise; a
    /// negation repeated with "even" echoes the first, and "even after" a span is how long the
    /// thing held.
    @Test(arguments: [
        ("These mittens keep my hands warm on the school run.", Language.en, true),
        ("The collar rubs my neck raw.", .en, false),
        ("The cuffs don't itch, even after a long day.", .en, true),
        ("The seat covers turn sticky in summer.", .en, false),
        ("The toaster's sides get hot enough to burn your hand.", .en, false),
        ("The pillowcase feels cool against my face.", .en, true),
        ("The strap doesn't rub, not even after a week of hiking.", .en, true),
        ("Vantarna håller händerna varma hela vägen till jobbet.", .sv, true),
        ("Kragen kliar mot halsen.", .sv, false),
        ("Kängorna skaver inte, inte ens efter en vecka.", .sv, true),
        ("De mouwen kriebelen niet.", .nl, true),
        ("Het kussen blijft koel in de zomer.", .nl, true),
        ("De stoel wordt plakkerig als het warm is.", .nl, false),
        ("De schoenen knellen niet, zelfs niet na een week.", .nl, true),
        ("Die Mütze kratzt an der Stirn.", .de, false),
        ("Die Decke bleibt kühl.", .de, true),
        ("Die Riemen scheuern nicht.", .de, true),
        ("Kołnierz gryzie w szyję.", .pl, false),
        ("Rękawice trzymają dłonie w cieple.", .pl, true),
        ("Buty nie obcierają.", .pl, true),
    ])
    func touchIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Words of touch that tell none add nothing: an idiom, a warning, a question.
    @Test(arguments: [
        ("It burns me up.", "It eats me up.", Language.en),
        ("Don't burn yourself.", "Don't touch yourself.", .en),
        ("Kannst Du mir den Rücken kratzen?", "Kannst Du mir den Rücken zeigen?", .de),
    ])
    func touchesThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A verdict told by smell or taste (thirty-seventh round): a smell of something foul or of
    /// nothing named is a complaint and negated praise; of something pleasant or of nothing
    /// praise; a taste is read only of something named, of nothing a complaint unless water.
    @Test(arguments: [
        ("The rubber mat smells even with the window open.", Language.en, false),
        ("The new trainers don't smell at all.", .en, true),
        ("The yoghurt tastes of vanilla.", .en, true),
        ("The bottled water tastes of nothing.", .en, true),
        ("The soup tastes of nothing.", .en, false),
        ("The noodles taste of soap.", .en, false),
        ("You can smell the bins from the car park.", .en, false),
        ("Tältet luktar fortfarande plast.", .sv, false),
        ("Tvättmedlet doftar citron.", .sv, true),
        ("Kaffet smakar tvål.", .sv, false),
        ("De kussens ruiken nergens naar.", .nl, true),
        ("De jas ruikt naar schimmel.", .nl, false),
        ("Der Rucksack riecht nicht mehr nach Rauch.", .de, true),
        ("Der Joghurt schmeckt nach Vanille.", .de, true),
        ("Die Matte riecht nach Essig.", .de, false),
        ("W szafie nie czuć już wilgoci.", .pl, true),
        ("Jogurt smakuje wanilią.", .pl, true),
        ("Kurtka śmierdzi dymem.", .pl, false),
    ])
    func smellIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Words of smell that tell none add nothing: sensing that, Polish "czuć" as feeling.
    @Test(arguments: [
        ("Die Kunden riechen, dass etwas nicht stimmt.", "Die Kunden merken, dass etwas nicht stimmt.", Language.de),
        ("Czuć dreszczyk emocji.", "Widać dreszczyk emocji.", .pl),
    ])
    func smellsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A verdict told by weight and handling (thirty-eighth round): light enough, one hand,
    /// carrying alone and staying put are praise; two people needed, so heavy that, slipping
    /// are complaints.
    @Test(arguments: [
        ("The hoover is light enough for my gran to use.", Language.en, true),
        ("I can open the buggy with one hand.", .en, true),
        ("The bench needs two people to move.", .en, false),
        ("The rug slides across the floor whenever I step on it.", .en, false),
        ("The lamp stays where I put it.", .en, true),
        ("My son can carry the scooter by himself.", .en, true),
        ("Stolen är så tung att ingen orkar flytta den.", .sv, false),
        ("Mattan glider på golvet.", .sv, false),
        ("De stofzuiger is licht genoeg voor mijn oma.", .nl, true),
        ("Der Topf ist leicht genug für meine Oma.", .de, true),
        ("Die Lampe bleibt dort stehen, wo ich sie hinstelle.", .de, true),
        ("Wózek otwieram jedną ręką.", .pl, true),
        ("Dywan zsuwa się po podłodze.", .pl, false),
    ])
    func handlingIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Words of handling that tell none add nothing: taking care of oneself, a request to stay.
    @Test(arguments: [
        ("I can take care of myself.", "I can take note of it.", Language.en),
        ("Stay where you are.", "Sit where you are.", .en),
    ])
    func handlingsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A verdict told by what was understood, learned or could be done (thirty-ninth round):
    /// still unable, after a lesson, explained how or each, without help, assumed known.
    @Test(arguments: [
        ("After the first aid course I can put on a bandage properly myself.", Language.en, true),
        ("Six months of piano and I still can't read a single bar.", .en, false),
        ("The mechanic explained which part was worn and what it costs.", .en, true),
        ("The clerk just referred me to the form.", .en, false),
        ("My grandson now sets up the printer without help.", .en, true),
        ("Nobody at the desk could explain the extra line on the bill.", .en, false),
        ("Efter kursen kan jag byta däck själv.", .sv, true),
        ("Jag förstår fortfarande inte hur fakturan räknas.", .sv, false),
        ("Na de cursus kan ik zelf mijn fiets repareren.", .nl, true),
        ("De termen worden nergens verklaard, ik begrijp nog steeds niet wat een obligatie is.", .nl, false),
        ("Der Mechaniker zeigte nur auf die Rechnung.", .de, false),
        ("Nach dem Workshop kann ich die Software allein bedienen.", .de, true),
        ("Po kursie potrafię sama wymienić olej.", .pl, true),
        ("Nadal nie wiem, jak działa ta taryfa.", .pl, false),
    ])
    func learningIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// Words of learning that tell none add nothing: not knowing what one would do without it,
    /// a why, a customer who explains.
    @Test(arguments: [
        ("I don't understand why anyone would return it.", "I don't see why anyone would return it.", Language.en),
        ("I explained what I needed.", "I said what I needed.", .en),
    ])
    func learningsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A verdict told by what was asked for and what came (fortieth round): the same thing again,
    /// the same number, got with a pronoun are praise; another number, "instead", got with an
    /// article, Polish "a" are complaints; asked for none, the same is a complaint.
    @Test(arguments: [
        ("I asked for the hoodie in green and the hoodie came in green.", Language.en, true),
        ("I ordered two pizzas and got one.", .en, false),
        ("We asked for a high chair and got one.", .en, true),
        ("I ordered size 10 and size 12 arrived.", .en, false),
        ("I asked for a refund and got a voucher instead.", .en, false),
        ("Jag beställde en blå väska och fick en grön.", .sv, false),
        ("Ik bestelde de rode jas en kreeg de rode jas.", .nl, true),
        ("Ich bestellte 3 Stück und bekam 2.", .de, false),
        ("Ich bat um eine Quittung und bekam sie sofort.", .de, true),
        ("Zamówiłam sukienkę w rozmiarze 38, a przyszła 42.", .pl, false),
        ("Poprosiłem o rachunek i dostałem go od razu.", .pl, true),
    ])
    func requestIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// A request whose outcome leans already, or none is told, adds nothing.
    @Test(arguments: [
        (
            "I asked for help and the staff were wonderful.", "I looked for help and the staff were wonderful.",
            Language.en
        ),
        ("I asked for a table and sat down.", "I looked for a table and sat down.", .en),
    ])
    func requestsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A verdict told as advice to the reader (forty-first round): to take it is praise; to take
    /// care, to bring something along, another, a precaution before the reader does something
    /// are complaints; negated, each turns; negated with a without, praise.
    @Test(arguments: [
        ("Order the ribs and ask for extra napkins.", Language.en, true),
        ("Check the expiry date on the milk.", .en, false),
        ("Buy the other brand.", .en, false),
        ("Read the terms before you sign anything.", .en, false),
        ("Don't leave without trying the pie.", .en, true),
        ("Boka bord vid fönstret.", .sv, true),
        ("Kontrollera kvittot innan du går.", .sv, false),
        ("Bestel de soep van de dag.", .nl, true),
        ("Wacht op de uitverkoop.", .nl, false),
        ("Probiert die Suppe des Tages.", .de, true),
        ("Kauft eine andere Marke.", .de, false),
        ("Zamówcie zupę dnia.", .pl, true),
        ("Nie idźcie do tego fryzjera.", .pl, false),
    ])
    func adviceIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// A verb that is no advice adds nothing: not at the clause's start, before no object in
    /// English, a person sent away, the verb as a subject.
    @Test(arguments: [
        ("I keep the receipt in a drawer.", "I put the receipt in a drawer.", Language.en),
        ("Order was placed on Monday.", "Parcel was placed on Monday.", .en),
        ("Get them out of here.", "Move them out of here.", .en),
    ])
    func adviceThatTellsNoVerdictAddsNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// A verdict told by how it matched what the seller showed or said (forty-second round): like
    /// the photo, everything in the description matching are praise; nothing like it, different,
    /// the customer's own set against it are complaints.
    @Test(arguments: [
        ("The lamp looks exactly like the photo.", Language.en, true),
        ("The chair looks nothing like the photos.", .en, false),
        ("The jacket on the website is blue; mine is grey.", .en, false),
        ("Väskan ser ut precis som på bilden.", .sv, true),
        ("Väskan liknar inte alls bilden.", .sv, false),
        ("Het horloge ziet eruit als op de foto.", .nl, true),
        ("Alles in der Beschreibung hat gestimmt.", .de, true),
        ("Die Tasche sieht ganz anders aus als auf dem Foto.", .de, false),
        ("Zegarek wygląda dokładnie jak na zdjęciu.", .pl, true),
        ("Plecak w ogóle nie przypomina zdjęcia.", .pl, false),
    ])
    func listingIsTheVerdict(_ text: String, _ language: Language, _ positive: Bool) {
        expectVerdict(text, language, positive: positive)
    }

    /// What was shown with nothing set against it adds nothing, nor does "like" as a verb.
    @Test(arguments: [
        ("I like your website.", "I visit your website.", Language.en),
        ("The photo is on the table.", "The book is on the table.", .en),
    ])
    func listingsThatTellNoVerdictAddNothing(_ text: String, _ without: String, _ language: Language) {
        #expect(lexicon(text, language) == lexicon(without, language), "\(text)")
    }

    /// Digits belong to no language: a short English line with numbers is English.
    @Test(arguments: ["Advertised as 500 Mbps, I get 40 on a good day.", "Paid 129 for 2 of them."])
    func digitsDoNotDecideTheLanguage(_ text: String) {
        #expect(SentimentTests.identifier.identify(text).language == .en, "\(text)")
    }

    @Test(arguments: Language.allCases)
    func noVocabularyKeyIsListedTwice(_ language: Language) throws {
        var seen = Set<Substring>()
        for (key, _) in try LexiconStore.pairs("customer-" + language.rawValue + ".tsv") where !key.hasPrefix("#") {
            #expect(seen.insert(key).inserted, "\(language): \"\(key)\" is listed twice")
        }
    }

    /// Every key of the customer vocabularies is a word, a two-word phrase or a split phrase
    /// ("verb … particle"): a key of three words would be read as one word and never match.
    @Test(arguments: Language.allCases)
    func everyVocabularyKeyCanMatch(_ language: Language) throws {
        let keys =
            Array(try SentimentRules.customerVocabulary(language).keys)
            + Array(SentimentRules.rules(for: language).vocabulary.keys)
        for key in keys {
            let parts = key.split(separator: " ")
            #expect(parts.count <= 2 || (parts.count == 3 && parts[1] == "…"), "\(language): \"\(key)\"")
        }
    }
}
