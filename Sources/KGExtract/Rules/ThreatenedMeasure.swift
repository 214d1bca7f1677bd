import KGLanguage
import KGModel

/// A threat of a measure short of force: "Kerry threatened to cut all cooperation with Moscow",
/// "Ankara threatened to expel the envoys of Sweden", "Washington threatened to impose sanctions
/// on Damascus". Threatening consequences is a threat (CAMEO 13, GUIDELINES.md `threaten`); the
/// target is the first actor the threatened measure falls on. Threats of force are read by
/// `VowImpliesThreat` from the attack itself.
///
/// Example: "Kerry threatened to cut cooperation with Moscow." → threaten(John Kerry, Russia).
struct ThreatenedMeasure: RelationRule {
  static let threatening: Set<String> = ["threaten"]
  /// The prepositions that name whom a measure falls on.
  static let prepositions: Set<String> = ["with", "against", "on", "to", "from", "of"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for group in parse.verbGroups where !group.isNegated {
      // "threatened to cut": one group, whose governor is the threat; "threatened Wednesday to
      // cut": two groups.
      let threat: VerbGroup
      let cue: Int
      if let lemma = group.governorLemma {
        guard Self.threatening.contains(lemma) else { continue }
        threat = group
        cue = group.governor ?? group.range.lowerBound
      } else if let g = governorAcrossTime(of: group, in: a), Self.threatening.contains(parse.verbGroups[g].lemma),
        !parse.verbGroups[g].isNegated
      {
        threat = parse.verbGroups[g]
        cue = threat.head
      } else {
        continue
      }
      let sources = a.mentions(ofPhrases: threat.subjects).filter { a.isActor($0) }
      guard !sources.isEmpty else { continue }
      // The measure's objects first ("to expel Sweden's envoys"), then its prepositions in order.
      var targets = a.mentions(ofPhrases: group.objects).filter { a.isActor($0) }
      if targets.isEmpty {
        let attached = group.objects.flatMap { parse.nounPhrases[$0].attachments }
        for pp in attached + group.obliques where Self.prepositions.contains(parse.prepositionalPhrases[pp].word) {
          guard let object = parse.prepositionalPhrases[pp].object else { continue }
          targets = a.mentions(ofPhrase: object).filter { a.isActor($0) }
          if !targets.isEmpty { break }
        }
      }
      // Only the first party the measure names: "cut cooperation with Moscow on Syria".
      targets = targets.filter { t in !sources.contains { a.mentions[$0].entityID == a.mentions[t].entityID } }
      guard let first = targets.first else { continue }
      result.append(
        Finding(
          sources: sources, type: .threaten, targets: [first], rule: id, cue: cue..<(cue + 1),
          forced: (.asserted, nil)))
    }
    return result
  }

  /// "threatened Wednesday to cut …": the verb a "to" infinitive follows across a time phrase.
  func governorAcrossTime(of group: VerbGroup, in a: SentenceAnalysis) -> Int? {
    let start = group.range.lowerBound
    guard start >= 2, a.tokens[start].is("to") || a.tokens[start - 1].is("to") else { return nil }
    var k = a.tokens[start].is("to") ? start - 1 : start - 2
    var skipped = 0
    while k >= 0, skipped < 3, a.parse.verbGroupAt[k] < 0 {
      k -= 1
      skipped += 1
    }
    guard k >= 0, a.parse.verbGroupAt[k] >= 0 else { return nil }
    return Int(a.parse.verbGroupAt[k])
  }
}
