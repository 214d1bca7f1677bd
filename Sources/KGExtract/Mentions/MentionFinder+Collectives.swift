import KGModel

/// Parties an article treats as one actor without naming it: "rebels", "Syrian rebels",
/// "opposition fighters", "the rebel factions". Each becomes an entity named by the article's
/// first phrase for it, and later phrases of the same kind in the document are that entity; a
/// group the article itself calls "… rebels" ("Houthi rebels") is what "the rebels" means after.
extension MentionFinder {
  func findCollectiveParties(
    _ tokens: [Token], covered: inout [Bool], hits: inout [MentionHit], state: inout DocumentState
  ) {
    let words = patterns.names
    for hit in hits where hit.origin != .reference && hit.range.count >= 2 {
      let last = tokens[hit.range.upperBound - 1]
      if words.collectiveNouns.contains(last) { state.collectives[last.lower] = hit.entityID }
    }
    var i = 0
    while i < tokens.count {
      defer { i += 1 }
      guard !covered[i] else { continue }
      let token = tokens[i]
      var end: Int
      if words.collectiveNouns.contains(token) {
        end = i + 1
      } else if words.collectiveModifiers.contains(token), i + 1 < tokens.count, !covered[i + 1],
        words.collectiveTails.contains(tokens[i + 1])
      {
        end = i + 2
      } else {
        continue
      }
      // "rebel-held", "rebels'" are not the party acting.
      if end < tokens.count, tokens[end].is("-"), !tokens[end].spaceBefore { continue }
      let key = "rebels"
      var start = i
      let demonym = hits.firstIndex { $0.range.upperBound == i && $0.isBareDemonym }
      if let d = demonym { start = hits[d].range.lowerBound }
      let id: String
      if let known = state.collectives[key] {
        id = known
      } else {
        let name = text(tokens, start..<end)
        id = state.discover(Entity(id: Entity.slug(name), name: name, kind: .armedGroup))
        state.typeEvidence[id] = "a party the article names by '\(tokens[end - 1].text)'"
        state.collectives[key] = id
      }
      if let d = demonym { hits.remove(at: d) }
      claim(id, start..<end, covered: &covered, hits: &hits)
      i = end - 1
    }
  }
}
