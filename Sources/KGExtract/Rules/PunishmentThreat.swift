import KGLanguage
import KGModel

/// Promising to punish a party threatens it (CAMEO 13; GUIDELINES.md `threaten`: "threatens with
/// force or consequences"):
/// - "Iran vowed to punish Israel for the strike": a vow governs the punishing verb, whose subject
///   threatens its object;
/// - "Tehran will punish the aggressors, the minister said": a future punishment, the subject's;
/// - "'The evil regime will be punished,' Khamenei said": a future passive punishment, said by a
///   party, threatens the one to be punished; the speaker (or the "by" phrase's party) threatens.
///
/// The verbs are data (`punishing_verbs` in `lexicon.yaml`); a negated verb threatens no one. The
/// punishment is no attack: it names no force.
///
/// Example: "Iran vowed to punish Israel." → threaten(Iran, Israel).
struct PunishmentThreat: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for g in parse.verbGroups.indices
    where !parse.verbGroups[g].isNegated && a.verb(g, isIn: .punishingVerbs) {
      let group = parse.verbGroups[g]
      let future = group.modal.map { VowImpliesThreat.futureModals.contains($0) } ?? false
      var sources: [Int]
      let punished: [Int]
      if group.voice == .active {
        guard a.isVow(group) || future else { continue }
        punished = a.mentions(ofPhrases: group.objects)
        sources = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
        if sources.isEmpty, future { sources = a.reporters(ofClauseHolding: group.head) ?? [] }
      } else {
        guard future || a.isVow(group) else { continue }
        punished = a.mentions(ofPhrases: group.subjects)
        sources = a.mentions(ofPhrases: group.agents).filter { a.isActor($0) }
        if sources.isEmpty { sources = a.reporters(ofClauseHolding: group.head) ?? [] }
      }
      let targets = a.mentions(punished.filter { a.isActor($0) }, apartFrom: sources)
      guard !sources.isEmpty, !targets.isEmpty else { continue }
      let cue = group.governor ?? group.head
      result.append(
        Finding(
          sources: sources, type: .threaten, targets: targets, rule: id, cue: cue..<(group.head + 1),
          forced: (.asserted, nil)))
    }
    return result
  }
}
