import KGModel

/// "B was attacked by A", "SDF members supported by coalition aircraft": a cue participle with
/// the patient before it and the agent after "by". Without an agent there is no edge
/// (GUIDELINES.md, "What is annotated").
///
/// Example: "The convoy of the Turkish army was struck by Syrian jets." → attack(Syria, Turkish army).
struct PassiveVoice: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for hit in a.cues where hit.cue.form == .participle || hit.cue.form == .past {
      // "condemned attacks by the Houthis": the "by" after a noun is the noun's agent.
      let next = hit.range.upperBound
      if next < a.parse.tags.count, !a.tokens[next].is("by"), a.parse.tags[next].isNoun { continue }
      guard
        let agent = a.agent(after: hit.range.upperBound, within: 1) ?? eventAgent(after: hit.range.upperBound, in: a)
      else { continue }
      guard let patient = a.subject(before: hit.range.lowerBound, allowPlaces: true) else { continue }
      result.append(
        Finding(
          sources: a.coordinatedRight(from: agent), type: hit.cue.type, targets: a.coordinatedLeft(from: patient),
          rule: id, cue: hit.range))
    }
    return result
  }

  /// "killed in an Israeli strike", "wounded in a Turkish drone attack": the agent named in the event.
  func eventAgent(after end: Int, in a: SentenceAnalysis) -> Int? {
    guard end + 1 < a.tokens.count, ["in", "during", "by"].contains(a.tokens[end].lower) else { return nil }
    var k = end + 1
    while k < a.tokens.count,
      ["a", "an", "the", "two", "three", "several", "overnight", "recent", "suspected", "renewed"].contains(
        a.tokens[k].lower)
    { k += 1 }
    guard k < a.tokens.count, let m = a.mentionOfToken[k], a.isActor(m) else { return nil }
    var n = a.mentions[m].range.upperBound
    while n < a.tokens.count, ["air", "drone", "missile", "rocket", "artillery", "mortar"].contains(a.tokens[n].lower) {
      n += 1
    }
    let start = a.mentions[m].range.upperBound
    guard
      a.cues.contains(where: {
        (start...n).contains($0.range.lowerBound) && $0.cue.form == .noun && $0.cue.type == .attack
      })
    else { return nil }
    return m
  }
}
