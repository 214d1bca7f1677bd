import KGModel

/// "Turkish posts came under fire from regime forces", "the convoy came under attack by ISIS":
/// the thing under fire was attacked by whoever is named after "from"/"by".
///
/// Example: "A Russian patrol came under fire from HTS near Idlib." → attack(HTS, Russia).
struct UnderFire: RelationRule {
  static let verbs: WordSet = ["came", "come", "comes", "coming", "were", "was", "is", "are", "been"]
  static let nouns: WordSet = [
    "fire", "attack", "attacks", "shelling", "bombardment", "bombing", "assault", "siege", "strikes",
  ]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    // Tokens are told from "under" by their precomputed hash before their text is compared.
    let under = WordHash.of("under")
    for i in a.tokens.indices
    where a.tokens[i].hash == under && a.tokens[i].is("under") && i > 0 && Self.verbs.contains(a.tokens[i - 1]) {
      var k = i + 1
      while k < a.tokens.count,
        [
          "heavy", "intense", "repeated", "renewed", "sustained", "artillery", "mortar", "rocket", "sniper", "drone",
          "air",
        ].contains(a.tokens[k].lower)
      { k += 1 }
      guard k < a.tokens.count, Self.nouns.contains(a.tokens[k]), k + 1 < a.tokens.count,
        ["from", "by"].contains(a.tokens[k + 1].lower), let attacker = a.object(after: k + 2, limit: 4),
        a.isActor(attacker)
      else { continue }
      // The target: the subject, or the owner of "its posts" / "their convoy".
      if let target = a.subject(before: i - 1, allowPlaces: true) {
        result.append(
          Finding(
            sources: a.coordinatedRight(from: attacker), type: .attack, targets: [target], rule: id, cue: k..<(k + 1)))
      } else if let owner = possessiveOwner(before: i - 1, in: a) {
        // "its posts": what a ministry or spokesman calls "its" belongs to their state.
        var finding = Finding(
          sources: a.coordinatedRight(from: attacker), type: .attack, targets: [owner], rule: id, cue: k..<(k + 1))
        finding.rollUpTargets = true
        result.append(finding)
      }
    }
    return result
  }

  /// "one of its posts came under fire": the actor "its" refers to, the nearest one before it.
  func possessiveOwner(before position: Int, in a: SentenceAnalysis) -> Int? {
    var k = position - 1
    while k >= 0, position - k <= 6 {
      if ["its", "their"].contains(a.tokens[k].lower) {
        var j = k - 1
        while j >= 0 {
          if let m = a.mentionOfToken[j], a.isActor(m) { return m }
          j -= 1
        }
        return nil
      }
      k -= 1
    }
    return nil
  }
}
