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
    for group in a.parse.verbGroups where Self.agreeing.contains(group.lemma) && !group.isNegated {
      let phrases = group.voice == .passive ? group.agents : group.subjects
      let parties = a.mentions(ofPhrases: phrases).filter { a.isActor($0) }
      guard parties.count >= 2 else { continue }
      let cue = group.head..<(group.head + 1)
      for (k, x) in parties.enumerated() {
        for y in parties[(k + 1)...] where a.mentions[x].entityID != a.mentions[y].entityID {
          result.append(Finding(sources: [x], type: .cooperate, targets: [y], rule: id, cue: cue))
        }
      }
    }
    return result
  }
}
