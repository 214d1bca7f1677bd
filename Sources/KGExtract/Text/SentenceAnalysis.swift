import KGLanguage
import KGModel

/// A relation cue found in a sentence.
struct CueHit {
  var range: Range<Int>
  var cue: Cue
}

/// One sentence prepared for the rules: tokens, mentions and cues, with the searches that rules
/// share (the subject before a verb, the object after it, coordination, the agent of a passive).
struct SentenceAnalysis {
  let sentence: Sentence
  let tokens: [Token]
  let mentions: [MentionHit]
  let cues: [CueHit]
  /// The mention covering each token, if any.
  let mentionOfToken: [Int?]
  /// Whether a verb cue covers each token.
  let verbCueAt: [Bool]
  let entityKind: (String) -> EntityKind?
  /// The outermost actor an entity belongs to (the Israeli army → Israel); the entity itself if none.
  var side: (String) -> String = { $0 }
  /// The kind of each mention's entity, looked up once (`entityKind` of its id).
  let mentionKinds: [EntityKind?]
  /// The sentence before ends with a colon (it introduces this one).
  var previousEndsWithColon = false
  /// The sentence is part of a quotation that closes, on its speaker, in a later sentence.
  var inOpenQuotation = false
  /// Tags, chunks, clauses and roles from the language layer, with the mentions as fixed names.
  let parse: ParsedSentence
  /// The lexicon's construction words (`constructions` in `lexicon.yaml`).
  let words: ConstructionWords
  /// The construction lists each verb group's lemma belongs to, by group: one probe per group for
  /// every rule that asks.
  let verbLists: [ConstructionWords.Membership]

  /// Finds the cues of `tokens` in `cueTable` (the lexicon's cues by first word) outside the mentions.
  init(
    sentence: Sentence, tokens: [Token], mentions: [MentionHit], cues cueTable: WordMap<[Cue]>,
    cueModifiers: WordSet = [], words: ConstructionWords = ConstructionWords(),
    entityKind: @escaping (String) -> EntityKind?, parser: Parser, alwaysParse: Bool = false
  ) {
    self.sentence = sentence
    self.words = words
    // Mentions are names the parser keeps whole; a bare demonym stays an adjective ("Turkish troops").
    // A relation needs two mentions: a sentence with fewer is not parsed (the language layer
    // is most of extraction's cost), and rules see an empty parse.
    parse =
      mentions.count < 2 && !alwaysParse
      ? parser.parse([])
      : parser.parse(
        tokens.map { WordInput(text: $0.text, lower: $0.lower, spaceBefore: $0.spaceBefore) },
        fixed: Self.fixedNames(tokens: tokens, mentions: mentions))
    self.tokens = tokens
    self.mentions = mentions
    self.entityKind = entityKind
    mentionKinds = mentions.map { entityKind($0.entityID) }
    var owner = [Int?].filled(with: nil, count: tokens.count)
    for (m, hit) in mentions.enumerated() { for k in hit.range { owner[k] = m } }
    mentionOfToken = owner
    var cues: [CueHit] = []
    for i in tokens.indices where owner[i] == nil {
      for cue in cueTable[tokens[i]] ?? [] where i + cue.tokens.count <= tokens.count {
        if let end = Self.match(cue, in: tokens, at: i, modifiers: cueModifiers),
          !(i..<end).contains(where: { owner[$0] != nil })
        {
          cues.append(CueHit(range: i..<end, cue: cue))
        }
      }
    }
    // Keep, per start and type and verb-or-noun, the longest cue ("open fire on" over "open").
    let kept = cues.filter { hit in
      !cues.contains { other in
        other.range.lowerBound <= hit.range.lowerBound && other.range.upperBound >= hit.range.upperBound
          && other.range.count > hit.range.count && (other.cue.form == .noun) == (hit.cue.form == .noun)
      }
    }
    // "pulling back troops", "scaled back its presence": "back" after a verb is its particle.
    let tags = parse.tags
    let lemmas = parse.lemmas
    var found = kept.filter { hit in
      let i = hit.range.lowerBound
      // "shot two drones down over the Galilee": a particle read as a verb ("downed") only where
      // the tagger reads a verb.
      if hit.cue.form != .noun, hit.cue.tokens.count == 1, i < tags.count, !tags[i].isVerb,
        Self.particles.contains(tokens[i])
      {
        return false
      }
      guard hit.cue.lemma == "back", i > 0, i - 1 < tags.count, tags[i - 1].isVerb else { return true }
      // "has backed", "is backing": an auxiliary before it leaves "back" the verb.
      return ["be", "have", "do", "get"].contains(lemmas[i - 1])
    }
    // "drove ISIS out of Raqqa", "shot two drones down": a two-word verb cue whose particle
    // follows the verb's object is the verb's cue (its range the verb alone).
    let phrases = parse.nounPhrases
    for g in parse.verbGroups.indices where !parse.verbGroups[g].objects.isEmpty {
      let head = parse.verbGroups[g].head
      guard owner[head] == nil else { continue }
      var after = 0
      for object in parse.verbGroups[g].objects { after = max(after, phrases[object].range.upperBound) }
      guard after < tokens.count, Self.particles.contains(tokens[after]),
        !found.contains(where: { $0.range.lowerBound == head && $0.cue.form != .noun })
      else { continue }
      if let cue = (cueTable[tokens[head]] ?? []).first(where: {
        $0.form != .noun && $0.tokens.count == 2 && $0.tokens[1] == tokens[after].lower
      }) {
        found.append(CueHit(range: head..<(head + 1), cue: cue))
      }
    }
    self.cues = found
    var verbAt = [Bool].filled(with: false, count: tokens.count)
    for hit in self.cues where hit.cue.form != .noun { for k in hit.range { verbAt[k] = true } }
    verbCueAt = verbAt
    verbLists = parse.verbGroups.map { words.membership(of: $0.lemma) }
  }

