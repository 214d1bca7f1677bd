/// Groups tagged tokens into noun phrases, verb groups and prepositional phrases, in one pass
/// from the left (noun phrases first at each position, so "the wounded soldiers" is one phrase
/// and not a verb).
///
/// - Complexity: O(n) for n tokens.
struct Chunker {
  var s: SentenceBuilder

  init(_ s: SentenceBuilder) { self.s = s }

  mutating func run() -> SentenceBuilder {
    var i = 0
    let n = s.count
    while i < n {
      if s.words[i].is("according"), i + 1 < n, s.words[i + 1].is("to") {
        i += 1  // a preposition, read in prepositions()
      } else if let end = nounPhrase(at: i) {
        i = end
      } else if let end = verbGroup(at: i) {
        i = end
      } else {
        i += 1
      }
    }
    possessors()
    prepositions()
    coordination()
    appositions()
    return s
  }

  // MARK: - Noun phrases

  /// The end of the compound starting at `i` ("US-backed", "al-Sham"), or `i + 1`.
  private func compoundEnd(_ i: Int) -> Int {
    var k = i + 1
    while k + 1 < s.count, s.tags[k] == .HYPH { k += 2 }
    return k
  }

  static let quantifiers: WordClass = [
    "at least", "more than", "less than", "fewer than", "up to", "at most", "as many", "nearly all",
  ]

