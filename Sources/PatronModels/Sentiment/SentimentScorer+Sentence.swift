extension SentimentScorer {
    /// What scoring needs to know of one kept token (a two-word phrase of the vocabulary is
    /// one token, carrying its own negation; an emoji or emoticon is "fixed" too).
    struct Info {
        var valence: Double
        var booster: Double
        var negator: Bool, contrast: Bool, shouted: Bool, fixed: Bool, phrase: Bool, negated: Bool
        /// "und", "en", "och": backward negation does not reach across it.
        var joiner = false
        /// A comma or semicolon comes before it: negation does not reach back across that either.
        var clauseStart = false
        /// A split phrase ("stelt … teleur"): a negator inside it negates it ("stelt niet teleur").
        var split = false
        /// A phrase whose first word is a negator ("nie działa", "not worth"): a negator before
        /// it agrees with that one ("nigdy nie działa", never works) and negates nothing.
        var ownNegation = false
        /// A negator that may complain by itself when it negates nothing ("Passt nicht"); not
        /// "without", and not a negator inside a phrase.
        var mayDangle = false
        /// It negated a sentiment word or phrase.
        var negatedSomething = false
        /// A fault: negated, it is praise.
        var problem = false
        /// It opens a concession: its clause counts less.
        var concessive = false
        /// "without", "ohne", "utan": a negator that negates only what follows it.
        var without = false
        /// "can", "kann": see `modal`, `ceiling` and `outdone` in `SentimentRules+Ceilings`.
        var modal = false
        var ceiling = SentimentRules.Ceiling.none
        /// A negator that says nothing could exceed what follows: it negates nothing.
        var outdone = false
        /// Its part in a counterfactual ("could … been"): see `SentimentRules+Irrealis`.
        var irrealis = SentimentRules.Irrealis.none
        /// Its part in a regret for not having done it sooner (`SentimentRules+Regret`).
        var regret = SentimentRules.Regret.none
        /// Its part in a verdict said by comparison (`SentimentRules+Comparison`).
        var comparison = SentimentRules.Comparison.none
        /// After "less", "minder", "weniger": negated, or, negated as well, not ("doesn't make
        /// it any less enjoyable").
        var lessened = false
        /// Its part in an expectation or a problem that went away (`SentimentRules+Expectation`).
        var expectation = SentimentRules.Expectation.none
        /// Its part in a verdict told as a measured fact (`SentimentRules+Measures`).
        var measure = SentimentRules.Measure.none
        /// A span of time or use after "after": a lean the measures may turn.
        var elapsed = false
        /// Its part in a number against what was promised, paid or usual (`SentimentRules+Figures`).
        var figure = SentimentRules.Figure.none
        /// The number it is (digits or a number word), or -1.
        var amount = -1.0
        /// Its part in a problem and what was done about it (`SentimentRules+Remedies`).
        var remedy = SentimentRules.Remedy.none
        /// Its part in a service told as its steps (`SentimentRules+Process`).
        var process = SentimentRules.Process.none
        /// Its part in what was charged and what was not (`SentimentRules+Charges`).
        var charge = SentimentRules.Charge.none
        /// Its part in a verdict told by the timeline (`SentimentRules+Timeline`).
        var timeline = SentimentRules.Timeline.none
        /// Its part in a verdict told by the price (`SentimentRules+Prices`).
        var price = SentimentRules.Price.none
        /// Its part in a verdict told by coming back or by leaving (`SentimentRules+Custom`).
        var custom = SentimentRules.Custom.none
        /// Its part in a verdict told by how the staff treated the customer
        /// (`SentimentRules+Treatment`).
        var treatment = SentimentRules.Treatment.none
        /// Its part in a verdict told by how other people reacted (`SentimentRules+Reactions`).
        var reaction = SentimentRules.Reaction.none
        /// Its part in a verdict told by fit (`SentimentRules+Fit`).
        var fit = SentimentRules.Fit.none
        /// Its part in a verdict told by what a thing did to what was around it
        /// (`SentimentRules+Collateral`).
        var collateral = SentimentRules.Collateral.none
        /// Its part in a verdict told by sound (`SentimentRules+Sound`).
        var sound = SentimentRules.Sound.none
        /// Its part in a verdict told by sight (`SentimentRules+Sight`).
        var sight = SentimentRules.Sight.none
        /// Its part in a verdict told by touch (`SentimentRules+Touch`).
        var touch = SentimentRules.Touch.none
        /// Its part in a verdict told by smell or taste (`SentimentRules+Smell`).
        var smell = SentimentRules.Smell.none
        /// Its part in a verdict told by weight and handling (`SentimentRules+Handling`).
        var handling = SentimentRules.Handling.none
        /// Its part in a verdict told by what was understood, learned or could be done
        /// (`SentimentRules+Learning`).
        var learning = SentimentRules.Learning.none
        /// Its part in a verdict told by what was asked for and what came (`SentimentRules+Requests`).
        var request = SentimentRules.Request.none
        /// Its part in a verdict told as advice to the reader (`SentimentRules+Advice`).
        var advice = SentimentRules.Advice.none
        /// Its part in a verdict told by how it matched what the seller showed or said
        /// (`SentimentRules+Listings`).
        var listing = SentimentRules.Listing.none
        /// The first five bytes of the word (`SentimentScorer.stem`), or zero.
        var stem: UInt32 = 0
    }

    /// What one sentence contributes: its compound score and what the learned layer reads of it.
    struct SentenceScore {
        var score: Double
        /// Whether its first word is a contrast word ("But …", "Aber …"): the sentence before
        /// it then counts less, this one more.
        var opensWithContrast: Bool
        /// Whether it tells a remedy read as praise ("They sent a new one"): the sentence before
        /// it counts less, this one more, as after a contrast word.
        var remedy = false
        /// Whether it says a promise was not kept ("That was eleven days ago"): the sentence
        /// before it counts less, this one more.
        var broken = false
        /// Sentiment words it negates, and those left positive and negative after negation.
        var negated = 0, positive = 0, negative = 0
        var contrast: Bool
    }

    /// The sentence's compound score, or nil when no word in it carries sentiment. `info` has
    /// room for one entry per token.
    func scoreSentence(
        _ r: SentenceReader, _ c: CompiledLanguage, _ info: UnsafeMutablePointer<Info>, complaintBefore: Bool,
        promised: inout Bool, started: inout TimePoint?
    )
        -> SentenceScore?
    {
        let toks = r.tokens, count = r.tokenCount
        var n = 0, i = 0
        // The particle of a split phrase already read ("ab" of "stürzt … ab"): not a word of its own.
        var particle = -1
        // The last number written in digits: its entry and how many digits it has.
        var lastDigits = (index: -1, count: 0)
        // Stems are needed only after a request word (`markRequests`): most sentences have none.
        var requested = false
        while i < count {
            let t = toks[i]
            if i == particle {
                i += 1
                continue
            }
            if let v = t.symbolValence {
                info[n] = Info(
                    valence: v, booster: 0, negator: false, contrast: false, shouted: false, fixed: true, phrase: false,
                    negated: false, clauseStart: t.clauseStart)
                n += 1
                i += 1
                continue
            }
            let w = r.word(t)
            let entry = c.words.lookup(w)
            // A rating in stars ("five stars", "1 Stern", "dwie gwiazdki"): out of five, or of
            // ten above five; a singular only after one or at the sentence's end ("a 5 star hotel").
            let stars = i + 1 < count ? CompiledLanguage.ratingNumber(w, entry) : -1
            if stars >= 0, stars <= 10, toks[i + 1].symbolValence == nil,
                let plural = c.starWords.lookup(r.word(toks[i + 1])), plural || stars == 1 || i + 2 == count
            {
                info[n] = Info(
                    valence: Rating.valence(share: Double(stars) / (stars <= 5 ? 5 : 10)), booster: 0,
                    negator: false, contrast: false, shouted: false, fixed: true, phrase: false, negated: false,
                    clauseStart: t.clauseStart)
                n += 1
                i += 2
                continue
            }
            if let entry, !entry.phrases.isEmpty, i + 1 < count, let v = c.phrase(entry, then: r.word(toks[i + 1])) {
                info[n] = Info(
                    valence: v, booster: 0, negator: false, contrast: false,
                    shouted: t.shouted && toks[i + 1].shouted, fixed: true, phrase: true, negated: false,
                    clauseStart: t.clauseStart, ownNegation: entry.negator)
                // (Polish "za dużą" after a sum is "for a large", not "too large", and "za mały"
                // "for a small": `markPrices`.)
                // (Dutch "nog steeds" is a phrase, and still: `markCustom`.)
                info[n].custom = entry.custom
                // (And still for `markLearning`.)
                if entry.learning == .yet, c.words.lookup(r.word(toks[i + 1]))?.learning == .stillPart {
                    info[n].learning = .still
                }
                // ("nothing but" is a phrase, and "only": `markSight`.)
                if entry.sight == .nothing, c.words.lookup(r.word(toks[i + 1]))?.sight == .but { info[n].sight = .only }
                // ("riecht nach" is a phrase, and smelling: `markSmell`.)
                info[n].smell = entry.smell
                if entry.price == .forWord {
                    info[n].price = c.words.lookup(r.word(toks[i + 1]))?.price == .small ? .forSmall : .forWord
                }
                n += 1
                i += 2
                continue
            }
            if let entry, !entry.gapped.isEmpty, particle < i, let (v, end) = splitPhrase(entry, from: i, r, c) {
                info[n] = Info(
                    valence: v, booster: 0, negator: false, contrast: false, shouted: t.shouted, fixed: true,
                    phrase: true, negated: false, clauseStart: t.clauseStart, split: true)
                particle = end
                n += 1
                i += 1
                continue
            }
            // A lean of its own: a wait told with its length ("waited an hour"), a span of
            // time or use after "after" ("nach zwei Wochen", "po pierwszym praniu": how soon
            // something failed), or what keeps happening ("keeps crashing", not "keeps going").
            let unit = entry?.waiting ?? .none
            let isWait = (unit == .minutes || unit == .long || unit == .longAlone) && waited(i, unit, r, c)
            let elapsed = !isWait && entry?.span == true && elapsedAfter(i, r, c)
            let lean: Double? =
                if isWait {
                    SentimentRules.waitValence
                } else if elapsed {
                    SentimentRules.elapsedValence
                } else if entry?.persists == true, i + 1 < count, toks[i + 1].symbolValence == nil,
                    Self.persistingFault(r.word(toks[i + 1]))
                {
                    SentimentRules.persistenceValence
                } else {
                    nil
                }
            if let lean {
                info[n] = Info(
                    valence: lean, booster: 0, negator: false, contrast: false, shouted: false, fixed: true,
                    phrase: false, negated: false, clauseStart: t.clauseStart)
                info[n].measure = entry?.measure ?? .none
                info[n].elapsed = elapsed
                n += 1
                i += 1
                continue
            }
            let regret = entry?.regret ?? .none
            info[n] = Info(
                valence: entry?.valence ?? prefixed(w, c) ?? compoundHead(w, c) ?? 0, booster: entry?.booster ?? 0,
                negator: entry?.negator ?? false, contrast: entry?.contrast ?? false,
                shouted: t.shouted, fixed: false, phrase: false, negated: false, joiner: entry?.joiner ?? false,
                clauseStart: t.clauseStart, mayDangle: entry.map { $0.negator && !$0.without } ?? false,
                problem: entry?.problem ?? false, concessive: entry?.concessive ?? false,
                without: entry?.without ?? false, modal: entry?.modal ?? false, ceiling: entry?.ceiling ?? .none,
                irrealis: entry?.irrealis ?? .none,
                // (A verb's ending tells the speaker only where a regret can be: in a question;
                // also of a verb with an entry for another rule, "kupiłam" of the custom.)
                regret: regret != .none ? regret : r.question && c.isSpeakerVerb(w) ? .speaker : .none,
                comparison: entry?.comparison ?? .none, expectation: entry?.expectation ?? .none,
                measure: entry?.measure ?? .none, figure: entry?.figure ?? .none, remedy: entry?.remedy ?? .none)
            info[n].process = entry?.process ?? .none
            info[n].charge = entry?.charge ?? .none
            info[n].timeline = entry?.timeline ?? .none
            info[n].price = entry?.price ?? .none
            info[n].custom = entry?.custom ?? .none
            info[n].treatment = entry?.treatment ?? .none
            info[n].reaction = entry?.reaction ?? .none
            info[n].fit = entry?.fit ?? .none
            info[n].collateral = entry?.collateral ?? .none
            info[n].sound = entry?.sound ?? .none
            info[n].sight = entry?.sight ?? .none
            info[n].touch = entry?.touch ?? .none
            info[n].smell = entry?.smell ?? .none
            info[n].handling = entry?.handling ?? .none
            info[n].learning = entry?.learning ?? (Self.isLessonCompound(w) ? .lesson : .none)
            info[n].request = entry?.request ?? .none
            info[n].advice = entry?.advice ?? .none
            info[n].listing = entry?.listing ?? (c.shownCompounds && Self.isShownCompound(w) ? .shown : .none)
            if info[n].request == .ask { requested = true }
            info[n].stem = requested ? Self.stem(w) : 0
            readAmount(w, t, entry, info, n, &lastDigits)
            n += 1
            i += 1
        }
        var mixedCase = false, any = false
        for k in 0..<count where !toks[k].shouted && toks[k].symbolValence == nil {
            mixedCase = true
            break
        }
        // An intensifier right before a sentiment word boosts it instead of counting itself.
        for k in 0..<n {
            if !info[k].fixed && info[k].booster != 0 && k + 1 < n && info[k + 1].valence != 0 { info[k].valence = 0 }
        }
        markOutdone(info, n)
        markIrrealis(info, n, reach: c.irrealisReach)
        let regretted = markRegret(info, n, question: r.question)
        markComparisons(info, n)
        markExpectations(info, n)
        markMeasures(info, n)
        markFigures(info, n)
        markRemedies(info, n, complaintBefore: complaintBefore)
        let broken = markProcess(info, n, promised: &promised)
        markCharges(info, n, negatesBackward: c.negatesBackward)
        markTimeline(info, n, started: &started)
        markPrices(info, n)
        markCustom(info, n)
        markTreatment(info, n)
        markReactions(info, n)
        markFit(info, n)
        markCollateral(info, n)
        markSound(info, n, negatesBackward: c.negatesBackward)
        markSight(info, n, negatesBackward: c.negatesBackward)
        markTouch(info, n, question: r.question, negatesBackward: c.negatesBackward)
        markSmell(info, n, question: r.question, negatesBackward: c.negatesBackward)
        markHandling(info, n, question: r.question, negatesBackward: c.negatesBackward)
        markLearning(info, n, question: r.question, negatesBackward: c.negatesBackward)
        markRequests(info, n, question: r.question)
        markAdvice(info, n, question: r.question, needsObject: c.adviceNeedsObject, negatesBackward: c.negatesBackward)
        markListings(info, n, question: r.question, negatesBackward: c.negatesBackward)
        for k in 0..<n where info[k].valence != 0 || info[k].mayDangle {
            any = true
            break
        }
        guard any else { return nil }
        for k in 0..<n where info[k].valence != 0 && (!info[k].fixed || info[k].phrase) {
            // A phrase ("buy again") is negated like a word ("won't buy again"), not boosted; a
            // negator in an earlier clause does not reach it ("Nothing wrong, excellent").
            for back in 1...3 where k - back >= 0 && !info[k].ownNegation {
                if info[k - back + 1].clauseStart { break }
                if info[k - back].negator && !info[k - back].fixed && !info[k - back].outdone {
                    info[k].negated = true
                    info[k - back].negatedSomething = true
                }
            }
            if info[k].phrase { continue }
            var v = info[k].valence
            // Boosters and dampeners up to three words before, fading with distance.
            for back in 1...3 where k - back >= 0 && info[k - back].booster != 0 {
                v += (v > 0 ? 1 : -1) * info[k - back].booster * (1.05 - 0.05 * Double(back))
            }
            if info[k].shouted && mixedCase { v += (v > 0 ? 1 : -1) * SentimentRules.capsBoost }
            info[k].valence = v
        }
        if c.negatesBackward {
            // A negator with no sentiment word after it in its clause negates the one before;
            // not "without", which negates only what follows ("försenad … utan besked").
            for k in 0..<n where info[k].negator && !info[k].without && !info[k].outdone {
                var clauseEnd = n
                for j in (k + 1)..<max(k + 1, n) where info[j].contrast || info[j].clauseStart {
                    clauseEnd = j
                    break
                }
                var later = false
                for j in (k + 1)..<max(k + 1, min(clauseEnd, k + 4)) where info[j].valence != 0 {
                    later = true
                    break
                }
                if later { continue }
                // Not across "und" / "en" / "och" ("undicht und nicht X" negates nothing before),
                // nor across a comma ("Hemsk upplevelse, kommer aldrig tillbaka").
                if info[k].clauseStart { continue }
                for j in stride(from: k - 1, through: max(0, k - 3), by: -1) {
                    if info[j].joiner { break }
                    // Not a lean of its own such as a span of time ("Ging nach 3 Tagen nicht
                    // mehr": the time is not negated, the "nicht" complains), a rating or an
                    // emoji; a phrase is negated ("stelt … niet teleur", "Preis-Leistung
                    // stimmt nicht"), unless it opens with a negator of its own ("nie wieder").
                    if info[j].valence != 0 && (!info[j].fixed || (info[j].phrase && !info[j].ownNegation)) {
                        info[j].negated = true
                        info[k].negatedSomething = true
                        break
                    }
                    if info[j].clauseStart { break }
                }
            }
        }
        markEmphaticNegation(info, n)
        // A negation with nothing to negate is a mild complaint, once a sentence; not one that
        // agrees with a negation before it in its clause ("Nie musiałam nic robić": negative
        // concord, one negation).
        for k in 0..<n where info[k].mayDangle && !info[k].negatedSomething && info[k].valence == 0 {
            if agreesWithAnEarlierNegation(k, info) { continue }
            info[k].valence = SentimentRules.danglingValence
            break
        }
        var lastContrast = -1
        for k in 0..<n where info[k].contrast { lastContrast = k }
        var sum = 0.0
        var out = SentenceScore(score: 0, opensWithContrast: n > 0 && info[0].contrast, contrast: lastContrast > 0)
        out.broken = broken
        // A remedy turns the sentence as a contrast word does (`SentimentRules+Remedies`).
        let remedy = firstRemedy(info, n)
        if remedy >= 0 {
            out.remedy = true
            lastContrast = max(lastContrast, remedy)
        }
        var conceding = false
        for k in 0..<n {
            var v = info[k].valence
            info[k].negated = info[k].negated != info[k].lessened
            if info[k].negated && info[k].problem && v < 0 {
                // A fault negated is praise ("rutscht nicht", "no lag"), not a negation.
                v *= SentimentRules.negatedProblem
            } else if info[k].negated {
                out.negated += v != 0 ? 1 : 0
                // A negated complaint is at most faint praise ("nicht schlecht"), never a rave.
                v *= v < 0 ? SentimentRules.negatedNegative : SentimentRules.negation
            }
            if v > 0 { out.positive += 1 } else if v < 0 { out.negative += 1 }
            // The clause after the (last) contrast word counts more than the one before.
            if lastContrast > 0 { v *= k < lastContrast ? 0.5 : k > lastContrast ? 1.5 : 1 }
            // A concession counts less, up to the end of its clause.
            if info[k].clauseStart || info[k].contrast { conceding = false }
            if info[k].concessive { conceding = true }
            if conceding { v *= SentimentRules.concession }
            sum += v
        }
        if sum != 0 { sum += (sum > 0 ? 1 : -1) * Double(min(4, r.exclamations)) * SentimentRules.exclamation }
        // A question asserts less: praise in a question is mostly neutral, a complaint stays one.
        // (Not one that regrets not having done it sooner: that asks nothing.)
        if r.question && !regretted { sum *= sum > 0 ? 0.2 : 0.9 }
        out.score = sum / (sum * sum + 15).squareRoot()
        return out
    }

    /// Whether `word` is a word in "-ing" that, after "keeps", tells of a fault.
    static func persistingFault(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count >= 5, word.suffix(3).elementsEqual("ing".utf8) else { return false }
        return !SentimentRules.persistingPraise.contains { $0.utf8.elementsEqual(word) }
    }

    /// The clause around token `k`: from a clause start or the word after a contrast word, up
    /// to the next clause start or contrast word (the scope of the irrealis and measure rules).
    func clause(of k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> Range<Int> {
        var start = k
        while start > 0 && !info[start].clauseStart && !info[start - 1].contrast { start -= 1 }
        var end = k + 1
        while end < n && !info[end].clauseStart && !info[end].contrast { end += 1 }
        return start..<end
    }

    /// The part of `k`'s clause between the words for "and" on either side: a joiner, or a word
    /// `isAnd` names ("and", "i", which end no clause in English and Polish).
    func span(of k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int, isAnd: (Int) -> Bool) -> Range<Int> {
        let clause = clause(of: k, info, n)
        var start = k, end = k + 1
        while start > clause.lowerBound && !isAnd(start - 1) && !info[start - 1].joiner { start -= 1 }
        while end < clause.upperBound && !isAnd(end) && !info[end].joiner { end += 1 }
        return start..<end
    }

    /// Whether any index below `n` passes `test`: most sentences have no word that opens a rule's
    /// reading, and its pass returns at once.
    func anyIndex(_ n: Int, _ test: (Int) -> Bool) -> Bool {
        for k in 0..<n where test(k) { return true }
        return false
    }

    /// Gives word `k` a valence the negation may still turn (`SentimentRules+Fit`,
    /// `SentimentRules+Collateral`): a fault is a complaint and negated praise, anything else
    /// praise and negated a complaint.
    func setLean(_ k: Int, _ valence: Double, fault: Bool, _ info: UnsafeMutablePointer<Info>) {
        info[k].valence = valence
        info[k].problem = fault
    }

    /// Whether a negator that negated something comes before token `k` in its clause.
    func agreesWithAnEarlierNegation(_ k: Int, _ info: UnsafeMutablePointer<Info>) -> Bool {
        var j = k
        while j > 0 && !info[j].clauseStart {
            j -= 1
            if info[j].negator && info[j].negatedSomething { return true }
        }
        return false
    }

    /// Whether an "after" word comes one to three words before token `i`, in its clause.
    func elapsedAfter(_ i: Int, _ r: SentenceReader, _ c: CompiledLanguage) -> Bool {
        let toks = r.tokens
        var j = i
        while j > max(0, i - 3) {
            if toks[j].clauseStart || toks[j - 1].symbolValence != nil { return false }
            j -= 1
            if c.words.lookup(r.word(toks[j]))?.after == true {
                // "even after a whole day": how long it held, not how soon it failed.
                return j == 0 || c.words.lookup(r.word(toks[j - 1]))?.even != true
            }
        }
        return false
    }

    /// A compound of an intensifying prefix and a word of the lexicon ("jättesnabb",
    /// "stinksauer", "doodsaai"): the word after the prefix, boosted. The rest must be three
    /// bytes or more, so that short words that merely begin like a prefix are left alone.
    func prefixed(_ word: UnsafeBufferPointer<UInt8>, _ c: CompiledLanguage) -> Double? {
        for prefix in c.prefixes where word.count >= prefix.count + 3 && word.starts(with: prefix) {
            guard let v = c.words.lookup(UnsafeBufferPointer(rebasing: word[prefix.count...]))?.valence, v != 0
            else { continue }
            return v + (v > 0 ? 1 : -1) * SentimentRules.boost
        }
        return nil
    }

    /// The valence of the compound `word` by its head, one of the language's
    /// `SentimentRules.compoundHeads` (the longest it ends with, after three bytes or more).
    /// Only the suffixes as long as some head are looked up, longest first.
    func compoundHead(_ word: UnsafeBufferPointer<UInt8>, _ c: CompiledLanguage) -> Double? {
        guard word.count >= 7 else { return nil }
        // The head lengths that leave three bytes or more before them.
        var lengths = c.compoundHeadLengths & ((1 << UInt64(min(word.count - 3, 63) + 1)) &- 1)
        while lengths != 0 {
            let length = 63 - lengths.leadingZeroBitCount
            lengths &= ~(1 << UInt64(length))
            if let v = c.compoundHeads.lookup(UnsafeBufferPointer(rebasing: word[(word.count - length)...])) {
                return v
            }
        }
        return nil
    }

    /// The split phrase that the word at `i` starts, with the index of its particle: the
    /// particle must end the clause (the sentence ends, a comma follows, or a joiner or contrast
    /// word) and come within eight words, not across a comma or joiner.
    func splitPhrase(
        _ entry: CompiledLanguage.Entry, from i: Int, _ r: SentenceReader, _ c: CompiledLanguage
    ) -> (valence: Double, particle: Int)? {
        let toks = r.tokens, count = r.tokenCount
        var j = i + 1
        while j < min(count, i + 9) && !toks[j].clauseStart && toks[j].symbolValence == nil {
            let w = r.word(toks[j])
            if c.words.lookup(w).map({ $0.joiner || $0.contrast }) == true { return nil }
            let ends =
                j + 1 == count || toks[j + 1].clauseStart
                || c.words.lookup(r.word(toks[j + 1])).map({ $0.joiner || $0.contrast }) == true
            if ends {
                for k in entry.gapped where c.gappedEnds[k].bytes.elementsEqual(w) {
                    return (c.gappedEnds[k].valence, j)
                }
                return nil
            }
            j += 1
        }
        return nil
    }
}
