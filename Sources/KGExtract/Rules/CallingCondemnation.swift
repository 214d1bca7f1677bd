import KGModel

/// "calling them an illegitimate force", "branded the strike a war crime", "called the move an act
/// of aggression": naming someone or their act by a condemning word is condemn (GUIDELINES.md:
/// condemn "call X illegitimate"). The condemning words are data (`condemning_words` in
/// `lexicon.yaml`).
///
/// Example: "Damascus called the Turkish incursion an act of aggression." → condemn(Syria, Turkey).
struct CallingCondemnation: RelationRule {
  static let verbs: WordSet = [
    "call", "calls", "called", "calling", "brand", "brands", "branded", "branding", "label", "labels", "labelled",
    "labeled", "labelling", "describe", "describes", "described", "describing", "term", "termed", "deem", "deemed",
    "dub", "dubbed",
  ]
  static let eventWords: WordSet = [
    "move", "attack", "strike", "strikes", "action", "operation", "raid", "bombing", "decision", "step",
  ]

  /// Words that stand for an earlier actor or its act.
  static let pronouns: WordSet = ["them", "it", "him", "her", "this"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    // Read once rather than through its lazy global at every token.
    let verbs = Self.verbs
    for i in a.tokens.indices where verbs.contains(a.tokens[i]) {
      let token = a.tokens[i]
      // The condemning word within the next eight tokens, before any clause break.
      var k = i + 1
      var found = false
      while k < a.tokens.count, k - i <= 9, ![".", ";", "?", "!"].contains(a.tokens[k].lower) {
        if a.words.contains(a.tokens[k], in: .condemningWords) {
          found = true
          break
        }
        k += 1
      }
      guard found else { continue }
      let speaker = a.subject(before: i) ?? (token.lower.hasSuffix("ing") ? a.mainSubject(before: i) : nil)
      guard let speaker else { continue }
      var target: Int?
      if let m = a.object(after: i + 1, limit: 3), m != speaker {
        target = m
      } else if i + 1 < a.tokens.count, Self.pronouns.contains(a.tokens[i + 1]) || a.tokens[i + 1].is("the") {
        // "compared the HSD to ISIS, calling them …": the main clause's object, the first actor after
        // the speaker that no preposition governs.
        var j = a.mentions[speaker].range.upperBound
        while j < i {
          if let m = a.mentionOfToken[j] {
            if a.isActor(m), a.mentions[m].entityID != a.mentions[speaker].entityID,
              a.governingPreposition(of: m) == nil,
              !a.mentions[m].isBareDemonym
            {
              target = m
              break
            }
            j = a.mentions[m].range.upperBound
            continue
          }
          j += 1
        }
      }
      // "called the move an act of aggression": the move is the event a possessor owns
      // ("the coalition's counterattack").
      if target == nil, i + 2 < a.tokens.count, a.tokens[i + 1].is("the"),
        Self.eventWords.contains(a.tokens[i + 2])
      {
        for (m, mention) in a.mentions.enumerated() where m != speaker && a.isActor(m) {
          let after = mention.range.upperBound
          if after + 1 < a.tokens.count, a.tokens[after].is("'s"),
            a.cues.contains(where: {
              $0.range.lowerBound == after + 1 && $0.cue.form == .noun && $0.cue.type == .attack
            })
          {
            target = m
            break
          }
        }
      }
      guard let target else { continue }
      result.append(Finding(sources: [speaker], type: .condemn, targets: [target], rule: id, cue: i..<(i + 1)))
    }
    return result
  }
}
