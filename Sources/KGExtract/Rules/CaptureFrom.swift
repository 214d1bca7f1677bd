import KGModel

/// "X retook the town from Y", "wrested control of the airport from Y", "the city was recaptured
/// from Y by X": whoever takes a place from a party fights that party, so the capture's agent
/// attacks the one named after "from" (the place taken, if named, is `ActiveClause`'s capture).
///
/// Example: "The Sudanese army retook the presidential palace from the RSF." → attack(Sudanese
/// army, RSF).
struct CaptureFrom: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for g in a.parse.verbGroups.indices where !a.parse.verbGroups[g].isNegated {
      guard let hit = a.verbCue(startingAt: a.parse.verbGroups[g].head), hit.cue.type == .capture else { continue }
      let group = a.parse.verbGroups[g]
      let losers = a.mentions(ofObliques: group, ["from"]).filter { a.isActor($0) }
      guard !losers.isEmpty else { continue }
      var takers: [Int]
      if group.voice == .passive {
        takers = a.mentions(ofPhrases: group.agents)
      } else {
        takers = a.mentions(ofPhrases: group.subjects)
        // "The SDF, backed by the US, retook …": a subject the parser left behind a parenthetical.
        if takers.isEmpty, group.form == .finite {
          takers = a.subjectAcrossParenthetical(before: group.range.lowerBound)
        }
      }
      takers = takers.filter { a.isActor($0) && !losers.contains($0) }
      guard !takers.isEmpty else { continue }
      result.append(Finding(sources: takers, type: .attack, targets: losers, rule: id, cue: hit.range))
    }
    return result
  }
}
