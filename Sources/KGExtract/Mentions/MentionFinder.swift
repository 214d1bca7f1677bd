import KGModel

/// Finds the actors a sentence names: dictionary aliases (longest match), demonyms, people by
/// their titles, organisations by their head nouns, places by their context, "X-backed forces",
/// and references ("the group", "she") resolved to the most recent compatible actor.
struct MentionFinder {
  let configuration: ExtractionConfiguration
  var dictionary: ActorDictionary { configuration.dictionary }
  var patterns: PatternVocabulary { configuration.patterns }

  /// The kind of entity `id`: the dictionary's, else the document's. (The kind alone is read: a
  /// whole `Entity` from the dictionary is a copy of its names and aliases.)
  func kind(of id: String, state: DocumentState) -> EntityKind? {
    configuration.entityKinds[id] ?? state.discovered[id]?.kind
  }

  func find(in tokens: [Token], headline: Bool, state: inout DocumentState) -> [MentionHit] {
    var hits: [MentionHit] = []
    var covered = [Bool].filled(with: false, count: tokens.count)
    func claim(_ hit: MentionHit) {
      hits.append(hit)
      for k in hit.range { covered[k] = true }
    }
    // 1. Dictionary and document-local aliases, longest match first.
    var i = 0
    while i < tokens.count {
      if var hit = dictionaryMatch(tokens, at: i, state: state) {
        // "the regime forces": an alias opening with "the" ("the regime") gives way to a longer
        // one that starts after it ("regime forces").
        if tokens[i].is("the"), i + 1 < tokens.count, let next = dictionaryMatch(tokens, at: i + 1, state: state),
          next.range.upperBound > hit.range.upperBound
        {
          hit = next
        }
        claim(hit)
        i = hit.range.upperBound
      } else {
        i += 1
      }
    }
    // "allied Syrian forces", "opposition Syrian fighters": a state's forces named by its demonym
    // after a word of alliance or opposition are other fighters of that nation, not its army; the
    // words stay covered, so no later pass reads them as the state.
    hits.removeAll { hit in
      let start = hit.range.lowerBound
      return start > 0
        && (tokens[start - 1].is("allied") || patterns.names.collectiveModifiers.contains(tokens[start - 1]))
        && configuration.demonymStates.contains(tokens[start])
        && kind(of: hit.entityID, state: state) == .military
    }
    // "a British-owned ship", "Turkish-made drones", "a London-based monitor": the name modifies
    // a thing and is no mention; its words stay covered.
    hits.removeAll { hit in
      let end = hit.range.upperBound
      return end + 1 < tokens.count && tokens[end].is("-") && !tokens[end].spaceBefore
        && !tokens[end + 1].spaceBefore && patterns.names.thingCompounds.contains(tokens[end + 1])
    }
    // "Syrian civilians", "Armenian separatists": a bare demonym before a noun for some of its
    // people is no mention of its state; its word is left to later passes ("Syrian rebels").
    // "the Iran-backed Lebanese militant group": one modifier may come between.
    hits.removeAll { hit in
      var end = hit.range.upperBound
      if end + 1 < tokens.count, tokens[end].isWord, !tokens[end].isCapitalized,
        !patterns.names.demonymPeople.contains(tokens[end]), patterns.names.demonymPeople.contains(tokens[end + 1])
      {
        end += 1
      }
      guard hit.isBareDemonym, end < tokens.count, patterns.names.demonymPeople.contains(tokens[end]),
        !patterns.names.collectiveNouns.contains(tokens[end])
      else {
        return false
      }
      for k in hit.range { covered[k] = false }
      return true
    }
    splitSharedHeads(tokens, covered: &covered, hits: &hits, state: state)
    // 1b. Dictionary names spelt another way ("Hayat Tahrir al Sham", "Jaysh al-Islam").
    i = 0
    while i < tokens.count {
      // Common words are no spelling of a name: "It is" folds like "al-Urr".
      if !covered[i], tokens[i].isWord, tokens[i].isCapitalized, !patterns.names.notNames.contains(tokens[i]),
        let (entry, length) = configuration.foldedAliases.match(tokens, at: i, covered: covered),
        !patterns.names.notNames.contains(tokens[i + length - 1]),
        // A word of English is no other spelling of a one-word name ("Line" is not "Linyi").
        length > 1 || !configuration.parser.isCommonWord(tokens[i].lower)
      {
        claim(MentionHit(entityID: entry.entityID, range: i..<(i + length), origin: .dictionary, isBareDemonym: false))
        i += length
      } else {
        i += 1
      }
    }
    // "Umm Batna", "Tell Rifaat": a one-word place found right after an unclaimed place-name
    // prefix is the end of a longer name, which the passes below read whole.
    hits.removeAll { hit in
      let start = hit.range.lowerBound
      guard hit.range.count == 1, start > 0, !covered[start - 1], tokens[start - 1].isCapitalized,
        patterns.names.placePrefixes.contains(tokens[start - 1]),
        kind(of: hit.entityID, state: state) == .location
      else { return false }
      covered[start] = false
      return true
    }
    // "al-Mansoura": an article glued to a place's name belongs to the mention (and its surface).
    for index in hits.indices where hits[index].range.lowerBound >= 2 {
      let start = hits[index].range.lowerBound
      guard tokens[start - 1].is("-"), !tokens[start - 1].spaceBefore, !tokens[start].spaceBefore,
        NameFolding.articleForms.contains(tokens[start - 2].lower), !covered[start - 2],
        kind(of: hits[index].entityID, state: state) == .location
      else { continue }
      hits[index].range = (start - 2)..<hits[index].range.upperBound
      covered[start - 2] = true
      covered[start - 1] = true
    }
    // A headline in Title Case ("Russian-Regime Attacks on Idlib") has no prose capitals to go by.
    let titleCase = headline && isTitleCase(tokens)
    // 2. People by title.
    if !titleCase {
      findPeople(tokens, covered: &covered, hits: &hits, state: &state)
      findAppositivePeople(tokens, covered: &covered, hits: &hits, state: &state)
    }
    // 3. Places by context, organisations by head noun.
    findPlaces(tokens, covered: &covered, hits: &hits, state: &state, titleCase: titleCase)
    if !titleCase {
      findOrganisations(tokens, covered: &covered, hits: &hits, state: &state)
      findNamesAfterDemonyms(tokens, covered: &covered, hits: &hits, state: &state)
    }
    // 4. "X-backed forces", "FSA 1st Brigade", "repelled the advance".
    findBackedForces(tokens, covered: &covered, hits: &hits, state: state)
    findSubUnits(tokens, covered: &covered, hits: &hits, state: &state)
    findEventAnaphora(tokens, covered: &covered, hits: &hits, state: state)
    // 5. Acronyms the article defines, and names typed by their morphology or context.
    findDefinedAcronyms(tokens, covered: &covered, hits: &hits, state: &state)
    findCollectiveParties(tokens, covered: &covered, hits: &hits, state: &state)
    if !titleCase {
      findUnknownNames(tokens, covered: &covered, hits: &hits, state: &state)
      extendPlaceLists(tokens, covered: &covered, hits: &hits, state: &state)
    }
    hits.sort { $0.range.lowerBound < $1.range.lowerBound }
    shareHeadNouns(tokens, hits: &hits, state: state)
    shareHeadsBackward(tokens, hits: &hits, state: state)
    noteHostEvidence(tokens, hits: hits, state: &state)
    giveToHost(tokens, hits: &hits, state: state)
    // 6. References, resolved in order so that earlier mentions of this sentence count.
    var result: [MentionHit] = []
    var next = 0
    var t = 0
    while t < tokens.count {
      if next < hits.count, hits[next].range.lowerBound == t {
        let hit = hits[next]
        result.append(hit)
        state.history.append(hit.entityID)
        state.historySentence.append(state.sentence)
        if hit.origin != .reference, let noun = placeNoun(of: hit, tokens: tokens, state: state) {
          state.placeNouns[hit.entityID] = noun
        }
        // A bare demonym ("Syrian" sharing "forces" in a list) names no entity by itself.
        if hit.origin != .reference,
          hit.range.count > 1 || !configuration.demonymStates.contains(tokens[hit.range.lowerBound])
        {
          let surface = text(tokens, hit.range)
          // One lookup: the entry is made (and the surface added) only when the surface is new.
          state.surfaces.modify(hit.entityID, default: []) { Self.addSurface(surface, to: &$0) }
        }
        t = hit.range.upperBound
        next += 1
        continue
      }
      // "they" as a subject: the group that opens this sentence, or else the previous one.
      if !covered[t], tokens[t].is("they"),
        let id = resolveThey(at: t, tokens: tokens, found: result, state: state)
      {
        result.append(MentionHit(entityID: id, range: t..<(t + 1), origin: .reference, isBareDemonym: false))
        state.history.append(id)
        state.historySentence.append(state.sentence)
        t += 1
        continue
      }
      // "The SDF said it had captured Raqqa": "it" as the subject of what an actor says is that
      // actor (GUIDELINES.md: a party's claim about its own success), within this sentence only.
      if !covered[t], tokens[t].is("it"), isSpeakersPronoun(at: t, tokens: tokens),
        let id = resolveThey(at: t, tokens: tokens, found: result, state: state, sameSentenceOnly: true)
      {
        result.append(MentionHit(entityID: id, range: t..<(t + 1), origin: .reference, isBareDemonym: false))
        state.history.append(id)
        state.historySentence.append(state.sentence)
        t += 1
        continue
      }
      // "took control of the village": the last place named as a village, in the last sentences.
      if !covered[t], let id = placeAnaphor(at: t, tokens: tokens, state: state) {
        result.append(MentionHit(entityID: id, range: t..<(t + 2), origin: .reference, isBareDemonym: false))
        state.history.append(id)
        state.historySentence.append(state.sentence)
        t += 2
        continue
      }
      if !covered[t], let (phrase, length) = referenceMatch(tokens, at: t),
        next >= hits.count || hits[next].range.lowerBound >= t + length,
        !(t + length + 1 < tokens.count && tokens[t + length].is("of")
          && hits.contains { $0.range.lowerBound == t + length + 1 || $0.range.lowerBound == t + length + 2 }),
        let id = resolve(phrase, state: state) ?? hostArmy(for: phrase, state: state)
      {
        let hit = MentionHit(entityID: id, range: t..<(t + length), origin: .reference, isBareDemonym: false)
        result.append(hit)
        state.history.append(id)
        state.historySentence.append(state.sentence)
        t += length
        continue
      }
      t += 1
    }
    state.previousSubject = openingSubject(result, tokens: tokens, state: state)
    return result
  }

