import KGLanguage
import KGModel

/// The mentions that the language layer's phrases and roles stand for.
extension SentenceAnalysis {
  /// Heads that stand for whoever they belong to: "positions of the SDF", "members of ISIS",
  /// "the town of Morek".
  static let ofHeads: WordSet = [
    "positions", "position", "members", "member", "fighters", "fighter", "forces", "troops", "units", "bases", "base",
    "headquarters", "convoy", "convoys", "town", "city", "village", "villages", "towns", "cities", "province",
    "district", "area", "areas", "region", "suburb", "suburbs", "outskirts", "countryside", "neighbourhood",
    "neighborhood", "strongholds", "stronghold", "commanders", "commander", "leaders", "leader", "militants",
    "soldiers", "officers", "officials", "elements", "cells", "vehicles", "outposts", "posts", "post", "camp", "camps",
    "depot", "depots", "sites", "site", "facilities", "facility", "airport", "port", "bastion", "remnants", "ranks",
    "parts", "part", "vicinity", "outskirt", "center", "centre", "swathes", "swaths", "much", "most", "territory",
    "territories", "control", "hideouts", "hideout", "targets", "assets", "infrastructure",
    // a state's agents: "Ethiopia's government", "the government of Sudan", "Mali's junta"
    "government", "authorities", "administration", "regime", "junta", "leadership", "cabinet",
    // quantities and bands: "a group of ISIS militants", "dozens of rebels"
    "group", "groups", "dozens", "hundreds", "thousands", "scores", "number", "squad", "team", "contingent", "column",
    "wave", "band", "cell", "unit",
  ]

  /// Heads naming a member of a group, which "in" and "with" give to the group as "of" does.
  static let memberHeads: WordSet = [
    "member", "members", "fighter", "fighters", "commander", "commanders", "leader", "leaders", "officer", "officers",
    "official", "officials", "militant", "militants", "soldier", "soldiers", "troops", "operatives",
  ]

  static let possessivePronouns: WordSet = ["its", "their", "whose"]
  /// Heads a place's name may follow without "of" ("stronghold Raqqa", "the town Morek").
  static let placeHeads: WordSet = [
    "stronghold", "bastion", "town", "city", "village", "capital", "province", "region", "area", "enclave", "district",
  ]
  /// Heads that "its" or "their" give to an actor ("their forces"), not to a place ("its suburbs").
  static let forceHeads: WordSet = [
    "forces", "fighters", "troops", "units", "members", "soldiers", "militants", "commanders", "positions", "jets",
    "warplanes", "aircraft", "drones", "drone", "gunmen", "insurgents", "jet", "warplane", "helicopter", "helicopters",
    "plane", "planes",
    "militiamen", "men", "officers", "allies", "proxies", "militias", "brigades",
    "battalions", "factions", "defences", "defenses", "batteries", "warships", "artillery", "navy",
  ]

  /// The mentions a noun phrase names: one per conjunct ("Russia and Iran"), each the mention of
  /// the conjunct's head ("Turkish troops" → Turkey, "positions of the SDF" → the SDF).
  func mentions(ofPhrase p: Int) -> [Int] {
    let phrase = parse.nounPhrases[p]
    let members = phrase.conjuncts.isEmpty ? [p] : phrase.conjuncts
    var result: [Int] = []
    for member in members {
      let owner = owned(member)
      if let m = headMention(ofPhrase: owner), !result.contains(m) { result.append(m) }
      // "the villages of A, B and C": every place of the "of" list.
      if mentionOfToken[parse.nounPhrases[owner].head] == nil, let list = ofList(of: owner) {
        for conjunct in list {
          if let m = headMention(ofPhrase: conjunct, depth: 1), !result.contains(m) { result.append(m) }
        }
      }
    }
    // "Syrian and Russian officials", "Iraqi, Kurdish and Turkish forces": demonyms coordinated
    // before the phrase share its head.
    // Inside the phrase too, once the chunker joined them into it.
    var inside: [Int] = []
    for k in phrase.range where k < phrase.head && k + 1 < tokens.count {
      guard [",", "and", "or"].contains(tokens[k + 1].lower), let m = mentionOfToken[k],
        mentions[m].origin == .adjective, mentions[m].range.upperBound == k + 1, !result.contains(m)
      else { continue }
      inside.append(m)
    }
    result.insert(contentsOf: inside, at: 0)
    // A demonym alone, not one with its own noun: "Supported by Russian jets, the Syrian army"
    // is no list.
    var k = parse.nounPhrases[p].range.lowerBound - 1
    while k >= 1, [",", "and", "or"].contains(tokens[k].lower), let m = mentionOfToken[k - 1],
      mentions[m].origin == .adjective, mentions[m].range.upperBound == k, mentions[m].range.count == 1
    {
      if !result.contains(m) { result.insert(m, at: 0) }
      k = mentions[m].range.lowerBound - 1
    }
    return result
  }

