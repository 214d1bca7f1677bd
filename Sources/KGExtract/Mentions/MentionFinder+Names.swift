import KGModel

/// Names that no dictionary lists: acronyms an article defines ("the Counter-Terrorism Units
/// (YAT)"), and capitalised names typed by their own morphology or the words around them. A name
/// gets an entity only when some evidence types it; the evidence is kept for `kg explain`.
extension MentionFinder {
  /// "Full Name (ACR)" and "ACR (Full Name)": the acronym becomes an alias of the named entity for
  /// the rest of the document. A full name no dictionary lists becomes an entity when its head
  /// noun or morphology types it.
  func findDefinedAcronyms(
    _ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: inout DocumentState
  ) {
    var k = 0
    while k + 2 < tokens.count {
      defer { k += 1 }
      guard tokens[k].is("(") || tokens[k].is("["), !covered[k + 1], Self.isAcronym(tokens[k + 1]),
        tokens[k + 2].is(")") || tokens[k + 2].is("]"), k > 0
      else { continue }
      let acronym = tokens[k + 1].text
      // The name before the bracket: a mention ending there, or a capitalised run no one claimed.
      if let hit = hits.first(where: { $0.range.upperBound == k && !$0.isBareDemonym && $0.origin != .reference }) {
        guard isActorOrPlace(hit.entityID, state: state) else { continue }
        state.addLocalAlias(acronym, for: hit.entityID)
        state.typeEvidence[hit.entityID] = state.typeEvidence[hit.entityID] ?? "defines '\(acronym)'"
        claim(hit.entityID, k + 1..<(k + 2), covered: &covered, hits: &hits)
        continue
      }
      var start = k
      while start > 0, !covered[start - 1],
        tokens[start - 1].isWord && tokens[start - 1].isCapitalized
          || (["-", "of", "for", "and", "al", "the", "'s"].contains(tokens[start - 1].lower) && start - 1 > 0
            && !covered[start - 2] && tokens[start - 2].isWord)
      {
        start -= 1
      }
      while start < k, !tokens[start].isCapitalized || patterns.names.notNames.contains(tokens[start]) { start += 1 }
      guard start < k, k - start <= 8, let kind = nameKind(tokens, start..<k) else { continue }
      let name = text(tokens, start..<k)
      let id = state.discover(Entity(id: Entity.slug(name), name: name, kind: kind.kind, aliases: [acronym]))
      state.addLocalAlias(name, for: id)
      state.addLocalAlias(acronym, for: id)
      state.typeEvidence[id] = state.typeEvidence[id] ?? "\(kind.why); defines '\(acronym)'"
      claim(id, start..<k, covered: &covered, hits: &hits)
      claim(id, k + 1..<(k + 2), covered: &covered, hits: &hits)
    }
  }

