/// A verdict told by how other people reacted to what was bought (issue 19, thirty-first
/// round): "Three of my colleagues have ordered the same kettle", "Barnen bråkar om vem som får
/// sitta i sittsäcken", "Mijn schoonmoeder nam een derde bord", and "Die Kinder haben die Teller
/// weggeschoben", "Mąż zapytał, czy płaszcz jest używany". No word in them says good or bad, and
/// the words that carry a valence say the opposite of the verdict ("fight", "forgetting",
/// "laughed", "hasn't touched").
///
/// - **Wanting it is praise**, where no other word complains: another person buying the same or
///   one of their own ("ordered the same", "köpt likadana", "dezelfde besteld", "für seine eigene
///   Familie gekauft", "zamówiło taki sam"); others fighting over who gets it ("fight over who",
///   "bråkar om vem", "ruzie over wie", "streiten, wer", "kłócą się, kto"); another person
///   borrowing it ("keeps borrowing", "lånar", "leent", "leiht sich", "pożycza") or forgetting
///   to give it back; a second or third helping ("a third helping", "en tredje portion", "een
///   derde bord", "nachgenommen", "dokładkę"); a stranger asking where it is from or its make
///   ("stopped me to ask what make", "frågade var", "vroeg welk merk", "gefragt, woher",
///   "zapytać, jakiej marki"); use by another every night or day since ("every night since it arrived",
///   "seit der Lieferung jede Nacht"); something else left untouched since it came ("hasn't
///   touched his tablet since the Lego came", "nie dotknął tabletu, odkąd przyszły klocki"); worn
///   even where nobody needs to ("trägt die Mütze sogar im Haus").
/// - **Turning from it is a complaint**, where no other word praises: plates pushed away
///   ("pushed their plates away", "sköt undan", "schoven weg", "weggeschoben", "odsunęły") or left
///   with it on ("left the cake on their plates", "lät tårtan ligga kvar på tallriken", "auf dem
///   Teller liegen lassen"); going back to the old one ("walked back to his old bowl", "gick
///   tillbaka till sin gamla", "zu seinem alten Napf", "wrócił do starej"); giving it back
///   ("handed the dress back", "lämnade tillbaka", "gaf terug", "zurückgegeben", "oddała") but not
///   money; laughing at it ("laughed at the bag", "skrattade åt väskan", "lachten om de tas",
///   "über die Tasche gelacht", "śmiali się z torby") but not at a joke; asking whether it was
///   second-hand, fake or broken ("asked whether it was second-hand", "frågade om den var
///   begagnad", "gefragt, ob er gebraucht ist"); asking for it to be switched off or turned down;
///   refusing ("refuses", "vägrar", "weigert", "odmawia"); crying or screaming every time; the
///   back of the wardrobe ("achter in de kast", "hinten in den Schrank", "na dno szafy"); a wide
///   berth ("großen Bogen", "szerokim łukiem").
/// - Wanting, laughing and asking are read only where the one who does it is not the speaker:
///   the nearest word for a person before it in its clause is not "I" or "we".
extension SentimentRules {
    /// What a word does in a verdict told by how other people reacted.
    enum Reaction: Sendable, Equatable {
        case none
        /// "kids", "wife", "dog", "barnen", "collega's", "Kollegen", "goście": someone other than
        /// the speaker.
        case other
        /// "I", "we", "jag", "ik", "ich", "ja": the speaker.
        case speaker
        /// "ordered", "bought", "köpt", "besteld", "gekauft", "zamówiło": see `same`.
        case buy
        /// "same", "own", "likadana", "dezelfde", "denselben", "sam", "swojej": bought by another
        /// person, praise.
        case same
        /// "fight", "bråkar", "ruzie", "streiten", "kłócą": praise before `who`.
        case quarrel
        /// "who", "vem", "wie", "wer", "kto": see `quarrel`.
        case who
        /// "borrowing", "lånar", "leent", "leiht", "pożycza": another person borrowing it.
        case borrow
        /// "forgetting", "glömmer", "vergeet", "vergisst", "zapomina": before giving back, praise.
        case forget
        /// "gave", "handed", "lämnade", "gaf", "gab": giving, before `back`.
        case give
        /// "back", "tillbaka", "terug", "zurück": given back; back to the old one; the back of a
        /// cupboard.
        case back
        /// "zurückgegeben", "oddała": given back in one word.
        case giveBack
        /// "wrócił", "wróciła": went back, in one word.
        case wentBack
        /// "money", "pengar", "geld", "pieniądze": money given back is no reaction.
        case money
        /// "old", "gamla", "oude", "alten", "starej": back to the old one.
        case old
        /// German "zu", "zum": "zu seinem alten Napf".
        case toward
        /// German "seinem", "ihrem": see `toward`.
        case theirs
        /// "laughed", "skrattade", "lachten", "gelacht", "śmiali": at it, a complaint.
        case laugh
        /// "at", "åt", "om", "über", "z": see `laugh`.
        case at
        /// "joke", "clown", "skämt", "grappen", "Witze", "żarty": laughed at, no complaint.
        case joke
        /// "asked", "frågade", "vroeg", "gefragt", "zapytał": see `whether`, `off`, `where`.
        case ask
        /// "whether", "if", "om", "of", "ob", "czy": asked whether it was `suspicion`.
        case whether
        /// "second-hand", "fake", "begagnad", "tweedehands", "gebraucht", "używany", beside
        /// `copula`.
        case suspicion
        /// "was", "is", "var", "ist", "jest".
        case copula
        /// "off", "down", "av", "uit", "aus": asked to switch it off.
        case off
        /// "switch", "turn", "stänga", "zetten": with `off` near it.
        case switchOver
        /// "auszumachen", "wyłączenie": switching off, in one word.
        case offAlone
        /// "where", "which", "var", "waar", "woher", "gdzie", "jakiej": asked where from.
        case whereFrom
        /// "make", "brand", "märke", "merk", "Marke", "marki": asked which make.
        case brand
        /// "new", "nya", "nieuwe", "neuen", "nową": the new one, beside `old`.
        case new
        /// "constantly", "ständig", "steeds", "ciągle": borrowed often.
        case often
        /// "stopped", "stoppade", "zatrzymał": stopped the speaker to ask.
        case stop
        /// "left", "lät", "liet", "lassen", "zostawiła": left on `plate`.
        case leave
        /// "plate", "tallriken", "bord", "Teller", "talerzach".
        case plate
        /// "refuses", "vägrar", "weigert", "odmawia": a complaint.
        case refuse
        /// "screams", "skriker", "krijst", "schreit", "płacze": every time, a complaint.
        case cry
        /// "every", "varje", "elke", "jedes", "każdym": every time; every night.
        case every
        /// "time", "gång", "keer", "Mal", "razem".
        case time
        /// "night", "day", "natt", "nacht", "Tag", "nocy": every night since, praise.
        case unit
        /// "since", "sedan", "sinds", "seit", "odkąd".
        case since
        /// "second", "third", "tredje", "derde", "dritte", "trzecią": before a helping.
        case ordinal
        /// "helping", "portion", "portie", "porcję".
        case helping
        /// "nachgenommen", "dokładkę": another helping, in one word.
        case helpingAlone
        /// "touched", "rört", "aangeraakt", "angerührt", "dotknął": negated, then since another
        /// thing came, praise of that thing.
        case touch
        /// "it", "den", "het", "es", "go": after `since`, the thing itself came.
        case pronoun
        /// "pushed", "sköt", "schoven", "schob": before `away`.
        case push
        /// "away", "undan", "weg": see `push`.
        case away
        /// "weggeschoben", "odsunęły": pushed away, in one word.
        case pushAway
        /// "wardrobe", "garderoben", "kast", "Schrank", "szafy": after `back` or `rear`.
        case storage
        /// "achter", "längst", "hinten", "dno": the back of.
        case rear
        /// "großen", "grote", "szerokim", "wide": before `berth`.
        case wide
        /// "Bogen", "boog", "łukiem", "berth".
        case berth
        /// "wears", "draagt", "trägt", "nosi": before or after `even`, praise.
        case wear
        /// "even", "zelfs", "sogar", "nawet".
        case even
    }

