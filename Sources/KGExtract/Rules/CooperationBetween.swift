import KGModel

/// "cooperation between A and B", "talks between A, B and C", "an agreement between A and B":
/// a joint-action noun with its parties gives cooperate for every pair (GUIDELINES.md: cooperate
/// "allies, coordinates, meets, joins (no direction)").
///
/// Example: "Coordination between Moscow and Ankara has improved." → cooperate(Russia, Turkey).
struct CooperationBetween: RelationRule {
  static let nouns: WordSet = [
    "cooperation", "coordination", "collusion", "collaboration", "alliance", "agreement", "deal", "talks", "meeting",
    "meetings", "partnership", "pact", "accord", "contacts", "cooperating", "colluding", "coordinating",
  ]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    // Read once rather than through its lazy global at every token.
    let nouns = Self.nouns
    for i in a.tokens.indices where nouns.contains(a.tokens[i]) {
      guard i + 1 < a.tokens.count, a.tokens[i + 1].is("between"), let first = a.object(after: i + 2, limit: 2)
      else { continue }
      let parties = a.coordinatedRight(from: first).filter { a.isActor($0) }
      guard parties.count >= 2 else { continue }
      for (x, p) in parties.enumerated() {
        for q in parties[(x + 1)...] {
          result.append(Finding(sources: [p], type: .cooperate, targets: [q], rule: id, cue: i..<(i + 1)))
        }
      }
    }
    return result
  }
}