  /// Whether verb group `g`'s lemma is a one-word entry of `list`.
  func verb(_ g: Int, isIn list: ConstructionWords.List) -> Bool { verbLists[g].contains(list) }

  func isActor(_ m: Int) -> Bool { mentionKinds[m]?.isActor ?? false }

  static let quoteMarks: WordSet = ["\"", "“", "”", "'", "‘", "’"]
  /// Particles of two-word verb cues, which may follow the verb's object ("drove ISIS out").
  static let particles: WordSet = ["out", "back", "down", "off", "away"]

  /// Where `cue` ends when it starts at `start`: its words in order, with at most one modifier
  /// (`modifiers`, "total") and the quotation marks around it between two of them ("have taken
  /// \"total\" control of"); nil when it does not match.
  static func match(_ cue: Cue, in tokens: [Token], at start: Int, modifiers: WordSet) -> Int? {
    guard tokens[start].lower == cue.tokens[0] else { return nil }
    var k = start + 1
    var skipped = false
    for word in cue.tokens.dropFirst() {
      guard k < tokens.count else { return nil }
      if tokens[k].lower != word, !skipped {
        var j = k
        while j < tokens.count, quoteMarks.contains(tokens[j]) { j += 1 }
        guard j < tokens.count, modifiers.contains(tokens[j]) else { return nil }
        j += 1
        while j < tokens.count, quoteMarks.contains(tokens[j]) { j += 1 }
        skipped = true
        k = j
        guard k < tokens.count else { return nil }
      }
      guard tokens[k].lower == word else { return nil }
      k += 1
    }
    return k
  }

  /// The token ranges the parser keeps whole as names: the mentions, except bare demonyms
  /// ("Turkish troops" stays an adjective and a noun), with a hyphenated name before them
  /// ("the US-backed SDF", "Iran-backed militias") so that the name stays the phrase's head.
  static let pronouns: WordSet = ["they", "he", "she", "it", "we", "them", "him", "her", "its", "their"]

