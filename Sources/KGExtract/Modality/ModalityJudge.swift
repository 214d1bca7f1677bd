import KGModel

/// Decides how the article presents a finding: negated (no edge), hypothetical, alleged (and by
/// whom) or asserted (GUIDELINES.md, "Modality and attribution").
struct ModalityJudge {
  let lexicon: Lexicon

  /// Relation types that are themselves speech acts: "Russia accused the US" is a fact about Russia.
  static let speechActs: Set<RelationType> = [.accuse, .condemn, .threaten, .demand]

  /// Quotes that open a quotation.
  static let openingQuotes: WordSet = ["\"", "“", "'", "‘"]
  /// Sentence-final marks, not counted as words of a closing reporting clause.
  static let closingMarks: WordSet = [".", "\"", "”", "!", "?"]
  /// Punctuation before the speaker of a reporting clause (", the army said").
  static let reportingClauseOpeners: WordSet = [",", "\"", "”", "“"]
  /// Punctuation a speaker's phrase does not span.
  static let phraseBreakers: WordSet = [",", "\"", "”", "“", ";", ":"]
  /// Words that negate the participant they stand before ("no U.S. troops").
  static let participantNegators: WordSet = ["no", "neither", "nor"]
  /// Verbs of denial, which negate what they govern.
  static let denials: WordSet = ["denied", "denies", "deny", "denying"]
  /// Verbs that govern an infinitive as a claim, not an intent ("claimed to have killed").
  static let claimGovernors: Set<String> = ["claim", "allege", "say", "report", "believe", "purport"]
  /// Conjunctions that join a verb to the one before it ("stayed and has warned").
  static let verbCoordinators: WordSet = ["and", "but"]
  /// "to be", "to have" before the cue mark intent as a bare "to" does.
  static let infinitiveAuxiliaries: WordSet = ["be", "have"]

