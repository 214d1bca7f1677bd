import KGLanguage
import KGModel

/// An event noun with its participants, read from the language layer's phrases: "X's shelling of
/// Y", "air strikes by X on Y", "an air campaign against Y by X", and the event a light verb's
/// subject carries out ("X launched an offensive against Y").
///
/// Example: "Airstrikes carried out by Russian warplanes on Atareb killed four." → attack(Russia, Atareb).
struct EventPhrase: RelationRule {
  static let targetPrepositions: Set<String> = ["on", "against", "at", "upon", "targeting", "into"]
  /// Prepositions whose object a support noun benefits ("support for the Houthis", "aid to Kyiv").
  static let beneficiaryPrepositions: Set<String> = ["for", "to"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for p in parse.nounPhrases.indices {
      guard let hit = a.eventCue(ofPhrase: p), hit.cue.type != .cooperate else { continue }
      // "Washington cut its aid to the SDF": support ended is none.
      if hit.cue.type == .support, let g = a.governingGroup(ofObjectToken: parse.nounPhrases[p].head),
        a.verb(g, isIn: .endingVerbs)
      {
        continue
      }
      let phrase = parse.nounPhrases[p]
      var agents: [Int] = []
      var targets: [Int] = []
      for pp in phrase.attachments {
        let prep = parse.prepositionalPhrases[pp]
        guard let object = prep.object else { continue }
        if prep.word == "by" {
          agents += a.mentions(ofPhrase: object)
        } else if Self.targetPrepositions.contains(prep.word)
          || (prep.word == "of" && NominalEvent.patientOf.contains(a.tokens[phrase.head]))
          || (hit.cue.type == .support && Self.beneficiaryPrepositions.contains(prep.word))
        {
          targets += a.mentions(ofPhrase: object)
          targets += a.listedMentions(after: object).filter { !targets.contains($0) }
        }
      }
      // "airstrikes carried out by the Russian warplanes on al-Atareb, …": a light verb's
      // participle right after the event gives its agent and target; so does a passive one after
      // the event's own phrases ("the attack on the base was carried out by X").
      var next = phrase.range.upperBound
      while next < a.tokens.count, parse.prepositionalPhraseAt[next] >= 0,
        phrase.attachments.contains(Int(parse.prepositionalPhraseAt[next]))
      {
        next = parse.prepositionalPhrases[Int(parse.prepositionalPhraseAt[next])].range.upperBound
      }
      if next < a.tokens.count, parse.verbGroupAt[next] >= 0 {
        let group = parse.verbGroups[Int(parse.verbGroupAt[next])]
        if group.range.lowerBound == next, NominalEvent.lightVerbs.contains(a.tokens[group.head]) {
          // The phrases after the participle, up to the next verb ("carried out by X on Y"):
          // the parser may not attach them to it across the particle.
          var following = group.obliques
          var k = group.range.upperBound
          while k < a.tokens.count, k < group.range.upperBound + 40, parse.verbGroupAt[k] < 0 {
            let pp = Int(parse.prepositionalPhraseAt[k])
            if pp >= 0 {
              if !following.contains(pp) { following.append(pp) }
              k = max(k + 1, parse.prepositionalPhrases[pp].range.upperBound)
            } else {
              k += 1
            }
          }
          for pp in following {
            let prep = parse.prepositionalPhrases[pp]
            guard let object = prep.object else { continue }
            if prep.word == "by", agents.isEmpty {
              agents = a.mentions(ofPhrase: object)
            } else if Self.targetPrepositions.contains(prep.word) {
              targets += a.mentions(ofPhrase: object).filter { !targets.contains($0) }
              targets += a.listedMentions(after: object).filter { !targets.contains($0) }
            }
          }
          if agents.isEmpty { agents = a.mentions(ofPhrases: group.agents) }
        }
      }
      // "Russian airstrikes", "ISIS's attack on": a name before the head, or the possessor.
      if agents.isEmpty {
        var k = phrase.head - 1
        while k >= phrase.range.lowerBound, agents.isEmpty {
          if let m = a.mentionOfToken[k] { agents = [m] }
          k -= 1
        }
      }
      if agents.isEmpty { agents = a.possessorMentions(ofPhrase: p) }
      // "Iran said its support for the Houthis would go on": whom the possessive pronoun stands for.
      if agents.isEmpty, let referent = a.possessiveReferent(ofPhrase: p) { agents = [referent] }
      // "the advance of the SAA against ISIS", "repeated attacks of the coalition on X": an actor
      // after "of" acts, unless the noun takes its patient there ("the shelling of Hama").
      if agents.isEmpty, !NominalEvent.patientOf.contains(a.tokens[phrase.head]) {
        if let of = a.prepositionalPhrases(of: p).first(where: { parse.prepositionalPhrases[$0].word == "of" }),
          let object = parse.prepositionalPhrases[of].object
        {
          agents = a.mentions(ofPhrase: object).filter { a.isActor($0) && !targets.contains($0) }
        }
      }
      // "X launched an offensive against Y": the light verb's subject, and its own "against Y".
      if let group = a.lightVerb(taking: p) {
        if agents.isEmpty {
          agents = a.mentions(ofPhrases: group.subjects)
          // "The army, together with allied militias, launched an offensive": the partners too.
          let partners = a.comitativePartners(before: group.range.lowerBound)
          if !agents.isEmpty { agents += partners.mentions.filter { !agents.contains($0) } }
        }
        if targets.isEmpty { targets = a.mentions(ofObliques: group, Self.targetPrepositions) }
      }
      // "Iran threatened strikes on Israel", "the RSF is planning an offensive against the army":
      // who intends the event carries it out (the judge makes it hypothetical).
      if agents.isEmpty, let g = a.governingGroup(ofObjectToken: phrase.head), a.isIntent(parse.verbGroups[g]) {
        agents = a.mentions(ofPhrases: parse.verbGroups[g].subjects)
      }
      agents = agents.filter { a.isActor($0) }
      // "strikes against areas along the border, including the villages of A, B and C"
      if !agents.isEmpty {
        targets += a.includedMentions(after: phrase.range.upperBound).filter {
          !targets.contains($0) && !agents.contains($0)
        }
      }
      guard !agents.isEmpty, !targets.isEmpty else { continue }
      let forced: (Modality, claimantMention: Int?)? = a.isAllegedEvent(p) ? (.alleged, nil) : nil
      result.append(
        Finding(sources: agents, type: hit.cue.type, targets: targets, rule: id, cue: hit.range, forced: forced))
    }
    return result
  }
}