  static func fixedNames(tokens: [Token], mentions: [MentionHit]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    // The start of the (last) mention ending at each token boundary, -1 where none does: an array,
    // not a dictionary, as boundaries are token indices.
    var mentionEndingAt = [Int].filled(with: -1, count: tokens.count + 1)
    for m in mentions where m.range.upperBound <= tokens.count {
      mentionEndingAt[m.range.upperBound] = m.range.lowerBound
    }
    for m in mentions where !m.isBareDemonym && (m.origin != .adjective || m.range.count > 1) {
      // A pronoun stays a pronoun ("they" is no name), whatever it refers to.
      if m.origin == .reference, m.range.count == 1, pronouns.contains(tokens[m.range.lowerBound]) { continue }
      var start = m.range.lowerBound
      // "US - backed SDF": a name, a joining hyphen and a participle right before the mention.
      if start >= 3, tokens[start - 2].is("-"), !tokens[start - 2].spaceBefore, !tokens[start - 1].spaceBefore,
        tokens[start - 1].isWord, mentionEndingAt[start - 2] >= 0
      {
        start = mentionEndingAt[start - 2]
      }
      if let last = ranges.last, last.upperBound > start { ranges.removeLast() }
      ranges.append(start..<m.range.upperBound)
    }
    return ranges
  }

  // MARK: - Word classes

  static let auxiliaries: WordSet = [
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "can", "may",
    "might", "shall", "should", "must", "did", "does", "do", "'s", "'ve", "'d", "'ll", "also", "reportedly",
    "allegedly", "repeatedly", "already", "still", "then", "later", "again", "finally", "just", "recently",
    "jointly", "apparently", "effectively", "subsequently", "twice", "once", "further", "even", "directly",
    "indirectly", "to", "continue", "continued", "continues", "continuing", "tried", "try", "tries", "trying",
    "attempted", "attempt", "plans", "planned", "plan", "planning", "intend", "intends", "intended", "aims", "aimed",
    "want", "wants", "wanted", "going", "seek", "seeks", "sought", "begin", "began", "begun", "started", "start",
    "not", "n't", "never", "now", "initially", "first", "since", "allegedly", "purportedly", "apparently",
    "deliberately", "openly", "heavily", "fiercely", "briefly", "ever", "seemingly", "helped", "help", "helps",
    "ready", "able", "vowed", "vow", "promised", "threatened", "threatens", "threaten", "prepared", "preparing",
    "prepare", "sought", "likely", "unlikely", "set", "about", "moved", "move", "decided", "refused", "failed",
    "expected", "supposed", "used", "managed", "agreed", "ordered", "went", "go", "on", "reportedly",
  ]

  /// Nouns that stand for an actor's people or arms between the actor and the verb ("ISIS infantry attacked").
  static let actorNouns: WordSet = [
    "infantry", "fighters", "members", "forces", "troops", "militants", "cells", "operatives", "units", "unit", "jets",
    "warplanes", "aircraft", "drones", "drone", "artillery", "gunmen", "soldiers", "commanders", "commander",
    "officials",
    "official", "fire", "mortar", "rockets", "rocket", "missiles", "missile", "snipers", "positions", "side",
    "spokesman", "spokeswoman", "media", "office", "statement", "personnel", "elements", "helicopters",
    "bombers", "planes", "air", "force", "army", "military", "security", "intelligence", "leadership", "leader",
    "loyalists", "affiliates", "proxies", "militia", "militias", "command", "ministry", "government", "authorities",
    "spokesperson", "representatives", "envoy", "ambassador", "diplomats", "sources", "officers", "patrol", "patrols",
    "convoy", "vehicle", "vehicles", "tanks", "tank", "sniper", "suicide", "bomber", "bombers", "shells", "strikes",
    "strike", "special", "operations", "operation", "group", "groups", "affiliate", "branch", "wing", "arm",
    "battalion", "brigade", "division", "detachment", "squad", "team", "teams", "mercenaries", "contractors",
  ]

  static let allyNouns: WordSet = ["allies", "partners", "proxies", "backers", "affiliates"]

  /// Nouns that make a demonym describe a non-state group ("Syrian rebels" are not Syria).
  static let nonStateNouns: WordSet = [
    "rebels", "rebel", "opposition", "insurgents", "militants", "jihadists", "civilians", "refugees", "people",
    "tribes", "tribesmen", "kurds", "activists", "protesters", "fighters", "factions", "groups", "gunmen",
  ]