  /// The coordinated objects of the "of" phrase right after a quantity or place head ("the
  /// villages of A, B and C"), when there are several.
  func ofList(of p: Int) -> [Int]? {
    let phrase = parse.nounPhrases[p]
    guard Self.ofHeads.contains(tokens[phrase.head]) else { return nil }
    let next = phrase.range.upperBound
    guard next < tokens.count, parse.prepositionalPhraseAt[next] >= 0 else { return nil }
    let pp = parse.prepositionalPhrases[Int(parse.prepositionalPhraseAt[next])]
    guard pp.word == "of", let object = pp.object, parse.nounPhrases[object].conjuncts.count > 1 else { return nil }
    return parse.nounPhrases[object].conjuncts
  }

  /// "the group's former stronghold Raqqa": a possessor stands for the phrase it owns.
  func owned(_ p: Int) -> Int {
    if let owner = parse.nounPhrases.firstIndex(where: { $0.possessor == p }) {
      // "Russia's decision to supply S-300s to Syria": the possessor is the subject of the
      // infinitive that completes the noun, and stands for itself there.
      let after = parse.nounPhrases[owner].range.upperBound
      if after < parse.verbGroupAt.count, parse.verbGroupAt[after] >= 0,
        parse.verbGroups[Int(parse.verbGroupAt[after])].subjects.contains(p)
      {
        return p
      }
      return owner
    }
    let end = parse.nounPhrases[p].range.upperBound
    if end + 1 < tokens.count, tokens[end].is("'s"), parse.nounPhraseAt[end + 1] >= 0 {
      return Int(parse.nounPhraseAt[end + 1])
    }
    return p
  }

  /// The mention a noun phrase stands for, or nil for a phrase that names no one ("the town").
  func headMention(ofPhrase p: Int, depth: Int = 0) -> Int? {
    let phrase = parse.nounPhrases[p]
    guard phrase.head >= 0, phrase.head < tokens.count else { return nil }
    if let m = mentionOfToken[phrase.head] { return m }
    // "the group's former stronghold Raqqa", "the town Morek": a name after a common head is it,
    // inside the phrase or as the next one.
    if let k = (phrase.head + 1..<phrase.range.upperBound).last(where: { mentionOfToken[$0] != nil }) {
      return mentionOfToken[k]
    }
    let next = phrase.range.upperBound
    if next < tokens.count, Self.placeHeads.contains(tokens[phrase.head]), let m = mentionOfToken[next],
      mentions[m].range.lowerBound == next, !isActor(m)
    {
      return m
    }
    // "35 of the 48 drones launched by Russia", "two of its fighters": a partitive is what its
    // "of" phrase names, read as that phrase is.
    if parse.tags[phrase.head] == .CD || Self.partitiveHeads.contains(tokens[phrase.head]),
      next < tokens.count, parse.prepositionalPhraseAt[next] >= 0
    {
      let of = parse.prepositionalPhrases[Int(parse.prepositionalPhraseAt[next])]
      if of.word == "of", let object = of.object, object != p { return headMention(ofPhrase: object, depth: depth) }
    }
    // "the town of Morek", "positions of the SDF": the "of" phrase names it.
    // "a commander in the YPJ", "a fighter with the Houthis", "militants from the Pakistani
    // Taliban": a member's group after "in", "with" or "from".
    // ("a Hamas leader in Beirut": a name before the head is the group, the place after "in" is
    // where; "a commander in Syria" names no group.)
    if depth < 2, Self.ofHeads.contains(tokens[phrase.head]) {
      let named = (phrase.range.lowerBound..<phrase.head).contains { mentionOfToken[$0] != nil }
      let member = Self.memberHeads.contains(tokens[phrase.head]) && !named
      for pp in prepositionalPhrases(of: p) {
        let word = parse.prepositionalPhrases[pp].word
        guard word == "of" || (member && (word == "in" || word == "with" || word == "from")) else { continue }
        if let object = parse.prepositionalPhrases[pp].object,
          let m = headMention(ofPhrase: owned(object), depth: depth + 1),
          word == "of" || (isActor(m) && (word != "in" || mentionKinds[m] != .state))
        {
          return m
        }
        break
      }
    }
    // "Secretary of State John Kerry", "Minister of Defence Sergei Shoigu": a title whose "of"
    // phrase ends in a person's name is that person.
    let end = phrase.range.upperBound
    if depth == 0, end < tokens.count, parse.prepositionalPhraseAt[end] >= 0 {
      let of = parse.prepositionalPhrases[Int(parse.prepositionalPhraseAt[end])]
      if of.word == "of", let object = of.object,
        let m = mentionOfToken[parse.nounPhrases[object].range.upperBound - 1],
        mentionKinds[m] == .person, mentions[m].range.upperBound == parse.nounPhrases[object].range.upperBound,
        mentions[m].range.lowerBound > parse.nounPhrases[object].range.lowerBound
      {
        return m
      }
    }
    // "drones launched by the Houthis", "forces led by Khalifa Haftar": whose they are.
    // "positions used by Hezbollah", "a base held by the rebels": whose the installation is.
    let owned = Self.forceHeads.contains(tokens[phrase.head]) || Self.installationHeads.contains(tokens[phrase.head])
    if depth == 0, owned, end + 1 < tokens.count,
      words.contains(tokens[end], in: .owningParticiples), tokens[end + 1].is("by")
    {
      if let m = actorStarting(at: end + 2) { return m }
    }
    // "forces loyal to Khalifa Haftar", "gunmen affiliated with ISIS": whose they are.
    if depth == 0, owned, end < tokens.count,
      let length = words.match(tokens, at: end, in: .owningPhrases), let m = actorStarting(at: end + length)
    {
      return m
    }
    // "Turkish troops", "SDF positions", "regime warplanes": a name before the head. A backer
    // compounded with a participle is not it ("the Iran-backed Lebanese group"), nor the holder
    // of land ("ISIS-held land"); the holder of positions is ("ISIS-held positions"), and so is
    // an owner ("Iranian-linked targets", "Kurdish-led forces").
    var k = phrase.head - 1
    while k >= phrase.range.lowerBound {
      if let m = mentionOfToken[k] {
        let after = mentions[m].range.upperBound
        let compounded =
          after + 1 < tokens.count && tokens[after].is("-") && !tokens[after + 1].spaceBefore
          && (AdjectivalBacking.participles.contains(tokens[after + 1])
            || (Self.holdingParticiples.contains(tokens[after + 1]) && !Self.forceHeads.contains(tokens[phrase.head])))
        if !compounded { return m }
        k = mentions[m].range.lowerBound
      }
      k -= 1
    }
    // "ISIS's positions"
    if depth < 2, let possessor = phrase.possessor, Self.ofHeads.contains(tokens[phrase.head]) {
      return headMention(ofPhrase: possessor, depth: depth + 1)
    }
    // "their forces", "its fighters": whom the pronoun stands for.
    if Self.forceHeads.contains(tokens[phrase.head]) { return possessiveReferent(ofPhrase: p) }
    return nil
  }

