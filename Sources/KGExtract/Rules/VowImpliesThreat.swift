import KGModel

/// "Erdogan vowed to crush the militia", "Hezbollah threatened to strike Haifa": announcing one's
/// own future use of force against someone is a threat (CAMEO 13; GUIDELINES.md: threaten
/// "threatens with force or consequences"), besides the hypothetical attack itself.
///
/// Example: "Ankara vowed to bomb PKK camps in Sinjar." → threaten(Turkey, PKK) and attack(Turkey, PKK), hypothetical.
struct VowImpliesThreat: DerivationRule {
  static let vows: WordSet = [
    "vow", "vows", "vowed", "vowing", "threaten", "threatens", "threatened", "threatening", "pledge", "pledges",
    "pledged", "swore", "swear", "swears", "promised", "promises", "promise",
  ]
  static let forceTypes: Set<RelationType> = [.attack, .kill, .capture, .detain]

  func derive(from findings: [Finding], in a: SentenceAnalysis) -> [Finding] {
    findings.compactMap { f in
      guard Self.forceTypes.contains(f.type), f.forced == nil else { return nil }
      // "vowed to crush": the vow stands right before "to" + the cue.
      let s = f.cue.lowerBound
      guard s >= 2, a.tokens[s - 1].lower == "to", Self.vows.contains(a.tokens[s - 2]) else { return nil }
      var threat = f
      threat.targets = f.targets.filter { a.isActor($0) }
      guard !threat.targets.isEmpty else { return nil }
      threat.type = .threaten
      threat.rule = id
      threat.forced = (.asserted, nil)
      return threat
    }
  }
}