  /// A bare demonym that describes a non-state group.
  func describesNonStateGroup(_ m: Int) -> Bool {
    guard mentions[m].isBareDemonym else { return false }
    let next = mentions[m].range.upperBound
    return next < tokens.count && Self.nonStateNouns.contains(tokens[next])
  }

  static let determiners: WordSet = [
    "the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "several", "some", "many", "multiple",
    "numerous", "dozens", "hundreds", "thousands", "at", "least", "up", "more", "than", "about", "nearly", "almost",
    "around", "over", "of", "-", "former", "field", "first", "second", "third", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "dozen", "scores", "another", "other", "both", "all", "each", "any", "so-called",
    "alleged", "suspected", "what", "remaining", "few", "number", "top", "senior", "local", "key", "main", "major",
    "'s", "own",
  ]

  static let clauseBreakers: WordSet = [
    ".", ";", ":", "\"", "“", "”", "(", ")", "[", "]", "?", "!", "that", "which", "who", "whom", "whose", "when",
    "where", "while", "because", "although", "though", "but", "after", "before", "since", "until", "if", "unless",
    "as", "said", "says", "told", "according",
  ]

  static let locativePrepositions: WordSet = [
    "in", "near", "at", "from", "during", "after", "before", "since", "while", "because", "by", "for", "into", "toward",
    "towards", "across", "through", "along", "within", "outside", "inside", "around", "with", "without", "amid",
    "under", "via", "between", "among", "off", "behind", "beyond", "than", "like", "as", "to", "over", "on", "against",
    "upon",
  ]

  func isVerbCue(_ i: Int) -> Bool { i >= 0 && i < verbCueAt.count && verbCueAt[i] }

  // MARK: - Searches