  /// The mentions a phrase's possessor names ("Iran" in "Iran's support for the Houthis"), read
  /// from the possessor's own head: `mentions(ofPhrase:)` of a possessor reads the phrase it owns.
  func possessorMentions(ofPhrase p: Int) -> [Int] {
    guard let possessor = parse.nounPhrases[p].possessor else { return [] }
    let members = parse.nounPhrases[possessor].conjuncts.isEmpty ? [possessor] : parse.nounPhrases[possessor].conjuncts
    return members.compactMap { headMention(ofPhrase: $0) }
  }

  /// Whom the possessive pronoun of phrase `p` ("its", "their") stands for: the nearest actor
  /// named before, in this sentence; not one named inside a parenthesis set off by commas ("The
  /// army, backed by Russia, said its jets …"), unless no other is named; and for "its", not a
  /// person. Nil when the phrase has no possessive pronoun.
  func possessiveReferent(ofPhrase p: Int) -> Int? {
    let phrase = parse.nounPhrases[p]
    guard let d = phrase.determiner, Self.possessivePronouns.contains(tokens[d]) else { return nil }
    let notPerson = tokens[d].is("its")
    var commas = 0
    var parenthetical: Int?
    var k = phrase.range.lowerBound - 1
    while k >= 0 {
      if tokens[k].is(",") { commas += 1 }
      if let m = mentionOfToken[k], isActor(m), !mentions[m].isBareDemonym,
        !(notPerson && mentionKinds[m] == .person)
      {
        if commas != 1 { return m }
        if parenthetical == nil { parenthetical = m }
      }
      k -= 1
    }
    return parenthetical
  }

  /// The prepositional phrases of a noun phrase: those the parser attached to it, then the one
  /// right after it, which the parser may have attached to the verb instead.
  func prepositionalPhrases(of p: Int) -> [Int] {
    var result = parse.nounPhrases[p].attachments
    let next = parse.nounPhrases[p].range.upperBound
    if next < parse.prepositionalPhraseAt.count, parse.prepositionalPhraseAt[next] >= 0,
      !result.contains(Int(parse.prepositionalPhraseAt[next]))
    {
      result.append(Int(parse.prepositionalPhraseAt[next]))
    }
    return result
  }

  /// The mentions of several phrases, in order, each once.
  func mentions(ofPhrases phrases: [Int]) -> [Int] {
    var result: [Int] = []
    for p in phrases { for m in mentions(ofPhrase: p) where !result.contains(m) { result.append(m) } }
    return result
  }

  /// The mentions of a verb group's prepositional phrases headed by one of `words`.
  func mentions(ofObliques group: VerbGroup, _ words: Set<String>) -> [Int] {
    mentions(
      ofPhrases: group.obliques.compactMap { pp in
        words.contains(parse.prepositionalPhrases[pp].word) ? parse.prepositionalPhrases[pp].object : nil
      })
  }

