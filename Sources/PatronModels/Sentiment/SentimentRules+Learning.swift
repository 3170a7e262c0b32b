/// A verdict told by what the customer understood, learned or could do afterwards (issue 19,
/// thirty-ninth round). "After the cooking class I bake my own bread every Sunday", "Guiden
/// berättade historien om varje hus", "Die App erklärt jede Einstellung", and "Na het hele boek
/// kan ik nog steeds geen trui breien", "Farmaceutka pokazała tylko na ulotkę". No word in them
/// says good or bad. Each reading is made only in a part of a clause no other word of which
/// already leans ("I still can't believe how good it is" is the lexicon's).
///
/// - **Still unable** ("still can't", "hittar fortfarande inte", "nog steeds geen", "immer noch
///   nicht", "nadal nie umiem"): a still word with a negated can, know, understand or find is a
///   complaint.
/// - **After a lesson** ("after the course", "efter kursen", "na het lezen", "nach dem Kochkurs",
///   "po kursie", "three weeks into the course", "thanks to this book"): in the same sentence a
///   can, a now or finally, "on my own" or "my own" is praise; negated a complaint. A know or
///   understand is praise too.
/// - **Knowing or understanding**: with "exactly" or "finally" ("I know exactly what I can
///   deduct", "begrijp ik eindelijk") praise; understanding negated ("words I didn't
///   understand", "których nie rozumiałam") a complaint, not before "why" or "without" ("I
///   don't understand why anyone complains", "don't know what I'd do without it").
/// - **Explaining or showing** ("explained each dish", "visade hur", "legt elk begrip uit",
///   "zeigt genau, wie", "pokazała, jak", "erklären sich von selbst") with how, what, where,
///   which or each after it is praise, unless the customer did it ("I explained what …");
///   negated ("explained nothing", "ingen kunde förklara", "Keiner … konnte mir sagen",
///   "nergens uitgelegd") a complaint; with only ("just pointed at the leaflet", "zeigte nur auf",
///   "herhaalt alleen", "powtarza tylko") a complaint.
/// - **Assumed known**: a can or know with "already" after an assume word ("assumes you already
///   know everything", "utgår från att man redan kan allt", "zakłada, że wszystko już wiemy") is
///   a complaint.
/// - **Without help** ("parallel park without help", "utan hjälp", "zonder hulp", "ohne Hilfe",
///   "bez pomocy", "without asking me") is praise, not where someone was left or stood so.
extension SentimentRules {
    /// What a word does in a verdict told by what was understood, learned or could be done.
    enum Learning: Sendable, Equatable {
        case none
        /// "course", "lesson", "book", "kurs", "les", "Kurs", "lekcjach", and compounds ending so.
        case lesson
        /// "after", "into", "thanks", "efter", "na", "dankzij", "nach", "po", "dzięki": before a
        /// lesson.
        case after
        /// "can", "could", "can't", "kan", "kunde", "kon", "kann", "konnte", "potrafię", "umiem".
        case able
        /// "own", "myself", "själv", "eget", "zelf", "eigen", "selbst", "sama", "własny".
        case alone
        /// "now", "nu", "jetzt", "teraz": after a lesson.
        case now
        /// "finally", "äntligen", "eindelijk", "endlich", "wreszcie": after a lesson, or understood.
        case finally
        /// "still", "fortfarande", "nadal", "wciąż".
        case still
        /// "nog", "noch": a still word beside `stillPart` ("nog steeds", "immer noch").
        case yet
        /// "steeds", "altijd", "immer": still, beside `yet`.
        case stillPart
        /// "know", "knew", "remember", "find", "follow", "vet", "minns", "hittar", "weet", "weiß",
        /// "finde", "wiem", "pamiętam", "znaleźć".
        case know
        /// "understand", "understood", "förstod", "begrijp", "verstanden", "rozumiem",
        /// "zrozumiałam".
        case understand
        /// "explained", "explains", "förklarade", "legt", "erklärt", "wyjaśnił": explaining, said of
        /// someone who did it.
        case explain
        /// "explain", "förklara", "uitleggen", "wyjaśnić": an infinitive, read only negated ("never
        /// stopped to explain").
        case explainBase
        /// "showed", "visade", "toonde", "zeigte", "pokazała": explaining with a recipient beside it
        /// ("showed me how"; not "shows how hard it is").
        case show
        /// "me", "us", "mig", "mij", "mir", "mi": whom it was shown.
        case recipient
        /// "to", "att", "te", "zu": before an infinitive ("would like to explain").
        case to
        /// "how", "what", "where", "which", "hur", "hoe", "wie", "jak": what is explained.
        case wh
        /// "why", "varför", "waarom", "warum", "dlaczego": not what a reading is of.
        case why
        /// "each", "every", "varje", "elk", "jede", "każdy": what is explained.
        case every
        /// "exactly", "precis", "precies", "genau", "dokładnie".
        case exactly
        /// "only", "just", "bara", "alleen", "nur", "tylko".
        case only
        /// "pointed", "referred", "repeated", "pekade", "hänvisade", "herhaalt", "verwies",
        /// "wiederholt", "powtarza", "odesłał": fobbing off, with `only`.
        case fobOff
        /// "help", "asking", "hjälp", "fråga", "hulp", "Hilfe", "fragen", "pomocy": after "without".
        case help
        /// "left", "stranded", "lämnades", "gelaten", "gelassen", "zostawieni": left without help.
        case left
        /// "I", "we", "jag", "vi", "ik", "ich", "wir": the customer did the explaining.
        case speaker
        /// "nobody", "ingen", "niemand", "keiner", "nikt": a negator that opens the part it negates.
        case nobody
        /// "assumes", "utgår", "förutsätter", "ervan", "voraus", "zakłada": taking for granted.
        case assume
        /// "already", "redan", "al", "schon", "bereits", "już".
        case already
    }