  /// The head mention of the noun phrase that ends just before `position`, skipping auxiliaries,
  /// adverbs and actor nouns ("ISIS infantry", "the group's cells").
  func subject(before position: Int, limit: Int = 10, allowPlaces: Bool = false) -> Int? {
    let accept: (Int) -> Int? = { m in (self.isActor(m) || allowPlaces) ? m : nil }
    var i = position - 1
    var skipped = 0
    var unknown = 0
    while i >= 0, skipped <= limit {
      if let m = mentionOfToken[i] {
        // "allied Syrian rebels captured …": the rebels are not Syria; look further left.
        if describesNonStateGroup(m) {
          i = mentions[m].range.lowerBound - 1
          skipped += 1
          continue
        }
        let preposition = governingPreposition(of: m) != nil
        let before = governingPreposition(of: m) ?? -1
        // "a Syrian jet over Raqqa targeting ISIS": a place after a preposition is not the subject; look past it.
        if preposition && !isActor(m) {
          i = before - 1
          skipped += 1
          continue
        }
        // "colluding with the takfiri group to take …": the object of a preposition is not a subject.
        if preposition && !tokens[before].is("by") { return nil }
        // "Troops backed by Russia attacked …": the backer is not the one who acts; look past it.
        if preposition, before > 0, cues.contains(where: { $0.cue.type == .support && $0.range.contains(before - 1) }) {
          i = before - 2
          skipped += 1
          continue
        }
        return accept(m)
      }
      let lower = tokens[i].lower
      // "… SDF (hereafter HSD) will clash": skip a parenthesis.
      if lower == ")" || lower == "]" {
        var k = i - 1
        while k >= 0, !tokens[k].is("(") && !tokens[k].is("[") { k -= 1 }
        if k >= 0 {
          i = k - 1
          skipped += 1
          continue
        }
        return nil
      }
      if lower == "and", i > 0, mentionOfToken[i - 1] == nil, tokens[i - 1].isWord,
        !Self.actorNouns.contains(tokens[i - 1]),
        !Self.determiners.contains(tokens[i - 1])
      {
        // "The jihadists made quick gains and surrounded …": the subject opens the clause.
        return clauseSubject(before: i)
      }
      if lower == "," {
        // "The SDF, which announced …, is still carrying out": jump over a relative clause.
        if let open = relativeClauseStart(endingAt: i) {
          i = open - 1
          skipped += 1
          continue
        }
        if let open = appositiveStart(endingAt: i) {
          i = open - 1
          skipped += 1
          continue
        }
        return nil
      }
      if Self.clauseBreakers.contains(tokens[i]) {
        if lower == "who" || lower == "which", i > 0 {
          var k = i - 1
          if tokens[k].is(",") { k -= 1 }
          if k >= 0, let m = mentionOfToken[k], isActor(m) { return m }
        }
        return nil
      }
      // "The Syrian army and its allies secured …": the named actor is the subject.
      if Self.allyNouns.contains(tokens[i]) {
        var k = i - 1
        while k >= 0, ["its", "their", "foreign", "regional", "local", "main", "key"].contains(tokens[k].lower) {
          k -= 1
        }
        if k >= 1, tokens[k].is("and"), let m = mentionOfToken[k - 1] { return isActor(m) ? m : nil }
        return nil
      }
      if lower == "and" || lower == "or" {
        // "Turkish jets and artillery pounded …": the named conjunct is the subject — if it opens its
        // clause; "Nasrallah praised Iran and criticised …" coordinates verbs, not nouns.
        if i > 0, let m = mentionOfToken[i - 1], skipped <= 2 {
          if opensClause(m) { return accept(m) }
          return clauseSubject(before: i)
        }
        // "tried to capture or kill …": the second verb shares the first one's subject.
        if i > 0, let verb = cues.first(where: { $0.range.upperBound == i && $0.cue.form != .noun }) {
          i = verb.range.lowerBound - 1
          skipped += 1
          continue
        }
        return nil
      }
      // "Iraqi troops backed by coalition aircraft repelled …": skip the participle phrase.
      if lower == "by", i > 0,
        let participle = cues.first(where: {
          $0.range.upperBound == i && ($0.cue.form == .participle || $0.cue.form == .past)
        })
      {
        i = participle.range.lowerBound - 1
        skipped += 1
        continue
      }
      if Self.locativePrepositions.contains(tokens[i]) && !Self.auxiliaries.contains(tokens[i]) { return nil }
      if Self.auxiliaries.contains(tokens[i]) || Self.actorNouns.contains(tokens[i])
        || Self.determiners.contains(tokens[i])
        || lower.hasSuffix("ly") || lower == "-"
      {
        i -= 1
        skipped += 1
        continue
      }
      // Unknown lower-case words (at most three), and a verb that only leads to this one ("fighting to recover").
      let catenative = isVerbCue(i) && i + 1 < tokens.count && tokens[i + 1].is("to")
      if tokens[i].isWord, !tokens[i].isCapitalized, unknown < 3, !isVerbCue(i) || catenative {
        i -= 1
        skipped += 1
        unknown += 1
        continue
      }
      return nil
    }
    return nil
  }

  static let articles: WordSet = ["the", "a", "an", "its", "their", "his", "her", "this", "these", "those"]
  static let governing: WordSet = [
    "of", "with", "to", "for", "against", "from", "on", "at", "in", "into", "toward", "towards", "over", "near",
    "across",
    "through", "along", "within", "between", "among", "under", "behind", "beyond", "via", "amid", "upon", "inside",
    "outside", "around", "without", "by",
  ]

  /// The index of the preposition that governs mention `m` ("over [the] Raqqa"), if any.
  func governingPreposition(of m: Int) -> Int? {
    var before = mentions[m].range.lowerBound - 1
    while before >= 0, Self.articles.contains(tokens[before]) { before -= 1 }
    return before >= 0 && Self.governing.contains(tokens[before]) ? before : nil
  }

  /// The actor that opens the clause ending at `position`: "[The jihadists] made gains and …".
  func clauseSubject(before position: Int) -> Int? {
    var k = position - 1
    var first: Int?
    while k >= 0, position - k < 12 {
      if Self.clauseOpeners.contains(tokens[k]) && !tokens[k].is("and") { break }
      if let m = mentionOfToken[k] {
        first = m
        k = mentions[m].range.lowerBound - 1
        continue
      }
      k -= 1
    }
    guard let found = first else { return nil }
    let m = phraseHead(from: found)
    // Only a mention at the very start of the clause (after determiners) is its subject.
    guard opensClause(found) else { return nil }
    return isActor(m) ? m : nil
  }

