import KGLanguage
import KGModel

/// A cue verb in the active voice with its grammatical subject and object, read from the
/// language layer's roles: "Turkish troops on Saturday shelled Kurdish positions", "Iraqi and
/// Kurdish forces attacked and captured the town", "…, wounding a dozen soldiers" (the implicit
/// subject of a participle), "fired mortars at X" and "clashed with X" (the cue's preposition).
///
/// Example: "The SDF, backed by the United States, attacked ISIS." → attack(SDF, ISIS).
struct ActiveClause: RelationRule {
  /// Prepositions whose object an attack verb without an actor object hits ("fired mortars at X").
  static let attackPrepositions: Set<String> = ["at", "on", "against", "upon", "into"]
  /// Prepositions before a gerund whose subject is not the clause's ("of attacking", "for shelling").
  static let gerundPrepositions: WordSet = ["of", "for", "from", "over"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for g in a.parse.verbGroups.indices {
      // The group's fields are read in place; only a group with a cue is copied out.
      guard a.parse.verbGroups[g].voice == .active, !a.parse.verbGroups[g].isNegated,
        let hit = a.verbCue(startingAt: a.parse.verbGroups[g].head)
      else { continue }
      let group = a.parse.verbGroups[g]
      // "accused B of attacking C", "blamed B for shelling C": the gerund's subject is the object
      // before it (AccusationOf), not the clause's subject.
      if group.form == .presentParticiple, group.range.lowerBound > 0,
        Self.gerundPrepositions.contains(a.tokens[group.range.lowerBound - 1])
      {
        continue
      }
      var subjects = group.subjects
      // "An air strike attributed to Israel on eastern Syria has killed …"
      if subjects.isEmpty, group.form == .finite, let before = a.phraseBefore(verb: group.range.lowerBound),
        a.nounCue(at: a.parse.nounPhrases[before].head) != nil
      {
        subjects = [before]
      }
      // ", killing three soldiers": a participle after a comma takes the main clause's subject,
      // not the phrase just before it ("… in Damascus, Syria, killing …").
      if group.form == .presentParticiple, group.range.lowerBound > 0,
        a.tokens[group.range.lowerBound - 1].is(","),
        let parent = a.parse.clauses[group.clause].parent,
        let main = a.parse.clauses[parent].verbGroups.first.map({ a.parse.verbGroups[$0] }), !main.subjects.isEmpty
      {
        subjects = main.subjects
      }
      var sources = a.mentions(ofPhrases: subjects).filter { a.isActor($0) }
      // "the army, along with Russian troops, stormed the town": the partners act too.
      let partners = a.comitativePartners(before: group.range.lowerBound)
      if sources.isEmpty, !partners.mentions.isEmpty, let subject = a.comitativeHead(before: partners.start) {
        sources = [subject]
      }
      if !sources.isEmpty { for p in partners.mentions where !sources.contains(p) { sources.append(p) } }
      // "Overnight, US, British and French forces launched …": names before the commas of a list
      // whose last members are the subject's are members too.
      if sources.count >= 2, var k = sources.map({ a.mentions[$0].range.lowerBound }).min() {
        while k >= 2, a.tokens[k - 1].is(","), let m = a.mentionOfToken[k - 2], a.isActor(m),
          a.mentions[m].range.upperBound == k - 1, !sources.contains(m)
        {
          let before = a.mentions[m].range.lowerBound - 1
          guard before < 0 || [",", "the"].contains(a.tokens[before].lower) else { break }
          sources.insert(m, at: 0)
          k = a.mentions[m].range.lowerBound
        }
      }
      // A finite verb the parser left without a subject ("The SDF, backed by the US, attacked"):
      // the subject search over tokens, which steps over appositions and participle clauses.
      if sources.isEmpty, group.subjects.isEmpty, group.form == .finite {
        sources = a.subjectAcrossParenthetical(before: group.range.lowerBound)
      }
      // "A Turkish drone strike killed three fighters": an attack as subject acts for its agent.
      var forced: (Modality, claimantMention: Int?)? = nil
      if sources.isEmpty, hit.cue.type == .attack || hit.cue.type == .kill {
        sources = subjects.flatMap { a.eventAgents(ofPhrase: $0) }
      }
      // "The alleged Israeli strike killed …": what the event is called, the killing is.
      if subjects.contains(where: { a.isAllegedEvent($0) && a.nounCue(at: a.parse.nounPhrases[$0].head) != nil }) {
        forced = (.alleged, nil)
      }
      guard !sources.isEmpty else { continue }
      var targets: [Int]
      // (A cue whose particle follows the object, "drove ISIS out", covers the verb alone: its
      // target is the object.)
      if hit.cue.endsInPreposition, hit.range.count > 1, let preposition = hit.cue.tokens.last {
        targets = a.mentions(ofObliques: group, [preposition])
        // "claimed the lives of three fighters": the cue's own preposition, which the parser
        // attaches to the noun inside the cue.
        let last = hit.range.upperBound - 1
        if targets.isEmpty, hit.cue.tokens.count > 2, last < a.tokens.count, a.parse.prepositionalPhraseAt[last] >= 0,
          let object = a.parse.prepositionalPhrases[Int(a.parse.prepositionalPhraseAt[last])].object
        {
          targets = a.mentions(ofPhrase: object)
          // "took control of Syrian oilfields" takes the fields, not Syria.
          if hit.cue.type == .capture { targets.removeAll { a.mentions[$0].origin == .adjective } }
        }
      } else if hit.cue.lemma == "blame", !a.mentions(ofObliques: group, ["on", "onto"]).isEmpty {
        // "blamed the shelling on the rebels": the one blamed is the object of "on".
        targets = a.mentions(ofObliques: group, ["on", "onto"])
      } else {
        targets = a.mentions(ofPhrases: group.objects)
        if let last = group.objects.last { targets += a.listedMentions(after: last).filter { !targets.contains($0) } }
        if targets.isEmpty, hit.cue.type == .attack {
          targets = a.mentions(ofObliques: group, Self.attackPrepositions)
        }
        // "condemned the killing of aid workers by the RSF": the one an act is held against is
        // its agent.
        if targets.isEmpty, hit.cue.type == .condemn || hit.cue.type == .accuse {
          targets = a.parse.nominalEvents.filter {
            group.objects.contains($0.phrase) && a.nounCue(at: a.parse.nounPhrases[$0.phrase].head) != nil
          }.flatMap { a.mentions(ofPhrases: $0.agents).filter { a.isActor($0) } }
        }
        // "bombed a hospital in Ariha", "targeted a market in the town of Maaret al-Numan": what
        // was hit stands in the place named after it (GUIDELINES.md: the place was hit).
        if targets.isEmpty, hit.cue.type == .attack {
          targets = group.objects.flatMap { a.placeOfThingHit($0) }
        }
      }
      // "killed two officers – identified as X and Y", "killed five people, including Col. X": the
      // people named after an object that names no one.
      if targets.isEmpty {
        targets = a.includedMentions(after: group.range.upperBound).filter { a.isActor($0) }
      }
      guard !targets.isEmpty else { continue }
      // "killed 10 people, including two SDF commanders"
      targets += a.includedMentions(after: group.range.upperBound).filter { !targets.contains($0) }
      var type = hit.cue.type
      // "warned Israel that any attack would be met with force" threatens; "warned X to halt" demands.
      if hit.cue.lemma == "warn", let object = targets.first {
        let after = a.mentions[object].range.upperBound
        if after < a.tokens.count, ["that", "of"].contains(a.tokens[after].lower) { type = .threaten }
      }
      result.append(Finding(sources: sources, type: type, targets: targets, rule: id, cue: hit.range, forced: forced))
    }
    return result
  }
}