  /// A verb group's objects, with those of its particle ("carried out airstrikes", "stepped up
  /// attacks"), which the parser may read as a preposition.
  func objects(of group: VerbGroup) -> [Int] {
    var result = group.objects
    for pp in group.obliques where ["out", "up"].contains(parse.prepositionalPhrases[pp].word) {
      if let object = parse.prepositionalPhrases[pp].object { result.append(object) }
    }
    return result
  }

  /// The actor mention that starts at `k`, after an optional "the" ("led by (the) X").
  func actorStarting(at k: Int) -> Int? {
    let k = k < tokens.count && tokens[k].is("the") ? k + 1 : k
    guard k < tokens.count, let m = mentionOfToken[k], mentions[m].range.lowerBound == k, isActor(m) else {
      return nil
    }
    return m
  }

  /// Whether phrase `p` is the object of an "of" phrase attached to phrase `host` ("a wave *of
  /// strikes*").
  func isOfObject(_ p: Int, of host: Int) -> Bool {
    parse.nounPhrases[host].attachments.contains {
      parse.prepositionalPhrases[$0].word == "of" && parse.prepositionalPhrases[$0].object == p
    }
  }

  /// The verb group whose object holds token `i`, directly ("vowed more attacks on X") or as the
  /// "of" phrase of its object ("vowed a new phase of attacks against X"), if any.
  func governingGroup(ofObjectToken i: Int) -> Int? {
    guard i < parse.nounPhraseAt.count, parse.nounPhraseAt[i] >= 0 else { return nil }
    let p = Int(parse.nounPhraseAt[i])
    for g in parse.verbGroups.indices where parse.verbGroups[g].voice == .active {
      for object in objects(of: parse.verbGroups[g]) where object == p || isOfObject(p, of: object) { return g }
    }
    return nil
  }

  /// Whether `group` names an intended act: its verb is one of intent ("vowed", "plans"), or such a
  /// verb governs it ("vowed to step up").
  func isIntent(_ group: VerbGroup) -> Bool { isVerb(group, in: .intentVerbs) }

  /// Whether `group` commits its subject to what it names ("vowed", "threatened", "vowed to step up").
  func isVow(_ group: VerbGroup) -> Bool { isVerb(group, in: .vowingVerbs) }

  /// Whether the group's verb, or the verb governing it, is a lemma of `list`.
  private func isVerb(_ group: VerbGroup, in list: ConstructionWords.List) -> Bool {
    words.contains(group.lemma, in: list) || group.governorLemma.map { words.contains($0, in: list) } == true
  }

  /// Whether a cue is one of air defence: "shot down", "intercepted", "downed".
  func isInterception(_ cue: CueHit) -> Bool {
    guard let verb = attackVerb(of: cue) else { return false }
    return words.contains(verb, in: .interceptionVerbs)
  }

  /// The first word of an attack verb cue's lemma ("shoot" of "shoot down"), or nil for another cue.
  private func attackVerb(of cue: CueHit) -> String? {
    guard cue.cue.type == .attack, cue.cue.form != .noun else { return nil }
    let lemma = cue.cue.lemma
    return String(lemma[..<(lemma.firstIndex(of: " ") ?? lemma.endIndex)])
  }

  /// People an attack may hit in a place without the place being hit ("shelled civilians in Idlib").
  static let peopleHitInPlaces: WordSet = [
    "people", "civilians", "children", "women", "men", "residents", "protesters", "demonstrators", "worshippers",
    "families", "displaced", "refugees", "workers", "journalists", "soldiers", "fighters", "troops", "members",
    "militants", "forces", "positions", "targets",
  ]
  static let placePrepositions: WordSet = ["in", "near", "outside", "at"]

  /// The place named right after an unowned thing that was hit, as object or passive subject: "a
  /// hospital in Ariha" (ActiveClause, PassiveClause).
  func placeOfThingHit(_ p: Int) -> [Int] {
    let phrase = parse.nounPhrases[p]
    guard headMention(ofPhrase: p) == nil, !Self.peopleHitInPlaces.contains(tokens[phrase.head]),
      !parse.tags[phrase.head].isProperNoun
    else { return [] }
    for pp in prepositionalPhrases(of: p) where Self.placePrepositions.contains(parse.prepositionalPhrases[pp].word) {
      guard let place = parse.prepositionalPhrases[pp].object else { continue }
      let places = mentions(ofPhrase: place).filter { !isActor($0) }
      if !places.isEmpty { return places }
    }
    return []
  }

  /// Whether `cue` is a verb that expels (`expulsion_verbs`): said of envoys it attacks no one.
  func isExpulsion(_ cue: CueHit) -> Bool {
    guard let verb = attackVerb(of: cue) else { return false }
    return words.contains(verb, in: .expulsionVerbs)
  }

