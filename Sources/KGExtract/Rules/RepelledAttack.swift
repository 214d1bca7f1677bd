import KGModel

/// "A repelled an ISIS attack", "A pushed back B's counter-offensive": the repelled event was B's
/// attack on A, so attack(B, A) holds as well as A's attack on B (which ActiveVoice finds).
///
/// Example: "Kurdish fighters repelled an ISIS assault on Kobani." → attack(ISIS, YPG), attack(YPG, ISIS).
struct RepelledAttack: RelationRule {
  static let lemmas: WordSet = [
    "repel", "repulse", "push back", "fend off", "foil", "thwart", "beat back", "counter",
  ]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for hit in a.cues where hit.cue.form != .noun && Self.lemmas.contains(hit.cue.lemma) {
      guard
        let defender = a.subject(before: hit.range.lowerBound)
          ?? (hit.cue.form == .gerund ? a.mainSubject(before: hit.range.lowerBound) : nil),
        let attacker = a.object(after: hit.range.upperBound, limit: 3), a.isActor(attacker)
      else { continue }
      // The attacker must own an attack noun: "an ISIS attack", "ISIS's offensive".
      var k = a.mentions[attacker].range.upperBound
      if k < a.tokens.count, a.tokens[k].is("'s") { k += 1 }
      guard a.cues.contains(where: { $0.range.lowerBound == k && $0.cue.form == .noun && $0.cue.type == .attack })
      else { continue }
      result.append(
        Finding(sources: [attacker], type: .attack, targets: a.group(of: defender), rule: id, cue: hit.range))
    }
    return result
  }
}