  /// Whether mention `m` stands at the start of its clause (after determiners and adverbs).
  func opensClause(_ m: Int) -> Bool {
    var j = mentions[m].range.lowerBound - 1
    while j >= 0, Self.determiners.contains(tokens[j]) || tokens[j].lower.hasSuffix("ly") { j -= 1 }
    return j < 0 || Self.clauseOpeners.contains(tokens[j])
  }

  /// Punctuation and words after which a clause starts.
  static let clauseOpeners: WordSet = [
    ",", ";", ":", "\"", "“", "”", "that", "which", "who", "but", "while", "as", "when", "and",
  ]

  /// The last mention of a chain like "Hezbollah chief Hassan Nasrallah" or "Russia's Foreign
  /// Minister Sergei Lavrov": the person or body the phrase is about.
  func phraseHead(from m: Int) -> Int {
    var head = m
    while true {
      var k = mentions[head].range.upperBound
      var hops = 0
      while k < tokens.count, hops < 4, mentionOfToken[k] == nil,
        tokens[k].is("'s")
          || (tokens[k].isWord && !isVerbCue(k) && !Self.locativePrepositions.contains(tokens[k])
            && !Self.clauseBreakers.contains(tokens[k]) && !Self.auxiliaries.contains(tokens[k])
            && !tokens[k].is("and"))
      {
        k += 1
        hops += 1
      }
      guard k < tokens.count, hops >= 1, let next = mentionOfToken[k], mentionKinds[next] == .person
      else { return head }
      head = next
    }
  }

  /// Where a ", the media adviser to the president," apposition starts, given its closing comma:
  /// a determiner right after the opening comma, a mention right before it.
  func appositiveStart(endingAt comma: Int) -> Int? {
    var k = comma - 1
    while k > 0, comma - k < 14 {
      if tokens[k].is(",") {
        guard k + 1 < comma, ["the", "a", "an", "its", "their", "his", "her"].contains(tokens[k + 1].lower),
          k > 0, mentionOfToken[k - 1] != nil
        else { return nil }
        return k
      }
      if Self.appositionBreakers.contains(tokens[k]) || isVerbCue(k) { return nil }
      k -= 1
    }
    return nil
  }

  /// The subject of the sentence's main clause, for a participle clause that has none of its own
  /// ("Shaaban … compared the HSD to ISIS, calling them illegitimate"): the first actor named
  /// before `position` that no preposition governs.
  func mainSubject(before position: Int) -> Int? {
    var k = 0
    while k < position {
      if let m = mentionOfToken[k] {
        let governed = governingPreposition(of: m) != nil
        if isActor(m) && !governed && !mentions[m].isBareDemonym { return m }
        k = mentions[m].range.upperBound
        continue
      }
      k += 1
    }
    return nil
  }

  /// Where a ", which …," clause starts, given its closing comma.
  func relativeClauseStart(endingAt comma: Int) -> Int? {
    var k = comma - 1
    while k > 0, comma - k < 25 {
      if tokens[k].is(",") {
        if k + 1 < tokens.count, ["which", "who", "whose", "whom"].contains(tokens[k + 1].lower) { return k }
        return nil
      }
      k -= 1
    }
    return nil
  }