  /// Capitalised runs no earlier pass claimed, typed by morphology ("Abu Hamza", "Liwa al-Quds"),
  /// a verb of speaking after a full name ("Ali Shamkhani said"), an apposition ("X, a commander
  /// in"), members after the name ("Wagner fighters"), or a preposition of place before it ("near
  /// Kafr Nubl"). Runs with no evidence stay unnamed.
  func findUnknownNames(
    _ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: inout DocumentState
  ) {
    let evidence = patterns.names
    var i = 0
    while i < tokens.count {
      guard !covered[i], tokens[i].isWord, tokens[i].isCapitalized, !evidence.notNames.contains(tokens[i]),
        i == 0 || !(tokens[i - 1].isWord && tokens[i - 1].isCapitalized && !covered[i - 1]),
        var run = nameRun(tokens, from: i, covered: covered)
      else {
        i += 1
        continue
      }
      // "al-Sheikh Damis": a lower-case particle and hyphen before the run belong to it.
      if i >= 2, tokens[i - 1].is("-"), !tokens[i - 1].spaceBefore, !covered[i - 2],
        patterns.nameParticles.contains(tokens[i - 2]), !tokens[i - 2].isCapitalized
      {
        run = (i - 2)..<run.upperBound
      }
      defer { i = max(i + 1, run.upperBound) }
      // "Iranians", "Israelis", "Iraqis": a demonym's plural names its people, and so the state.
      if run.count == 1, tokens[i].lower.hasSuffix("s"),
        let state = dictionary.demonyms[String(tokens[i].lower.dropLast())]
      {
        hits.append(MentionHit(entityID: state, range: run, origin: .adjective, isBareDemonym: false))
        covered[i] = true
        continue
      }
      // A single capitalised word opening the sentence is as likely a common word.
      let opensSentence = run.lowerBound == 0 || (run.lowerBound == 1 && !tokens[0].isWord)
      // "the Abu Fattoum group", "the Wagner group": a lower-case group noun after "the" + name
      // belongs to the name.
      let after = run.upperBound
      var typed = unknownNameKind(tokens, run, opensSentence: opensSentence, hits: hits)
      // "Ali Nasser, a leader in …", "Omar Halab said": a first name before a one-word place's name
      // makes a person's name when the longer name reads as a person's.
      if typed?.kind != .person, after < tokens.count, covered[after], tokens[after].isCapitalized,
        after + 1 == tokens.count || !(tokens[after + 1].isWord && tokens[after + 1].isCapitalized),
        hits.contains(where: { $0.range == after..<(after + 1) && $0.origin == .dictionary }),
        let longer = unknownNameKind(tokens, run.lowerBound..<(after + 1), opensSentence: opensSentence, hits: hits),
        longer.kind == .person, releaseOneWordPlace(at: after, covered: &covered, hits: &hits, state: state)
      {
        run = run.lowerBound..<(after + 1)
        typed = longer
      }
      if after < tokens.count, !tokens[after].isCapitalized, patterns.orgHeads[tokens[after]] == .armedGroup,
        run.lowerBound > 0, tokens[run.lowerBound - 1].is("the"), typed?.kind != .location
      {
        run = run.lowerBound..<(after + 1)
        typed = (.armedGroup, "followed by '\(tokens[after].text)'")
      }
      guard let typed else { continue }
      let name = text(tokens, run)
      let id = state.discover(Entity(id: Entity.slug(name), name: name, kind: typed.kind))
      state.addLocalAlias(name, for: id)
      if typed.kind == .person { addShortName(tokens, run, for: id, state: &state) }
      state.typeEvidence[id] = state.typeEvidence[id] ?? typed.why
      let end = absorbMembers(after: run, into: id, tokens, hits: &hits, state: &state)
      claim(id, run.lowerBound..<end, covered: &covered, hits: &hits)
      // "the villages of Tasil, Saidah and Sahyun": the places listed with it are places too.
      if typed.kind == .location {
        claimListedPlaces(tokens, after: run.upperBound, covered: &covered, hits: &hits, state: &state)
      }
    }
  }

  /// "al-Atarib, al-Abzemo, Urem al-Kubra and Kafr Hamra": names listed after a known place are
  /// places too.
  func extendPlaceLists(
    _ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: inout DocumentState
  ) {
    let places = hits.filter { hit in
      hit.origin != .reference
        && kind(of: hit.entityID, state: state) == .location
    }
    for hit in places {
      claimListedPlaces(tokens, after: hit.range.upperBound, covered: &covered, hits: &hits, state: &state)
    }
  }

  /// The kind the context gives an unlisted name, and why.
  func unknownNameKind(
    _ tokens: [Token], _ run: Range<Int>, opensSentence: Bool, hits: [MentionHit]
  ) -> (kind: EntityKind, why: String)? {
    let evidence = patterns.names
    // "Jadid Aqidat town", "al-Sheikh Damis village": a place noun after the name, whatever its
    // first word ("Sheikh", "Abu") would make it.
    if run.upperBound < tokens.count, Self.bareplaceHeads.contains(tokens[run.upperBound]),
      !tokens[run.upperBound].isCapitalized
    {
      return (.location, "followed by '\(tokens[run.upperBound].text)'")
    }
    if let typed = nameKind(tokens, run) { return typed }
    let words = run.filter { tokens[$0].isWord && tokens[$0].isCapitalized }.count
    let after = run.upperBound
    // "X, a commander in …", "X, secretary of …": a title in apposition, also after a bracket
    // ("Salwa Youssef (also called Salwa Yusuk), a commander in …").
    var comma = after
    if comma < tokens.count, tokens[comma].is("("),
      let close = tokens[comma..<min(tokens.count, comma + 12)].firstIndex(where: { $0.is(")") })
    {
      comma = close + 1
    }
    if words >= 2, comma + 1 < tokens.count, tokens[comma].is(",") {
      var t = comma + 1
      if ["a", "an", "the"].contains(tokens[t].lower) { t += 1 }
      if t < tokens.count, let length = titleMatch(tokens, at: t),
        !(t + length < tokens.count && tokens[t + length].isCapitalized)
      {
        return (.person, "a title in apposition ('\(tokens[t].text)')")
      }
    }
    if after < tokens.count {
      // "Ali Shamkhani said": two name words and a verb of speaking.
      if words >= 2, evidence.speechVerbs.contains(tokens[after]) {
        return (.person, "followed by '\(tokens[after].text)'")
      }
      if evidence.memberNouns.contains(tokens[after]) {
        return (.armedGroup, "followed by '\(tokens[after].text)'")
      }
    }
    // "shelled Kafr Nubl", "captured the Tabqa": the object of a verb of attack or capture is hit or taken.
    if run.lowerBound > 0 {
      var before = run.lowerBound - 1
      if tokens[before].is("the") && before > 0 { before -= 1 }
      let possessive =
        after < tokens.count && (tokens[after].is("'s") || evidence.memberNouns.contains(tokens[after]))
      // "captured the Tigrayan capital Mekelle": an adjective of nationality before a common noun
      // modifies it; the noun phrase, not the adjective, is what was taken.
      let modifiesNoun =
        run.count == 1 && isDemonymLike(tokens[run.lowerBound]) && after < tokens.count
        && tokens[after].isWord && !tokens[after].isCapitalized
        && configuration.parser.lexicalTag(of: tokens[after].lower).map { $0 == .NN || $0 == .NNS } == true
      if !possessive, !modifiesNoun, isVerbOfAttackOrCapture(tokens[before]) {
        return (.location, "object of '\(tokens[before].text)'")
      }
    }
    // "strikes on al-Atareb, al-Abzemo and Kafr Hamra": a list of three or more names after a
    // preposition names places.
    if run.lowerBound > 0, Self.listPrepositions.contains(tokens[run.lowerBound - 1]),
      listedNames(tokens, after: run.upperBound) >= 2
    {
      return (.location, "a list of names after '\(tokens[run.lowerBound - 1].text)'")
    }
    // "near Kafr Nubl", "in Tasil": a preposition of place, not at the start of the sentence.
    if !opensSentence, run.lowerBound > 0 {
      var before = run.lowerBound - 1
      if tokens[before].is("the") && before > 0 { before -= 1 }
      if evidence.locativePrepositions.contains(tokens[before]),
        !(after < tokens.count && (tokens[after].is("'s") || evidence.memberNouns.contains(tokens[after])))
      {
        return (.location, "after '\(tokens[before].text)'")
      }
    }
    return nil
  }

