import KGLanguage
import KGModel

/// A vow of retaliation whose target is the author of the attack it answers: "Iran is vowing to
/// hit back after an alleged Israeli strike", "Hezbollah vowed revenge for the assassination of
/// its commander by Israel". GUIDELINES.md (Conventions, vows of retaliation): the vow is
/// `threaten` (asserted) and the retaliation against a named target a `hypothetical` `attack`.
/// A vow that names its target itself ("vowed to retaliate against Israel") is read by
/// `VowImpliesThreat` from the attack cue.
///
/// Example: "Iran vowed to hit back after an Israeli strike." → threaten(Iran, Israel) and
/// attack(Iran, Israel), hypothetical.
struct RetaliationVow: RelationRule {
  /// What a retaliation is called after "to" ("vowed to hit back") or right after the vow
  /// ("vowed revenge"), as lowercased words.
  static let retaliations: [[String]] = [
    ["hit", "back"], ["strike", "back"], ["fight", "back"], ["retaliate"], ["respond"], ["avenge"],
    ["take", "revenge"], ["exact", "revenge"], ["seek", "revenge"], ["revenge"], ["retaliation"], ["vengeance"],
    ["a", "response"], ["a", "harsh", "response"], ["a", "strong", "response"], ["a", "crushing", "response"],
    ["a", "decisive", "response"],
  ]
  /// The words that tie the vow to the attack it answers.
  static let answering: WordSet = ["after", "for", "over", "following", "to"]
  /// The words after which the target itself is named ("vowed revenge against Israel").
  static let direct: WordSet = ["against", "on"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let tokens = a.tokens
    for v in tokens.indices where VowImpliesThreat.vows.contains(tokens[v]) {
      var k = v + 1
      if k < tokens.count, tokens[k].is("to") { k += 1 }
      guard let end = retaliation(at: k, in: tokens) else { continue }
      // The vower: the subject of the vow's verb group.
      guard let g = v < a.parse.verbGroupAt.count ? Int(a.parse.verbGroupAt[v]) : nil, g >= 0,
        !a.parse.verbGroups[g].isNegated
      else { continue }
      let sources = a.mentions(ofPhrases: a.parse.verbGroups[g].subjects).filter { a.isActor($0) }
      guard !sources.isEmpty else { continue }
      let named: [Int]
      if tokens[end - 1].is("avenge"), end < tokens.count, a.parse.nounPhraseAt[end] >= 0 {
        // "vowed to avenge the killing of its commander by Israel": the object is the act answered.
        named = a.eventAgents(ofPhrase: Int(a.parse.nounPhraseAt[end]))
      } else {
        // "… after an alleged Israeli strike": the attack answered, right after the retaliation.
        var j = end
        while j < tokens.count, tokens[j].isWord, !Self.answering.contains(tokens[j]),
          !Self.direct.contains(tokens[j]), j - end < 3
        {
          j += 1
        }
        guard j + 1 < tokens.count, Self.answering.contains(tokens[j]) || Self.direct.contains(tokens[j]),
          a.parse.nounPhraseAt[j + 1] >= 0
        else { continue }
        let phrase = Int(a.parse.nounPhraseAt[j + 1])
        // "vowed revenge against Israel" names the target; "after an Israeli strike" its author.
        named = Self.direct.contains(tokens[j]) ? a.mentions(ofPhrase: phrase) : a.eventAgents(ofPhrase: phrase)
      }
      let sides = Set(sources.map { a.side(a.mentions[$0].entityID) })
      let targets = named.filter { a.isActor($0) && !sides.contains(a.side(a.mentions[$0].entityID)) }
      guard !targets.isEmpty else { continue }
      let cue = v..<end
      result.append(
        Finding(sources: sources, type: .threaten, targets: targets, rule: id, cue: cue, forced: (.asserted, nil)))
      result.append(
        Finding(sources: sources, type: .attack, targets: targets, rule: id, cue: cue, forced: (.hypothetical, nil)))
    }
    result += futureRetaliations(in: a)
    return result
  }

  /// "Hezbollah warned that it would respond to any Israeli attack", "Iran will retaliate for the
  /// strike, the minister said": a retaliation in the future tense, said by a party (or by its
  /// named subject), threatens the author of the act it answers or the target it names.
  func futureRetaliations(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for g in parse.verbGroups.indices where !parse.verbGroups[g].isNegated {
      guard let modal = parse.verbGroups[g].modal, VowImpliesThreat.futureModals.contains(modal),
        let end = retaliation(at: parse.verbGroups[g].head, in: a.tokens)
      else { continue }
      let group = parse.verbGroups[g]
      var sources = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      // "warned that it would respond": whoever commits to it.
      if sources.isEmpty { sources = VowImpliesThreat.speakers(committingTo: group, in: a).filter { a.isActor($0) } }
      guard !sources.isEmpty else { continue }
      var named: [Int] = []
      // The phrase right after the verb ("respond to any Israeli attack"), not one of its object's
      // ("… attack on Lebanon").
      for pp in group.obliques.prefix(1) where parse.prepositionalPhrases[pp].range.lowerBound == end {
        guard let object = parse.prepositionalPhrases[pp].object else { continue }
        let word = parse.prepositionalPhrases[pp].word
        if Self.direct.contains(word) || word == "at" {
          named += a.mentions(ofPhrase: object)
        } else if Self.answering.contains(word) {
          named += a.eventAgents(ofPhrase: object)
        }
      }
      let targets = a.mentions(named.filter { a.isActor($0) }, apartFrom: sources)
      guard !targets.isEmpty else { continue }
      result.append(
        Finding(
          sources: sources, type: .threaten, targets: targets, rule: id, cue: group.head..<end,
          forced: (.asserted, nil)))
    }
    return result
  }

  /// Where the retaliation that starts at `start` ends, if one does.
  func retaliation(at start: Int, in tokens: [Token]) -> Int? {
    for words in Self.retaliations where start + words.count <= tokens.count {
      if zip(words, tokens[start..<(start + words.count)]).allSatisfy({ $0 == $1.lower }) {
        return start + words.count
      }
    }
    return nil
  }
}