  /// The noun a place's mention is named with: "Binnish town", "the village of Hass".
  func placeNoun(of hit: MentionHit, tokens: [Token], state: DocumentState) -> String? {
    let after = hit.range.upperBound
    let before = hit.range.lowerBound
    var noun: String?
    if after < tokens.count, patterns.placeAnaphora.contains(tokens[after]) {
      noun = tokens[after].lower
    } else if before >= 2, tokens[before - 1].is("of"), patterns.placeAnaphora.contains(tokens[before - 2]) {
      noun = tokens[before - 2].lower
    }
    guard let noun, kind(of: hit.entityID, state: state) == .location else {
      return nil
    }
    return noun
  }

  /// The place that "the village" at `t` stands for: the latest place named with that noun in this
  /// or the five sentences before; not "the village of X", "the town Afrin" or "the town council".
  func placeAnaphor(at t: Int, tokens: [Token], state: DocumentState) -> String? {
    guard tokens[t].is("the"), t + 1 < tokens.count, patterns.placeAnaphora.contains(tokens[t + 1]) else {
      return nil
    }
    if t + 2 < tokens.count {
      let next = tokens[t + 2]
      // "the village this morning", "the town on Friday" end the phrase; "the town council" does not.
      if next.is("of") || next.isCapitalized || (next.isWord && !Self.stopCapitals.contains(next)) { return nil }
    }
    let noun = tokens[t + 1].lower
    for (k, id) in state.history.enumerated().reversed() {
      if state.sentence - state.historySentence[k] > 5 { return nil }
      if state.placeNouns[id] == noun { return id }
    }
    return nil
  }

  /// Appends `surface` unless it is already listed.
  static func addSurface(_ surface: String, to surfaces: inout [String]) {
    if !surfaces.contains(surface) { surfaces.append(surface) }
  }

  /// The first ungoverned group, military or state named in a sentence.
  func openingSubject(_ hits: [MentionHit], tokens: [Token], state: DocumentState) -> String? {
    for hit in hits where !hit.isBareDemonym {
      // The token test first: the entity is looked up only for the first ungoverned hit.
      var before = hit.range.lowerBound - 1
      while before >= 0, SentenceAnalysis.articles.contains(tokens[before]) { before -= 1 }
      if before >= 0, SentenceAnalysis.governing.contains(tokens[before]) { continue }
      guard let entity = dictionary.entity(hit.entityID) ?? state.discovered[hit.entityID] else { continue }
      return Self.collectiveKinds.contains(entity.kind) ? hit.entityID : nil
    }
    return nil
  }

  func text(_ tokens: [Token], _ range: Range<Int>) -> String {
    var out = ""
    for k in range {
      if k > range.lowerBound && tokens[k].spaceBefore { out += " " }
      out += tokens[k].text
    }
    return out
  }

  /// A headline in Title Case: most words capitalised.
  func isTitleCase(_ tokens: [Token]) -> Bool {
    let words = tokens.filter { $0.isWord && $0.lower.count > 3 }
    guard words.count >= 4 else { return false }
    return Double(words.filter(\.isCapitalized).count) / Double(words.count) > 0.7
  }

  // MARK: - Dictionary

  func matches(_ entry: AliasEntry, _ tokens: [Token], at i: Int) -> Bool {
    guard i + entry.tokens.count <= tokens.count else { return false }
    for (k, lower) in entry.tokens.enumerated() {
      let token = tokens[i + k]
      guard token.lower == lower else { return false }
      switch entry.rules[k] {
      case .exact(let s): if token.text != s { return false }
      case .capitalized: if !token.isCapitalized { return false }
      case .any: break
      }
    }
    return true
  }

