import KGLanguage
import KGModel

/// Laying responsibility on a party blames it (GUIDELINES.md, "Conventions", "Blame"):
/// accuse(speaker, party), asserted, for
/// - "held Israel fully responsible for the attack" (a holding verb, its object, a blame predicate),
///   and "Russia must be held accountable, Zelensky said" (the passive, said by a party);
/// - "Moscow said Kyiv was responsible for the blast", "the US is to blame, Tehran said" (a
///   party's blame predicate in a clause that another party reports);
/// - "Damascus said Ankara bears full responsibility for the shelling";
/// - "all responsibility rests with Washington and London", said by a party;
/// - "Kyiv put the blame for the blast on Moscow" (a laying verb, a responsibility noun, "on").
///
/// The words are data (`constructions` in `lexicon.yaml`); a negated verb ("is not responsible")
/// blames no one.
///
/// Example: "Iran held Israel responsible for the attack." → accuse(Iran, Israel).
struct ResponsibilityClaim: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for g in parse.verbGroups.indices where !parse.verbGroups[g].isNegated {
      let lemma = parse.verbGroups[g].lemma
      // One probe for every list the branches below test the lemma against.
      let lists = a.verbLists[g]
      if parse.verbGroups[g].voice == .passive {
        // "Russia must be held accountable for the attack, Zelensky said": the one held, by the
        // passive's agent or whoever says it.
        guard lists.contains(.holdingVerbs),
          blamePredicate(after: parse.verbGroups[g].range.upperBound, in: a) != nil
        else { continue }
        let group = parse.verbGroups[g]
        let accused = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
        var accusers = a.mentions(ofPhrases: group.agents).filter { a.isActor($0) }
        if accusers.isEmpty { accusers = a.reporters(ofClauseHolding: group.head) ?? [] }
        append(accusers, accused, cue: group.head, to: &result, in: a)
        continue
      }
      // Most verbs are none of those read below: the group is copied only for the others. (Each
      // branch below opens with one of these tests: a new branch adds its own here.)
      guard
        lemma == "be" || parse.verbGroups[g].governorLemma == "be" || lists.contains(.holdingVerbs)
          || lists.contains(.bearingVerbs) || lists.contains(.restingVerbs) || lists.contains(.layingVerbs)
      else { continue }
      let group = parse.verbGroups[g]
      if lists.contains(.holdingVerbs) {
        // "held Israel (fully) responsible": the object, then the predicate.
        for object in group.objects {
          guard blamePredicate(after: parse.nounPhrases[object].range.upperBound, in: a) != nil else { continue }
          let accused = a.mentions(ofPhrase: object).filter { a.isActor($0) }
          let accusers = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
          append(accusers, accused, cue: group.head, to: &result, in: a)
        }
      } else if let start = lemma == "be"
        ? group.range.upperBound : (group.governorLemma == "be" ? group.head - 1 : nil),
        blamePredicate(after: start, in: a) != nil
      {
        // "Kyiv was responsible for the blast", "the Houthis are to blame", said by another party.
        let accused = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
        append(a.reporters(ofClauseHolding: group.head) ?? [], accused, cue: group.head, to: &result, in: a)
      } else if lists.contains(.bearingVerbs),
        group.objects.contains(where: {
          a.words.contains(a.tokens[parse.nounPhrases[$0].head], in: .responsibilityNouns)
        })
      {
        // "Ankara bears full responsibility for the shelling."
        let accused = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
        append(a.reporters(ofClauseHolding: group.head) ?? [], accused, cue: group.head, to: &result, in: a)
      } else if lists.contains(.layingVerbs),
        group.objects.contains(where: {
          a.words.contains(a.tokens[parse.nounPhrases[$0].head], in: .responsibilityNouns)
        })
      {
        // "Kyiv put the blame for the explosion on Russia", "laid responsibility on Hamas".
        let accused = a.mentions(ofObliques: group, ["on", "onto", "upon"]).filter { a.isActor($0) }
        let accusers = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
        append(accusers, accused, cue: group.head, to: &result, in: a)
      } else if lists.contains(.restingVerbs),
        let subject = group.subjects.first,
        a.words.contains(a.tokens[parse.nounPhrases[subject].head], in: .responsibilityNouns)
      {
        // "all responsibility for them rests with Washington, London and Paris"
        let named = a.mentions(ofObliques: group, ["with", "on", "upon"]).filter { a.isActor($0) }
        guard let first = named.first else { continue }
        var accused = a.coordinatedRight(from: first).filter { a.isActor($0) }
        for m in named where !accused.contains(m) { accused.append(m) }
        append(speakers(of: subject, clauseOf: group.head, in: a), accused, cue: group.head, to: &result, in: a)
      }
    }
    return result
  }

  /// Where a blame predicate ("responsible", "to blame") starting at `position` ends, past
  /// adverbs ("fully", "directly", "solely"); nil when none starts there.
  func blamePredicate(after position: Int, in a: SentenceAnalysis) -> Int? {
    var k = position
    while k < a.tokens.count, k < a.parse.tags.count, a.parse.tags[k].isAdverb {
      // "was not responsible": the chunker may leave the negation outside the verb group.
      if ["not", "n't", "never"].contains(a.tokens[k].lower) { return nil }
      k += 1
    }
    guard k < a.tokens.count, let length = a.words.match(a.tokens, at: k, in: .blamePredicates) else { return nil }
    return k + length
  }

  /// Who says that responsibility (phrase `subject`) rests somewhere: the reporters of its clause,
  /// or the subject of a verb of speaking that the parser gave the phrase as its object ("Moscow
  /// said all responsibility … rests with X").
  func speakers(of subject: Int, clauseOf token: Int, in a: SentenceAnalysis) -> [Int] {
    if let reporters = a.reporters(ofClauseHolding: token), !reporters.isEmpty { return reporters }
    guard
      let saying = a.parse.verbGroups.first(where: {
        $0.objects.contains(subject) && a.words.contains(a.tokens[$0.head], in: .speakingVerbs)
      })
    else { return [] }
    return a.mentions(ofPhrases: saying.subjects).filter { a.isActor($0) }
  }

  func append(_ accusers: [Int], _ accused: [Int], cue: Int, to result: inout [Finding], in a: SentenceAnalysis) {
    let blamed = a.mentions(accused, apartFrom: accusers)
    guard !accusers.isEmpty, !blamed.isEmpty else { return }
    result.append(
      Finding(
        sources: accusers, type: .accuse, targets: blamed, rule: id, cue: cue..<(cue + 1), forced: (.asserted, nil)))
  }
}