  private mutating func nounPhrase(at start: Int) -> Int? {
    let n = s.count
    var i = start
    var determiner: Int?
    var modifiers: [Int] = []
    var head = -1
    var last = -1
    var isName = false
    if s.tags[i] == .PRP || s.tags[i] == .EX {
      if s.tags[i] == .EX { return nil }
      s.addNounPhrase(i..<(i + 1), head: i, determiner: nil, modifiers: [], isName: false)
      return i + 1
    }
    if s.tags[i] == .PDT { i += 1 }
    // "at least 14 civilians", "more than 40 people", "up to 300 fighters": a quantifier.
    if i + 2 < n, s.tags[i + 2] == .CD, Chunker.quantifiers.contains(s.words[i].lower + " " + s.words[i + 1].lower) {
      modifiers.append(i)
      modifiers.append(i + 1)
      i += 2
    }
    if i < n, s.tags[i] == .DT || s.tags[i] == .PRPS || s.tags[i] == .WPS, s.fixedEnd[i] < 0 {
      determiner = i
      i += 1
    }
    while i < n {
      if s.fixedEnd[i] >= 0 {
        // "his Russian counterpart Vladimir Putin", "YAT fighter Ruha Bashar": a name after a
        // person's title is the phrase's head; after other common nouns it starts a new phrase.
        if head >= 0, !s.tags[head].isProperNoun, !WordClasses.personTitles.contains(s.words[head].lower) { break }
        let end = Int(s.fixedEnd[i])
        if head >= 0 { modifiers.append(head) }
        for k in i..<(end - 1) where s.tags[k] != .HYPH { modifiers.append(k) }
        // "the Iran-backed Lebanese group", "Turkish-led forces": a name compounded with a
        // participle or adjective modifies the noun that follows.
        if end + 2 < n, s.tags[end] == .HYPH, s.tags[end + 1].isAdjective || s.tags[end + 1] == .VBN,
          s.tags[end + 2].isNoun || s.tags[end + 2].isAdjective, s.fixedEnd[end + 2] < 0
        {
          modifiers.append(end - 1)
          modifiers.append(end + 1)
          head = -1
          last = end + 1
          i = end + 2
          continue
        }
        head = end - 1
        last = head
        isName = true
        i = end
        continue
      }
      let t = s.tags[i]
      let compound = compoundEnd(i)
      if compound > i + 1 {
        let lastPart = s.tags[compound - 1]
        // "state-run", "Iran-backed", "government-controlled", "five-year".
        let adjectival = lastPart.isAdjective || lastPart.isVerb || lastPart == .CD
        // Only nominal and adjectival compounds, and adjectives only before the head.
        if !lastPart.isNoun && !adjectival || adjectival && head >= 0 { break }
        if head >= 0 { modifiers.append(head) }
        if lastPart.isNoun && !(compound < n && (s.tags[compound].isNoun || s.fixedEnd[compound] >= 0)) {
          for k in i..<(compound - 1) where s.tags[k] != .HYPH { modifiers.append(k) }
          head = compound - 1
          isName = isName || lastPart.isProperNoun
        } else {
          head = -1
          for k in i..<compound where s.tags[k] != .HYPH { modifiers.append(k) }
        }
        last = compound - 1
        i = compound
        continue
      }
      let next: Tag? = i + 1 < n ? s.tags[i + 1] : nil
      let nextIsNominal = next.map { $0.isNoun || $0.isAdjective || $0 == .CD } ?? false
      if t.isNoun {
        // A time noun after a head starts an adverbial ("the base Saturday"), not a compound.
        if head >= 0, WordClasses.timeNouns.contains(s.words[i].lower),
          !WordClasses.timeNouns.contains(s.words[head].lower)
        {
          break
        }
        // "plans to attack": a verb the tagger read as a plural noun ("Turkey's plan to attack" is
        // owned: a noun).
        if head >= 0 || determiner == nil, next == .TO, i + 2 < n, s.tags[i + 2] == .VB,
          i == 0 || s.tags[i - 1] != .POS,
          WordClasses.catenative.contains(s.lemmas[i])
        {
          break
        }
        if head >= 0 { modifiers.append(head) }
        head = i
        last = i
        isName = t.isProperNoun
        i += 1
        continue
      }
      if head < 0 {
        if t.isAdjective || t == .CD {
          if head >= 0 { modifiers.append(head) }
          modifiers.append(i)
          last = i
          i += 1
          continue
        }
        // "swathes of lost territory": a past form right after a preposition modifies the noun.
        if t == .VBN || t == .VBD, i == start, i > 0, s.tags[i - 1] == .IN, next.map({ $0.isNoun }) ?? false {
          modifiers.append(i)
          last = i
          i += 1
          continue
        }
        // "the wounded soldiers", "Suspected Russian jets" (a participle opening the sentence).
        if t == .VBN || t == .VBG,
          determiner != nil || last >= 0 || (t == .VBN && i == 0),
          nextIsNominal || s.fixedEnd[i + 1 < n ? i + 1 : i] >= 0
        {
          modifiers.append(i)
          last = i
          i += 1
          continue
        }
        if t == .comma, last >= 0, s.tags[last] == .CD, !s.words[i].spaceBefore, next == .CD,
          !s.words[i + 1].spaceBefore
        {
          i += 1  // "3,177": the tokenizer splits digit groups
          continue
        }
        // "Russian and Iranian troops": coordinated adjectives, the last one may open a name.
        if t == .CC || t == .comma, last >= 0, s.tags[last].isAdjective || s.tags[last] == .VBN,
          let next, next.isAdjective || (i + 2 < n && s.tags[i + 2] == .HYPH) || s.fixedEnd[i + 1] >= 0
        {
          i += 1
          continue
        }
        if t.isAdverb, let next, next.isAdjective, i + 2 < n, s.tags[i + 2].isNoun || s.tags[i + 2].isAdjective {
          i += 1
          continue
        }
      }
      break
    }
    if head < 0 {
      // Only modifiers: "three", "the wounded", or a lone demonstrative "this".
      if last >= 0, determiner != nil || s.tags[last] == .CD {
        head = last
        modifiers.removeAll { $0 == last }
      } else if let determiner, last < 0, i == determiner + 1,
        ["this", "that", "these", "those", "both", "all", "some", "many", "several"].contains(s.words[determiner].lower)
      {
        s.addNounPhrase(determiner..<(determiner + 1), head: determiner, determiner: nil, modifiers: [], isName: false)
        return determiner + 1
      } else {
        return nil
      }
    }
    let end = head + 1
    s.addNounPhrase(
      start..<end, head: head, determiner: determiner,
      modifiers: modifiers.last.map { $0 < head } ?? true ? modifiers : modifiers.filter { $0 < head },
      isName: isName)
    return end
  }

