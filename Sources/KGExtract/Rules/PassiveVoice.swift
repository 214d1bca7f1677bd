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
      guard let agent = a.agent(after: hit.range.upperBound, within: 1) else { continue }
      guard let patient = a.subject(before: hit.range.lowerBound, allowPlaces: true) else { continue }
      result.append(
        Finding(
          sources: a.coordinatedRight(from: agent), type: hit.cue.type, targets: a.coordinatedLeft(from: patient),
          rule: id, cue: hit.range))
    }
    return result
  }
}
