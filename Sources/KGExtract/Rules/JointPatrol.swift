import KGLanguage
import KGModel

/// Forces that patrol or train together cooperate (GUIDELINES.md: cooperate, "Coalitions"):
/// coordinated subjects of a verb of joint activity ("Turkish and Russian soldiers patrolling
/// the zone"), and the parties of a joint patrol or exercise ("a joint patrol of US troops and
/// the SDF", "Russia and Syria held joint exercises", "Iran's joint drills with Russia"). The
/// verbs and nouns are data (`joint_activity_verbs`, `joint_activity_nouns` in `lexicon.yaml`);
/// a noun needs "joint" before it.
///
/// Example: "Russian and Turkish troops held a joint patrol near Kobani." → cooperate(Russia, Turkey).
struct JointPatrol: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    // Groups and phrases are tested in place and copied only when they qualify (a copy retains
    // and releases each of their arrays).
    for g in parse.verbGroups.indices
    where !parse.verbGroups[g].isNegated && a.verb(g, isIn: .jointActivityVerbs) {
      let group = parse.verbGroups[g]
      // "Turkish and Russian soldiers patrolling": every actor the subject phrases name.
      var parties = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      for p in group.subjects {
        for (m, mention) in a.mentions.enumerated()
        where a.isActor(m) && !parties.contains(m) && parse.nounPhrases[p].range.contains(mention.range.lowerBound) {
          parties.append(m)
        }
      }
      pair(parties, cue: group.head, into: &result, in: a)
    }
    for p in parse.nounPhrases.indices {
      let head = parse.nounPhrases[p].head
      guard a.words.contains(a.tokens[head], in: .jointActivityNouns),
        parse.nounPhrases[p].range.contains(where: { $0 < head && a.tokens[$0].is("joint") })
      else { continue }
      let phrase = parse.nounPhrases[p]
      var parties: [Int] = []
      // "a joint patrol of US troops and the SDF", "joint exercises between Russia and Iran"
      for pp in a.prepositionalPhrases(of: p)
      where ["of", "by", "between", "with"].contains(parse.prepositionalPhrases[pp].word) {
        guard let object = parse.prepositionalPhrases[pp].object else { continue }
        for m in a.mentions(ofPhrase: object) where a.isActor(m) {
          for c in a.coordinatedRight(from: m) where a.isActor(c) && !parties.contains(c) { parties.append(c) }
        }
      }
      // "Russia and Syria held joint exercises (with Iran)": the subjects of the verb that holds
      // them, and its "with" ("rebels ambushed a joint patrol" are no party to it).
      if let group = parse.verbGroups.first(where: {
        !$0.isNegated && $0.objects.contains(p)
          && (NominalEvent.lightVerbs.contains(a.tokens[$0.head]) || a.words.contains($0.lemma, in: .holdingVerbs))
      }) {
        for m in a.mentions(ofPhrases: group.subjects) + a.mentions(ofObliques: group, ["with"])
        where a.isActor(m) && !parties.contains(m) {
          parties.append(m)
        }
      }
      // "Iran's joint drills with Russia"
      if let possessor = phrase.possessor {
        for m in a.mentions(ofPhrase: possessor) where a.isActor(m) && !parties.contains(m) { parties.append(m) }
      }
      pair(parties, cue: head, into: &result, in: a)
    }
    return result
  }

  /// Every pair of distinct actors among `parties` cooperates.
  func pair(_ parties: [Int], cue: Int, into result: inout [Finding], in a: SentenceAnalysis) {
    for (k, x) in parties.enumerated() {
      for y in parties[(k + 1)...] where a.side(a.mentions[x].entityID) != a.side(a.mentions[y].entityID) {
        result.append(Finding(sources: [x], type: .cooperate, targets: [y], rule: id, cue: cue..<(cue + 1)))
      }
    }
  }
}