  /// Whether mention `m` names envoys ("French diplomats", "the Dutch ambassador"): its phrase's
  /// head, or its own last word, is a diplomatic noun.
  func isDiplomatic(_ m: Int) -> Bool {
    words.contains(tokens[mentions[m].range.upperBound - 1], in: .diplomaticNouns)
      || headOfPhrase(openedBy: m, isIn: .diplomaticNouns)
  }

  /// Whether the head of the noun phrase that mention `m` opens is a word of `list`.
  func headOfPhrase(openedBy m: Int, isIn list: ConstructionWords.List) -> Bool {
    let start = mentions[m].range.lowerBound
    guard start < parse.nounPhraseAt.count, parse.nounPhraseAt[start] >= 0 else { return false }
    let head = parse.nounPhrases[Int(parse.nounPhraseAt[start])].head
    return head >= 0 && head < tokens.count && words.contains(tokens[head], in: list)
  }

  /// Whether mention `m` only qualifies a munition ("a Russian missile"), which air defence
  /// brings down without hitting its owner (GUIDELINES.md, "Air defence").
  func isMunition(_ m: Int) -> Bool { headOfPhrase(openedBy: m, isIn: .munitionNouns) }

  /// The light verb group ("launched", "carried out") whose object is phrase `p`, if any.
  func lightVerb(taking p: Int) -> VerbGroup? {
    // The cheap tests read the group in place; only a light verb is copied out.
    for g in parse.verbGroups.indices
    where parse.verbGroups[g].voice == .active && NominalEvent.lightVerbs.contains(tokens[parse.verbGroups[g].head]) {
      let group = parse.verbGroups[g]
      let objects = objects(of: group)
      if objects.contains(p) { return group }
      // "fired dozens of rockets at X", "launched a wave of strikes on Y": the event is the "of"
      // phrase of a quantity.
      if objects.contains(where: {
        Self.quantityHeads.contains(tokens[parse.nounPhrases[$0].head]) && isOfObject(p, of: $0)
      }) {
        return group
      }
    }
    return nil
  }

  /// Participles after a name and a hyphen that make the name the holder of a place ("ISIS-held
  /// land", "Houthi-controlled areas"), not the place's owner as an actor.
  /// Words for a part of what their "of" phrase names ("some of the fighters", "most of its drones").
  static let partitiveHeads: WordSet = [
    "some", "most", "many", "several", "all", "dozens", "hundreds", "scores", "none",
  ]

  /// Military installations and vehicles, which belong to whoever uses or holds them ("positions
  /// used by Hezbollah", "a base held by the rebels", "ships linked to Israel"); a town held by a
  /// group is still the town.
  static let installationHeads: WordSet = [
    "base", "bases", "airbase", "airbases", "position", "positions", "post", "posts", "outpost", "outposts",
    "headquarters", "depot", "depots", "warehouse", "warehouses", "site", "sites", "facility", "facilities",
    "hideout", "hideouts", "caves", "checkpoint", "checkpoints", "compound", "compounds", "targets", "bunkers",
    "tunnels", "launchpads", "barracks", "ship", "ships", "vessel", "vessels", "tanker", "tankers", "convoy",
    "convoys", "vehicles", "tanks",
  ]
  static let holdingParticiples: WordSet = [
    "held", "controlled", "occupied", "besieged", "run", "dominated", "administered", "populated", "inhabited",
  ]

  /// Heads that count or group the events of their "of" phrase ("dozens of rockets", "a wave of
  /// strikes").
  static let quantityHeads: WordSet = [
    "dozens", "hundreds", "thousands", "scores", "tens", "number", "series", "wave", "waves", "barrage", "barrages",
    "salvo", "salvos", "volley", "volleys", "round", "rounds", "string", "spate", "flurry", "hail", "succession",
    "phase",
  ]

