import KGLanguage
import KGModel

/// A threat in the idioms of conflict rhetoric: "Iran warned that Israel would pay a heavy price",
/// "the regime will regret it, Tehran said", "warned the regime not to play with fire". The one
/// who will pay, regret or get burnt is threatened (CAMEO 13, GUIDELINES.md `threaten`: "threatens
/// with force or consequences"), by whoever says it: the reporter of the clause, or the subject
/// of the warning whose object plays with fire.
///
/// Example: "Iran warned that Israel would pay a heavy price." → threaten(Iran, Israel).
struct ThreatIdiom: RelationRule {
  /// The idioms, lowercased, from the verb on.
  static let idioms: [[String]] = [
    ["pay", "a", "heavy", "price"], ["pay", "a", "high", "price"], ["pay", "a", "price"], ["pay", "the", "price"],
    ["pay", "dearly"], ["regret"], ["face", "the", "consequences"], ["face", "consequences"],
    ["face", "serious", "consequences"], ["face", "grave", "consequences"], ["play", "with", "fire"],
    ["be", "punished"], ["go", "unpunished"], ["go", "unanswered"], ["be", "met", "with", "force"],
  ]

  /// The first words of `idioms` other than "be", and the forms of "be" before a "be" idiom's verb.
  static let idiomVerbs = WordSet(idioms.map { $0[0] }.filter { $0 != "be" })
  static let beForms: WordSet = ["be", "been", "being"]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    let parse = a.parse
    for g in parse.verbGroups.indices {
      guard let end = idiom(at: parse.verbGroups[g].head, in: a) else { continue }
      let group = parse.verbGroups[g]
      let warning = group.form == .infinitive ? governingWarning(of: group, in: a) : nil
      // "would not go unpunished" threatens as "would be punished" does; "will not regret" does not;
      // a warning "not to play with fire" is one.
      let negatedIdiom = a.tokens[group.head].is("go")
      guard group.isNegated == negatedIdiom || warning != nil else { continue }
      var targets = a.mentions(ofPhrases: group.subjects).filter { a.isActor($0) }
      var speakers: [Int] = []
      // "warned the regime not to play with fire": the warning's object, by its subject.
      if let warn = warning {
        targets = a.mentions(ofPhrases: warn.objects).filter { a.isActor($0) }
        speakers = a.mentions(ofPhrases: warn.subjects).filter { a.isActor($0) }
      } else {
        // "According to Hezbollah, Israel will regret it": the party's own threat, without a verb.
        speakers = a.reporters(ofClauseHolding: group.head, verbless: true) ?? []
      }
      targets = a.mentions(targets, apartFrom: speakers)
      guard !speakers.isEmpty, !targets.isEmpty else { continue }
      result.append(
        Finding(
          sources: speakers, type: .threaten, targets: targets, rule: id, cue: group.head..<end,
          forced: (.asserted, nil)))
    }
    return result
  }

  /// Where the idiom that starts at the verb `head` ends, if one does ("be punished" starts at
  /// the auxiliary, which the group holds before its head).
  func idiom(at head: Int, in a: SentenceAnalysis) -> Int? {
    let tokens = a.tokens
    // Most verbs open no idiom: one probe each for the auxiliary and the verb passes them over.
    let afterBe = head >= 1 && Self.beForms.contains(tokens[head - 1])
    guard afterBe || (head < a.parse.lemmas.count && Self.idiomVerbs.contains(a.parse.lemmas[head])) else {
      return nil
    }
    for words in Self.idioms {
      // The verb is inflected ("paid", "regretted", "playing"): compare its lemma.
      var start = head
      if words[0] == "be" {
        guard head >= 1, ["be", "been", "being"].contains(tokens[head - 1].lower) else { continue }
        start = head - 1
      } else {
        guard head < a.parse.lemmas.count, a.parse.lemmas[head] == words[0] else { continue }
      }
      guard start + words.count <= tokens.count,
        zip(words.dropFirst(), tokens[(start + 1)...]).allSatisfy({ $0 == $1.lower })
      else { continue }
      return start + words.count
    }
    return nil
  }

  /// The "warned X (not) to …" group whose infinitive `group` is.
  func governingWarning(of group: VerbGroup, in a: SentenceAnalysis) -> VerbGroup? {
    var k = group.range.lowerBound - 1
    while k >= 0, group.range.lowerBound - k <= 8 {
      if a.parse.verbGroupAt[k] >= 0 {
        let warn = a.parse.verbGroups[Int(a.parse.verbGroupAt[k])]
        return warn.lemma == "warn" && !warn.objects.isEmpty ? warn : nil
      }
      k -= 1
    }
    return nil
  }
}
