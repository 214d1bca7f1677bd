import KGModel

/// "A attacked B", "A and B backed C", "A has been training B": a cue verb with its subject to the
/// left and its object to the right (GUIDELINES.md, "Relations").
///
/// Example: "Turkish jets bombed YPG positions near Afrin." → attack(Turkey, YPG).
struct ActiveVoice: RelationRule {
  /// Words before a cue that make it a noun ("the attack", "its support").
  static let nominalMarkers: WordSet = [
    "the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "such", "'s", "any", "no", "of",
  ]

  func findings(in a: SentenceAnalysis) -> [Finding] {
    var result: [Finding] = []
    for hit in a.cues where hit.cue.form != .noun {
      let start = hit.range.lowerBound
      let end = hit.range.upperBound
      if hit.cue.form == .participle || hit.cue.form == .past {
        // Passive ("was attacked", "forces backed by") belongs to PassiveVoice.
        if end < a.tokens.count, a.tokens[end].is("by") { continue }
        if start > 0,
          ["was", "were", "been", "being", "is", "are", "be", "get", "got"].contains(a.tokens[start - 1].lower),
          !a.tokens[hit.range.upperBound - 1].is("with")
        {
          continue
        }
      }
      // "accused B of attacking C" belongs to AccusationOf.
      if hit.cue.form == .gerund, start > 0, ["of", "for", "by"].contains(a.tokens[start - 1].lower),
        a.cues.contains(where: { $0.cue.type == .accuse && $0.range.upperBound <= start })
      {
        continue
      }
      // "state-sponsored terrorists", "the attack": an adjective or a noun, not a verb.
      if start > 0, a.tokens[start - 1].is("-"), !a.tokens[start].spaceBefore { continue }
      // ("of cleaning ISIS" stays verbal: a gerund after "of" still takes an object.)
      if start > 0, Self.nominalMarkers.contains(a.tokens[start - 1]),
        !(hit.cue.form == .gerund && a.tokens[start - 1].is("of"))
      {
        continue
      }
      // "mortar and rocket fire on B": the verb reading sits inside a longer event noun.
      if a.cues.contains(where: { $0.cue.form == .noun && $0.range.lowerBound < start && $0.range.contains(start) }) {
        continue
      }
      // A participle clause without its own subject takes the main clause's
      // ("…, threatening the town of Sukhna"; "… met up at the border preparing for …").
      let participleFallback = hit.cue.form == .gerund && start > 0 && a.tokens[start - 1].is(",")
      guard let subject = a.subject(before: start) ?? (participleFallback ? a.mainSubject(before: start) : nil) else {
        continue
      }
      var sources = a.group(of: subject).filter { a.mentions[$0].range.lowerBound < start }
      // "SDF members supported by coalition aircraft repelled …": the supported actor acts too.
      let s0 = a.mentions[sources[0]].range.lowerBound
      if s0 >= 2, a.tokens[s0 - 1].is("by") || a.tokens[max(0, s0 - 2)].is("by"),
        let participle = a.cues.first(where: {
          ($0.range.upperBound == s0 - 1 || $0.range.upperBound == s0 - 2) && $0.cue.type == .support
        }),
        let supported = a.subject(before: participle.range.lowerBound)
      {
        // The supporter fights alongside ("… supported by coalition aircraft repelled …"), but does not
        // itself take, hold or detain.
        if hit.cue.type == .attack || hit.cue.type == .kill {
          sources.insert(supported, at: 0)
        } else {
          sources = [supported]
        }
      }
      // "warned that Israel would pay a price" demands nothing (`ThreatIdiom` reads a threat in it).
      if hit.cue.lemma == "warn", end < a.tokens.count, a.tokens[end].is("that") { continue }
      // "demanded that the Security Council act"
      let objectStart = hit.cue.type == .demand && end < a.tokens.count && a.tokens[end].is("that") ? end + 1 : end
      guard let object = a.object(after: objectStart) else { continue }
      var type = hit.cue.type
      // "warned Israel that any attack would be met with force" is a threat, "warned X to halt" a demand.
      if hit.cue.lemma == "warn" {
        let after = a.mentions[object].range.upperBound
        if after < a.tokens.count, ["that", "of"].contains(a.tokens[after].lower) { type = .threaten }
      }
      result.append(
        Finding(
          sources: sources, type: type, targets: a.coordinatedRight(from: object),
          rule: id, cue: hit.range))
    }
    return result
  }
}
