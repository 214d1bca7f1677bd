import KGModel

/// A party that says another did something hostile accuses it (GUIDELINES.md, "Conventions",
/// "Blame"): an alleged attack, killing, detention or threat whose claimant is a state, body,
/// armed group, person or a state's official media, on another side than the act's source, gives
/// accuse(claimant, source), asserted. A monitor or news outlet reporting an event accuses no one,
/// and a party's claim about its own side is no accusation ("Own claims").
///
/// Example: "The SDF said Turkish drones struck a car in Qamishli." → attack(Turkey, …) alleged by
/// the SDF, and accuse(SDF, Turkey).
struct AllegationIsAccusation: StatementDerivation {
  static let hostile: Set<RelationType> = [.attack, .kill, .detain, .threaten]

  func derive(from statements: [RelationStatement], context: StatementContext) -> [RelationStatement] {
    var result: [RelationStatement] = []
    for statement in statements where Self.hostile.contains(statement.type) {
      let p = statement.provenance
      guard p.modality == .alleged, let claimant = p.claimant, isParty(claimant, context: context),
        context.root(claimant) != context.root(statement.source), claimant != statement.source
      else { continue }
      var provenance = p
      provenance.rule = id
      provenance.modality = .asserted
      provenance.claimant = nil
      result.append(
        RelationStatement(source: claimant, type: .accuse, target: statement.source, provenance: provenance))
    }
    return result
  }

  /// A side of the conflict speaking for itself: not a place, and an organisation only as a
  /// state's media or body (part of a state).
  func isParty(_ id: String, context: StatementContext) -> Bool {
    switch context.kind(id) {
    case .state, .military, .governmentBody, .armedGroup, .person: return true
    case .organization: return context.partOf(id).map { context.kind($0) == .state } ?? false
    case .location, nil: return false
    }
  }
}