  /// What a name's own words say it is: an organisation head noun ("… Units", "… Front"), a
  /// person's opening ("Abu", "Umm"), or the words of armed groups' names ("Jaish", "Liwa").
  func nameKind(_ tokens: [Token], _ run: Range<Int>) -> (kind: EntityKind, why: String)? {
    let evidence = patterns.names
    let last = run.upperBound - 1
    if tokens[last].isWord, let kind = patterns.orgHeads[tokens[last]], run.count >= 2 {
      return (kind, "head noun '\(tokens[last].text)'")
    }
    if let word = run.first(where: { evidence.groupWords.contains(tokens[$0]) }) {
      return (.armedGroup, "'\(tokens[word].text)' in the name")
    }
    if evidence.personFirstWords.contains(tokens[run.lowerBound]), run.count >= 2,
      tokens[run.lowerBound + 1].isCapitalized
    {
      return (.person, "opens with '\(tokens[run.lowerBound].text)'")
    }
    return nil
  }

  /// "…, Saidah, Sahyun and Shabraq": names listed after a place found by context.
  func claimListedPlaces(
    _ tokens: [Token], after start: Int, covered: inout [Bool], hits: inout [MentionHit], state: inout DocumentState
  ) {
    var k = start
    while k + 1 < tokens.count, Self.joinsList(tokens[k]) {
      var j = k + 1
      if tokens[j].is("and") || tokens[j].is("or"), j + 1 < tokens.count { j += 1 }
      // "…, the vicinity of Qminas, …", "…, the outskirts of Binnish"
      if j + 3 < tokens.count, tokens[j].is("the"), Self.placeNounsOf.contains(tokens[j + 1]),
        tokens[j + 2].is("of")
      {
        j += 3
      }
      // "al-Rashidi": a lower-case particle and a hyphen open the name.
      let particle =
        j + 2 < tokens.count && patterns.nameParticles.contains(tokens[j]) && tokens[j + 1].is("-")
        && !tokens[j + 1].spaceBefore && tokens[j + 2].isCapitalized
      guard !covered[j], tokens[j].isCapitalized || particle, !patterns.names.notNames.contains(tokens[j]),
        let run = particle
          ? nameRun(tokens, from: j + 2, covered: covered).map({ j..<$0.upperBound })
          : nameRun(tokens, from: j, covered: covered)
      else { return }
      let name = text(tokens, run)
      let id = state.discover(Entity(id: Entity.slug(name), name: name, kind: .location))
      state.addLocalAlias(name, for: id)
      state.typeEvidence[id] = state.typeEvidence[id] ?? "listed with a place"
      claim(id, run, covered: &covered, hits: &hits)
      k = run.upperBound
    }
  }

