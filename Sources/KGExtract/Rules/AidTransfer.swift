import KGLanguage
import KGModel

/// Handing arms or aid to an actor supports it (GUIDELINES.md, `support`: "arms, funds,
/// supplies"): a verb of handing over (`transfer_verbs` in lexicon.yaml) whose object names what
/// is handed (`aid_nouns`, or a `container_nouns` "of" it) and whose "to" phrase names the
/// actor; or whose object is the actor and whose "with" phrase names what it is given.
///
/// Example: "Germany delivered a new package of military aid to Ukraine." → support(Germany,
/// Ukraine); "Iran provided the Houthis with drones." → support(Iran, Houthis).
struct AidTransfer: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for g in a.parse.verbGroups.indices
    where a.parse.verbGroups[g].voice == .active && !a.parse.verbGroups[g].isNegated
      && a.verb(g, isIn: .transferVerbs)
    {
      let group = a.parse.verbGroups[g]
      // "accused of supplying X with arms": the accusation's rules give the charge.
      if group.form == .presentParticiple, group.range.lowerBound > 0,
        ActiveClause.gerundPrepositions.contains(a.tokens[group.range.lowerBound - 1])
      {
        continue
      }
      var sources = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      if sources.isEmpty, group.subjects.isEmpty, group.form == .finite {
        sources = a.subjectAcrossParenthetical(before: group.range.lowerBound)
      }
      guard !sources.isEmpty else { continue }
      var targets: [Int] = []
      for object in group.objects {
        if namesAid(object, in: a) {
          // "delivered tanks to Ukraine": the "to" phrase of the verb or of its object.
          targets += mentions(of: group, orOf: object, after: "to", in: a)
        } else if a.mentions(ofPhrase: object).contains(where: { a.isActor($0) }),
          objectsOf(group, orOf: object, after: "with", in: a).contains(where: { namesAid($0, in: a) })
        {
          // "provided the rebels with anti-tank missiles": the object is the one given to.
          targets += a.mentions(ofPhrase: object)
        }
      }
      targets = targets.filter { a.isActor($0) && !sources.contains($0) }
      guard !targets.isEmpty else { continue }
      // The cue is the verb, its auxiliaries and "to" before it, where modality reads them ("decided
      // to supply" is intended).
      let cue = group.head..<(group.head + 1)
      result.append(Finding(sources: sources, type: .support, targets: targets, rule: id, cue: cue))
    }
    return result
  }

  /// Whether a noun phrase names arms or aid: its head ("weapons", "military aid"), or the
  /// object of the "of" phrase of a container head ("a package of military aid").
  func namesAid(_ phrase: Int, in a: SentenceAnalysis) -> Bool {
    let np = a.parse.nounPhrases[phrase]
    for start in np.range.lowerBound...np.head {
      if let length = a.words.match(a.tokens, at: start, in: .aidNouns), start + length == np.head + 1 { return true }
    }
    guard a.words.contains(a.tokens[np.head], in: .containerNouns) else { return false }
    for pp in a.prepositionalPhrases(of: phrase) where a.parse.prepositionalPhrases[pp].word == "of" {
      if let object = a.parse.prepositionalPhrases[pp].object, object != phrase, namesAid(object, in: a) {
        return true
      }
    }
    return false
  }

  /// The objects of the prepositional phrases headed by `word`, of the verb group or of its
  /// object (and of the object's own "of" phrase: "a package of aid to Kyiv").
  func objectsOf(_ group: VerbGroup, orOf object: Int, after word: String, in a: SentenceAnalysis) -> [Int] {
    var phrases = group.obliques + a.prepositionalPhrases(of: object)
    for pp in a.prepositionalPhrases(of: object) where a.parse.prepositionalPhrases[pp].word == "of" {
      if let inner = a.parse.prepositionalPhrases[pp].object, inner != object {
        phrases += a.prepositionalPhrases(of: inner)
      }
    }
    var result: [Int] = []
    for pp in phrases where a.parse.prepositionalPhrases[pp].word == word {
      if let o = a.parse.prepositionalPhrases[pp].object, !result.contains(o) { result.append(o) }
    }
    return result
  }

  func mentions(of group: VerbGroup, orOf object: Int, after word: String, in a: SentenceAnalysis) -> [Int] {
    a.mentions(ofPhrases: objectsOf(group, orOf: object, after: word, in: a))
  }
}