  // MARK: - Verb groups

  private mutating func verbGroup(at start: Int) -> Int? {
    let n = s.count
    var i = start
    var infinitive = false
    if s.tags[i] == .TO {
      var k = i + 1
      while k < n, s.tags[k].isAdverb { k += 1 }
      guard k < n, s.tags[k] == .VB else { return nil }
      infinitive = true
      i += 1
    }
    var modal: String?
    // "warned Israel not to attack", "decided never to return": the negation stands before "to".
    var negated = infinitive && start > 0 && WordClasses.negation.contains(s.words[start - 1].lower)
    var verbs: [Int] = []
    while i < n, s.npAt[i] < 0 {
      let t = s.tags[i]
      if t == .MD, verbs.isEmpty, modal == nil {
        modal = s.lemmas[i]
      } else if t.isAdverb || s.words[i].is("not") {
        // Inside a group only: "would not allow", "has already struck".
        var k = i + 1
        while k < n, s.tags[k].isAdverb { k += 1 }
        guard modal != nil || !verbs.isEmpty || infinitive, k < n, s.tags[k].isVerb, s.npAt[k] < 0 else { break }
        if WordClasses.negation.contains(s.words[i].lower) { negated = true }
      } else if t.isVerb {
        if let previous = verbs.last, !WordClasses.auxiliary.contains(s.lemmas[previous]) { break }
        verbs.append(i)
      } else {
        break
      }
      i += 1
    }
    guard let head = verbs.last else { return nil }
    let end = head + 1
    let auxiliaries = verbs.dropLast()
    var group = VerbGroup(
      range: start..<end, head: head, lemma: s.lemmas[head], tense: .none, voice: .active, form: .finite,
      isNegated: negated, modal: modal, governor: nil, governorLemma: nil, isPerfect: false, isProgressive: false,
      clause: -1, subjects: [], subjectIsImplicit: false, objects: [], agents: [], obliques: [])
    let first = modal != nil ? start : verbs[0]
    if let modal {
      group.tense = modal == "will" || modal == "shall" || modal == "'ll" ? .future : .none
    } else {
      switch s.tags[first] {
      case .VBD: group.tense = .past
      case .VBZ, .VBP: group.tense = .present
      default: group.tense = .none
      }
      if s.tags[first] == .VBN, !auxiliaries.isEmpty { group.tense = .past }
    }
    group.isPerfect = auxiliaries.contains { s.lemmas[$0] == "have" }
    group.isProgressive = s.tags[head] == .VBG && auxiliaries.last.map { s.lemmas[$0] == "be" } == true
    let passiveAux = auxiliaries.last.map { s.lemmas[$0] == "be" || s.lemmas[$0] == "get" } ?? false
    if s.tags[head] == .VBN, passiveAux { group.voice = .passive }
    if infinitive {
      group.form = .infinitive
      group.tense = .none
    } else if modal == nil, auxiliaries.isEmpty {
      switch s.tags[head] {
      case .VBG: group.form = .presentParticiple
      case .VBN:
        group.form = .pastParticiple
        group.voice = .passive
      case .VB:
        group.form = start > 0 && s.tags[start - 1] == .TO ? .infinitive : .finite
      default: break
      }
    } else if modal == nil, s.tags[first] == .VBG, s.lemmas[first] == "be" || s.lemmas[first] == "get" {
      // "at risk of being encircled", "after being attacked": a passive gerund is a participle.
      group.form = .presentParticiple
    }
    // "plans to attack", "are expected to launch", "vowed to retaliate".
    var end2 = end
    // "decided not to retaliate": the negation between the governor and "to" belongs to the group.
    let to = end + 1 < n && (s.words[end].is("not") || s.words[end].is("never")) ? end + 1 : end
    if to < n, s.tags[to] == .TO,
      WordClasses.catenative.contains(s.lemmas[head])
        || (s.tags[head] == .VBN && WordClasses.passiveCatenative.contains(s.lemmas[head])),
      let inner = scanInfinitive(to)
    {
      let governorLemma = s.lemmas[head]
      group.governor = head
      group.governorLemma = governorLemma
      group.head = inner.head
      group.lemma = inner.lemma
      group.isNegated = group.isNegated || inner.isNegated
      group.voice = inner.voice
      group.range = start..<inner.range.upperBound
      if governorLemma == "go", s.tags[head] == .VBG { group.tense = .future }
      end2 = inner.range.upperBound
    }
    s.addVerbGroup(group)
    return end2
  }