  /// "targeted Kafr Nubl, the vicinity of Qminas, Binnish and Sarmin": the names listed after a
  /// phrase, comma by comma, where the parser closed the list early; "the vicinity of X" counts
  /// as X.
  func listedMentions(after phrase: Int) -> [Int] {
    var found: [Int] = []
    // Items of one list are of one kind: places with places, actors with actors.
    // "warned Russia, the regime's ally": an apposition is the same party, not the next item.
    // "Kafr Nubl, the vicinity of Qminas, Binnish": what the parser took for an apposition is the
    // next item when it names someone else.
    guard let first = headMention(ofPhrase: phrase) else { return [] }
    if let apposition = parse.nounPhrases[phrase].apposition {
      guard let other = headMention(ofPhrase: apposition), mentions[other].entityID != mentions[first].entityID
      else { return [] }
    }
    let places = !isActor(first)
    var k = endOfListItem(at: parse.nounPhrases[phrase].range.upperBound, places: places)
    // "A, a commander in X (XU); B, a leader in Y; and Z fighter C": items apart by commas or
    // semicolons, each with its apposition.
    while k + 1 < tokens.count, [",", "and", "or", ";"].contains(tokens[k].lower) {
      var j = k + 1
      if tokens[j].is("and") || tokens[j].is("or") { j += 1 }
      guard j < tokens.count, parse.nounPhraseAt[j] >= 0 else { break }
      var next = Int(parse.nounPhraseAt[j])
      // ", the SDF media center said": a phrase followed by its verb opens a clause.
      let end = parse.nounPhrases[next].range.upperBound
      if end < tokens.count, parse.verbGroupAt[end] >= 0 { break }
      guard let m = headMention(ofPhrase: next), isActor(m) != places else { break }
      if !found.contains(m) { found.append(m) }
      // "YAT fighter Ruha Bashar": a person named right after a title phrase.
      if end < tokens.count, parse.nounPhraseAt[end] >= 0, let person = mentionOfToken[end],
        mentionKinds[person] == .person, !places
      {
        next = Int(parse.nounPhraseAt[end])
        if !found.contains(person) { found.append(person) }
      }
      k = endOfListItem(at: parse.nounPhrases[next].range.upperBound, places: places)
    }
    return found
  }

  /// Where a list item that ends at `position` is over: past "of X" ("the vicinity of Qminas"),
  /// "in X" and "with X" (a member's group) and a bracket ("(also called …)", "(YAT)").
  func endOfListItem(at position: Int, places: Bool) -> Int {
    var k = position
    while k < tokens.count {
      // "a commander in X", "Kafr Noran in Aleppo countryside" go on past their "in"; an actor's
      // name ends its item ("the PKK in Iraq and Syria": Syria is where, not whom).
      let word =
        parse.prepositionalPhraseAt[k] >= 0 ? parse.prepositionalPhrases[Int(parse.prepositionalPhraseAt[k])].word : nil
      if word == "of" || (word == "in" || word == "with") && (places || k == 0 || mentionOfToken[k - 1] == nil) {
        k = parse.prepositionalPhrases[Int(parse.prepositionalPhraseAt[k])].range.upperBound
      } else if tokens[k].is("("),
        let close = tokens[k..<min(tokens.count, k + 12)].firstIndex(where: { $0.is(")") })
      {
        k = close + 1
      } else {
        return k
      }
    }
    return k
  }

  /// Adjectives that make an event only claimed ("the alleged Israeli strike").
  static let allegingAdjectives: WordSet = ["alleged", "suspected", "reported", "apparent", "purported", "presumed"]

  /// Whether a noun phrase calls its event alleged ("an alleged Israeli strike", "a strike
  /// attributed to Israel").
  func isAllegedEvent(_ p: Int) -> Bool {
    let phrase = parse.nounPhrases[p]
    return phrase.range.contains { $0 < phrase.head && Self.allegingAdjectives.contains(tokens[$0]) }
      || attribution(after: phrase.range.upperBound) != nil
  }

  /// "attributed to X", "blamed on X" right at `position`: the token where X starts.
  func attribution(after position: Int) -> Int? {
    guard position + 2 < tokens.count, ["attributed", "blamed"].contains(tokens[position].lower),
      ["to", "on"].contains(tokens[position + 1].lower)
    else { return nil }
    var k = position + 2
    if tokens[k].is("the") && k + 1 < tokens.count { k += 1 }
    return mentionOfToken[k] != nil ? k : nil
  }

  /// The event a noun phrase names: the noun cue of its head, or of the first word of a named
  /// operation ("Operation Peace Spring", "#OperationOliveBranch").
  func eventCue(ofPhrase p: Int) -> CueHit? {
    let phrase = parse.nounPhrases[p]
    if let hit = nounCue(at: phrase.head) { return hit }
    let start = phrase.range.lowerBound
    guard tokens[start].isCapitalized, tokens[start].is("operation") else { return nil }
    return nounCue(at: start)
  }

  /// The verb cue whose first token is `token`, if any.
  func verbCue(startingAt token: Int) -> CueHit? {
    cues.first { $0.range.lowerBound == token && $0.cue.form != .noun }
  }

  /// The noun cue covering `token`, if any.
  func nounCue(at token: Int) -> CueHit? {
    cues.first { $0.range.contains(token) && $0.cue.form == .noun }
  }

  /// The actor a comitative opening at `start` joins: the subject before it, or the mention
  /// that ends right before its comma ("The Turkish Armed Forces, together with …").
  func comitativeHead(before start: Int) -> Int? {
    var k = start - 1
    if k >= 0, tokens[k].is(",") { k -= 1 }
    if k >= 0, let m = mentionOfToken[k], isActor(m) { return m }
    return subject(before: start)
  }

