import KGModel

/// "X, backed by Y's warplanes, attacked Z" gives, besides support(Y, X), attack(Y, Z): Y's
/// aircraft take part in the attack (GUIDELINES.md, "Conventions", "Backing in action"). The
/// backer's phrase must name arms that strike (`air_power` in `lexicon.yaml`: "Russian jets",
/// "US air strikes", "Turkish drones"); backing by money or advice joins no attack. The attack
/// keeps the backed party's cue, so it has that attack's modality.
///
/// Example: "The SDF, backed by US warplanes, attacked ISIS." → attack(US, ISIS).
struct BackingInAction: DerivationRule {
  func derive(from findings: [Finding], in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for backing in findings where backing.type == .support {
      let backers = backing.sources.filter { strikesFromTheAir(after: $0, in: a) }
      guard !backers.isEmpty else { continue }
      let backed = Set(backing.targets.map { a.mentions[$0].entityID })
      for attack in findings where attack.type == .attack {
        guard attack.sources.contains(where: { backed.contains(a.mentions[$0].entityID) }) else { continue }
        let targets = attack.targets.filter { t in
          !backers.contains { a.mentions[$0].entityID == a.mentions[t].entityID }
        }
        guard !targets.isEmpty else { continue }
        var joined = attack
        joined.sources = backers
        joined.targets = targets
        joined.rule = id
        result.append(joined)
      }
    }
    return result
  }

  /// Whether the backer's mention `m` is followed, within its phrase, by arms that strike
  /// ("Russian warplanes", "US air strikes", "Turkey's drones").
  func strikesFromTheAir(after m: Int, in a: SentenceAnalysis) -> Bool {
    // The mention itself may hold them ("Russian warplanes" is one mention of Russia).
    let mention = a.mentions[m].range
    for k in (mention.lowerBound + 1)..<mention.upperBound where a.words.match(a.tokens, at: k, in: .airPower) != nil {
      return true
    }
    var k = mention.upperBound
    if k < a.tokens.count, a.tokens[k].is("'s") { k += 1 }
    let end = min(a.tokens.count, k + 3)
    while k < end {
      if a.words.match(a.tokens, at: k, in: .airPower) != nil { return true }
      guard a.tokens[k].isWord, a.mentionOfToken[k] == nil else { return false }
      k += 1
    }
    return false
  }
}