    /// The valence of a verdict told by how other people reacted.
    static let reactionValence = 1.5

    /// A word of the sentence this far from zero or further, the other way, decides the
    /// sentence: no reaction in it is read.
    static let reactionGuard = 0.5

    /// The words of `language`'s verdicts told by how other people reacted.
    static func reactions(_ language: Language) -> [String: Reaction] {
        var out = [String: Reaction]()
        switch language {
        case .en:
            out.assign(
                [
                    "kids", "kid", "children", "child", "son", "daughter", "wife", "husband", "partner", "boyfriend",
                    "girlfriend", "friend", "friends", "colleague", "colleagues", "coworkers", "guests", "guest",
                    "everyone", "everybody", "neighbour", "neighbours", "neighbor", "neighbors", "dog", "cat",
                    "puppy", "kitten", "baby", "toddler", "mum", "mom", "mother", "dad", "father", "brother",
                    "sister", "mums", "moms", "dads", "sons", "daughters", "wives", "husbands", "mother-in-law",
                    "father-in-law", "grandson", "granddaughter", "grandma", "grandpa",
                    "teenager", "they", "he", "she", "people", "man", "woman", "stranger", "strangers", "family",
                    "nephew", "niece", "parents", "visitors",
                ], .other)
            out.assign(["i", "we", "i've", "we've", "i'd", "we'd"], .speaker)
            out.assign(["ordered", "bought", "order", "buy"], .buy)
            out.assign(["same", "own", "identical"], .same)
            out.assign(
                ["fight", "fighting", "fought", "argue", "arguing", "squabble", "squabbling", "bicker"], .quarrel)
            out.assign(["who", "whose"], .who)
            out.assign(["borrowing", "borrows", "borrowed"], .borrow)
            out.assign(["constantly", "always", "keeps"], .often)
            out.assign(["forgetting", "forgets", "forgot", "forget"], .forget)
            out.assign(["give", "gave", "giving", "gives", "handed", "hand", "hands"], .give)
            out.assign(["back"], .back)
            out.assign(["money", "refund", "deposit", "cash"], .money)
            out.assign(["old"], .old)
            out.assign(["new"], .new)
            out.assign(["stopped", "stops"], .stop)
            out.assign(["laughed", "sniggered", "giggled"], .laugh)
            out.assign(["at"], .at)
            out.assign(["joke", "jokes", "clown", "clowns", "comedian", "film", "show", "gags"], .joke)
            out.assign(["asked", "asks", "ask", "asking"], .ask)
            out.assign(["whether", "if"], .whether)
            out.assign(
                ["second-hand", "secondhand", "used", "fake", "broken", "knock-off", "homemade", "counterfeit"],
                .suspicion)
            out.assign(["was", "is", "were", "looked", "looks"], .copula)
            out.assign(["off"], .off)
            out.assign(["switch", "turn", "shut"], .switchOver)
            out.assign(["where", "which"], .whereFrom)
            out.assign(["make", "brand", "label"], .brand)
            out.assign(["left", "leave", "leaves", "leaving"], .leave)
            out.assign(["plate", "plates"], .plate)
            out.assign(["refuses", "refused", "refuse", "refusing"], .refuse)
            out.assign(
                ["cries", "cried", "screams", "screamed", "screaming", "howls", "howled", "whines", "whined"], .cry)
            out.assign(["every", "each"], .every)
            out.assign(["time"], .time)
            out.assign(["night", "day", "evening", "morning", "weekend"], .unit)
            out.assign(["since"], .since)
            out.assign(["second", "third", "fourth"], .ordinal)
            out.assign(["helping", "helpings", "portion"], .helping)
            out.assign(["touched", "touch", "touches"], .touch)
            out.assign(["it", "them"], .pronoun)
            out.assign(["pushed", "pushes", "push", "shoved"], .push)
            out.assign(["away", "aside"], .away)
            out.assign(["wardrobe", "cupboard", "closet", "drawer", "attic", "loft", "shed", "cellar"], .storage)
            out.assign(["wide"], .wide)
            out.assign(["berth"], .berth)
            out.assign(["wears", "wore", "wearing", "sleeps"], .wear)
            out.assign(["even"], .even)
        case .sv:
            out.assign(
                [
                    "barnen", "barn", "ungarna", "sonen", "son", "dottern", "dotter", "frun", "frugan", "fru",
                    "maken", "mannen", "sambon", "pojkvännen", "flickvännen", "kompisar", "kompisarna", "vänner",
                    "vännerna", "kollegor", "kollegorna", "kollegan", "gästerna", "gäster", "alla", "grannen",
                    "grannarna", "granne", "hunden", "hund", "katten", "katt", "valpen", "bebisen", "bebis",
                    "mamma", "pappa", "bror", "brorsan", "syster", "svärmor", "svärfar", "barnbarnet",
                    "tonåringen", "de", "han", "hon", "folket", "folk", "familjen",
                ], .other)
            out.assign(["jag", "vi"], .speaker)
            out.assign(["köpt", "köpte", "köper", "beställt", "beställde", "skaffat", "skaffade"], .buy)
            out.assign(["likadana", "likadan", "likadant", "samma", "egen", "eget", "egna"], .same)
            out.assign(["bråkar", "bråkade", "grälar", "grälade", "slåss", "tjafsar"], .quarrel)
            out.assign(["vem", "vems"], .who)
            out.assign(["lånar", "låna", "lånade", "lånat"], .borrow)
            out.assign(["ständigt", "jämt", "alltid"], .often)
            out.assign(["glömmer", "glömde", "glömt"], .forget)
            out.assign(["lämna", "lämnade", "lämnar", "lämnat", "ge", "gav", "ger"], .give)
            out.assign(["tillbaka"], .back)
            out.assign(["pengarna", "pengar", "återbetalning"], .money)
            out.assign(["gamla", "gamle"], .old)
            out.assign(["nya", "nytt", "ny"], .new)
            out.assign(["stoppade", "stannade"], .stop)
            out.assign(["skrattade", "fnissade"], .laugh)
            out.assign(["åt"], .at)
            out.assign(["skämt", "skämten", "skämtet", "clownen", "filmen", "showen"], .joke)
            out.assign(["frågade", "frågar", "fråga", "bad", "ber"], .ask)
            out.assign(["om"], .whether)
            out.assign(
                ["begagnad", "begagnat", "begagnade", "fejk", "falsk", "trasig", "trasigt", "hemmagjord"], .suspicion)
            out.assign(["var", "är", "såg"], .copula)
            out.assign(["av"], .off)
            out.assign(["stänga", "stäng", "slå", "stängde"], .switchOver)
            out.assign(["var", "varifrån", "vilket", "vilken"], .whereFrom)
            out.assign(["märke", "märket"], .brand)
            out.assign(["lät", "låter", "kvar"], .leave)
            out.assign(["tallriken", "tallrikar", "tallrikarna", "tallrik"], .plate)
            out.assign(["vägrar", "vägrade", "vägra", "vägrat"], .refuse)
            out.assign(["skriker", "skrek", "gråter", "grät", "gallskriker", "tjuter"], .cry)
            out.assign(["varje", "varenda"], .every)
            out.assign(["gång"], .time)
            out.assign(["natt", "dag", "kväll", "morgon", "helg"], .unit)
            out.assign(["sedan"], .since)
            out.assign(["andra", "tredje", "fjärde"], .ordinal)
            out.assign(["portion", "portionen"], .helping)
            out.assign(["rört", "rör", "rörde"], .touch)
            out.assign(["den", "det"], .pronoun)
            out.assign(["sköt", "skjuter", "knuffade"], .push)
            out.assign(["undan", "bort"], .away)
            out.assign(["garderoben", "garderob", "skåpet", "lådan", "vinden", "förrådet"], .storage)
            out.assign(["längst", "innerst"], .rear)
        case .nl:
            out.assign(
                [
                    "kinderen", "kids", "zoon", "dochter", "vrouw", "man", "partner", "vriend", "vriendin", "vrienden",
                    "collega's", "collega", "gasten", "iedereen", "buren", "buurman", "buurvrouw", "hond", "kat",
                    "puppy", "baby", "moeder", "mama", "vader", "papa", "broer", "zus", "schoonmoeder",
                    "schoonvader", "kleinzoon", "kleindochter", "ze", "zij", "hij", "mensen", "familie", "kleuter",
                ], .other)
            out.assign(["ik", "we", "wij"], .speaker)
            out.assign(["besteld", "bestelde", "bestelden", "gekocht", "kocht", "kochten"], .buy)
            out.assign(["dezelfde", "hetzelfde", "eigen", "zelfde"], .same)
            out.assign(["ruzie", "vechten", "kibbelen", "bakkeleien"], .quarrel)
            out.assign(["wie"], .who)
            out.assign(["leent", "leende", "geleend"], .borrow)
            out.assign(["steeds", "altijd", "voortdurend"], .often)
            out.assign(["vergeet", "vergat", "vergeten"], .forget)
            out.assign(["geven", "gaf", "geeft", "gegeven"], .give)
            out.assign(["terug"], .back)
            out.assign(["geld"], .money)
            out.assign(["oude"], .old)
            out.assign(["nieuwe", "nieuw"], .new)
            out.assign(["hield"], .stop)
            out.assign(["lachten", "lachte", "giechelden"], .laugh)
            out.assign(["om"], .at)
            out.assign(["grap", "grappen", "clown", "film", "show"], .joke)
            out.assign(["vroeg", "vroegen", "vragen", "vraagt", "gevraagd"], .ask)
            out.assign(["of"], .whether)
            out.assign(["tweedehands", "nep", "kapot", "gebruikt", "namaak", "zelfgemaakt"], .suspicion)
            out.assign(["was", "is", "waren", "leek"], .copula)
            out.assign(["uit"], .off)
            out.assign(["zetten", "doen", "zette"], .switchOver)
            out.assign(["waar", "waarvandaan", "welk", "welke"], .whereFrom)
            out.assign(["merk"], .brand)
            out.assign(["liet", "lieten", "laten", "gelaten"], .leave)
            out.assign(["bord", "borden"], .plate)
            out.assign(["weigert", "weigerde", "weigeren", "weigerden"], .refuse)
            out.assign(["krijst", "krijste", "huilt", "huilde", "gilt", "gilde", "brult"], .cry)
            out.assign(["elke", "iedere", "ieder"], .every)
            out.assign(["keer"], .time)
            out.assign(["nacht", "dag", "avond", "ochtend", "weekend"], .unit)
            out.assign(["sinds", "sindsdien"], .since)
            out.assign(["tweede", "derde", "vierde"], .ordinal)
            out.assign(["portie"], .helping)
            out.assign(["aangeraakt", "aanraakt"], .touch)
            out.assign(["het", "hij"], .pronoun)
            out.assign(["schoven", "schoof", "duwde", "duwden", "geschoven"], .push)
            out.assign(["weg", "opzij"], .away)
            out.assign(["kast", "kledingkast", "la", "zolder", "schuur", "kelder"], .storage)
            out.assign(["achter", "achterin"], .rear)
            out.assign(["grote"], .wide)
            out.assign(["boog"], .berth)
            out.assign(["draagt", "droeg", "slaapt"], .wear)
            out.assign(["zelfs"], .even)
        case .de:
            out.assign(
                [
                    "kinder", "kids", "sohn", "tochter", "frau", "mann", "partner", "partnerin", "freund", "freundin",
                    "freunde", "kollegen", "kollegin", "kolleginnen", "gäste", "alle", "nachbarn", "nachbar",
                    "nachbarin", "hund", "katze", "kater", "welpe", "baby", "mutter", "mama", "vater", "papa",
                    "bruder", "schwester", "schwiegermutter", "schwiegervater", "enkel", "enkelin", "sie", "er",
                    "leute", "familie",
                ], .other)
            out.assign(["ich", "wir"], .speaker)
            out.assign(["bestellt", "bestellte", "gekauft", "kaufte", "kauften"], .buy)
            out.assign(
                [
                    "denselben", "dasselbe", "dieselbe", "dieselben", "gleichen", "gleiche", "eigene", "eigenen",
                    "eigenes",
                ],
                .same)
            out.assign(["streiten", "stritten", "zanken", "zankten"], .quarrel)
            out.assign(["wer"], .who)
            out.assign(["leiht", "lieh", "geliehen", "ausgeliehen", "borgt"], .borrow)
            out.assign(["ständig", "immer", "dauernd"], .often)
            out.assign(["vergisst", "vergessen", "vergaß"], .forget)
            out.assign(["gab", "gibt", "geben"], .give)
            out.assign(["zurück"], .back)
            out.assign(["zurückgegeben", "zurückzugeben", "zurückgeben", "zurückgeschickt"], .giveBack)
            out.assign(["geld"], .money)
            out.assign(["alten", "alte", "alter", "altes"], .old)
            out.assign(["neuen", "neue", "neues", "neuer"], .new)
            out.assign(["angehalten", "hielt", "angesprochen", "sprach"], .stop)
            out.assign(["zu", "zum"], .toward)
            out.assign(["seinem", "seinen", "ihrem", "ihren"], .theirs)
            out.assign(["lachten", "lachte", "gelacht", "kicherten"], .laugh)
            out.assign(["über"], .at)
            out.assign(["witz", "witze", "clown", "film", "show"], .joke)
            out.assign(["gefragt", "fragte", "fragten", "fragt", "fragen", "gebeten", "bat", "baten"], .ask)
            out.assign(["ob"], .whether)
            out.assign(["gebraucht", "gefälscht", "kaputt", "secondhand", "selbstgemacht", "fake"], .suspicion)
            out.assign(["ist", "war", "sei", "wäre", "aussieht"], .copula)
            out.assign(["aus"], .off)
            out.assign(["machen", "schalten", "stellen", "drehen"], .switchOver)
            out.assign(["auszumachen", "ausmachen", "auszuschalten", "ausschalten", "abzustellen"], .offAlone)
            out.assign(["wo", "woher", "welche", "welcher", "welches"], .whereFrom)
            out.assign(["marke"], .brand)
            out.assign(["lassen", "gelassen", "ließ", "ließen"], .leave)
            out.assign(["teller", "tellern"], .plate)
            out.assign(["weigert", "weigerte", "verweigert", "verweigerte"], .refuse)
            out.assign(["schreit", "schrie", "weint", "weinte", "brüllt", "heult", "heulte", "quengelt"], .cry)
            out.assign(["jedes", "jeden", "jede", "jedem"], .every)
            out.assign(["mal"], .time)
            out.assign(["nacht", "tag", "abend", "morgen", "wochenende"], .unit)
            out.assign(["seit", "seitdem"], .since)
            out.assign(["zweite", "zweiten", "dritte", "dritten"], .ordinal)
            out.assign(["portion", "nachschlag"], .helping)
            out.assign(["nachgenommen", "nachgeschöpft"], .helpingAlone)
            out.assign(["angerührt", "angefasst", "anrührt"], .touch)
            out.assign(["es"], .pronoun)
            out.assign(["geschoben", "schob", "schoben"], .push)
            out.assign(["weg", "beiseite"], .away)
            out.assign(["weggeschoben", "wegschob", "weggeschubst"], .pushAway)
            out.assign(["schrank", "kleiderschrank", "schublade", "keller", "dachboden"], .storage)
            out.assign(["hinten"], .rear)
            out.assign(["großen"], .wide)
            out.assign(["bogen"], .berth)
            out.assign(["trägt", "trug", "schläft"], .wear)
            out.assign(["sogar"], .even)
        case .pl:
            out.assign(
                [
                    "dzieci", "dzieciaki", "syn", "córka", "żona", "mąż", "partner", "partnerka", "chłopak",
                    "dziewczyna", "przyjaciel", "przyjaciółka", "znajomi", "koledzy", "kolegów", "koleżanki",
                    "goście", "gości", "wszyscy", "sąsiedzi", "sąsiad", "sąsiadka", "pies", "psy", "kot", "koty",
                    "szczeniak", "dziecko", "niemowlę", "mama", "tata", "brat", "siostra", "teściowa", "teść",
                    "wnuk", "wnuczka", "oni", "one", "ludzie", "rodzina", "mężczyzna", "kobieta",
                ], .other)
            out.assign(["ja", "my"], .speaker)
            out.assign(
                [
                    "zamówił", "zamówiła", "zamówili", "zamówiło", "zamówiły", "kupił", "kupiła", "kupili", "kupiło",
                    "kupiły",
                ], .buy)
            out.assign(["sam", "samą", "samo", "same", "swojej", "swojego", "swoją", "swoich", "własnej"], .same)
            out.assign(["kłócą", "kłócili", "kłóciły", "biją"], .quarrel)
            out.assign(["kto", "czyj"], .who)
            out.assign(["pożycza", "pożyczyła", "pożyczył", "pożyczają", "podbiera"], .borrow)
            out.assign(["ciągle", "wciąż", "zawsze"], .often)
            out.assign(["zapomina", "zapomniała", "zapomniał", "zapominają"], .forget)
            out.assign(["oddać", "oddała", "oddał", "oddali", "oddaje", "oddały"], .giveBack)
            out.assign(["wrócił", "wróciła", "wrócili", "wróciły", "wraca", "wrócić"], .wentBack)
            out.assign(["pieniądze", "pieniędzy", "zwrot"], .money)
            out.assign(["starej", "stary", "starego", "starą", "stare", "starych"], .old)
            out.assign(["nową", "nowe", "nowy", "nowego", "nowej"], .new)
            out.assign(["zatrzymał", "zatrzymała", "zaczepił", "zaczepiła"], .stop)
            out.assign(["śmiali", "śmiał", "śmiała", "śmiały", "zaśmiali"], .laugh)
            out.assign(["z", "ze"], .at)
            out.assign(["żart", "żarty", "żartów", "dowcip", "klaun", "film"], .joke)
            out.assign(
                [
                    "zapytał", "zapytała", "zapytać", "pyta", "pytają", "pytał", "pytała", "pytali", "prosili",
                    "prosił", "prosiła", "poprosił", "poprosiła", "poprosili",
                ], .ask)
            out.assign(["czy"], .whether)
            out.assign(
                [
                    "używany", "używana", "używane", "używanym", "używaną", "podróbka", "podróbką", "podrabiany",
                    "zepsuty", "zepsuta", "zepsutym",
                ], .suspicion)
            out.assign(["jest", "był", "była", "było", "wygląda"], .copula)
            out.assign(["wyłączenie", "wyłączyć", "ściszyć", "ściszenie"], .offAlone)
            out.assign(["gdzie", "skąd", "jakiej", "jakiego"], .whereFrom)
            out.assign(["marki", "marka", "firmy"], .brand)
            out.assign(["zostawiła", "zostawił", "zostawili", "zostawiły", "zostawia", "zostawiają"], .leave)
            out.assign(["talerzu", "talerzach", "talerz", "talerze", "talerzy"], .plate)
            out.assign(["odmawia", "odmówił", "odmówiła", "odmawiają", "odmówili"], .refuse)
            out.assign(["płacze", "płakał", "płakała", "krzyczy", "wrzeszczy", "ryczy"], .cry)
            out.assign(["każdym", "każdej", "każdy", "każdego"], .every)
            out.assign(["razem"], .time)
            out.assign(["nocy", "noc", "dnia", "dzień", "wieczór", "wieczoru"], .unit)
            out.assign(["od", "odkąd"], .since)
            out.assign(["drugą", "trzecią", "czwartą", "drugi", "trzeci"], .ordinal)
            out.assign(["porcję", "porcji"], .helping)
            out.assign(["dokładkę", "dokładki"], .helpingAlone)
            out.assign(["dotknął", "dotknęła", "dotknęły", "dotknęli", "tknął", "tknęła"], .touch)
            out.assign(["go", "ją", "je", "to"], .pronoun)
            out.assign(["odsunęły", "odsunął", "odsunęła", "odsunęli"], .pushAway)
            out.assign(["szafy", "szafie", "szuflady", "szufladzie", "strych", "piwnicy"], .storage)
            out.assign(["dno", "dnie"], .rear)
            out.assign(["szerokim"], .wide)
            out.assign(["łukiem"], .berth)
            out.assign(["nosi", "nosiła", "śpi"], .wear)
            out.assign(["nawet"], .even)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads how other people reacted (`SentimentRules+Reactions`): runs after the treatment and
    /// before negation.
    func markReactions(_ info: UnsafeMutablePointer<Info>, _ n: Int) {
        // Most sentences have none of the words that start a reaction.
        let any = anyIndex(n) { info[$0].reaction.startsAReaction }
        guard any else { return }
        guard let (at, praise, parts) = reaction(info, n) else { return }
        // The other way, a word of the sentence decides it; the reaction's own words count
        // nothing ("fight", "laughed", "forgetting", "hasn't touched").
        for k in 0..<n where !parts.contains(k) && !info[k].fixed {
            if praise
                ? info[k].valence <= -SentimentRules.reactionGuard : info[k].valence >= SentimentRules.reactionGuard
            {
                return
            }
        }
        // (A negating phrase, "niet meer", is read as the negation of the reaction's word.)
        for k in parts where !info[k].fixed || (info[k].phrase && info[k].ownNegation) {
            info[k].valence = 0
            // "hasn't touched": the negation is read.
            if info[k].negator { info[k].negatedSomething = true }
        }
        info[at].valence = praise ? SentimentRules.reactionValence : -SentimentRules.reactionValence
        info[at].fixed = true
    }

    /// The word that decides a reaction, whether it is praise, and the words that tell it, or nil.
    private func reaction(_ info: UnsafeMutablePointer<Info>, _ n: Int) -> (Int, Bool, [Int])? {
        func role(_ j: Int) -> SentimentRules.Reaction { j >= 0 && j < n ? info[j].reaction : .none }
        /// The first word of kind `a` or `b` within `reach` words after `k` (before it, for a
        /// negative reach).
        func find(_ a: SentimentRules.Reaction, _ b: SentimentRules.Reaction? = nil, from k: Int, reach: Int) -> Int? {
            let range = reach > 0 ? (k + 1)...(k + reach) : (k + reach)...(k - 1)
            for j in range {
                let r = role(j)
                if r == a || r == b { return j }
            }
            return nil
        }
        /// Whether a negator, or a negating phrase (Dutch "niet meer"), is one to three words
        /// before `k`.
        func negated(_ k: Int) -> Bool {
            for j in max(0, k - 3)..<k where info[j].negator || info[j].ownNegation { return true }
            return false
        }
        var other = false, money = false, joke = false, since = -1
        for k in 0..<n {
            switch info[k].reaction {
            case .other: other = true
            case .money: money = true
            case .joke: joke = true
            case .since where since < 0: since = k
            default: break
            }
        }
        for k in 0..<n where !info[k].fixed {
            switch info[k].reaction {
            // Turning from it.
            case .pushAway:
                return (k, false, [k])
            case .push:
                if let j = find(.away, from: k, reach: 4) { return (k, false, [k, j]) }
            case .leave:
                if let j = find(.plate, from: k, reach: 6) ?? find(.plate, from: k, reach: -6) {
                    return (k, false, [k, j])
                }
            case .old:
                // "back to his old bowl", "wrócił do starej miski", "zu seinem alten Napf".
                // The new one it was compared with counts nothing ("sniffed the new food").
                let back = find(.back, .wentBack, from: k, reach: -4)
                guard back != nil || (role(k - 1) == .theirs && role(k - 2) == .toward) else { break }
                var parts = [k] + (back.map { [$0] } ?? [])
                for j in 0..<n where info[j].reaction == .new { parts.append(j) }
                return (k, false, parts)
            case .give, .giveBack:
                // (Dutch and German put "terug", "zurück" far after the verb or just before it.)
                let back =
                    info[k].reaction == .giveBack
                    ? k : find(.back, from: k, reach: 9) ?? find(.back, from: k, reach: -2)
                // Given back by someone else ("My daughter handed the dress back"), not money, and
                // not by the speaker ("I'll give you a ride back").
                guard let back, !money, other, !bySpeaker(k, info) else { break }
                // "forgetting to give them back", "vergisst, sie zurückzugeben": kept, praise.
                if let j = find(.forget, from: k, reach: -3) { return (k, true, [j, k, back]) }
                return (k, false, [k, back])
            case .laugh where !joke && !bySpeaker(k, info):
                if let j = find(.at, from: k, reach: 3) ?? find(.at, from: k, reach: -4) { return (k, false, [k, j]) }
            case .ask where !bySpeaker(k, info):
                // "asked whether the coat was second-hand", "ob der Mantel gebraucht ist": not
                // "asked if I had used one before".
                if let w = find(.whether, from: k, reach: 3), let s = find(.suspicion, from: w, reach: 6),
                    role(s - 1) == .copula || role(s + 1) == .copula
                {
                    return (s, false, [k, w, s])
                }
                // "asked us to switch the heater off", "uit te zetten": not "10% off".
                if let o = find(.offAlone, from: k, reach: 10) { return (k, false, [k, o]) }
                if let o = find(.off, from: k, reach: 10),
                    find(.switchOver, from: o, reach: -3) != nil || find(.switchOver, from: o, reach: 3) != nil
                {
                    return (k, false, [k, o])
                }
                // "stopped me to ask", "zatrzymał mnie, żeby zapytać": the stop counts nothing.
                if other, let w = find(.whereFrom, .brand, from: k, reach: 6) {
                    return (k, true, [k, w] + (find(.stop, from: k, reach: -5).map { [$0] } ?? []))
                }
            case .offAlone:
                if find(.ask, from: k, reach: -8) != nil { return (k, false, [k]) }
            case .refuse where info[k].valence >= 0:
                // ("refused" has a valence of its own in most lexicons.)
                return (k, false, [k])
            case .cry:
                if let e = find(.every, from: k, reach: 5), role(e + 1) == .time || role(e + 2) == .time {
                    return (k, false, [k])
                }
            case .storage:
                if let j = find(.back, .rear, from: k, reach: -3) { return (k, false, [j, k]) }
            case .berth where role(k - 1) == .wide:
                return (k, false, [k - 1, k])
            // Wanting it.
            case .helpingAlone:
                return (k, true, [k])
            case .helping, .plate:
                if role(k - 1) == .ordinal || role(k - 2) == .ordinal { return (k, true, [k]) }
            case .buy where other && !bySpeaker(k, info):
                if let j = find(.same, from: k, reach: 7) ?? find(.same, from: k, reach: -3) {
                    return (k, true, [k, j])
                }
            case .quarrel where other:
                if let j = find(.who, from: k, reach: 5) { return (k, true, [k, j]) }
            case .borrow where other && !money && !bySpeaker(k, info):
                // "and forgetting to give them back", "ständig", "ciągle": kept, and often.
                var parts = [k]
                for j in 0..<n where info[j].reaction == .forget || info[j].reaction == .often { parts.append(j) }
                return (k, true, parts)
            case .every where role(k + 1) == .unit && since >= 0 && other:
                // "The dog has slept in it every night since": used by someone else.
                return (k, true, [k, k + 1])
            case .touch where negated(k):
                // "hasn't touched his tablet since the Lego came": not "since it came".
                guard since > k, role(since + 1) != .pronoun, role(since + 2) != .pronoun else { break }
                var parts = [k]
                for j in max(0, k - 3)..<k where info[j].negator || info[j].ownNegation { parts.append(j) }
                return (k, true, parts)
            case .wear:
                if let j = find(.even, from: k, reach: 3) ?? find(.even, from: k, reach: -3) {
                    return (k, true, [k, j])
                }
            default:
                break
            }
        }
        return nil
    }

    /// Whether the nearest word for a person before `k` in its clause is the speaker.
    private func bySpeaker(_ k: Int, _ info: UnsafeMutablePointer<Info>) -> Bool {
        var j = k - 1
        while j >= 0 {
            if info[j].reaction == .speaker { return true }
            if info[j].reaction == .other || info[j].clauseStart { break }
            j -= 1
        }
        return false
    }
}

extension SentimentRules.Reaction {
    /// Whether the word can tell a reaction by itself or as the word that decides one.
    var startsAReaction: Bool {
        switch self {
        case .pushAway, .push, .leave, .old, .give, .giveBack, .laugh, .ask, .offAlone, .refuse, .cry, .storage,
            .berth, .helpingAlone, .helping, .plate, .buy, .quarrel, .borrow, .every, .touch, .wear:
            true
        default: false
        }
    }
}
