extension ParsedSentence: CustomStringConvertible, CustomDebugStringConvertible {
  /// Tags, bracketed chunks, clauses and roles, one block each; what `kg explain` shows.
  ///
  /// ```
  /// tags:    Rebels/NNS seized/VBD the/DT town/NN ./.
  /// chunks:  [NP Rebels] [VG seized] [NP the town] .
  /// clause 0 main "Rebels seized the town"
  ///   seize (past active): subject [Rebels] object [the town]
  /// ```
  public var description: String {
    var out = "tags:    " + taggedText + "\n"
    out += "chunks:  " + bracketed + "\n"
    for (c, clause) in clauses.enumerated() {
      out += "clause \(c) \(clause.kind.rawValue)"
      if let parent = clause.parent { out += " (in \(parent))" }
      out += " \"\(text(of: clause.range))\""
      if let antecedent = clause.antecedent { out += " antecedent [\(text(of: nounPhrases[antecedent]))]" }
      if !clause.reporters.isEmpty { out += " reported by " + list(clause.reporters) }
      out += "\n"
      for v in clause.verbGroups { out += "  " + describe(verbGroups[v]) + "\n" }
    }
    for event in nominalEvents {
      out += "event [\(text(of: nounPhrases[event.phrase]))]"
      if !event.agents.isEmpty { out += " agent " + list(event.agents) }
      if !event.targets.isEmpty { out += " target " + list(event.targets) }
      out += "\n"
    }
    return out
  }

  public var debugDescription: String { description }

  /// "word/TAG" for every token.
  public var taggedText: String {
    words.indices.map { "\(words[$0].text)/\(tags[$0])" }.joined(separator: " ")
  }

  /// The sentence with its phrases in brackets: `[NP the town] [VG was shelled] [PP on [NP Monday]]`.
  public var bracketed: String {
    var parts: [String] = []
    var i = 0
    while i < words.count {
      if prepositionalPhraseAt[i] >= 0, prepositionalPhrases[Int(prepositionalPhraseAt[i])].range.lowerBound == i {
        let pp = prepositionalPhrases[Int(prepositionalPhraseAt[i])]
        var inner = text(
          of: pp.range.lowerBound..<(pp.object.map { nounPhrases[$0].range.lowerBound } ?? pp.range.upperBound))
        if let object = pp.object { inner += " [NP \(text(of: nounPhrases[object].range))]" }
        parts.append("[PP\(pp.kind == .other ? "" : "-" + pp.kind.rawValue) \(inner)]")
        i = pp.range.upperBound
      } else if nounPhraseAt[i] >= 0 {
        let np = nounPhrases[Int(nounPhraseAt[i])]
        parts.append("[NP \(text(of: np.range))]")
        i = np.range.upperBound
      } else if verbGroupAt[i] >= 0 {
        let vg = verbGroups[Int(verbGroupAt[i])]
        parts.append("[VG \(text(of: vg.range))]")
        i = vg.range.upperBound
      } else {
        parts.append(words[i].text)
        i += 1
      }
    }
    return parts.joined(separator: " ")
  }

  private func list(_ phrases: [Int]) -> String { "[" + texts(phrases).joined(separator: "; ") + "]" }

  private func describe(_ v: VerbGroup) -> String {
    var out = "\(v.lemma) (\(v.tense.rawValue) \(v.voice.rawValue)"
    if v.form != .finite { out += " \(v.form.rawValue)" }
    if v.isNegated { out += " negated" }
    if let modal = v.modal { out += " modal=\(modal)" }
    if let governor = v.governorLemma { out += " governor=\(governor)" }
    if v.isPerfect { out += " perfect" }
    if v.isProgressive { out += " progressive" }
    out += "):"
    if !v.subjects.isEmpty { out += " subject\(v.subjectIsImplicit ? " (implicit)" : "") " + list(v.subjects) }
    if !v.objects.isEmpty { out += " object " + list(v.objects) }
    if !v.agents.isEmpty { out += " agent " + list(v.agents) }
    for p in v.obliques {
      let pp = prepositionalPhrases[p]
      out += " \(pp.word) [\(pp.object.map { text(of: nounPhrases[$0]) } ?? "")]"
    }
    return out
  }
}