  /// nil when the finding is negated.
  func judge(_ f: Finding, in a: SentenceAnalysis) -> (Modality, claimant: Int?)? {
    if let forced = f.forced { return (forced.0, forced.claimantMention) }
    let cueStart = f.cue.lowerBound
    let participantStarts = (f.sources + f.targets).map { a.mentions[$0].range.lowerBound }
    let firstMention = participantStarts.min() ?? cueStart
    // From just before the participants to the cue; a subject far before the cue brings its modal
    // ("X should then be able to make short work of cleaning Y").
    let sourceEnd = f.sources.map { a.mentions[$0].range.upperBound }.filter { $0 <= cueStart }.max()
    let reach = sourceEnd.map { max(7, min(14, cueStart - $0)) } ?? 7
    var windowStart = max(a.clauseStart(of: cueStart), min(firstMention, cueStart) - 2, cueStart - reach)
    // "it would stay, and has warned the regime": a verb with its own tense after "and" does not
    // take the modal of the verb it is coordinated with (a bare "and attack" does).
    if cueStart < a.parse.verbGroupAt.count, a.parse.verbGroupAt[cueStart] >= 0 {
      let group = a.parse.verbGroups[Int(a.parse.verbGroupAt[cueStart])]
      let before = group.range.lowerBound - 1
      if group.tense != .none, group.modal == nil, before >= 0, Self.verbCoordinators.contains(a.tokens[before]) {
        windowStart = max(windowStart, group.range.lowerBound)
      }
    }
    // The window's tokens (their hashes make the phrase probes below cheap).
    var window = Array(a.tokens[max(0, windowStart)..<cueStart])
    // "not only defeating X" affirms.
    if let notOnly = window.indices.first(where: {
      $0 + 1 < window.count && window[$0].is("not") && window[$0 + 1].is("only")
    }) {
      window.removeSubrange(notOnly...(notOnly + 1))
    }
    // "No U.S. troops …": "no" right before a participant.
    if participantStarts.contains(where: { $0 > 0 && Self.participantNegators.contains(a.tokens[$0 - 1]) }) {
      return nil
    }
    // "denied attacking", "denied that …" negate what they govern; "denied the accusations and
    // blamed X" does not negate the blaming.
    var negationWindow = window
    if let denial = negationWindow.lastIndex(where: { Self.denials.contains($0) }) {
      let after = negationWindow[(denial + 1)...]
      if after.count > 2 && !after.contains(where: { $0.is("that") }) { negationWindow.remove(at: denial) }
    }
    if lexicon.negation.occurs(in: negationWindow) { return nil }
    // For an event noun, "to halt X's fire" does not make the fire hypothetical; "to launch an attack" does.
    if f.cue.count >= 1, a.cues.contains(where: { $0.range == f.cue && $0.cue.form == .noun }) {
      // "vowed more attacks on X", "is planning an offensive against Y": the event is intended.
      // "vowed to step up attacks on X", "vowed to uphold coordination with Y": the verb taking
      // the event is itself intended.
      if let g = a.governingGroup(ofObjectToken: cueStart), a.isIntent(a.parse.verbGroups[g]) {
        return a.parse.verbGroups[g].isNegated ? nil : (.hypothetical, nil)
      }
      var kept: [Token] = []
      for (k, w) in window.enumerated() {
        if w.is("to"), k + 1 < window.count, !NominalEvent.lightVerbs.contains(window[k + 1]) { continue }
        kept.append(w)
      }
      window = kept
    }
    // A bare "to" marks intent only right before the cue's verb ("to attack"; not "according to X, …");
    // longer cues ("able to", "plans to") count anywhere in the window.
    let infinitive =
      window.last?.lower == "to"
      || (window.count >= 2 && window[window.count - 2].is("to")
        && Self.infinitiveAuxiliaries.contains(window.last!))
    // "X claimed to have killed …", "Y is said to have shelled …": a claim of a past deed, the
    // governing verb's subject making it.
    if cueStart < a.parse.verbGroupAt.count, a.parse.verbGroupAt[cueStart] >= 0 {
      let group = a.parse.verbGroups[Int(a.parse.verbGroupAt[cueStart])]
      if group.head == cueStart, let governor = group.governorLemma, Self.claimGovernors.contains(governor),
        !group.isNegated
      {
        let speaker = a.mentions(ofPhrases: group.subjects).first { a.isActor($0) }
        return (.alleged, group.subjectIsImplicit ? nil : speaker)
      }
    }
    let clause = a.tokens[a.clauseStart(of: cueStart)..<cueStart]
    if lexicon.hypothetical.occurs(in: window, excluding: ["to"]) || infinitive
      || clause.contains(where: { $0.is("if") }) || clause.contains(where: { $0.is("unless") })
    {
      return (.hypothetical, nil)
    }
    let sentenceLowers = a.tokens.map(\.lower)
    if let (claimant, found) = attribution(for: f, in: a, lowers: sentenceLowers), found { return (.alleged, claimant) }
    // A quotation introduced by the sentence before ("SANA reported on two letters:").
    if let first = a.tokens.first, Self.openingQuotes.contains(first),
      a.previousEndsWithColon || a.inOpenQuotation, !Self.speechActs.contains(f.type)
    {
      return (.alleged, nil)
    }
    if lexicon.alleged.occurs(in: a.tokens) { return (.alleged, nil) }
    return (.asserted, nil)
  }