  /// The infinitive group at a "to" token, without recording it.
  private mutating func scanInfinitive(_ to: Int) -> VerbGroup? {
    var probe = self
    guard let end = probe.verbGroup(at: to), end > to + 1, let group = probe.s.verbGroups.last else { return nil }
    return group
  }

  // MARK: - Links between phrases

  private mutating func possessors() {
    for p in s.nounPhrases.indices {
      let after = s.nounPhrases[p].range.upperBound
      guard after + 1 < s.count, s.tags[after] == .POS else { continue }
      let owned = s.npAt[after + 1]
      if owned >= 0 { s.nounPhrases[Int(owned)].possessor = p }
    }
  }

  private mutating func prepositions() {
    let n = s.count
    var i = 0
    while i < n {
      defer { i += 1 }
      guard s.npAt[i] < 0, s.vgAt[i] < 0 else { continue }
      let t = s.tags[i]
      var word = s.words[i].lower
      var objectStart = i + 1
      if t == .VBG, word == "according", i + 1 < n, s.words[i + 1].is("to") {
        word = "according to"
        objectStart = i + 2
      } else if i + 1 < n, s.words[i + 1].is("with"), WordClasses.comitativeParticles.contains(word) {
        // "together with", "along with": one comitative preposition.
        word += " with"
        objectStart = i + 2
      } else if t == .VBG, word == "targeting" || word == "including" {
        // participle prepositions
      } else if i >= 2, Self.asWellAs(s.words, at: i - 2) {
        continue  // "as well as" joins phrases (coordination), it heads none
      } else {
        guard t == .IN || t == .TO || t == .RP else { continue }
        if word == "that" || word == "whether" || word == "if" || word == "because" || word == "although" {
          continue
        }
      }
      // "early on Monday", "just after dawn": the PP starts at its preposition.
      guard objectStart < n, s.npAt[objectStart] >= 0 else { continue }
      var object = Int(s.npAt[objectStart])
      // "in Syria's Raqqa": the object is the possessed phrase.
      let afterObject = s.nounPhrases[object].range.upperBound
      if afterObject + 1 < n, s.tags[afterObject] == .POS, s.npAt[afterObject + 1] >= 0 {
        object = Int(s.npAt[afterObject + 1])
      }
      let phrase = s.nounPhrases[object]
      // "after the army attacked": a subordinate clause, not a phrase.
      if WordClasses.subordinators.contains(word), finiteVerbFollows(phrase.range.upperBound) {
        continue
      }
      var kind = PrepositionalPhrase.Kind.other
      if phrase.isTime, WordClasses.timePrepositions.contains(word) {
        kind = .time
      } else if WordClasses.placePrepositions.contains(word),
        phrase.isName || WordClasses.placeNouns.contains(s.words[phrase.head].lower)
      {
        kind = .place
      }
      var start = i
      if i > 0, s.words[i - 1].is("early") || s.words[i - 1].is("late"), kind == .time,
        s.npAt[i - 1] < 0, s.vgAt[i - 1] < 0
      {
        start = i - 1
      }
      s.addPrepositionalPhrase(
        PrepositionalPhrase(
          range: start..<phrase.range.upperBound, preposition: i, word: word, object: object, kind: kind))
      i = phrase.range.upperBound - 1
    }
    // Attachments: a phrase directly after a noun phrase, and every phrase of a chain after it.
    for p in s.prepositionalPhrases.indices {
      let start = s.prepositionalPhrases[p].range.lowerBound
      guard start > 0 else { continue }
      var before = start - 1
      var hops = 0
      while before >= 0, hops < 4 {
        let np = Int(s.npAt[before])
        guard np >= 0 else { break }
        s.nounPhrases[np].attachments.append(p)
        // Climb: the phrase before is itself the object of a phrase attached to another noun.
        let pp = Int(s.ppAt[before])
        guard pp >= 0, s.prepositionalPhrases[p].word != "of", s.prepositionalPhrases[pp].kind == .other,
          s.prepositionalPhrases[pp].range.lowerBound > 0
        else { break }
        before = s.prepositionalPhrases[pp].range.lowerBound - 1
        hops += 1
      }
    }
  }

