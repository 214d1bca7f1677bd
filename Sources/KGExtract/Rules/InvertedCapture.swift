import KGLanguage
import KGModel

/// A capture told from the side of what was taken (issue 14's "inverted verbs"): "Mosul fell to
/// ISIS" and "the town fell into the hands of the rebels" are capture(ISIS, Mosul); "the army lost
/// (control of) Wad Madani to the RSF" is capture(RSF, Wad Madani) and, as a place taken from a
/// party (`CaptureFrom`), attack(RSF, army).
///
/// The verbs are data (`falling_verbs`, `losing_verbs` in `lexicon.yaml`); a negated verb
/// ("has not fallen to") captures nothing.
///
/// Example: "Mosul fell to ISIS in June 2014." → capture(ISIS, Mosul).
struct InvertedCapture: RelationRule {
  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for g in parse.verbGroups.indices where !parse.verbGroups[g].isNegated && parse.verbGroups[g].voice == .active {
      let falling = a.verb(g, isIn: .fallingVerbs)
      guard falling || a.verb(g, isIn: .losingVerbs) else { continue }
      let group = parse.verbGroups[g]
      let captors = takers(of: group, in: a)
      guard !captors.isEmpty else { continue }
      let cue = group.head..<(group.head + 1)
      if falling {
        let taken = a.mentions(ofPhrases: group.subjects).filter { !captors.contains($0) }
        guard !taken.isEmpty else { continue }
        result.append(Finding(sources: captors, type: .capture, targets: taken, rule: id, cue: cue))
      } else {
        // "lost control of X": the "of" phrase of "control"; "lost X": the object.
        var taken: [Int] = []
        for object in group.objects {
          if a.tokens[parse.nounPhrases[object].head].is("control") {
            for pp in a.prepositionalPhrases(of: object) where parse.prepositionalPhrases[pp].word == "of" {
              if let place = parse.prepositionalPhrases[pp].object { taken += a.mentions(ofPhrase: place) }
            }
          } else {
            taken += a.mentions(ofPhrase: object)
          }
        }
        taken.removeAll { captors.contains($0) }
        guard !taken.isEmpty else { continue }
        result.append(Finding(sources: captors, type: .capture, targets: taken, rule: id, cue: cue))
        let losers = a.mentions(a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }, apartFrom: captors)
        if !losers.isEmpty {
          result.append(Finding(sources: captors, type: .attack, targets: losers, rule: id, cue: cue))
        }
      }
    }
    return result
  }

  /// Who takes: the actors of the verb's "to" phrase, or of "into the hands of X".
  func takers(of group: VerbGroup, in a: SentenceAnalysis) -> [Int] {
    let parse = a.parse
    for pp in group.obliques {
      guard let object = parse.prepositionalPhrases[pp].object else { continue }
      switch parse.prepositionalPhrases[pp].word {
      case "to":
        return a.mentions(ofPhrase: object).filter { a.isActor($0) }
      case "into" where a.tokens[parse.nounPhrases[object].head].is("hands"):
        for of in a.prepositionalPhrases(of: object) where parse.prepositionalPhrases[of].word == "of" {
          if let owner = parse.prepositionalPhrases[of].object {
            return a.mentions(ofPhrase: owner).filter { a.isActor($0) }
          }
        }
      default: continue
      }
    }
    return []
  }
}