  /// Who the sentence attributes the finding to: "according to X", "X said (that) …", "…, X said".
  /// Returns (claimant mention or nil for unnamed sources, whether an attribution was found).
  /// `lowers` are the sentence's lowercased tokens.
  func attribution(for f: Finding, in a: SentenceAnalysis, lowers: [String]) -> (Int?, Bool)? {
    // "according to X": the first listed preposition found, where it first occurs.
    if let (phrase, s) = lexicon.attributionPrepositions.firstOccurrence(in: a.tokens) {
      // "X announced that …, according to Y": Y reports X's claim; X makes it.
      if s > f.cue.upperBound, let inner = reporter(before: f.cue.lowerBound, in: a, lowers: lowers) {
        return (inner, true)
      }
      if s + phrase.count < lowers.count, let m = a.object(after: s + phrase.count, limit: 4), !a.isLocation(m) {
        return (m, true)
      }
      return (nil, true)
    }
    // "X said …" / "…, X said"
    for (i, lower) in lowers.enumerated()
    where lexicon.attributionVerbs.contains(a.tokens[i]) && !f.cue.contains(i) && a.mentionOfToken[i] == nil {
      // Another cue of the same finding's kind at this spot means this verb is a relation, not a report.
      if a.cues.contains(where: { $0.range.contains(i) && Self.speechActs.contains($0.cue.type) }) { continue }
      // "X told Reuters": the one told is the listener; "…, notes Reuters": an inverted speaker.
      let tells = ["told", "tell", "tells", "telling"].contains(lower)
      // The parse's subject before the verb: "The spokesman of the army, Nabil Abdallah, said";
      // when it names no one ("The army said the RSF shelled …"), the speaker is unnamed, not
      // the actor after the verb.
      let parsedSubjects =
        a.parse.verbGroups.first { $0.head == i }?.subjects.filter { a.parse.nounPhrases[$0].range.lowerBound < i }
        ?? []
      var speaker =
        a.subject(before: i, limit: 4) ?? a.mentions(ofPhrases: parsedSubjects).first { a.isActor($0) }
        ?? speakerInPhrase(before: i, in: a)
        // "The Sudanese army, led by General X, said …": the subject before the parenthetical.
        ?? (parsedSubjects.isEmpty ? a.subjectAcrossParenthetical(before: i).first : nil)
        ?? (tells || !parsedSubjects.isEmpty ? nil : a.object(after: i + 1, limit: 2))
      if i > f.cue.lowerBound {
        // A reporting clause closing the sentence ("…, a Hezbollah media unit said.").
        let between = lowers[f.cue.upperBound..<i]
        guard between.contains(",") || between.contains("\"") || between.contains("”") || between.contains("“") else {
          continue
        }
        let rest = lowers[(i + 1)...].filter { !Self.closingMarks.contains($0) }
        // "…, the army said." or "…, the army said, after …"
        let midClause = i + 1 < lowers.count && lowers[i + 1] == ","
        guard rest.count <= 6 || midClause else { continue }
        // The reporting clause is just a speaker: ", the army said" — not ", an offensive that Ankara says …".
        let opener = lowers[..<i].lastIndex { Self.reportingClauseOpeners.contains($0) } ?? 0
        let speakerPart = lowers[(opener + 1)..<i]
        guard speakerPart.count <= 10,
          !speakerPart.contains(where: { ["that", "which", "who", "whom", "whose"].contains($0) })
        else { continue }
        // "Hamas slammed Israel, saying it had …": a participle after the comma goes on with the
        // subject's words; it reports nothing about the clause before it.
        if speakerPart.isEmpty, lowers[i].hasSuffix("ing") { continue }
        // "…, a commander in the Houthis, the ministry said": a speaker that names no one is
        // unnamed, not the last actor before its comma.
        if let s = speaker, opener > 0, a.mentions[s].range.lowerBound <= opener { speaker = nil }
      } else {
        // "X said (that) …" — but not "X, which announced …, is still fighting Y".
        let between = lowers[(i + 1)..<f.cue.lowerBound]
        guard
          between.contains("that") || between.contains("\"") || between.contains("“") || between.contains(":")
            || (between.count <= 6 && !between.contains(","))
        else { continue }
      }
      if let speaker, Self.speechActs.contains(f.type),
        f.sources.contains(where: { a.mentions[$0].entityID == a.mentions[speaker].entityID })
      {
        return (nil, false)
      }
      if let speaker, a.isLocation(speaker) { continue }
      return (speaker, true)
    }
    return nil
  }
}

extension ModalityJudge {
  /// The actor who says "that …" before `cue`: "X announced on Saturday that <cue>".
  func reporter(before cue: Int, in a: SentenceAnalysis, lowers: [String]) -> Int? {
    guard let that = lowers[..<cue].lastIndex(of: "that"), that > 0 else { return nil }
    var i = that - 1
    while i > 0, that - i <= 6, !a.attributionVerb(i, lexicon) { i -= 1 }
    guard a.attributionVerb(i, lexicon),
      let speaker = a.subject(before: i, limit: 4) ?? speakerInPhrase(before: i, in: a),
      a.isActor(speaker)
    else { return nil }
    return speaker
  }

  /// "a commander in the pro-Iranian militias said": the actor inside the speaker's phrase.
  func speakerInPhrase(before i: Int, in a: SentenceAnalysis) -> Int? {
    var k = i - 1
    while k >= 0, i - k <= 8 {
      if Self.phraseBreakers.contains(a.tokens[k]) { return nil }
      if let m = a.mentionOfToken[k], a.isActor(m) { return m }
      k -= 1
    }
    return nil
  }
}

extension SentenceAnalysis {
  func attributionVerb(_ i: Int, _ lexicon: Lexicon) -> Bool {
    i >= 0 && lexicon.attributionVerbs.contains(tokens[i]) && mentionOfToken[i] == nil
  }

  func isLocation(_ m: Int) -> Bool { mentionKinds[m] == .location }
}