  /// The subject before a parenthetical that separates it from its verb: "The SDF, backed by
  /// the United States, attacked …", "Ankara, which backs the SNA, said …". The noun phrase before
  /// the opening comma, when the parenthetical holds no verb of its own with a subject.
  func subjectAcrossParenthetical(before verb: Int) -> [Int] {
    var close = verb - 1
    while close >= 0, parse.tags[close].isAdverb { close -= 1 }
    guard close > 1, tokens[close].is(",") else { return [] }
    var open = close - 1
    while open >= 0, !tokens[open].is(","), close - open <= 15 { open -= 1 }
    guard open >= 1, tokens[open].is(","), parse.nounPhraseAt[open - 1] >= 0 else { return [] }
    for g in parse.verbGroups.indices
    where parse.verbGroups[g].range.lowerBound > open && parse.verbGroups[g].range.upperBound <= close {
      let group = parse.verbGroups[g]
      if !group.subjects.isEmpty && !group.subjectIsImplicit && group.voice == .active { return [] }
    }
    return mentions(ofPhrase: Int(parse.nounPhraseAt[open - 1])).filter { isActor($0) }
  }

  /// "…detained members of the brigade, including its leader A and commanders B, C and D": the
  /// mentions listed after ", including" or ", among them" in the same clause, after `start`.
  /// A full stop inside a sentence is an abbreviation's ("Brig. Gen. X"), which the list goes over.
  static let namingMarks: WordSet = [",", "–", "—", "-", "("]
  static let namingVerbs: WordSet = ["named", "identified"]
  static let listEnders: WordSet = [";", "who", "which", "whose"]
  static let possessiveMarks: WordSet = ["'s", "’s", "'", "’"]

  func includedMentions(after start: Int) -> [Int] {
    var k = start
    var listStart = -1
    while k + 1 < tokens.count {
      let word = tokens[k].lower
      if word == ";" || isVerbCue(k) { return [] }
      if word == ",", tokens[k + 1].is("including") || tokens[k + 1].is("among") {
        listStart = k + 2
        break
      }
      // "killed several ISIS leaders – named as Abu Waddah and Abu Hamza", "(identified as …)"
      if Self.namingMarks.contains(tokens[k]), k + 2 < tokens.count,
        Self.namingVerbs.contains(tokens[k + 1]), tokens[k + 2].is("as")
      {
        listStart = k + 3
        break
      }
      k += 1
    }
    guard listStart >= 0, listStart < tokens.count else { return [] }
    var found: [Int] = []
    var j = listStart
    // The list ends at the sentence's end, a verb cue, or a relative clause about its items.
    while j < tokens.count, !Self.listEnders.contains(tokens[j]), !isVerbCue(j),
      !(tokens[j].is(".") && j == tokens.count - 1)
    {
      // "a commander in Tehran's IRGC": a possessor is not one of the list.
      if let m = mentionOfToken[j], !found.contains(m) {
        let after = mentions[m].range.upperBound
        if !(after < tokens.count && Self.possessiveMarks.contains(tokens[after])) { found.append(m) }
      }
      j += 1
    }
    return found
  }

  /// The noun phrase before a verb that the parser left without a subject, over the phrases that
  /// modify it: "An air strike [attributed to Israel] [on eastern Syria] has killed …".
  func phraseBefore(verb: Int) -> Int? {
    var k = verb - 1
    var hops = 0
    while k >= 0, hops < 6 {
      if parse.prepositionalPhraseAt[k] >= 0 {
        k = parse.prepositionalPhrases[Int(parse.prepositionalPhraseAt[k])].range.lowerBound - 1
      } else if parse.verbGroupAt[k] >= 0, parse.verbGroups[Int(parse.verbGroupAt[k])].subjects.count <= 1,
        ["attributed", "blamed", "carried", "launched", "conducted"].contains(
          tokens[parse.verbGroups[Int(parse.verbGroupAt[k])].head].lower)
      {
        k = parse.verbGroups[Int(parse.verbGroupAt[k])].range.lowerBound - 1
      } else if parse.nounPhraseAt[k] >= 0 {
        return Int(parse.nounPhraseAt[k])
      } else {
        return nil
      }
      hops += 1
    }
    return nil
  }

  /// Words before "with" that make it comitative ("together with", "along with").
  static let comitatives: WordSet = ["together", "along", "jointly", "conjunction"]

  /// The actors after "together with" / "along with" / "alongside" between a subject and the verb
  /// at `verb`, and where the comitative starts.
  func comitativePartners(before verb: Int) -> (start: Int, mentions: [Int]) {
    var k = verb - 1
    var found: [Int] = []
    var start = verb
    while k >= 0, k >= verb - 12 {
      if tokens[k].is(".") || tokens[k].lower == ";" { break }
      let with = tokens[k].is("with")
      if (with && k > 0 && Self.comitatives.contains(tokens[k - 1])) || tokens[k].is("alongside") {
        start = with ? k - 1 : k
        for j in (k + 1)..<verb { if let m = mentionOfToken[j], isActor(m), !found.contains(m) { found.append(m) } }
        break
      }
      k -= 1
    }
    return (start, found)
  }

