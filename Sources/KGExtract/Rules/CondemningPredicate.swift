import KGLanguage
import KGModel

/// A party that says another's act was a violation, a crime or aggression condemns it
/// (GUIDELINES.md, "Conventions": condemn needs an act of criticism, such as "called the strike
/// aggression"): "Iran said the Israeli strikes were a flagrant violation of international law",
/// "the US raid constitutes a war crime, Damascus said". The act's agent is found as for a
/// reported attack (a name before the noun, its possessor, its "by" phrase); the speaker is the
/// party that reports the clause. The act is not disputed, so `ReportedAttack` adds no accusation.
///
/// Example: "Russia said the US strikes were an act of aggression." → condemn(Russia, US).
struct CondemningPredicate: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for p in a.parse.nounPhrases.indices {
      guard let hit = a.nounCue(at: a.parse.nounPhrases[p].head), hit.cue.type == .attack || hit.cue.type == .kill,
        let group = a.condemningPredicate(ofSubject: p)
      else { continue }
      let agents = a.eventAgents(ofPhrase: p)
      guard !agents.isEmpty, let reporters = a.reporters(ofClauseHolding: group.head), !reporters.isEmpty else {
        continue
      }
      let critics = a.mentions(reporters, apartFrom: agents)
      guard !critics.isEmpty else { continue }
      result.append(
        Finding(
          sources: critics, type: .condemn, targets: agents, rule: id, cue: group.head..<(group.head + 1),
          forced: (.asserted, nil)))
    }
    return result
  }
}