  /// A one-word verb cue of attack or capture ("shelled", "seized"), not its noun or gerund.
  func isVerbOfAttackOrCapture(_ token: Token) -> Bool {
    guard let cues = configuration.lexicon.cues[token] else { return false }
    for cue in cues where cue.tokens.count == 1 && cue.form != .noun && cue.form != .gerund {
      if cue.type == .attack || cue.type == .capture { return true }
    }
    return false
  }

  /// Place nouns after a name that are not part of it ("Jadid Aqidat town").
  static let bareplaceHeads: WordSet = [
    "town", "village", "villages", "towns", "neighbourhood", "neighborhood", "camp",
  ]

  static let listPrepositions: WordSet = [
    "on", "against", "in", "near", "at", "targeting", "of", "to", "toward", "towards",
  ]

  /// How many capitalised names follow `start` in a list (", B, C and D").
  func listedNames(_ tokens: [Token], after start: Int) -> Int {
    var count = 0
    var k = start
    while k + 1 < tokens.count, tokens[k].is(",") || tokens[k].is("and") {
      var j = k + 1
      if tokens[j].is("and"), j + 1 < tokens.count { j += 1 }
      if j + 2 < tokens.count, patterns.nameParticles.contains(tokens[j]), tokens[j + 1].is("-") { j += 2 }
      guard tokens[j].isWord, tokens[j].isCapitalized, !patterns.names.notNames.contains(tokens[j]) else { break }
      count += 1
      k = j + 1
      while k < tokens.count,
        tokens[k].isCapitalized || tokens[k].is("-") || patterns.nameParticles.contains(tokens[k])
      {
        k += 1
      }
    }
    return count
  }

  /// Nouns that stand before "of" and a place in a list of places ("the vicinity of Qminas").
  static let placeNounsOf: WordSet = [
    "vicinity", "outskirts", "countryside", "suburbs", "surroundings", "edge", "edges",
  ]

  /// "Konashenkov" after "Igor Konashenkov": a person's surname names them for the rest of the
  /// document.
  func addShortName(_ tokens: [Token], _ run: Range<Int>, for id: String, state: inout DocumentState) {
    let nameTokens = tokens[run].filter { $0.isWord && $0.isCapitalized }
    guard nameTokens.count >= 2, let surname = nameTokens.last, !patterns.nameParticles.contains(surname),
      !patterns.names.personFirstWords.contains(nameTokens[0]) || nameTokens.count >= 3
    else { return }
    var k = run.upperBound - 1
    while k > run.lowerBound && !(tokens[k - 1].is("-") || tokens[k].spaceBefore) { k -= 1 }
    state.addLocalAlias(text(tokens, k..<run.upperBound), for: id)
  }

  /// "Tuareg rebels", "Kachin militants": a group typed by the member noun after its name is the
  /// party that noun names here. The member noun, taken for a party of its own
  /// (`findCollectiveParties`, which runs first), joins the group's mention, and the article's
  /// later "the rebels" are this group. Returns where the mention ends.
  func absorbMembers(
    after run: Range<Int>, into id: String, _ tokens: [Token], hits: inout [MentionHit], state: inout DocumentState
  ) -> Int {
    let after = run.upperBound
    guard after < tokens.count, state.discovered[id]?.kind == .armedGroup,
      patterns.names.memberNouns.contains(tokens[after]),
      let c = hits.firstIndex(where: { $0.range == after..<(after + 1) && $0.origin == .pattern }),
      state.collectives.values.contains(hits[c].entityID)
    else { return run.upperBound }
    let party = hits.remove(at: c).entityID
    for (key, collective) in state.collectives where collective == party { state.collectives[key] = id }
    return after + 1
  }

  func claim(_ id: String, _ range: Range<Int>, covered: inout [Bool], hits: inout [MentionHit]) {
    hits.append(MentionHit(entityID: id, range: range, origin: .pattern, isBareDemonym: false))
    for k in range { covered[k] = true }
  }

  func isActorOrPlace(_ id: String, state: DocumentState) -> Bool {
    kind(of: id, state: state) != nil
  }

  /// "SDF", "YAT", "HTS", "PMU", "U.S.": two to six capitals (dots allowed), or capitals with one
  /// lower-case letter ("YPJ", "KRG", "IRGC", "SyAAF").
  static func isAcronym(_ token: Token) -> Bool {
    let scalars = token.text.unicodeScalars.filter { $0 != "." }
    guard scalars.count >= 2, scalars.count <= 7 else { return false }
    let upper = scalars.filter { $0.properties.isUppercase }.count
    return upper >= 2 && scalars.count - upper <= 2 && scalars.first!.properties.isUppercase
  }
}
