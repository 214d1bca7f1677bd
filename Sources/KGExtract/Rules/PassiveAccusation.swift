import KGLanguage
import KGModel

/// "B has been accused of attacking C", "B was blamed by A for shelling C": the act the accused
/// is charged with is alleged (by the passive agent, when the sentence names one), as in the
/// active "A accused B of attacking C" (AccusationOf, GUIDELINES.md "Modality and attribution").
///
/// Example: "Iran has been accused of supplying the Houthis with weapons." → support(Iran,
/// Houthis), alleged.
struct PassiveAccusation: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for g in a.parse.verbGroups.indices {
      guard a.parse.verbGroups[g].voice == .passive, !a.parse.verbGroups[g].isNegated,
        let hit = a.verbCue(startingAt: a.parse.verbGroups[g].head), hit.cue.type == .accuse
      else { continue }
      let group = a.parse.verbGroups[g]
      let accused = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      guard !accused.isEmpty else { continue }
      // The act: the gerund after "of" or "for" that follows the accusation within a few words
      // ("accused by Riyadh of arming", "blamed for the shelling of" is NominalEvent's).
      guard
        let act = a.parse.verbGroups.indices.first(where: { k in
          let v = a.parse.verbGroups[k]
          return k > g && v.form == .presentParticiple && v.voice == .active && !v.isNegated
            && v.range.lowerBound > group.range.upperBound && v.range.lowerBound - group.range.upperBound <= 5
            && ActiveClause.gerundPrepositions.contains(a.tokens[v.range.lowerBound - 1])
        }),
        let nested = a.verbCue(startingAt: a.parse.verbGroups[act].head), nested.cue.type != .accuse
      else { continue }
      let actGroup = a.parse.verbGroups[act]
      var targets = a.mentions(ofPhrases: actGroup.objects)
      if targets.isEmpty, nested.cue.endsInPreposition, let preposition = nested.cue.tokens.last {
        targets = a.mentions(ofObliques: actGroup, [preposition])
      }
      if targets.isEmpty, nested.cue.type == .attack {
        targets = a.mentions(ofObliques: actGroup, ActiveClause.attackPrepositions)
      }
      targets.removeAll { accused.contains($0) }
      guard !targets.isEmpty else { continue }
      let accuser = a.mentions(ofPhrases: group.agents).first { a.isActor($0) }
      result.append(
        Finding(
          sources: accused, type: nested.cue.type, targets: targets, rule: id, cue: nested.range,
          forced: (.alleged, accuser)))
    }
    return result
  }
}