    /// The words of `language`'s verdicts told by what was understood, learned or could be done.
    static func learning(_ language: Language) -> [String: Learning] {
        var out = [String: Learning]()
        switch language {
        case .en:
            out.assign(
                [
                    "course", "courses", "class", "classes", "lesson", "lessons", "workshop", "tutorial", "training",
                    "chapter", "chapters", "book", "session", "sessions", "lecture", "video",
                ], .lesson)
            out.assign(["after", "into", "thanks"], .after)
            out.assign(["can", "could", "can't", "cannot", "couldn't", "cant", "couldnt", "able"], .able)
            out.assign(["own", "myself", "herself", "himself", "themselves", "ourselves"], .alone)
            out.assign(["now"], .now)
            out.assign(["finally"], .finally)
            out.assign(["still"], .still)
            out.assign(["know", "knew", "remember", "find", "follow"], .know)
            out.assign(["understand", "understood", "understands"], .understand)
            out.assign(["explained", "explains", "taught", "teaches"], .explain)
            out.assign(["explain"], .explainBase)
            out.assign(["showed", "shows", "show"], .show)
            out.assign(["me", "us"], .recipient)
            out.assign(["to"], .to)
            out.assign(["how", "what", "where", "which"], .wh)
            out.assign(["why"], .why)
            out.assign(["each", "every", "everything"], .every)
            out.assign(["exactly"], .exactly)
            out.assign(["only", "just"], .only)
            out.assign(["pointed", "referred", "repeated", "repeats"], .fobOff)
            out.assign(["help", "asking", "assistance"], .help)
            out.assign(["left", "stranded"], .left)
            out.assign(["i", "we"], .speaker)
            out.assign(["assumes", "assume", "assumed"], .assume)
            out.assign(["already"], .already)
            out.assign(["nobody"], .nobody)
        case .sv:
            out.assign(
                [
                    "kurs", "kursen", "kurser", "lektion", "lektionen", "lektioner", "lektionerna", "genomgång",
                    "genomgången", "bok", "boken", "kapitel", "kapitlet", "verkstad", "verkstaden", "utbildning",
                    "utbildningen", "föreläsning", "föreläsningen",
                ], .lesson)
            out.assign(["efter", "in", "tack"], .after)
            out.assign(["kan", "kunde", "klarar", "klarade"], .able)
            out.assign(["själv", "själva", "eget", "egen", "egna"], .alone)
            out.assign(["nu"], .now)
            out.assign(["äntligen"], .finally)
            out.assign(["fortfarande"], .still)
            out.assign(["vet", "visste", "minns", "hittar", "hittade"], .know)
            out.assign(["förstår", "förstod", "begriper", "begrep", "fattar", "fattade"], .understand)
            out.assign(["förklarade", "förklarar", "lärde", "berättade"], .explain)
            out.assign(["förklara"], .explainBase)
            out.assign(["visade", "visar"], .show)
            out.assign(["mig", "oss"], .recipient)
            out.assign(["att"], .to)
            out.assign(["hur", "vad", "var", "vilka", "vilken", "vilket"], .wh)
            out.assign(["varför"], .why)
            out.assign(["varje", "allt"], .every)
            out.assign(["precis", "exakt"], .exactly)
            out.assign(["bara", "endast"], .only)
            out.assign(["pekade", "hänvisade", "upprepade", "upprepar"], .fobOff)
            out.assign(["hjälp", "fråga"], .help)
            out.assign(["lämnades", "lämnade", "stod"], .left)
            out.assign(["jag", "vi"], .speaker)
            out.assign(["utgår", "förutsätter"], .assume)
            out.assign(["redan"], .already)
            out.assign(["ingen"], .nobody)
        case .nl:
            out.assign(
                [
                    "cursus", "les", "lessen", "boek", "hoofdstuk", "hoofdstukken", "workshop", "training", "lezen",
                    "college", "video",
                ], .lesson)
            out.assign(["na", "dankzij"], .after)
            out.assign(["kan", "kon", "kun", "kunnen", "konden"], .able)
            out.assign(["zelf", "eigen", "zelfstandig"], .alone)
            out.assign(["nu"], .now)
            out.assign(["eindelijk"], .finally)
            out.assign(["nog"], .yet)
            out.assign(["steeds", "altijd"], .stillPart)
            out.assign(["weet", "wist", "onthoud", "onthoudt", "volgen"], .know)
            out.assign(["begrijp", "begrijpt", "begreep", "begrepen", "snap", "snapt", "snapte"], .understand)
            out.assign(["legt", "legde", "uitgelegd", "uitlegt", "vertelde", "leerde"], .explain)
            out.assign(["uitleggen", "leggen"], .explainBase)
            out.assign(["toont", "toonde", "getoond"], .show)
            out.assign(["mij", "me", "ons"], .recipient)
            out.assign(["te"], .to)
            out.assign(["hoe", "wat", "waar", "welke"], .wh)
            out.assign(["waarom"], .why)
            out.assign(["elk", "elke", "ieder", "iedere", "alles"], .every)
            out.assign(["precies", "exact"], .exactly)
            out.assign(["alleen", "slechts"], .only)
            out.assign(["wees", "verwees", "herhaalt", "herhaalde"], .fobOff)
            out.assign(["hulp", "vragen"], .help)
            out.assign(["gelaten", "stonden"], .left)
            out.assign(["ik", "wij", "we"], .speaker)
            out.assign(["ervan", "veronderstelt"], .assume)
            out.assign(["al"], .already)
            out.assign(["niemand"], .nobody)
        case .de:
            out.assign(
                [
                    "kurs", "kurses", "kursen", "lektion", "lektionen", "workshop", "workshops", "buch", "kapitel",
                    "video", "schulung", "stunde", "stunden", "lesen",
                ], .lesson)
            out.assign(["nach", "dank"], .after)
            out.assign(["kann", "konnte", "kannst", "können", "konnten"], .able)
            out.assign(
                ["selbst", "selber", "allein", "alleine", "eigenes", "eigene", "eigenen", "selbstständig"], .alone)
            out.assign(["jetzt", "nun"], .now)
            out.assign(["endlich"], .finally)
            out.assign(["weiterhin"], .still)
            out.assign(["noch"], .yet)
            out.assign(["immer"], .stillPart)
            out.assign(["weiß", "wusste", "erinnere", "finde"], .know)
            out.assign(["verstehe", "versteht", "verstanden", "verstand", "kapiert"], .understand)
            out.assign(["erklärt", "erklärte", "erklären", "beigebracht"], .explain)
            out.assign(["zeigt", "zeigte", "zeigen", "gezeigt"], .show)
            out.assign(["mir", "uns"], .recipient)
            out.assign(["zu"], .to)
            out.assign(["wie", "was", "wo", "welche", "welcher", "welches"], .wh)
            out.assign(["warum", "wieso"], .why)
            out.assign(["jede", "jeden", "jeder", "jedes", "alles"], .every)
            out.assign(["genau", "exakt"], .exactly)
            out.assign(["nur", "bloß", "lediglich"], .only)
            out.assign(["verwies", "wiederholt", "wiederholte"], .fobOff)
            out.assign(["hilfe", "fragen"], .help)
            out.assign(["gelassen", "standen"], .left)
            out.assign(["ich", "wir"], .speaker)
            out.assign(["voraus", "setzt"], .assume)
            out.assign(["schon", "bereits"], .already)
            out.assign(["keiner", "niemand"], .nobody)
        case .pl:
            out.assign(
                [
                    "kurs", "kursu", "kursie", "kursach", "lekcja", "lekcji", "lekcjach", "lekcjami", "jazdach",
                    "warsztatach", "warsztatów", "książce", "książki", "rozdziale", "rozdziałów", "filmie",
                    "szkoleniu", "szkolenia", "korepetycjach", "zajęciach", "zajęć",
                ], .lesson)
            out.assign(["po", "dzięki"], .after)
            out.assign(
                ["potrafię", "potrafi", "umiem", "umie", "mogę", "umiał", "umiała", "potrafił", "potrafiła"], .able)
            out.assign(["sam", "sama", "samo", "samodzielnie", "własny", "własną", "własne"], .alone)
            out.assign(["teraz"], .now)
            out.assign(["wreszcie", "nareszcie"], .finally)
            out.assign(["nadal", "wciąż", "ciągle"], .still)
            out.assign(
                ["wiem", "wie", "wiemy", "wiedziałam", "wiedziałem", "pamiętam", "znaleźć", "znalazłam", "znalazłem"],
                .know)
            out.assign(
                [
                    "rozumiem", "rozumie", "rozumiałam", "rozumiałem", "zrozumiałam", "zrozumiałem", "zrozumiał",
                    "zrozumiała", "zrozumieli",
                ], .understand)
            out.assign(
                [
                    "wyjaśnił", "wyjaśniła", "wyjaśnia", "wytłumaczył", "wytłumaczyła", "tłumaczy", "nauczył",
                    "nauczyła", "opowiedział", "opowiedziała",
                ], .explain)
            out.assign(["wyjaśnić", "wytłumaczyć"], .explainBase)
            out.assign(["pokazał", "pokazała", "pokazuje"], .show)
            out.assign(["mi", "nam"], .recipient)
            out.assign(["jak", "co", "gdzie", "który", "która", "które", "kiedy", "czym"], .wh)
            out.assign(["dlaczego", "czemu"], .why)
            out.assign(["każdy", "każde", "każdą", "każda", "każdego", "każdej", "wszystko"], .every)
            out.assign(["dokładnie"], .exactly)
            out.assign(["tylko", "jedynie"], .only)
            out.assign(["odesłał", "odesłała", "powtarza", "powtórzył", "powtórzyła"], .fobOff)
            out.assign(["pomocy", "pytania"], .help)
            out.assign(["zostawieni", "zostawiona", "zostawiony", "zostaliśmy"], .left)
            out.assign(["nikt"], .nobody)
            out.assign(["zakłada", "zakładają", "zakładał"], .assume)
            out.assign(["już"], .already)
        }
        return out
    }

