import KGLanguage
import KGModel

/// "X claimed responsibility for the attack on Y": a party's claim of its own act, which is
/// alleged by that party (GUIDELINES.md, "Own claims"). The act is the event noun of the "for"
/// phrase, its target the one the event names; a verb of claiming (`claiming_verbs` in
/// lexicon.yaml) with a `responsibility_nouns` object makes the construction.
///
/// Example: "The Houthis claimed responsibility for the drone attack on Abqaiq." →
/// attack(Houthis, Abqaiq), alleged by the Houthis.
struct ClaimedResponsibility: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for g in a.parse.verbGroups.indices
    where a.parse.verbGroups[g].voice == .active && !a.parse.verbGroups[g].isNegated
      && a.verb(g, isIn: .claimingVerbs)
    {
      let group = a.parse.verbGroups[g]
      guard
        group.objects.contains(where: {
          a.words.contains(a.tokens[a.parse.nounPhrases[$0].head], in: .responsibilityNouns)
        })
      else { continue }
      var claimants = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      if claimants.isEmpty, group.subjects.isEmpty, group.form == .finite {
        claimants = a.subjectAcrossParenthetical(before: group.range.lowerBound)
      }
      guard let claimant = claimants.first else { continue }
      // The act: the first event noun after "for" ("for the drone attack on …").
      var objects = group.objects.flatMap { a.prepositionalPhrases(of: $0) }
      objects += group.obliques
      for pp in objects where a.parse.prepositionalPhrases[pp].word == "for" {
        let range = a.parse.prepositionalPhrases[pp].range
        guard
          let event = a.cues.first(where: {
            $0.cue.form == .noun && range.contains($0.range.lowerBound) && $0.cue.type != .accuse
          })
        else { continue }
        let noun = a.tokens[event.range.upperBound - 1].lower
        guard let targets = NominalEvent().target(after: event.range.upperBound, noun: noun, in: a), !targets.isEmpty
        else { continue }
        result.append(
          Finding(
            sources: claimants, type: event.cue.type, targets: targets, rule: id, cue: event.range,
            forced: (.alleged, claimant)))
        break
      }
    }
    return result
  }
}
