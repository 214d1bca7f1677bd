import KGModel

/// An event noun with its agent and target: "air strikes by A on B", "A's attack on B",
/// "Israeli bombing of Hama", "A launched an offensive against B".
///
/// Example: "The Turkish shelling of Tal Rifaat continued." → attack(Turkey, Tal Rifaat).
struct NominalEvent: RelationRule {
  /// Nouns whose "of" phrase is what the event is done to ("the bombing of B").
  static let patientOf: WordSet = [
    "bombing", "bombings", "shelling", "bombardment", "capture", "seizure", "liberation", "recapture", "occupation",
    "killing", "killings", "assassination", "arrest", "arrests", "detention", "siege", "massacre", "execution",
    "takeover", "conquest", "abduction", "condemnation", "criticism",
  ]
  static let targetPrepositions: WordSet = ["on", "against", "at", "upon", "targeting", "into"]
  static let lightVerbs: WordSet = [
    "launched", "launch", "launches", "launching", "carried", "carry", "carries", "carrying", "conducted", "conduct",
    "conducts", "conducting", "staged", "stage", "mounted", "mount", "renewed", "renew", "intensified", "continued",
    "continue", "continues", "waged", "wage", "waging", "made", "make", "makes", "unleashed", "initiated", "began",
    "begin", "started", "start", "led", "lead", "leads", "escalated", "escalate", "stepped", "step", "resumed",
    "resume", "executed", "perpetrated",
    "out", "up", "announced", "claimed", "ordered", "orders", "order", "ordering", "provided", "provide", "provides",
    "providing", "gave", "give", "lent",
    "offered",
    "preparing", "prepare", "prepares", "prepared", "planning", "plan", "plans", "planned", "threatening", "vowed",
    "fired", "fire", "fires", "firing", "lobbed", "hurled", "dropped", "drop", "drops", "dropping",
  ]