  func dictionaryMatch(_ tokens: [Token], at i: Int, state: DocumentState) -> MentionHit? {
    // Only entries whose second token is the next token's can match beyond one token; the longest
    // match wins, so considering those before the one-word entries keeps the first of equals.
    // Most tokens open no alias: both lists are empty after one probe.
    let (longer, oneWord) = configuration.aliasIndex.candidates(in: tokens, at: i)
    let local = state.localAliases.isEmpty ? nil : state.localAliases[tokens[i]]
    if longer.isEmpty, oneWord.isEmpty, local == nil { return nil }
    // The best entry so far, by list (0 longer, 1 one-word, 2 local) and index: an entry that
    // could not replace it is not compared with the tokens, and none is copied until the end.
    var bestList = -1
    var bestIndex = 0
    var bestLength = 0
    var bestPriority = 0
    func consider(_ list: [AliasEntry], _ tag: Int) {
      for k in list.indices {
        let length = list[k].tokens.count
        let priority = list[k].priority
        if bestList >= 0, (bestLength, bestPriority) >= (length, priority) { continue }
        if matches(list[k], tokens, at: i) {
          (bestList, bestIndex, bestLength, bestPriority) = (tag, k, length, priority)
        }
      }
    }
    consider(longer, 0)
    // One-word entries cannot replace a longer match (nor are their entries read for it).
    if bestLength < 2 { consider(oneWord, 1) }
    if let local { consider(local, 2) }
    guard bestList >= 0 else { return nil }
    let entry = bestList == 0 ? longer[bestIndex] : bestList == 1 ? oneWord[bestIndex] : local![bestIndex]
    let end = i + entry.tokens.count
    // A bare demonym glued into a larger capitalised name is not a mention ("Syrian-American").
    let bare = entry.origin == .adjective && entry.priority == 0
    return MentionHit(entityID: entry.entityID, range: i..<end, origin: entry.origin, isBareDemonym: bare)
  }

  // MARK: - People

  func titleMatch(_ tokens: [Token], at i: Int) -> Int? { longestTitle(patterns.titlesByFirst, tokens, at: i) }

  /// The length of the phrase title (`phrase_titles`) at `i`, or nil.
  func phraseTitleMatch(_ tokens: [Token], at i: Int) -> Int? {
    longestTitle(patterns.phraseTitlesByFirst, tokens, at: i)
  }

  /// The length of the first title of `table` (by first word, longest first) at `i`, or nil.
  func longestTitle(_ table: WordMap<[[String]]>, _ tokens: [Token], at i: Int) -> Int? {
    guard let titles = table[tokens[i]] else { return nil }
    for title in titles where i + title.count <= tokens.count {
      if zip(title, tokens[i..<(i + title.count)]).allSatisfy({ $0 == $1.lower }) { return title.count }
    }
    return nil
  }

  /// Makes the name at `run` a person of this document, belonging to `partOf`, and claims it.
  func addPerson(
    _ tokens: [Token], _ run: Range<Int>, partOf: String?, covered: inout [Bool], hits: inout [MentionHit],
    state: inout DocumentState
  ) {
    let name = text(tokens, run)
    let id = state.discover(Entity(id: Entity.slug(name), name: name, kind: .person, partOf: partOf))
    state.addLocalAlias(name, for: id)
    hits.append(MentionHit(entityID: id, range: run, origin: .pattern, isBareDemonym: false))
    for k in run { covered[k] = true }
  }

  /// "al-Sheikh Damis village", "Sheikh Maqsoud neighbourhood": a title word glued to an article,
  /// or whose name is followed by a place noun, opens a place's name, not a person's.
  func opensPlaceName(_ tokens: [Token], titleAt i: Int, length: Int) -> Bool {
    if i >= 2, tokens[i - 1].is("-"), !tokens[i - 1].spaceBefore, !tokens[i].spaceBefore,
      NameFolding.articleForms.contains(tokens[i - 2].lower)
    {
      return true
    }
    var k = i + length
    while k < tokens.count, tokens[k].isWord, tokens[k].isCapitalized { k += 1 }
    return k > i + length && k < tokens.count && patterns.placeAnaphora.contains(tokens[k])
  }

  /// A run of name tokens from `start`: capitalised words, joined by hyphens or lower-case particles.
  func nameRun(_ tokens: [Token], from start: Int, covered: [Bool]) -> Range<Int>? {
    var j = start
    var lastName = -1
    while j < tokens.count, !covered[j] {
      let t = tokens[j]
      // A title glued to a particle ("al-Sheikh") is a word of the name.
      let gluedTitle = j > 0 && tokens[j - 1].is("-") && !t.spaceBefore
      if t.isWord && t.isCapitalized && !Self.stopCapitals.contains(t)
        && (gluedTitle || !patterns.titleWords.contains(t))
      {
        lastName = j
        j += 1
      } else if t.is("-") && !t.spaceBefore && j > start
        && (lastName == j - 1 || patterns.nameParticles.contains(tokens[j - 1]))
      {
        j += 1
      } else if patterns.nameParticles.contains(t) && j + 1 < tokens.count {
        j += 1
      } else {
        break
      }
    }
    guard lastName >= start else { return nil }
    return start..<(lastName + 1)
  }

  static let stopCapitals: WordSet = [
    "the", "a", "an", "in", "on", "at", "of", "and", "but", "said", "says", "told", "who", "which", "that", "this",
    "however", "he", "she", "it", "they", "we", "i",
  ]

  func findPeople(_ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: inout DocumentState) {
    var i = 0
    while i < tokens.count {
      if !covered[i], let length = phraseTitleMatch(tokens, at: i),
        let (run, partOf) = nameAfterTitlePhrase(tokens, from: i + length, covered: covered, hits: hits)
      {
        addPerson(tokens, run, partOf: partOf, covered: &covered, hits: &hits, state: &state)
        i = run.upperBound
        continue
      }
      guard !covered[i], let length = titleMatch(tokens, at: i), !opensPlaceName(tokens, titleAt: i, length: length)
      else {
        i += 1
        continue
      }
      var titleEnd = i + length
      // "spokesman, Major General Igor Konashenkov": titles in a row.
      while true {
        var k = titleEnd
        if k < tokens.count, tokens[k].is(",") { k += 1 }
        guard k < tokens.count, let more = titleMatch(tokens, at: k) else { break }
        titleEnd = k + more
      }
      let plural = tokens[titleEnd - 1].lower.hasSuffix("s") && !tokens[titleEnd - 1].is("boss")
      // "The head of the UN mission in Yemen, Hans Grundberg, said": a title with its phrase, then
      // the name set off by commas.
      if let (run, partOf) = nameAfterTitlePhrase(tokens, from: titleEnd, covered: covered, hits: hits) {
        addPerson(tokens, run, partOf: partOf, covered: &covered, hits: &hits, state: &state)
        i = run.upperBound
        continue
      }
      var j = titleEnd
      if j < tokens.count, tokens[j].is(",") { j += 1 }
      var found = false
      // "Col. Ivan Petrov": a one-word place's name right after the title opens the person's name
      // when another name word follows it.
      if nameRun(tokens, from: j, covered: covered) == nil, j + 1 < tokens.count, !covered[j + 1],
        tokens[j + 1].isWord, tokens[j + 1].isCapitalized
      {
        releaseOneWordPlace(at: j, covered: &covered, hits: &hits, state: state)
      }
      while var run = nameRun(tokens, from: j, covered: covered) {
        // "spokesperson Mustafa Bali": a lone first name goes on into a one-word place's name.
        let next = run.upperBound
        if run.count == 1, next < tokens.count, tokens[next].isCapitalized,
          let place = hits.firstIndex(where: { $0.range == next..<(next + 1) }),
          kind(of: hits[place].entityID, state: state) == .location
        {
          hits.remove(at: place)
          run = run.lowerBound..<(next + 1)
        }
        let name = text(tokens, run)
        let partOf = owner(before: i, tokens: tokens, hits: hits)
        let id = state.discover(Entity(id: Entity.slug(name), name: name, kind: .person, partOf: partOf))
        state.addLocalAlias(name, for: id)
        let nameTokens = tokens[run].filter { $0.isWord && $0.isCapitalized }
        if nameTokens.count >= 2, let surname = nameTokens.last, !patterns.nameParticles.contains(surname) {
          var k = run.upperBound - 1
          while k > run.lowerBound && !(tokens[k - 1].is("-") || tokens[k].spaceBefore) { k -= 1 }
          state.addLocalAlias(text(tokens, k..<run.upperBound), for: id)
        }
        hits.append(MentionHit(entityID: id, range: run, origin: .pattern, isBareDemonym: false))
        for k in run { covered[k] = true }
        found = true
        j = run.upperBound
        guard plural else { break }
        // "commanders Abu Mahjub, Muru and Abu Fu'ad al-Habashi"
        if j < tokens.count, tokens[j].is(",") || tokens[j].is("and") { j += 1 } else { break }
        if j < tokens.count, tokens[j].is("and") { j += 1 }
      }
      i = found ? j : i + 1
    }
  }

