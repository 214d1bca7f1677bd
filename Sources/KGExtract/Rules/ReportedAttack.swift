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
    for p in parse.nounPhrases.indices {
      guard let hit = a.nounCue(at: parse.nounPhrases[p].head), hit.cue.type == .attack || hit.cue.type == .kill
      else { continue }
      let phrase = parse.nounPhrases[p]
      // "said the US strikes were a violation of international law" condemns an act it does not
      // dispute (CondemningPredicate).
      if a.condemningPredicate(ofSubject: p) != nil { continue }
      // "warned that it would respond to any Israeli attack": an attack that may come is reported
      // as no deed.
      if isUnreal(p, in: a) { continue }
      var agents = a.eventAgents(ofPhrase: p)
      // "warned Moscow not to escalate the war": an infinitive asks or intends; it reports nothing.
      if agents.isEmpty, let group = a.lightVerb(taking: p), group.form != .infinitive, !group.isNegated {
        agents = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      }
      guard !agents.isEmpty, let reporters = a.reporters(ofClauseHolding: phrase.head), !reporters.isEmpty else {
        continue
      }
      let accusers = a.mentions(reporters, apartFrom: agents)
      guard !accusers.isEmpty else { continue }
      result.append(
        Finding(sources: accusers, type: .accuse, targets: agents, rule: id, cue: hit.range, forced: (.asserted, nil)))
    }
    return result
  }

  /// Determiners and modifiers of an event that has not happened ("any attack", "a possible
  /// strike", "future attacks").
  static let unrealWords: WordSet = ["any", "every", "no", "possible", "potential", "future", "eventual"]

  /// Whether phrase `p` names an attack that has not happened: by its own words, or as the object
  /// or prepositional object of a verb with a modal or an infinitive ("would respond to an attack");
  /// an attack to be halted is going on ("warned the US to halt SDF mortar fire").
  func isUnreal(_ p: Int, in a: SentenceAnalysis) -> Bool {
    let phrase = a.parse.nounPhrases[p]
    if let d = phrase.determiner, Self.unrealWords.contains(a.tokens[d]) { return true }
    if phrase.modifiers.contains(where: { Self.unrealWords.contains(a.tokens[$0]) }) { return true }
    // The groups are read in place, not copied out.
    let groups = a.parse.verbGroups
    return groups.indices.contains { g in
      (groups[g].modal != nil || groups[g].form == .infinitive) && !a.verb(g, isIn: .endingVerbs)
        && (groups[g].objects.contains(p)
          || groups[g].obliques.contains { a.parse.prepositionalPhrases[$0].object == p })
    }
  }
}
