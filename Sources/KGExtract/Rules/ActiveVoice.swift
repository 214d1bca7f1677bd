import KGModel

/// "A attacked B", "A and B backed C", "A has been training B": a cue verb with its subject to the
/// left and its object to the right (GUIDELINES.md, "Relations").
///
/// Example: "Turkish jets bombed YPG positions near Afrin." → attack(Turkey, YPG).
struct ActiveVoice: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for hit in a.cues where hit.cue.form != .noun {
      let start = hit.range.lowerBound
      let end = hit.range.upperBound
      if hit.cue.form == .participle || hit.cue.form == .past {
        // Passive ("was attacked", "forces backed by") belongs to PassiveVoice.
        if end < a.tokens.count, a.tokens[end].lower == "by" { continue }
        if start > 0, ["was", "were", "been", "being", "is", "are", "be", "get", "got"].contains(a.tokens[start - 1].lower) { continue }
      }
      if hit.cue.form == .gerund, start > 0, ["of", "for", "by"].contains(a.tokens[start - 1].lower) { continue }
      guard let subject = a.subject(before: start) else { continue }
      guard let object = a.object(after: end) else { continue }
      result.append(
        Finding(
          sources: a.coordinatedLeft(from: subject), type: hit.cue.type, targets: a.coordinatedRight(from: object),
          rule: id, cue: hit.range))
    }
    return result
  }
}
