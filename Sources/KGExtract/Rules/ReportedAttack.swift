import KGLanguage
import KGModel

/// A party that reports an attack by another side accuses it, even when the report names no
/// target (GUIDELINES.md, "Conventions", "Blame"): "'Israeli missiles targeted the airport,' SANA
/// said", "the SDF said a Turkish drone attack claimed the lives of …". The attack's agent is a
/// name before the attack noun, its possessor, its "by" phrase, or the subject of the light verb
/// that carries it out ("Turkish jets had carried out airstrikes").
///
/// Example: "SANA said an Israeli missile attack hit the vicinity of Damascus." → accuse(SANA, Israel).
struct ReportedAttack: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for (p, phrase) in parse.nounPhrases.enumerated() {
      guard let hit = a.nounCue(at: phrase.head), hit.cue.type == .attack || hit.cue.type == .kill else { continue }
      var agents = a.eventAgents(ofPhrase: p)
      if agents.isEmpty, let group = a.lightVerb(taking: p) {
        agents = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      }
      guard !agents.isEmpty, let reporters = reporters(of: phrase.head, in: a), !reporters.isEmpty else { continue }
      let sides = Set(agents.map { a.side(a.mentions[$0].entityID) })
      let accusers = reporters.filter { !sides.contains(a.side(a.mentions[$0].entityID)) }
      guard !accusers.isEmpty else { continue }
      result.append(
        Finding(sources: accusers, type: .accuse, targets: agents, rule: id, cue: hit.range, forced: (.asserted, nil)))
    }
    return result
  }

  /// The actors who report the clause holding `token`: the reporters of its reported clause.
  func reporters(of token: Int, in a: SentenceAnalysis) -> [Int]? {
    let parse = a.parse
    guard let start = parse.clauses.indices.last(where: { parse.clauses[$0].range.contains(token) }) else { return nil }
    var clause: Int? = start
    while let c = clause {
      if parse.clauses[c].kind == .reported {
        // "according to X" reports without a verb: a monitor's or a source's, not an accusation.
        guard parse.clauses[c].reportingVerb != nil else { return nil }
        return a.mentions(ofPhrases: parse.clauses[c].reporters).filter { a.isActor($0) }
      }
      clause = parse.clauses[c].parent
    }
    return nil
  }
}