    /// Endings of compounds that name a lesson ("matlagningskursen", "kookcursus", "Fahrstunden").
    static let lessonEndings: [[UInt8]] = ["kurs", "kursen", "kurses", "cursus", "lektioner", "stunden", "lessen"].map {
        Array($0.utf8)
    }
}

extension SentimentScorer {
    /// Whether `word` is a compound ending in a lesson (`SentimentRules.lessonEndings`, three
    /// bytes or more before it).
    static func isLessonCompound(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count >= 7, let last = word.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "n")
        else { return false }
        return compound(word, endsWithOneOf: SentimentRules.lessonEndings)
    }

    /// Whether `word` ends with one of `endings` after three bytes or more.
    static func compound(_ word: UnsafeBufferPointer<UInt8>, endsWithOneOf endings: [[UInt8]]) -> Bool {
        for ending in endings where word.count >= ending.count + 3 {
            if word[(word.count - ending.count)...].elementsEqual(ending) { return true }
        }
        return false
    }

    /// Reads a verdict told by what was understood, learned or could be done
    /// (`SentimentRules+Learning`): runs after handling and before negation; each reading reads
    /// its own negation. Not in a question.
    func markLearning(_ info: UnsafeMutablePointer<Info>, _ n: Int, question: Bool, negatesBackward: Bool) {
        let any = !question && anyIndex(n) { info[$0].learning.decides && !info[$0].fixed }
        guard any else { return }
        func role(_ j: Int) -> SentimentRules.Learning { j >= 0 && j < n ? info[j].learning : .none }
        func isStill(_ j: Int) -> Bool {
            role(j) == .still || role(j) == .stillPart && (role(j - 1) == .yet || role(j + 1) == .yet)
        }
        // A lesson with an "after" word one to five words before it frames the sentence.
        var framed = false
        for k in 0..<n where role(k) == .lesson {
            for j in max(0, k - 5)..<k where role(j) == .after { framed = true }
        }
        for k in 0..<n where !info[k].fixed && info[k].learning.decides {
            let span = self.span(of: k, info, n) { _ in false }
            // Not the first word of its clause: not an imperative ("Show me how", "Erklärt bitte").
            let opensClause = k == clause(of: k, info, n).lowerBound
            func has(_ test: (Int) -> Bool, _ range: Range<Int>? = nil) -> Int? {
                for j in (range ?? span).clamped(to: span) where j != k && test(j) { return j }
                return nil
            }
            let ahead = (k + 1)..<min(n, k + 6)
            let whAt = ahead.first { role($0) == .wh || role($0) == .every || role($0) == .why }
            let wh = whAt.map { role($0) }
            // What is known, understood or explained ("what was wrong with my knee", "jak działa
            // ta taryfa") is no verdict: the part is read up to it, and it counts nothing.
            let r = info[k].learning
            let told: Range<Int>? =
                wh == .wh && [.know, .understand, .explain, .show, .explainBase].contains(r)
                ? whAt!..<clause(of: whAt!, info, n).upperBound : nil
            // Only where no other word of the part leans (and none is another rule's reading).
            // (A still word's own lean, "nog steeds", is not another word's.)
            let quiet =
                has(
                    {
                        (info[$0].valence != 0 && !info[$0].negator || info[$0].fixed) && !isStill($0)
                            && role($0) != .yet
                    },
                    span.lowerBound..<(told?.lowerBound ?? span.upperBound)) == nil
            let negator: Int? =
                info[k].negator
                ? k
                : perceptionNegator(of: k, info, n, negatesBackward: negatesBackward).flatMap {
                    span.contains($0) ? $0 : nil
                }
                    // "Nobody in the shop could tell me": a "nobody" opening the part negates it.
                    ?? has({ role($0) == .nobody && $0 < k && k - $0 <= 6 })
            let still = has({ isStill($0) }) != nil
            let sure = quiet && wh != .why
            // Said of someone who did it: not an imperative opening its clause ("Show me how"), not
            // an infinitive ("to explain"), nor the customer ("I explained what I needed").
            let done =
                !opensClause && role(k - 1) != .to
                && has({ role($0) == .speaker }, span.lowerBound..<k) == nil
            let recipient = has({ role($0) == .recipient }, max(0, k - 3)..<min(n, k + 2)) != nil
            var praise: Bool
            if r == .help {
                guard let j = has({ info[$0].without }, max(0, k - 4)..<k), quiet,
                    has({ role($0) == .left }, span.lowerBound..<j) == nil
                else { continue }
                takeNegator(j, info)
                settle(k, praise: true, over: span, info)
                continue
            } else if (r == .able || r == .know) && quiet && negator == nil && has({ role($0) == .already }) != nil
                && (max(0, k - 8)..<k).contains(where: { role($0) == .assume })
            {
                praise = false
            } else if (r == .able || r == .know || r == .understand) && still && negator != nil && quiet {
                praise = true  // turned by its negation below
            } else if (r == .able || r == .alone || r == .now || r == .finally) && framed && quiet {
                praise = true
            } else if (r == .know || r == .understand) && sure
                && (framed
                    || negator == nil
                        && has({ role($0) == .finally })
                            ?? has({ role($0) == .exactly && wh == .wh }, ahead) != nil)
            {
                praise = true
            } else if r == .understand && sure && negator != nil
                && has({ info[$0].without }, k..<span.upperBound) == nil
            {
                praise = true
            } else if quiet && negator == nil && done
                && (r == .fobOff && has({ role($0) == .only }) != nil
                    || (r == .explain || r == .show) && (role(k - 1) == .only || role(k + 1) == .only))
            {
                praise = false
            } else if (r == .explain || r == .explainBase) && quiet && negator != nil && !opensClause {
                praise = true
            } else if (r == .explain || r == .show && recipient) && quiet && done
                && (wh == .wh || wh == .every || r == .explain && has({ role($0) == .alone }, ahead) != nil)
            {
                praise = true
            } else {
                continue
            }
            if let j = negator {
                praise.toggle()
                takeNegator(j, info)
            }
            if let told {
                for j in told where !info[j].fixed {
                    info[j].valence = 0
                    if info[j].negator { takeNegator(j, info) }
                }
            }
            settle(k, praise: praise, over: span.lowerBound..<(told?.lowerBound ?? span.upperBound), info)
        }
    }
}

extension SentimentRules.Learning {
    /// Whether the word is one a reading can be decided on (the rest only tell it).
    var decides: Bool {
        switch self {
        case .able, .alone, .now, .finally, .know, .understand, .explain, .explainBase, .show, .fobOff, .help: true
        default: false
        }
    }
}
