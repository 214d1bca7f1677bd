import KGLanguage
import KGModel

/// A cue verb in the passive voice with its agent: "the convoy was hit by Russian jets", "forces
/// backed by Iran", "the SDF, supported by the coalition, …" (a participle's subject is the phrase
/// it modifies).
///
/// Example: "Two Hezbollah commanders were killed by Israeli drones." → kill(Israel, Hezbollah).
struct PassiveClause: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for group in a.parse.verbGroups where group.voice == .passive && !group.isNegated && !group.agents.isEmpty {
      guard let hit = a.verbCue(startingAt: group.head) else { continue }
      let sources = a.mentions(ofPhrases: group.agents).filter { a.isActor($0) }
      let targets = a.mentions(ofPhrases: group.subjects)
      guard !sources.isEmpty, !targets.isEmpty else { continue }
      result.append(Finding(sources: sources, type: hit.cue.type, targets: targets, rule: id, cue: hit.range))
    }
    return result
  }
}