  /// Verbs that report an event rather than do it ("SOHR reported attacks on …").
  static let reportingVerbs: WordSet = [
    "reported", "reports", "documented", "recorded", "denied", "denies", "condemned", "monitored", "counted",
    "confirmed", "described", "blamed", "said", "says", "claimed", "accused", "feared", "expected", "warned",
  ]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    var previousAgents: [RelationType: [Int]] = [:]
    // Alliance nouns ("its allies in Iran") are AllyApposition's.
    for hit in a.cues where hit.cue.form == .noun && hit.cue.type != .cooperate {
      let start = hit.range.lowerBound
      var end = hit.range.upperBound
      var agents: [Int] = []
      // "strikes by A on B", "an offensive carried out by A"
      var byStart = end
      if byStart < a.tokens.count,
        ["carried", "launched", "conducted", "initiated", "staged", "mounted", "led", "waged", "perpetrated"].contains(
          a.tokens[byStart].lower)
      {
        byStart += 1
        if byStart < a.tokens.count, a.tokens[byStart].is("out") { byStart += 1 }
      }
      if let byAgent = a.agent(after: byStart, within: 0) {
        agents = a.coordinatedRight(from: byAgent)
        end = a.mentions[agents.last!].range.upperBound
      }
      // "A's attack", "Israeli bombing", "Russian-Regime Attacks", "ISIS mortar fire"
      if agents.isEmpty, let pre = premodifier(before: start, in: a) { agents = a.coordinatedLeft(from: pre) }
      // "their fight against B": the nearest actor before the possessive.
      if agents.isEmpty, start > 0, ["their", "its"].contains(a.tokens[start - 1].lower),
        let owner = nearestActor(before: start - 1, in: a)
      {
        agents = [owner]
      }
      // "the attacks of A against B" (but "the bombing of B" names the target)
      if agents.isEmpty, end + 1 < a.tokens.count, a.tokens[end].is("of"),
        !Self.patientOf.contains(a.tokens[end - 1]), let ofAgent = a.object(after: end + 1, limit: 3),
        a.isActor(ofAgent)
      {
        let group = a.coordinatedRight(from: ofAgent)
        var after = a.mentions[group.last!].range.upperBound
        // "the advance of the SAA and its allies against ISIS"
        if after + 1 < a.tokens.count, a.tokens[after].is("and"),
          SentenceAnalysis.allyNouns.contains(a.tokens[after + 1])
        {
          after += 2
        } else if after + 2 < a.tokens.count, a.tokens[after].is("and"),
          ["its", "their"].contains(a.tokens[after + 1].lower),
          SentenceAnalysis.allyNouns.contains(a.tokens[after + 2])
        {
          after += 3
        }
        if after < a.tokens.count, Self.targetPrepositions.contains(a.tokens[after]) {
          agents = group
          end = after
        }
      }
      // "A launched an offensive against B"
      if agents.isEmpty, let light = lightVerb(before: start, in: a),
        let subject = a.subject(before: light)
          ?? (a.tokens[light].lower.hasSuffix("ing") && light > 0
            && !SentenceAnalysis.auxiliaries.contains(a.tokens[light - 1])
            ? a.mainSubject(before: light) : nil)
      {
        agents = a.group(of: subject)
      }
      // "A's bombing of X and the bombing of Y": the second event shares the first one's agent.
      if agents.isEmpty, let earlier = previousAgents[hit.cue.type], start >= 2,
        a.tokens[start - 1].is("the") && a.tokens[start - 2].is("and") || a.tokens[start - 1].is("and")
      {
        agents = earlier
      }
      guard !agents.isEmpty else { continue }
      previousAgents[hit.cue.type] = agents
      var targets = target(after: end, noun: a.tokens[hit.range.upperBound - 1].lower, in: a)
      // "the pro-Assad offensive, even with Russian air support": support for the actor before "with".
      if targets == nil, hit.cue.type == .support, let firstAgent = agents.first {
        var k = a.mentions[firstAgent].range.lowerBound - 1
        while k >= 0, !a.tokens[k].is("with"), a.mentionOfToken[k] == nil { k -= 1 }
        if k >= 0, a.tokens[k].is("with"), let owner = nearestActor(before: k, in: a) { targets = [owner] }
      }
      guard let targets else { continue }
      result.append(Finding(sources: agents, type: hit.cue.type, targets: targets, rule: id, cue: hit.range))
    }
    return result
  }

  /// The words that may stand between an agent and its event noun ("Russian-backed forces'
  /// drone strike", "Israel's latest air raid").
  static let premodifierWords: WordSet = [
    "'s", "-", "'", "’", "‘", "led", "forces", "backed", "allied", "fighters", "militants", "jets", "warplanes",
    "aircraft", "drones", "air", "mortar", "rocket", "artillery", "drone", "missile", "military", "ground",
    "overnight", "latest", "new", "recent", "renewed", "joint", "heavy", "deadly",
  ]

  func premodifier(before start: Int, in a: SentenceAnalysis) -> Int? {
    var i = start - 1
    var hops = 0
    while i >= 0, hops < 5 {
      if let m = a.mentionOfToken[i] { return a.isActor(m) ? m : nil }
      guard Self.premodifierWords.contains(a.tokens[i]) else { return nil }
      i -= 1
      hops += 1
    }
    return nil
  }

  func lightVerb(before start: Int, in a: SentenceAnalysis) -> Int? {
    var i = start - 1
    var hops = 0
    var crossedSemicolon = false
    while i >= 0, hops < (crossedSemicolon ? 8 : 4) {
      let lower = a.tokens[i].lower
      // "launched the next provocation; direct mortar fire at B": an apposition after a semicolon.
      if lower == ";", !crossedSemicolon {
        crossedSemicolon = true
        i -= 1
        hops += 1
        continue
      }
      if Self.lightVerbs.contains(a.tokens[i]) {
        // "carried out" → the subject stands before "carried".
        if lower == "out" || lower == "up", i > 0 { return i - 1 }
        return i
      }
      // Any plain verb right after the actor works as a light verb ("Russia renewed attacks on …"),
      // but not the actor's own last word ("the Sudanese army condemned the attack on X") nor a
      // noun after it ("a Hezbollah commander in a strike on Beirut").
      if i > 0, let m = a.mentionOfToken[i - 1], a.isActor(m), a.mentionOfToken[i] == nil, a.tokens[i].isWord,
        i < a.parse.tags.count, a.parse.tags[i].isVerb, !a.tokens[i].isCapitalized,
        !a.isVerbCue(i), !SentenceAnalysis.determiners.contains(a.tokens[i]),
        !Self.reportingVerbs.contains(a.tokens[i]),
        !SentenceAnalysis.clauseBreakers.contains(a.tokens[i]),
        !SentenceAnalysis.locativePrepositions.contains(a.tokens[i]),
        !SentenceAnalysis.auxiliaries.contains(a.tokens[i]), !["and", "or", "nor", "but", "'s"].contains(lower)
      {
        return i
      }
      guard
        SentenceAnalysis.determiners.contains(a.tokens[i])
          || (a.tokens[i].isWord && !a.tokens[i].isCapitalized && a.mentionOfToken[i] == nil)
      else { return nil }
      i -= 1
      hops += 1
    }
    return nil
  }

  func target(after start: Int, noun: String, in a: SentenceAnalysis) -> [Int]? {
    var end = start
    while end < a.tokens.count,
      ["only", "mainly", "mostly", "exclusively", "primarily", "reportedly", "also"].contains(a.tokens[end].lower)
    { end += 1 }
    // "Operation Olive Branch against the YPG": the event's own name stands before the target.
    var named = end
    while named < a.tokens.count, named - end < 4, a.tokens[named].isCapitalized, a.mentionOfToken[named] == nil {
      named += 1
    }
    if named > end, named < a.tokens.count, Self.targetPrepositions.contains(a.tokens[named]) { end = named }
    guard end < a.tokens.count else { return nil }
    // "aggression waged by the US against both": the pair named earlier in the sentence.
    if end + 1 < a.tokens.count, Self.targetPrepositions.contains(a.tokens[end]),
      a.tokens[end + 1].is("both")
    {
      for m in a.mentions.indices where a.mentions[m].range.upperBound <= end && a.isActor(m) {
        let pair = a.coordinatedRight(from: m)
        if pair.count == 2 { return pair }
      }
    }
    // The cue itself ends in its preposition ("fight against").
    if Self.targetPrepositions.contains(noun) {
      guard let m = a.object(after: end, limit: 5), !crossesFiniteVerb(from: end, to: m, in: a) else { return nil }
      return a.coordinatedRight(from: m)
    }
    let lower = a.tokens[end].lower
    if Self.targetPrepositions.contains(lower) || (lower == "of" && Self.patientOf.contains(noun))
      || (lower == "that" && ["demand", "demands", "call", "calls", "ultimatum"].contains(noun))
    {
      guard let m = a.object(after: end + 1, limit: 5), !crossesFiniteVerb(from: end + 1, to: m, in: a) else {
        return nil
      }
      return a.coordinatedRight(from: m)
    }
    return nil
  }

  /// Whether a finite verb stands between `start` and mention `m`: "ISIS's killing of the pilot
  /// shocked Jordan" names no target after "of".
  func crossesFiniteVerb(from start: Int, to m: Int, in a: SentenceAnalysis) -> Bool {
    let end = min(a.mentions[m].range.lowerBound, a.parse.verbGroupAt.count)
    guard start < end else { return false }
    return (start..<end).contains {
      a.parse.verbGroupAt[$0] >= 0 && a.parse.verbGroups[Int(a.parse.verbGroupAt[$0])].form == .finite
    }
  }

  func nearestActor(before position: Int, in a: SentenceAnalysis) -> Int? {
    var j = position - 1
    while j >= 0 {
      if let m = a.mentionOfToken[j], a.isActor(m), !a.mentions[m].isBareDemonym || j + 1 < a.tokens.count {
        return m
      }
      j -= 1
    }
    return nil
  }
}
