import KGModel

/// "Government forces", "the regime", "the army": forces and governments named by no state are
/// those of the country where the article's events happen (`host_country` in patterns.yaml).
extension MentionFinder {
  /// Counts the states this sentence names after a locative ("in Sudan", "in northern Yemen").
  func noteHostEvidence(_ tokens: [Token], hits: [MentionHit], state: inout DocumentState) {
    let words = patterns.hostCountry
    guard words.defaultState != nil else { return }
    for hit in hits where hit.origin != .reference && !hit.isBareDemonym {
      var k = hit.range.lowerBound - 1
      if k >= 0, words.modifiers.contains(tokens[k]) { k -= 1 }
      guard k >= 0, words.locatives.contains(tokens[k]), configuration.entityKinds[hit.entityID] == .state else {
        continue
      }
      state.hostEvidence[hit.entityID, default: 0] += 1
    }
  }

  /// The state named most often after a locative so far, when it is named so more often than
  /// the default state (ties go to the id first in alphabetical order, so that runs agree).
  func hostState(_ state: DocumentState) -> String? {
    guard let fallback = patterns.hostCountry.defaultState,
      let best = state.hostEvidence.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
      best.key != fallback, best.value > state.hostEvidence[fallback, default: 0]
    else { return nil }
    return best.key
  }

  /// The army of a state: what its demonym + "army" names in the dictionaries ("Sudanese army"
  /// is the Sudanese Armed Forces), if that is a military.
  func army(of stateID: String) -> String? {
    configuration.armies.value(for: stateID) { findArmy(of: stateID) }
  }

  private func findArmy(of stateID: String) -> String? {
    for demonym in dictionary.demonyms.filter({ $0.value == stateID }).keys.sorted() {
      guard let entry = dictionary.entry(forTokens: [demonym, "army"]),
        configuration.entityKinds[entry.entityID] == .military
      else { continue }
      return entry.entityID
    }
    return nil
  }

  /// Gives this sentence's nameless forces and governments ("government forces", "the regime")
  /// to the host state, when it is not the default one.
  func giveToHost(_ tokens: [Token], hits: inout [MentionHit], state: DocumentState) {
    let words = patterns.hostCountry
    guard let fallback = words.defaultState, let host = hostState(state) else { return }
    let fallbackArmy = army(of: fallback)
    for index in hits.indices where hits[index].origin == .dictionary {
      let id = hits[index].entityID
      guard id == fallback || id == fallbackArmy else { continue }
      let lowers = hits[index].range.map { tokens[$0].lower }
      if id == fallbackArmy, words.forces.contains(lowers), let army = army(of: host) {
        hits[index].entityID = army
      } else if id == fallback, words.governments.contains(lowers) {
        hits[index].entityID = host
      }
    }
  }

  /// "The army shelled RSF positions" with no army named before: the host state's army, when
  /// the host is not the default state.
  func hostArmy(for phrase: ReferencePhrase, state: DocumentState) -> String? {
    guard phrase.kinds == [.military], !phrase.coalition, let host = hostState(state) else { return nil }
    return army(of: host)
  }
}
