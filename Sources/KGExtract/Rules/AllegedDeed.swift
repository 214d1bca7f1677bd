import KGLanguage
import KGModel

/// A party that alleges or charges that another did something accuses it (GUIDELINES.md,
/// `accuse`: "accuse, blame, allege, charge"): the reporters of a clause reported by an alleging
/// verb (`alleging_verbs` in `lexicon.yaml`) accuse the actors that are its subject, whatever the
/// deed (the deed itself, when it is one of the relation types, is read by the other rules and
/// made alleged by the judge).
///
/// Example: "Britain alleged that Russia had used chemical weapons." → accuse(United Kingdom, Russia).
struct AllegedDeed: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for clause in parse.clauses where clause.kind == .reported {
      guard let verb = clause.reportingVerb, !parse.verbGroups[verb].isNegated,
        a.verb(verb, isIn: .allegingVerbs),
        let first = clause.verbGroups.first, !parse.verbGroups[first].subjectIsImplicit
      else { continue }
      let accusers = a.mentions(ofPhrases: clause.reporters).filter { a.isActor($0) }
      let subjects = a.mentions(ofPhrases: parse.verbGroups[first].subjects).filter { a.isActor($0) }
      let accused = a.mentions(subjects, apartFrom: accusers)
      guard !accusers.isEmpty, !accused.isEmpty else { continue }
      let cue = parse.verbGroups[verb].head
      result.append(
        Finding(
          sources: accusers, type: .accuse, targets: accused, rule: id, cue: cue..<(cue + 1),
          forced: (.asserted, nil)))
    }
    return result
  }
}
