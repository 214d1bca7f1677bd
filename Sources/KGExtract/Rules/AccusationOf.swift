import KGModel

/// "A accused B of attacking C": accuse(A, B) is asserted (ActiveVoice finds it) and the nested
/// act is alleged by A: attack(B, C) (GUIDELINES.md, "Modality and attribution").
///
/// Example: "Ankara blamed the PKK for shelling Turkish border posts." → attack(PKK, Turkey), alleged by Turkey.
struct AccusationOf: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for hit in a.cues where hit.cue.type == .accuse && hit.cue.form != .noun {
      guard let accuser = a.subject(before: hit.range.lowerBound), let accused = a.object(after: hit.range.upperBound)
      else { continue }
      let accusedGroup = a.coordinatedRight(from: accused)
      var k = a.mentions[accusedGroup.last!].range.upperBound
      // "… of positions …": skip the NP's own tail ("HSD positions").
      while k < a.tokens.count, SentenceAnalysis.actorNouns.contains(a.tokens[k]) { k += 1 }
      guard k + 1 < a.tokens.count, ["of", "for"].contains(a.tokens[k].lower) else { continue }
      // The nested cue: a gerund or an event noun right after "of" (skipping "the", adjectives).
      var c = k + 1
      while c < a.tokens.count, c - k < 4, !a.cues.contains(where: { $0.range.lowerBound == c }) { c += 1 }
      guard
        let nested = a.cues.filter({
          $0.range.lowerBound == c && $0.cue.type != .accuse && ($0.cue.form == .gerund || $0.cue.form == .noun)
        })
        .max(by: { $0.range.count < $1.range.count })
      else { continue }
      let target: Int?
      if nested.cue.form == .noun {
        target =
          NominalEvent().target(
            after: nested.range.upperBound, noun: a.tokens[nested.range.upperBound - 1].lower, in: a)?.first
      } else if nested.cue.type == .support, let given = recipient(after: nested.range.upperBound, in: a) {
        // "accused Iran of supplying ballistic missiles to Russia": the one given to.
        target = given
      } else {
        target = a.object(after: nested.range.upperBound)
      }
      guard let target else { continue }
      result.append(
        Finding(
          sources: accusedGroup, type: nested.cue.type, targets: a.coordinatedRight(from: target), rule: id,
          cue: nested.range, forced: (.alleged, a.coordinatedLeft(from: accuser).first ?? accuser)))
    }
    return result
  }

  /// The actor after "to" within a few words of a verb of handing over ("supplying drones to
  /// Russia"), when what is handed over comes first.
  func recipient(after start: Int, in a: SentenceAnalysis) -> Int? {
    var k = start
    while k < a.tokens.count, k - start < 6, a.mentionOfToken[k] == nil {
      if a.tokens[k].is("to") { return a.actorStarting(at: k + 1) }
      k += 1
    }
    return nil
  }
}