  /// "Russia and Iran", "Russia, Iran and Turkey": noun phrases joined by commas and a final
  /// "and"/"or", when the last one is not the subject of a new clause ("A attacked B and C said").
  private mutating func coordination() {
    let n = s.count
    var p = 0
    while p < s.nounPhrases.count {
      var group = [p]
      var end = s.nounPhrases[p].range.upperBound
      var sawConjunction = false
      while end + 1 < n {
        var k = end
        // "the Syrian Democratic Forces (SDF) and the coalition": an acronym in brackets.
        if k + 2 < n, s.words[k].is("("), s.npAt[k + 1] >= 0,
          s.nounPhrases[Int(s.npAt[k + 1])].range.upperBound < n,
          s.words[s.nounPhrases[Int(s.npAt[k + 1])].range.upperBound].lower == ")"
        {
          k = s.nounPhrases[Int(s.npAt[k + 1])].range.upperBound + 1
          guard k < n, s.tags[k] == .comma || s.tags[k] == .CC else { break }
        }
        let afterBracket = k
        if s.tags[k] == .comma { k += 1 }
        var conjunction = false
        if k < n, s.tags[k] == .CC, s.words[k].is("and") || s.words[k].is("or") {
          conjunction = true
          k += 1
        } else if Self.asWellAs(s.words, at: k) {
          conjunction = true  // "Hezbollah as well as Syrian troops"
          k += 3
        } else if k == end, k < n, s.words[k].is("/"), s.nounPhrases[p].isName {
          k += 1  // "PKK/YPG": names joined by a slash, a list without commas
        }
        guard k > end, k < n, s.npAt[k] >= 0, s.nounPhrases[Int(s.npAt[k])].range.lowerBound == k else { break }
        if !conjunction, s.tags[afterBracket] != .comma, !s.words[end].is("/") { break }
        let next = Int(s.npAt[k])
        if s.nounPhrases[next].isTime != s.nounPhrases[p].isTime { break }
        // "Jets bombed the bridge and the rebels retreated": an object, then a new clause's subject.
        // But "hours after the regime forces and loyalists took control": after a subordinating
        // word, both phrases are the clause's subject.
        if conjunction, startsFiniteClause(after: s.nounPhrases[next].range.upperBound),
          s.nounPhrases[p].range.lowerBound > 0,
          s.vgAt[s.nounPhrases[p].range.lowerBound - 1] >= 0
            || (s.ppAt[s.nounPhrases[p].range.lowerBound - 1] >= 0
              && !WordClasses.subordinators.contains(s.words[s.nounPhrases[p].range.lowerBound - 1].lower))
        {
          break
        }
        // "supported by the Turkish army, and Hayat Tahrir al-Sham, an alliance …": a comma before
        // "and" joins a list of three or more; with one phrase before it, it joins larger parts.
        if conjunction, group.count == 1, s.tags[afterBracket] == .comma { break }
        group.append(next)
        end = s.nounPhrases[next].range.upperBound
        if conjunction {
          sawConjunction = true
          // "Russia and Iran as well as Hezbollah": "as well as" may add to a list a conjunction closed.
          if !Self.asWellAs(s.words, at: end) { break }
        }
      }
      if sawConjunction, group.count > 1 {
        for member in group { s.nounPhrases[member].conjuncts = group }
        p = group.last! + 1
      } else {
        p += 1
      }
    }
  }