  /// The head mention of the noun phrase starting at or after `position` ("SDF positions",
  /// "a vehicle of the SDF", "Russian Lieutenant General Valery Asapov").
  func object(after position: Int, limit: Int = 7, allowActorNouns: Bool = true) -> Int? {
    var i = position
    var skipped = 0
    var crossedAnd = false
    if i + 1 < tokens.count, ["or", "and"].contains(tokens[i].lower),
      let verb = cues.first(where: { $0.range.lowerBound == i + 1 && $0.cue.form != .noun })
    {
      i = verb.range.upperBound
    }
    while i < tokens.count, skipped <= limit {
      if let m = mentionOfToken[i] {
        // "threatened they wouldn't allow the SAA …": "they" opens a clause; its object comes later.
        if tokens[i].is("they"), i + 1 < tokens.count,
          Self.auxiliaries.contains(tokens[i + 1]) || isVerbCue(i + 1)
        {
          i += 1
          skipped += 1
          continue
        }
        // "US-backed SDF", "ISIS-held town of X": the glued mention modifies what follows.
        let after = mentions[m].range.upperBound
        if after + 1 < tokens.count, tokens[after].is("-"), !tokens[after].spaceBefore,
          !tokens[after + 1].spaceBefore,
          mentionOfToken[after + 1] == nil
        {
          i = after + 2
          skipped += 1
          continue
        }
        // A bare demonym before a name: the name is the head.
        if mentions[m].isBareDemonym {
          var k = mentions[m].range.upperBound
          var hops = 0
          while k < tokens.count, hops < 4, mentionOfToken[k] == nil, tokens[k].isCapitalized || tokens[k].is("-") {
            k += 1
            hops += 1
          }
          if k < tokens.count, let next = mentionOfToken[k], !mentions[next].isBareDemonym { return next }
        }
        // "attacked the consulate and the US supported it": past "and", a name followed by its own
        // verb is the next clause's subject, not a second object.
        if crossedAnd, after < parse.tags.count, parse.tags[after].isVerb { return nil }
        return m
      }
      let lower = tokens[i].lower
      if Self.determiners.contains(tokens[i]) || Self.actorNouns.contains(tokens[i]) && allowActorNouns
        || tokens[i].startsWithNumber
      {
        i += 1
        skipped += 1
        continue
      }
      // "recover lost ground, including the town of al-Shula"
      if lower == ",", i + 1 < tokens.count, tokens[i + 1].is("including") {
        i += 2
        skipped += 1
        continue
      }
      if lower == "and", !crossedAnd, skipped > 0, i + 1 < tokens.count, !isVerbCue(i + 1) {
        // "attacks by rebel factions and the jihadists of HTS"
        crossedAnd = true
        i += 1
        skipped += 1
        continue
      }
      if Self.clauseBreakers.contains(tokens[i]) || Self.locativePrepositions.contains(tokens[i]) || lower == ","
        || lower == "and"
        || isVerbCue(i) || !tokens[i].isWord
      {
        return nil
      }
      // Unknown lower-case words (adjectives) may stand before the head noun, and so may a
      // capitalised adjective before a lower-case noun ("a Kurdish politician").
      if tokens[i].isCapitalized {
        guard i + 1 < tokens.count, tokens[i + 1].isWord, !tokens[i + 1].isCapitalized, mentionOfToken[i + 1] == nil
        else { return nil }
      }
      i += 1
      skipped += 1
      // "a Kurdish politician, Hevrin Khalaf": a name in apposition is the head.
      if i + 1 < tokens.count, tokens[i].is(","), let m = mentionOfToken[i + 1],
        mentionKinds[m] == .person
      {
        return m
      }
    }
    return nil
  }

  /// A head mention and the mentions coordinated with it to the right ("B, C and D", "B and
  /// three commanders C"), and those it names as included ("members of B, including its leader C").
  /// A comma joins only inside a list closed by "and"/"or", so "…B, the US has become…" stops at B.
  func coordinatedRight(from m: Int) -> [Int] {
    var group = [m]
    var pendingComma: [Int] = []
    var end = mentions[m].range.upperBound
    while end < tokens.count {
      var k = end
      let joiner = tokens[k].lower
      var isComma = false
      if joiner == "and" || joiner == "or" || joiner == "&" || joiner == "/" {
        k += 1
      } else if joiner == "as", k + 2 < tokens.count, tokens[k + 1].is("well"), tokens[k + 2].is("as") {
        k += 3
      } else if joiner == "," {
        k += 1
        isComma = true
        if k < tokens.count, tokens[k].is("and") || tokens[k].is("or") {
          k += 1
          isComma = false
        } else if k < tokens.count, tokens[k].is("including") {
          k += 1
          isComma = false
        }
      } else if joiner == "including" {
        k += 1
      } else {
        break
      }
      // Determiners and lower-case title words before the next name ("its former leader", "three field commanders").
      var hops = 0
      while k < tokens.count, hops < 4, mentionOfToken[k] == nil, tokens[k].isWord,
        !tokens[k].isCapitalized || Self.determiners.contains(tokens[k]),
        !isVerbCue(k), !Self.locativePrepositions.contains(tokens[k]),
        !Self.clauseBreakers.contains(tokens[k])
      {
        k += 1
        hops += 1
      }
      guard k < tokens.count, let next = mentionOfToken[k], mentions[next].range.lowerBound == k else { break }
      var head = next
      // "Syrian and Russian officials": the adjective pair shares the noun.
      if mentions[next].isBareDemonym, mentions[next].range.upperBound < tokens.count,
        let n2 = mentionOfToken[mentions[next].range.upperBound], !mentions[n2].isBareDemonym
      {
        head = n2
      }
      if isComma {
        pendingComma.append(head)
      } else {
        group += pendingComma
        pendingComma = []
        group.append(head)
      }
      end = mentions[head].range.upperBound
    }
    return group
  }