  /// The agents of an attack noun phrase: a name before its head ("Turkish drone strike"), its
  /// possessor ("Israel's strike"), or its "by" phrase ("a strike by Israeli jets").
  func eventAgents(ofPhrase p: Int) -> [Int] {
    let phrase = parse.nounPhrases[p]
    guard let cue = nounCue(at: phrase.head), cue.cue.type == .attack || cue.cue.type == .kill else { return [] }
    for pp in phrase.attachments where parse.prepositionalPhrases[pp].word == "by" {
      if let object = parse.prepositionalPhrases[pp].object {
        let agents = mentions(ofPhrase: object).filter { isActor($0) }
        if !agents.isEmpty { return agents }
      }
    }
    var k = phrase.head - 1
    while k >= phrase.range.lowerBound {
      if let m = mentionOfToken[k], isActor(m) { return [m] }
      k -= 1
    }
    if phrase.possessor != nil { return possessorMentions(ofPhrase: p).filter { isActor($0) } }
    // "an air strike attributed to Israel": the party it is put down to (alleged, see
    // `SentenceAnalysis.isAllegedEvent`).
    let after = phrase.range.upperBound
    if let link = attribution(after: after), let m = mentionOfToken[link], isActor(m) { return [m] }
    // "an ambush carried out by the popular factions", "an attack launched by ISIS cells": the
    // agent of the participle that reports the event.
    var j = after
    if j < tokens.count,
      [
        "carried", "launched", "conducted", "staged", "mounted", "perpetrated", "waged",
        "executed", "claimed",
      ].contains(tokens[j].lower)
    {
      j += 1
      if j < tokens.count, ["out", "up"].contains(tokens[j].lower) { j += 1 }
      if j + 1 < tokens.count, tokens[j].is("by"), parse.nounPhraseAt[j + 1] >= 0 {
        return mentions(ofPhrase: Int(parse.nounPhraseAt[j + 1])).filter { isActor($0) }
      }
    }
    return []
  }
}

extension SentenceAnalysis {
  /// The mentions of `mentions` on another side than every one of `others` (nobody accuses or
  /// condemns their own side).
  func mentions(_ mentions: [Int], apartFrom others: [Int]) -> [Int] {
    let sides = Set(others.map { side(self.mentions[$0].entityID) })
    return mentions.filter { !sides.contains(side(self.mentions[$0].entityID)) }
  }

  /// The actors who report the clause holding `token`: the reporters of its reported clause, or
  /// nil when no verb of speaking reports it ("according to X" reports without a verb: a
  /// monitor's or a source's, not a party's claim), unless `verbless` asks for those too (a
  /// party's own threat "according to" it is still its threat).
  func reporters(ofClauseHolding token: Int, verbless: Bool = false) -> [Int]? {
    guard let start = parse.clauses.indices.last(where: { parse.clauses[$0].range.contains(token) }) else { return nil }
    var clause: Int? = start
    while let c = clause {
      if parse.clauses[c].kind == .reported {
        guard let verb = parse.clauses[c].reportingVerb else {
          return verbless ? mentions(ofPhrases: parse.clauses[c].reporters).filter { isActor($0) } : nil
        }
        var result = mentions(ofPhrases: parse.clauses[c].reporters).filter { isActor($0) }
        // "Antonov said that Russia had warned that …": the person who reports the report speaks
        // too (GUIDELINES.md: the person and the state each get an edge).
        let frame = parse.verbGroups[verb].clause
        if frame >= 0, let outer = parse.clauses[frame].parent, outer != c,
          let speaking = parse.clauses[outer].verbGroups.first,
          words.contains(parse.verbGroups[speaking].lemma, in: .speakingVerbs)
        {
          for m in mentions(ofPhrases: parse.verbGroups[speaking].subjects)
          where mentionKinds[m] == .person && !result.contains(m) {
            result.append(m)
          }
        }
        return result
      }
      clause = parse.clauses[c].parent
    }
    return nil
  }
}

extension SentenceAnalysis {
  /// The verb group that judges noun phrase `p`, its subject, by a condemning word ("the strikes
  /// were a flagrant violation of international law", "the raid constitutes a war crime",
  /// "the attack was illegal"): a predicating verb (`predicating_verbs`) whose complement holds a
  /// condemning word (`condemning_words`) within five tokens, before any clause break.
  func condemningPredicate(ofSubject p: Int) -> VerbGroup? {
    for group in parse.verbGroups where !group.isNegated && group.subjects.contains(p) {
      guard words.contains(group.lemma, in: .predicatingVerbs) else { continue }
      var k = group.range.upperBound
      while k < tokens.count, k - group.range.upperBound < 6 {
        if words.contains(tokens[k], in: .condemningWords) { return group }
        if k < parse.tags.count, parse.tags[k].isVerb || [",", ".", ";", ":"].contains(tokens[k].lower) { break }
        k += 1
      }
    }
    return nil
  }
}
