import KGLanguage
import KGModel

/// Parties named together as making an agreement cooperate with each other: coordinated subjects
/// of a verb of agreeing ("Russia and Turkey agreed to create a buffer zone", "Iran and Iraq
/// signed a security pact") and coordinated agents of a brokered deal ("a ceasefire brokered by
/// Russia and Turkey"). CAMEO 05 (diplomatic cooperation), GUIDELINES.md `cooperate`.
///
/// Example: "Russia and Turkey agreed on a ceasefire." → cooperate(Russia, Turkey).
struct JointAgreement: RelationRule {
  static let agreeing: Set<String> = ["agree", "sign", "broker", "negotiate", "conclude", "mediate"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for g in parse.verbGroups.indices {
      // "agreed on a ceasefire", or "agreed to create a buffer zone" (the agreeing governs).
      let governs = parse.verbGroups[g].governorLemma.map { Self.agreeing.contains($0) } ?? false
      guard !parse.verbGroups[g].isNegated, Self.agreeing.contains(parse.verbGroups[g].lemma) || governs else {
        continue
      }
      let group = parse.verbGroups[g]
      let phrases = group.voice == .passive && !governs ? group.agents : group.subjects
      var parties = a.mentions(ofPhrases: phrases).filter { a.isActor($0) }
      var announced = false
      // "X and his counterpart Y said they had agreed …": "they" are the speakers.
      if parties.count < 2, phrases.count == 1, parse.nounPhrases[phrases[0]].isPronoun,
        ["they", "we"].contains(a.tokens[parse.nounPhrases[phrases[0]].head].lower)
      {
        var clause: Int? = group.clause
        while let c = clause, parse.clauses[c].kind != .reported { clause = parse.clauses[c].parent }
        if let c = clause {
          parties = a.mentions(ofPhrases: parse.clauses[c].reporters).filter { a.isActor($0) }
          // The parties announcing their own agreement make it: the agreement is stated, not claimed.
          announced = true
        }
      }
      guard parties.count >= 2 else { continue }
      let at = governs ? (group.governor ?? group.head) : group.head
      let cue = at..<(at + 1)
      for (k, x) in parties.enumerated() {
        for y in parties[(k + 1)...] where a.mentions[x].entityID != a.mentions[y].entityID {
          result.append(
            Finding(
              sources: [x], type: .cooperate, targets: [y], rule: id, cue: cue,
              forced: announced ? (.asserted, nil) : nil))
        }
      }
    }
    return result
  }
}
