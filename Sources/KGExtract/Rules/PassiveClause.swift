import KGLanguage
import KGModel

/// A cue verb in the passive voice with its agent: "the convoy was hit by Russian jets", "forces
/// backed by Iran", "the SDF, supported by the coalition, …" (a participle's subject is the phrase
/// it modifies); and a killing or attack whose agent is an attack named after it: "two soldiers
/// were killed in an Israeli strike", "… were killed following an ISIS attack".
///
/// Example: "Two Hezbollah commanders were killed by Israeli drones." → kill(Israel, Hezbollah).
struct PassiveClause: RelationRule {
  /// Words that tie a passive killing to the attack that did it ("in", "following", "during").
  static let eventLinks: Set<String> = ["in", "following", "during", "after", "amid", "by"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for g in a.parse.verbGroups.indices {
      guard a.parse.verbGroups[g].voice == .passive, !a.parse.verbGroups[g].isNegated,
        let hit = a.verbCue(startingAt: a.parse.verbGroups[g].head)
      else { continue }
      let group = a.parse.verbGroups[g]
      var sources = a.mentions(ofPhrases: group.agents).filter { a.isActor($0) }
      if sources.isEmpty, hit.cue.type == .kill || hit.cue.type == .attack {
        sources = attackAgents(after: group, in: a)
      }
      var targets = a.mentions(ofPhrases: group.subjects)
      // "the Asayish, backed by the SDF, …": a participle after a comma modifies the phrase before it.
      let start = group.range.lowerBound
      if group.form == .pastParticiple, start >= 2, a.tokens[start - 1].is(","),
        a.parse.nounPhraseAt[start - 2] >= 0
      {
        let before = a.mentions(ofPhrase: Int(a.parse.nounPhraseAt[start - 2]))
        if !before.isEmpty { targets = before }
      }
      // "A refinery in Samara was hit by drones": the place of an unowned thing hit, as in the active.
      if targets.isEmpty, hit.cue.type == .attack { targets = group.subjects.flatMap { a.placeOfThingHit($0) } }
      guard !sources.isEmpty, !targets.isEmpty else { continue }
      result.append(Finding(sources: sources, type: hit.cue.type, targets: targets, rule: id, cue: hit.range))
    }
    return result
  }

  /// The agents of the attack named right after a passive killing: its prepositional phrase
  /// ("in an Israeli strike"), or the object of "following" ("following an ISIS attack").
  func attackAgents(after group: VerbGroup, in a: SentenceAnalysis) -> [Int] {
    var phrases: [Int] = []
    for pp in group.obliques where Self.eventLinks.contains(a.parse.prepositionalPhrases[pp].word) {
      if let object = a.parse.prepositionalPhrases[pp].object { phrases.append(object) }
    }
    // "were killed, in addition to four wounded, following an attack carried out by …": the
    // link may come after a parenthetical phrase, within the clause.
    for other in a.parse.verbGroups where other.range.lowerBound >= group.range.upperBound {
      guard other.range.lowerBound - group.range.upperBound <= 12,
        !a.tokens[group.range.upperBound..<other.range.lowerBound].contains(where: { $0.lower == ";" })
      else { break }
      guard Self.eventLinks.contains(a.tokens[other.head].lower) else { continue }
      phrases += other.objects
      // The parser may have made the event the subject of the participle that reports it.
      let next = other.range.upperBound
      if other.objects.isEmpty, next < a.tokens.count, a.parse.nounPhraseAt[next] >= 0 {
        phrases.append(Int(a.parse.nounPhraseAt[next]))
      }
    }
    for p in phrases {
      let agents = a.eventAgents(ofPhrase: p)
      if !agents.isEmpty { return agents }
    }
    return []
  }
}