  /// Whether "as well as", a coordinating conjunction of three words, starts at `i`.
  @inline(__always) static func asWellAs(_ words: [WordInput], at i: Int) -> Bool {
    i >= 0 && i + 2 < words.count && words[i].is("as") && words[i + 1].is("well") && words[i + 2].is("as")
  }

  /// A finite verb group follows at `i`, or after a parenthetical between commas that holds no
  /// finite verb ("after its forces, along with allied militias, captured the town").
  private func finiteVerbFollows(_ i: Int) -> Bool {
    if startsFiniteClause(after: i) { return true }
    guard i < s.count, s.tags[i] == .comma else { return false }
    var k = i + 1
    while k < s.count, k <= i + 15 {
      if s.tags[k] == .comma { return k > i + 1 && startsFiniteClause(after: k + 1) }
      if s.tags[k] == .period || s.tags[k] == .colon { return false }
      if s.vgAt[k] >= 0, s.verbGroups[Int(s.vgAt[k])].form == .finite { return false }
      k += 1
    }
    return false
  }

  /// A finite verb group starts at `i`, after adverbs.
  private func startsFiniteClause(after i: Int) -> Bool {
    var k = i
    while k < s.count, s.tags[k].isAdverb { k += 1 }
    guard k < s.count, s.vgAt[k] >= 0 else { return false }
    return s.verbGroups[Int(s.vgAt[k])].form == .finite
  }

  /// "Hezbollah, the Iran-backed group, ...": a noun phrase between commas right after another.
  private mutating func appositions() {
    let n = s.count
    for p in s.nounPhrases.indices where s.nounPhrases[p].conjuncts.isEmpty && !s.nounPhrases[p].isTime {
      let end = s.nounPhrases[p].range.upperBound
      guard end + 1 < n, s.tags[end] == .comma, s.npAt[end + 1] >= 0 else { continue }
      var next = Int(s.npAt[end + 1])
      guard s.nounPhrases[next].range.lowerBound == end + 1, s.nounPhrases[next].conjuncts.isEmpty else { continue }
      // "Russia, the regime's ally,": the appositive is the possessed phrase.
      if let owned = s.nounPhrases.firstIndex(where: { $0.possessor == next }) { next = owned }
      // The appositive ends at a comma (or the sentence), and may carry attached phrases.
      var close = s.nounPhrases[next].range.upperBound
      if let last = s.nounPhrases[next].conjuncts.last, last > next { close = s.nounPhrases[last].range.upperBound }
      while close < n, s.ppAt[close] >= 0 { close = s.prepositionalPhrases[Int(s.ppAt[close])].range.upperBound }
      guard close >= n || s.tags[close] == .comma || s.tags[close] == .period else { continue }
      // "the head of the committee of parliament, Konstantin Kosachev,": a name after the object
      // of a preposition names the person whose title the phrase gives.
      guard
        s.nounPhrases[next].determiner != nil || s.nounPhrases[p].isName
          || (s.nounPhrases[next].isName && s.ppAt[s.nounPhrases[p].range.lowerBound] >= 0)
      else { continue }
      s.nounPhrases[p].apposition = next
    }
  }
}