  /// A head mention and the mentions coordinated with it to the left ("A and B attacked").
  func coordinatedLeft(from m: Int) -> [Int] {
    var group = [m]
    var start = mentions[m].range.lowerBound
    var sawConjunction = false
    while start > 0 {
      if let modifier = mentionOfToken[start - 1], mentions[modifier].isBareDemonym {
        start = mentions[modifier].range.lowerBound
      }
      guard start > 0 else { break }
      var k = start - 1
      // "SDF, Syrian Democratic Forces": the same actor restated is not a second member.
      if tokens[k].is(","), k > 0, let prev = mentionOfToken[k - 1],
        mentions[prev].entityID == mentions[group[0]].entityID
      {
        start = mentions[prev].range.lowerBound
        continue
      }
      // "A and the Kurdish dominated so-called B", "militias such as the PMU": words between the joiner and B.
      var hops = 0
      while k > 0, hops < 7, mentionOfToken[k] == nil, !["and", ",", "&", "/"].contains(tokens[k].lower),
        Self.determiners.contains(tokens[k]) || ["such", "as", "including"].contains(tokens[k].lower)
          || (tokens[k].isWord && !isVerbCue(k) && !Self.locativePrepositions.contains(tokens[k])
            && !Self.clauseBreakers.contains(tokens[k]))
      {
        k -= 1
        hops += 1
      }
      guard ["and", ",", "&", "/", "or"].contains(tokens[k].lower) else { break }
      // "According to SOHR, Russian jets …": a comma joins only inside a list that has a conjunction.
      if tokens[k].is(",") && !sawConjunction { break }
      if !tokens[k].is(",") { sawConjunction = true }
      k -= 1
      // "The Turkish army and allied Syrian rebels": the rebels are not Syria.
      if k >= 0, let prev = mentionOfToken[k], describesNonStateGroup(prev) { break }
      if k >= 0, tokens[k].is(",") { k -= 1 }
      guard k >= 0, let prev = mentionOfToken[k] else { break }
      // "Russia, which …" is not coordination; an actor list is.
      guard isActor(prev) || mentionKinds[prev] == mentionKinds[m] else { break }
      group.insert(prev, at: 0)
      start = mentions[prev].range.lowerBound
    }
    return group
  }

  /// A mention with everything coordinated with it on both sides.
  func group(of m: Int) -> [Int] {
    coordinatedLeft(from: m) + coordinatedRight(from: m).dropFirst()
  }

  /// The mention after "by" following `position` ("attacked by Russian jets", "strikes by A on B").
  func agent(after position: Int, within: Int = 3) -> Int? {
    var i = position
    while i < tokens.count, i - position <= within {
      if tokens[i].is("by") { return object(after: i + 1, limit: 7) }
      if Self.clauseBreakers.contains(tokens[i]) { return nil }
      i += 1
    }
    return nil
  }

  /// Punctuation no apposition spans.
  static let appositionBreakers: WordSet = [";", ":", "\"", "“", "”", "(", ")"]
  /// Punctuation that opens a clause for `clauseStart(of:)`.
  static let clauseMarks: WordSet = [";", ":", "\"", "“", "”"]

  /// The first token index of the clause containing `position`.
  func clauseStart(of position: Int) -> Int {
    var i = position - 1
    while i >= 0 {
      if Self.clauseMarks.contains(tokens[i]) { return i + 1 }
      i -= 1
    }
    return 0
  }
}