  static let titlePhrasePrepositions: WordSet = ["of", "to", "for", "at", "in"]

  /// "The chairman of the foreign affairs committee of Russia's upper house, Konstantin
  /// Kosachev, said": the name of two to five words set off by commas after a title's phrase
  /// (at most sixteen words, no verb of speaking, no other comma), and the first actor the
  /// phrase names, which the person belongs to.
  func nameAfterTitlePhrase(_ tokens: [Token], from titleEnd: Int, covered: [Bool], hits: [MentionHit])
    -> (Range<Int>, String?)?
  {
    guard titleEnd < tokens.count, Self.titlePhrasePrepositions.contains(tokens[titleEnd]) else { return nil }
    var k = titleEnd + 1
    while k < tokens.count, k - titleEnd <= 16, !tokens[k].is(",") {
      guard tokens[k].isWord || tokens[k].is("'s") || tokens[k].is("-"),
        !configuration.lexicon.attributionVerbs.contains(tokens[k])
      else { return nil }
      k += 1
    }
    guard k + 1 < tokens.count, tokens[k].is(","), k > titleEnd + 1,
      let run = nameRun(tokens, from: k + 1, covered: covered), (2...5).contains(run.count),
      run.upperBound < tokens.count, tokens[run.upperBound].is(",")
    else { return nil }
    var partOf: String?
    let named = hits.filter { $0.range.lowerBound > titleEnd && $0.range.upperBound <= k }
    for hit in named.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      guard let kind = configuration.entityKinds[hit.entityID], kind != .person, kind != .location else { continue }
      partOf = hit.entityID
      break
    }
    return (run, partOf)
  }

  /// Gives back the tokens of a one-word place's mention starting at `start` (a gazetteer village
  /// called "Ivan" or "Nasser" that is a person's name here); whether there was one.
  @discardableResult
  func releaseOneWordPlace(at start: Int, covered: inout [Bool], hits: inout [MentionHit], state: DocumentState)
    -> Bool
  {
    guard let place = hits.firstIndex(where: { $0.range == start..<(start + 1) }),
      hits[place].origin == .dictionary,
      kind(of: hits[place].entityID, state: state) == .location
    else { return false }
    hits.remove(at: place)
    covered[start] = false
    return true
  }

  /// "Abu Khawla, the leader of the HSD led forces": a name, a comma and a title make a person,
  /// part of the actor after "of".
  func findAppositivePeople(
    _ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: inout DocumentState
  ) {
    var i = 0
    while i < tokens.count {
      guard !covered[i], tokens[i].isCapitalized, tokens[i].isWord, i == 0 || !tokens[i - 1].isCapitalized,
        let run = nameRun(tokens, from: i, covered: covered), run.count >= 2, run.count <= 5,
        run.upperBound + 2 < tokens.count, tokens[run.upperBound].is(","),
        tokens[run.upperBound + 1].is("the"),
        let titleLength = titleMatch(tokens, at: run.upperBound + 2)
      else {
        i += 1
        continue
      }
      var partOf: String?
      let after = run.upperBound + 2 + titleLength
      if after + 1 < tokens.count, tokens[after].is("of"),
        let hit = hits.first(where: { $0.range.lowerBound == after + 1 || $0.range.lowerBound == after + 2 })
      {
        partOf = hit.entityID
      }
      let name = text(tokens, run)
      let id = state.discover(Entity(id: Entity.slug(name), name: name, kind: .person, partOf: partOf))
      state.addLocalAlias(name, for: id)
      hits.append(MentionHit(entityID: id, range: run, origin: .pattern, isBareDemonym: false))
      for k in run { covered[k] = true }
      i = run.upperBound
    }
  }

  /// The actor a title belongs to: a demonym or body named just before it ("Russian Foreign Ministry Spokeswoman").
  func owner(before i: Int, tokens: [Token], hits: [MentionHit]) -> String? {
    guard let hit = hits.last(where: { $0.range.upperBound <= i && i - $0.range.upperBound <= 2 }) else { return nil }
    guard let entity = dictionary.entity(hit.entityID) else { return nil }
    if entity.kind == .person || entity.kind == .location { return nil }
    var current = entity
    var seen: Set<String> = []
    while let parent = current.partOf, let next = dictionary.entity(parent), seen.insert(parent).inserted {
      current = next
    }
    return current.id
  }

  // MARK: - Places and organisations

  func findPlaces(
    _ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: inout DocumentState, titleCase: Bool
  ) {
    // "the town of X"
    var i = 0
    while i + 2 < tokens.count {
      if !titleCase, patterns.placeBefore.contains(tokens[i]), tokens[i + 1].is("of"), !covered[i + 2],
        let run = nameRun(tokens, from: i + 2, covered: covered)
      {
        let name = text(tokens, run)
        let id = state.discover(Entity(id: Entity.slug(name), name: name, kind: .location))
        state.addLocalAlias(name, for: id)
        state.typeEvidence[id] = state.typeEvidence[id] ?? "after '\(tokens[i].text) of'"
        hits.append(MentionHit(entityID: id, range: run, origin: .pattern, isBareDemonym: false))
        for k in run { covered[k] = true }
        claimListedPlaces(tokens, after: run.upperBound, covered: &covered, hits: &hits, state: &state)
        i = run.upperBound
        continue
      }
      i += 1
    }
    // "X province", "X oil field"
    i = 0
    while i < tokens.count {
      guard !covered[i], tokens[i].isCapitalized, tokens[i].isWord, !Self.stopCapitals.contains(tokens[i]),
        i == 0 || !tokens[i - 1].isCapitalized || tokens[i - 1].is("the") || !tokens[i - 1].isWord
      else {
        i += 1
        continue
      }
      guard let run = nameRun(tokens, from: i, covered: covered) else {
        i += 1
        continue
      }
      var matched = false
      // Every head opens with one of a few words ("province", "oil", "air", …).
      let mayHaveHead =
        patterns.placeAfterHasEmptyHead
        || (run.upperBound < tokens.count && patterns.placeAfterFirstWords.contains(tokens[run.upperBound]))
      for head in patterns.placeAfter where mayHaveHead && run.upperBound + head.count <= tokens.count {
        let slice = tokens[run.upperBound..<(run.upperBound + head.count)]
        if zip(head, slice).allSatisfy({ $0 == $1.lower })
          && !slice.contains(where: { covered[$0.span.start - $0.span.start] && false })
        {
          let full = run.lowerBound..<(run.upperBound + head.count)
          if full.contains(where: { covered[$0] }) { break }
          let name = text(tokens, full)
          let id = state.discover(Entity(id: Entity.slug(name), name: name, kind: .location))
          state.addLocalAlias(name, for: id)
          hits.append(MentionHit(entityID: id, range: full, origin: .pattern, isBareDemonym: false))
          for k in full { covered[k] = true }
          i = full.upperBound
          matched = true
          break
        }
      }
      if !matched { i = run.upperBound }
    }
  }

  /// Nouns after a name that make it a model of arms or a unit's label ("Israeli Apache
  /// helicopters", "Turkish Bayraktar drones"), which the demonym still gives to its state.
  static let equipmentNouns: WordSet = [
    "helicopter", "helicopters", "drone", "drones", "missile", "missiles", "jet", "jets", "fighter", "fighters",
    "warplane", "warplanes", "aircraft", "tank", "tanks", "rocket", "rockets", "troops", "forces", "soldiers",
    "units", "system", "systems", "vehicles", "boats", "ships", "warships", "submarine", "artillery", "launchers",
  ]

  /// "The Syrian Observer reported", "Turkish Airlines cancelled": a bare demonym opening a name
  /// no dictionary or head noun explains is part of an organisation's name, not the state (issue
  /// 15: an organisation whose name begins with a country is not that country). Only plain words
  /// follow ("Israeli F-16s" stays Israel's), and no title ("Russian President").
  func findNamesAfterDemonyms(
    _ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: inout DocumentState
  ) {
    for hit in hits where hit.isBareDemonym && hit.range.count == 1 {
      let next = hit.range.upperBound
      guard next < tokens.count, !covered[next], tokens[next].isWord, tokens[next].isCapitalized,
        !tokens[next].isAllCaps, tokens[next].text.count >= 4,
        tokens[next].text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }),
        !patterns.titleWords.contains(tokens[next]), !patterns.names.notNames.contains(tokens[next]),
        !Self.stopCapitals.contains(tokens[next]), !isDemonymLike(tokens[next]),
        let run = nameRun(tokens, from: next, covered: covered),
        run.upperBound >= tokens.count
          || (!tokens[run.upperBound].is("-") && !Self.equipmentNouns.contains(tokens[run.upperBound]))
      else { continue }
      let range = hit.range.lowerBound..<run.upperBound
      let name = text(tokens, range)
      let id = state.discover(Entity(id: Entity.slug(name), name: name, kind: .organization))
      state.addLocalAlias(name, for: id)
      state.typeEvidence[id] =
        state.typeEvidence[id] ?? "a name opening with the demonym '\(tokens[hit.range.lowerBound].text)'"
      hits.removeAll { $0.range == hit.range }
      hits.append(MentionHit(entityID: id, range: range, origin: .pattern, isBareDemonym: false))
      for k in range { covered[k] = true }
    }
  }

  func findOrganisations(_ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: inout DocumentState)
  {
    // The bare demonym and the place that start at each token (indices into `initial`, the hits
    // as they were, -1 for none): probed at every token, where a dictionary hashed every position.
    let initial = hits
    var demonymAt = [Int32].filled(with: -1, count: tokens.count)
    var placeAt = [Int32].filled(with: -1, count: tokens.count)
    for (h, hit) in initial.enumerated() {
      if hit.isBareDemonym {
        demonymAt[hit.range.lowerBound] = Int32(h)
      } else if kind(of: hit.entityID, state: state) == .location {
        placeAt[hit.range.lowerBound] = Int32(h)
      }
    }
    var i = 0
    while i < tokens.count {
      // Start at a capitalised word, at a bare demonym mention ("Syrian Air Defense Command"), or
      // at a place's name ("Darfur Bar Association", "Aleppo Media Center").
      let demonymHit = demonymAt[i] >= 0 ? initial[Int(demonymAt[i])] : nil
      let placeHit = demonymHit == nil && placeAt[i] >= 0 ? initial[Int(placeAt[i])] : nil
      let start = i
      var j = demonymHit?.range.upperBound ?? placeHit?.range.upperBound ?? i
      guard
        demonymHit != nil || placeHit != nil
          || (!covered[i] && tokens[i].isCapitalized && tokens[i].isWord && !Self.stopCapitals.contains(tokens[i]))
      else {
        i += 1
        continue
      }
      var lastHead = -1
      while j < tokens.count, !covered[j] {
        let t = tokens[j]
        if t.isCapitalized && t.isWord || t.startsWithNumber {
          if patterns.orgHeads[t] != nil { lastHead = j }
          j += 1
        } else if ["of", "for", "the", "al", "-", "and"].contains(t.lower) && j + 1 < tokens.count
          && tokens[j + 1].isCapitalized
        {
          j += 1
        } else {
          break
        }
      }
      // A place opens a name only when a capitalised word follows it ("Darfur Bar Association",
      // not "Darfur Association" alone: "Idlib Council" is still a council of Idlib's).
      let afterPlace = placeHit.map { $0.range.upperBound } ?? start
      guard lastHead > start, lastHead - start >= 1, placeHit == nil || lastHead > afterPlace,
        var kind = patterns.orgHeads[tokens[lastHead]]
      else {
        i = max(i + 1, demonymHit == nil && placeHit == nil ? j : i + 1)
        continue
      }
      let range = start..<(lastHead + 1)
      let name = text(tokens, range)
      let partOf = demonymHit.map(\.entityID)
      if partOf != nil && kind == .armedGroup { kind = .military }
      let id = state.discover(Entity(id: Entity.slug(name), name: name, kind: kind, partOf: partOf))
      state.addLocalAlias(name, for: id)
      if let d = demonymHit ?? placeHit { hits.removeAll { $0.range == d.range } }
      hits.append(MentionHit(entityID: id, range: range, origin: .pattern, isBareDemonym: false))
      for k in range { covered[k] = true }
      i = range.upperBound
    }
  }

  // MARK: - "X-backed forces" and references

  static let irregularForces: WordSet = [
    "fighters", "militias", "militia", "rebels", "groups", "group", "militants", "factions", "proxies",
  ]

  static let genericForces: WordSet = [
    "forces", "fighters", "militias", "militia", "rebels", "groups", "group", "troops", "units", "militants",
    "factions", "proxies", "allies", "alliance", "coalition",
  ]

  func findBackedForces(_ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: DocumentState) {
    for hit in hits {
      let p = hit.range.upperBound
      // "pro-Iran militias", "pro-Turkish factions": like "Iran-backed militias".
      let pro =
        hit.range.lowerBound >= 2 && tokens[hit.range.lowerBound - 1].is("-")
        && tokens[hit.range.lowerBound - 2].is("pro") && !tokens[hit.range.lowerBound - 1].spaceBefore
      guard
        pro
          || (p + 2 < tokens.count && tokens[p].is("-")
            && configuration.lexicon.participles.contains(tokens[p + 1]))
      else { continue }
      var k = pro ? p : p + 2
      while k < tokens.count, !covered[k],
        !tokens[k].isCapitalized || ["Kurdish", "Arab", "Syrian"].contains(tokens[k].text),
        !Self.genericForces.contains(tokens[k]), k < p + 5, tokens[k].isWord
      {
        k += 1
      }
      guard k < tokens.count, !covered[k], Self.genericForces.contains(tokens[k]) else { continue }
      let backer = hit.entityID
      // "militias", "rebels", "fighters" are armed groups, never a state's army.
      let groupNoun = Self.irregularForces.contains(tokens[k])
      let candidates = Set(dictionary.backedBy[backer] ?? []).filter { id in
        !groupNoun || configuration.entityKinds[id] == .armedGroup
      }
      let recent = state.history.last { candidates.contains($0) }
      // "pro-Iran militias" names the backer's own militias before any group it backs.
      guard let target = pro ? dictionary.defaultBacked[backer] ?? recent : recent ?? dictionary.defaultBacked[backer]
      else { continue }
      let range = (pro ? hit.range.lowerBound - 2 : p + 2)..<(k + 1)
      if pro { hits.removeAll { $0.range == hit.range } }
      // "pro-Iran militia" is a name the article gives the group (a surface of it); "Iran-backed
      // forces" refers to a group named elsewhere.
      hits.append(MentionHit(entityID: target, range: range, origin: pro ? .pattern : .reference, isBareDemonym: false))
      for c in range { covered[c] = true }
    }
  }

  static let collectiveKinds: Set<EntityKind> = [.armedGroup, .military, .state]

  /// The actor "they" stands for: the first ungoverned group, military or state of this sentence
  /// before it, else the subject that opened the previous sentence.
  /// Whether the "it" at `t` opens what a verb of speaking reports ("said it had", "claimed that
  /// it would"): right after the verb, or after its "that", and before a verb.
  func isSpeakersPronoun(at t: Int, tokens: [Token]) -> Bool {
    guard t >= 1, t + 1 < tokens.count, tokens[t + 1].isWord, !tokens[t + 1].isCapitalized else { return false }
    var before = t - 1
    if tokens[before].is("that"), before >= 1 {
      before -= 1
      // "said on Wednesday that it", "announced last week that it": a time phrase after the verb.
      var skipped = 0
      while before >= 1, skipped < 3, Self.timePhraseWords.contains(tokens[before]) {
        before -= 1
        skipped += 1
      }
    }
    return patterns.names.speechVerbs.contains(tokens[before])
  }

  /// Words of a short time phrase between a verb of speaking and its "that".
  static let timePhraseWords: WordSet = [
    "on", "last", "this", "earlier", "later", "late", "early", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "today", "yesterday", "week", "month", "weekend", "night", "morning",
    "evening",
  ]

  func resolveThey(
    at t: Int, tokens: [Token], found: [MentionHit], state: DocumentState, sameSentenceOnly: Bool = false
  ) -> String? {
    for hit in found where hit.range.upperBound <= t && !hit.isBareDemonym {
      // "The US-backed SDF said they …": a backer before a hyphen modifies the name after it;
      // "SDF spokesperson X said they …": a group before a title is the person's.
      let end = hit.range.upperBound
      if end < tokens.count, titleMatch(tokens, at: end) != nil { continue }
      // "Yemen's Houthi rebels said that they …": a possessor is not the speaker its phrase names.
      if end + 1 < tokens.count, ["'s", "’s"].contains(tokens[end].lower),
        found.contains(where: { $0.range.lowerBound == end + 1 })
      {
        continue
      }
      if end + 1 < tokens.count, tokens[end].is("-"), !tokens[end].spaceBefore,
        configuration.lexicon.participles.contains(tokens[end + 1])
      {
        continue
      }
      guard let entity = dictionary.entity(hit.entityID) ?? state.discovered[hit.entityID],
        Self.collectiveKinds.contains(entity.kind)
      else { continue }
      var before = hit.range.lowerBound - 1
      while before >= 0, SentenceAnalysis.articles.contains(tokens[before]) { before -= 1 }
      // "carried out by regime warplanes …, they targeted": a passive's agent is the actor.
      if before >= 0, SentenceAnalysis.governing.contains(tokens[before]), !tokens[before].is("by") { continue }
      return hit.entityID
    }
    return sameSentenceOnly ? nil : state.previousSubject
  }

  /// The longest reference phrase starting at token `i` (the first listed among equally long ones).
  func referenceMatch(_ tokens: [Token], at i: Int) -> (ReferencePhrase, Int)? {
    guard patterns.referenceIndex.mayStart(with: tokens[i]) else { return nil }
    let (longer, oneWord) = patterns.referenceIndex.candidates(in: tokens, at: i)
    for phrase in longer where i + phrase.tokens.count <= tokens.count {
      if zip(phrase.tokens, tokens[i..<(i + phrase.tokens.count)]).allSatisfy({ $0 == $1.lower }) {
        return (phrase, phrase.tokens.count)
      }
    }
    if let phrase = oneWord.first { return (phrase, 1) }
    return modifiedReference(tokens, at: i)
  }

  /// "the Kurdish militia", "the rebel-held province", "the Iran-backed group": a definite
  /// reference head after one or two modifiers (lowercase words, demonyms, hyphenated
  /// compounds) that name no actor themselves.
  func modifiedReference(_ tokens: [Token], at i: Int) -> (ReferencePhrase, Int)? {
    guard tokens[i].is("the") else { return nil }
    var k = i + 1
    var modifiers = 0
    var descriptor: String?
    while k < tokens.count, modifiers < 2 {
      // A compound "rebel-held" is one modifier.
      var end = k + 1
      while end + 1 < tokens.count, tokens[end].is("-"), !tokens[end].spaceBefore { end += 2 }
      guard tokens[k].isWord, !tokens[k].startsWithNumber, !patterns.referenceBlockers.contains(tokens[k]),
        !(tokens[k].isCapitalized && end == k + 1
          && (configuration.demonymStates.contains(tokens[k]) || !isDemonymLike(tokens[k])))
      else { return nil }
      if tokens[k].isCapitalized, end == k + 1 { descriptor = Self.stem(ofDemonym: tokens[k].lower) }
      modifiers += 1
      k = end
      guard k < tokens.count else { return nil }
      if var phrase = patterns.definiteHeads[tokens[k]] {
        // A following capitalised word makes it a name ("the Kurdish Red Crescent").
        if k + 1 < tokens.count, tokens[k + 1].isCapitalized, tokens[k + 1].isWord { return nil }
        // "the popular factions", "the armed militias": a common adjective sets plural groups apart
        // from the one named before.
        if phrase.plural, descriptor == nil { return nil }
        phrase.descriptor = descriptor
        return (phrase, k + 1 - i)
      }
      if tokens[k].isCapitalized, !isDemonymLike(tokens[k]) { return nil }
    }
    return nil
  }

  /// Whether an actor is named in the plural: "Popular Mobilization Units", "Syrian Democratic
  /// Forces", "Hashd al-Shaabi" does not count, but its alias "Popular Mobilisation Forces" does.
  /// A group's members ("ISIS militants") and acronyms ("ISIS") are no plural names.
  func isPluralName(_ entity: Entity) -> Bool {
    ([entity.name] + entity.aliases).contains { name in
      guard let word = name.split(separator: " ").last, word.count > 3, word.contains(where: \.isLowercase)
      else { return false }
      let last = word.lowercased()
      guard !patterns.names.memberNouns.contains(last), last != "terrorists" else { return false }
      return last.hasSuffix("s") && !last.hasSuffix("ss") && !last.hasSuffix("us")
    }
  }

  /// "kurdish" → "kurd", "palestinian" → "palestin", "iraqi" → "iraq".
  static func stem(ofDemonym word: String) -> String {
    for suffix in ["ish", "ian", "ite", "ese", "an", "i"] where word.hasSuffix(suffix) && word.count > suffix.count + 2
    {
      return String(word.dropLast(suffix.count))
    }
    return word
  }

  /// A capitalised adjective of nationality or creed that is no actor ("Kurdish", "Shiite").
  func isDemonymLike(_ token: Token) -> Bool {
    let w = token.lower
    return w.hasSuffix("ish") || w.hasSuffix("ian") || w.hasSuffix("ite") || w.hasSuffix("i") || w.hasSuffix("ese")
      || w.hasSuffix("an")
  }

  func resolve(_ phrase: ReferencePhrase, state: DocumentState) -> String? {
    for (k, id) in state.history.enumerated().reversed() {
      guard let entity = dictionary.entity(id) ?? state.discovered[id] else { continue }
      guard phrase.kinds.contains(entity.kind) else { continue }
      // "he", "the commander": only a person named in this or the two sentences before.
      if entity.kind == .person && state.sentence - state.historySentence[k] > 2 { return nil }
      if phrase.terrorist && !dictionary.isTerrorist(id) { continue }
      if let word = phrase.nameContains, !Self.contains(entity.name, word) { continue }
      if let stem = phrase.descriptor,
        !Self.contains(entity.name, stem) && !entity.aliases.contains(where: { Self.contains($0, stem) })
      {
        continue
      }
      if phrase.coalition && !dictionary.isCoalition(id) && !Self.contains(entity.name, "coalition") { continue }
      if phrase.plural, !dictionary.isCoalition(id), !isPluralName(entity) { continue }
      return id
    }
    return nil
  }

  // MARK: - Sub-units and event anaphora

  static let ordinalHeads: WordSet = [
    "brigade", "battalion", "division", "regiment", "corps", "squadron", "unit", "company", "front",
  ]

  /// "the Free Syrian Army (FSA) 1st Brigade": a unit of a known group, part of it.
  func findSubUnits(_ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: inout DocumentState) {
    for hit in hits where !hit.isBareDemonym {
      var k = hit.range.upperBound
      // "(FSA)"
      if k + 2 < tokens.count, tokens[k].is("("), tokens[k + 2].is(")") { k += 3 }
      let nameStart = k
      var hops = 0
      while k < tokens.count, hops < 3, !covered[k], tokens[k].startsWithNumber || tokens[k].isCapitalized,
        !Self.ordinalHeads.contains(tokens[k])
      {
        k += 1
        hops += 1
      }
      guard k > nameStart, k < tokens.count, !covered[k], Self.ordinalHeads.contains(tokens[k]),
        tokens[k].isCapitalized
      else { continue }
      // The entity is looked up only once the tokens after the hit name a unit.
      guard let parent = dictionary.entity(hit.entityID) ?? state.discovered[hit.entityID],
        parent.kind == .armedGroup || parent.kind == .military
      else { continue }
      let range = hit.range.lowerBound..<(k + 1)
      let name = text(tokens, range)
      let short = "\(parent.name) \(text(tokens, nameStart..<(k + 1)))"
      var entity = Entity(id: Entity.slug(short), name: short, kind: parent.kind, aliases: [name], partOf: parent.id)
      if entity.aliases.contains(entity.name) { entity.aliases = [] }
      let id = state.discover(entity)
      state.addLocalAlias(name, for: id)
      hits.removeAll { $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound }
      hits.append(MentionHit(entityID: id, range: range, origin: .pattern, isBareDemonym: false))
      for c in range { covered[c] = true }
    }
  }

  static let repelVerbs: WordSet = [
    "repel", "repels", "repelled", "repelling", "repulse", "repulsed", "repulsing", "foil", "foiled", "foiling",
    "thwart",
    "thwarted", "thwarting", "halt", "halted", "stopped", "stop", "counter", "countered", "resisted", "resist", "broke",
    "break", "blunted", "contained", "beat", "beaten", "fended", "fend", "back", "off", "condemned", "condemn",
    "condemns", "denounced", "denounce", "criticized", "criticised", "slammed", "decried", "deplored",
  ]
  static let eventNouns: WordSet = [
    "advance", "attack", "attacks", "assault", "offensive", "counter-attack", "counterattack", "incursion", "push",
    "raid", "onslaught", "infiltration", "attempt", "strike", "strikes", "airstrike", "airstrikes", "bombing",
    "shelling", "aggression", "operation", "intervention", "incursion", "invasion", "move",
  ]

  /// "SDF fighters repelled the advance": a definite event noun after a verb of resisting stands
  /// for whoever made the latest attack in the document.
  func findEventAnaphora(_ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: DocumentState) {
    guard !state.recentAttackers.isEmpty else { return }
    for i in tokens.indices where i >= 1 && !covered[i] && Self.eventNouns.contains(tokens[i]) {
      // "The strike killed …", "the drone attack hit …": the event itself kills or hits.
      if i + 1 < tokens.count, isEventVerb(tokens[i + 1]), i + 1 >= 2 || i == 1,
        let determiner = [i - 1, i - 2].first(where: { $0 >= 0 && ["the", "this", "that"].contains(tokens[$0].lower) }),
        determiner == i - 1 || (tokens[i - 1].isWord && !tokens[i - 1].isCapitalized && !covered[i - 1]),
        let attacker = [Modality.asserted, .alleged].lazy.compactMap({ state.attackersByModality[$0]?.last }).first
      {
        hits.append(MentionHit(entityID: attacker, range: i..<(i + 1), origin: .reference, isBareDemonym: false))
        covered[i] = true
        continue
      }
      guard i >= 2, ["the", "this", "that"].contains(tokens[i - 1].lower), Self.repelVerbs.contains(tokens[i - 2])
      else {
        continue
      }
      // Nobody repels or condemns their own side's attack: skip attackers on the side of the actor
      // named before the verb.
      let actor = hits.last { $0.range.upperBound <= i - 2 && !$0.isBareDemonym }.map {
        root(of: $0.entityID, state: state)
      }
      // An attack stated as fact counts before one only claimed, and that before one vowed or feared.
      let ranked = [Modality.asserted, .alleged, .hypothetical].lazy.compactMap { modality in
        state.attackersByModality[modality]?.last(where: { root(of: $0, state: state) != actor })
      }
      guard let attacker = ranked.first else { continue }
      // "the attack by X" / "the X attack" name the attacker themselves.
      if i + 1 < tokens.count, tokens[i + 1].is("by") || tokens[i + 1].is("of") { continue }
      hits.append(MentionHit(entityID: attacker, range: i..<(i + 1), origin: .reference, isBareDemonym: false))
      covered[i] = true
    }
  }

  /// A verb cue of killing or attacking in the past or present ("killed", "hit", "targets").
  func isEventVerb(_ token: Token) -> Bool {
    guard let cues = configuration.lexicon.cues[token] else { return false }
    for cue in cues where cue.form == .past || cue.form == .thirdPerson {
      if cue.type == .kill || cue.type == .attack { return true }
    }
    return false
  }

  // MARK: - Shared head nouns

  static let forceNouns: WordSet = [
    "forces", "troops", "units", "soldiers", "fighters", "militias", "army", "armies", "jets", "warplanes", "aircraft",
    "officials", "positions", "military", "militaries",
  ]

  /// "Syrian, Hezbollah and Iraqi forces": adjectives in a list share its last noun, so "Syrian"
  /// here means whatever "Syrian forces" means (the Syrian Arab Army), not Syria.
  func shareHeadNouns(_ tokens: [Token], hits: inout [MentionHit], state: DocumentState) {
    for index in hits.indices where hits[index].isBareDemonym {
      var k = index + 1
      var previousEnd = hits[index].range.upperBound
      while k < hits.count {
        let between = tokens[previousEnd..<hits[k].range.lowerBound].map(\.lower)
        guard !between.isEmpty, between.allSatisfy({ [",", "and", "or"].contains($0) }) else { break }
        let last = tokens[hits[k].range.upperBound - 1].lower
        if !hits[k].isBareDemonym, Self.forceNouns.contains(last), hits[k].range.count >= 2 {
          let phrase = text(tokens, hits[index].range) + " " + tokens[hits[k].range.upperBound - 1].text
          if let entry = wholeAlias(phrase, state: state) {
            hits[index].entityID = entry.entityID
            hits[index].isBareDemonym = false
          }
          break
        }
        previousEnd = hits[k].range.upperBound
        k += 1
      }
    }
  }

  /// "Indian and Pakistani troops", "Saudi, Emirati and Egyptian jets": a demonym that names its
  /// state only before a noun (`bare_demonyms: false`, so no mention by itself) shares the force
  /// noun of the demonym mention its list ends with, when the two words together are an alias.
  func shareHeadsBackward(_ tokens: [Token], hits: inout [MentionHit], state: DocumentState) {
    var added: [MentionHit] = []
    var claimed: [Bool] = []
    for hit in hits where !hit.isBareDemonym && hit.origin != .reference && hit.range.count == 2 {
      let head = hit.range.upperBound - 1
      var k = hit.range.lowerBound - 1
      guard k >= 1, Self.joinsList(tokens[k]), Self.forceNouns.contains(tokens[head])
      else { continue }
      // Which tokens a mention holds, worked out for the first list only (most sentences have none).
      if claimed.isEmpty {
        claimed = .filled(with: false, count: tokens.count)
        for other in hits { for j in other.range { claimed[j] = true } }
      }
      while k >= 1, Self.joinsList(tokens[k]) {
        let word = k - 1
        guard !claimed[word], tokens[word].isWord, tokens[word].isCapitalized,
          let entry = wholeAlias(tokens[word].text + " " + tokens[head].text, state: state)
        else { break }
        added.append(
          MentionHit(entityID: entry.entityID, range: word..<(word + 1), origin: entry.origin, isBareDemonym: false))
        claimed[word] = true
        k = word - 1
      }
    }
    guard !added.isEmpty else { return }
    hits += added
    hits.sort { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// The dictionary's entry when all of `phrase` is one of its aliases ("Indian troops",
  /// "Russian Foreign Ministry"), else nil.
  func wholeAlias(_ phrase: String, state: DocumentState) -> MentionHit? {
    let words = Tokenizer.tokenize(phrase)
    guard let entry = dictionaryMatch(words, at: 0, state: state), entry.range.count == words.count else { return nil }
    return entry
  }

  /// A comma, "and" or "or": what joins the members of a list.
  static func joinsList(_ token: Token) -> Bool { token.is(",") || token.is("and") || token.is("or") }

  /// "the Russian Foreign and Defense Ministries", "the Syrian Air and Naval Forces": two bodies of
  /// one state that share the demonym and a plural head. Each gets its own mention (the first
  /// spans "Russian Foreign", the second "Defense Ministries") when both singular names are in the
  /// dictionary.
  func splitSharedHeads(
    _ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: DocumentState
  ) {
    for index in hits.indices where hits[index].isBareDemonym {
      let end = hits[index].range.upperBound
      guard end + 3 < tokens.count, tokens[end + 1].is("and"),
        [end, end + 2, end + 3].allSatisfy({ !covered[$0] && tokens[$0].isWord && tokens[$0].isCapitalized }),
        let head = Self.singular(tokens[end + 3].text)
      else { continue }
      let demonym = text(tokens, hits[index].range)
      var found: [String] = []
      for word in [tokens[end].text, tokens[end + 2].text] {
        guard let entry = wholeAlias("\(demonym) \(word) \(head)", state: state) else { break }
        found.append(entry.entityID)
      }
      guard found.count == 2, found[0] != found[1] else { continue }
      hits[index] = MentionHit(
        entityID: found[0], range: hits[index].range.lowerBound..<(end + 1), origin: .dictionary, isBareDemonym: false)
      covered[end] = true
      hits.append(
        MentionHit(entityID: found[1], range: (end + 2)..<(end + 4), origin: .dictionary, isBareDemonym: false))
      for k in (end + 2)..<(end + 4) { covered[k] = true }
    }
  }

  /// The singular of a plural head ("Ministries" → "Ministry", "Forces" → "Force"), or nil.
  static func singular(_ word: String) -> String? {
    if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
    if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return String(word.dropLast()) }
    return nil
  }

  /// The outermost actor `id` belongs to (Syrian Arab Air Force → Syria).
  func root(of id: String, state: DocumentState) -> String {
    var current = id
    var seen: Set<String> = []
    while let parent = (dictionary.entity(current) ?? state.discovered[current])?.partOf, seen.insert(parent).inserted {
      current = parent
    }
    return current
  }

  /// Whether `name`, lowercased, contains the lowercase ASCII `word` (a byte search, no Foundation).
  static func contains(_ name: String, _ word: String) -> Bool {
    // An ASCII name is lowercased byte by byte as it is searched, without a lowercased copy
    // (every entry of a user's file is asked whether its name says "coalition").
    // Both read in place (the word too: an array of its bytes per call cost as much as the search).
    var (name, word) = (name, word)
    if let found = name.withUTF8({ haystack -> Bool? in
      for byte in haystack where byte >= 0x80 { return nil }
      return word.withUTF8 { needle -> Bool in
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        for start in 0...(haystack.count - needle.count) where lower(haystack[start]) == needle[0] {
          var k = 1
          while k < needle.count && lower(haystack[start + k]) == needle[k] { k += 1 }
          if k == needle.count { return true }
        }
        return false
      }
    }) {
      return found
    }
    let haystack = Array(name.lowercased().utf8)
    let needle = Array(word.utf8)
    guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }
}
