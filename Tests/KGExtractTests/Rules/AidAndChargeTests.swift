import KGModel
import Testing

@testable import KGExtract

/// Arms and aid handed to an actor (`AidTransfer`), a charge laid in the passive
/// (`PassiveAccusation`), meetings, and the speaker and owner of "its" across a parenthesis, on
/// invented sentences from several conflicts.
struct AidAndChargeTests {
  typealias Case = RoleRuleTests.Case

  static let cases: [Case] = [
    Case(
      sentence: "Germany delivered a new package of military aid to Ukraine on Friday.", source: "germany",
      type: .support, target: "ukraine", rule: "AidTransfer"),
    Case(
      sentence: "Iran provided the Houthis with drones and ballistic missiles.", source: "iran", type: .support,
      target: "houthis", rule: "AidTransfer"),
    Case(
      sentence: "The United States shipped 300 tanks to Ukraine last year.", source: "united-states",
      type: .support, target: "ukraine", rule: "AidTransfer"),
    Case(
      sentence: "Iran has been accused of supplying the Houthis with weapons.", source: "iran", type: .support,
      target: "houthis", modality: .alleged, rule: "PassiveAccusation"),
    Case(
      sentence: "The RSF was accused by Sudan's army of shelling El Fasher.", source: "rapid-support-forces",
      type: .attack, target: "el-fasher", modality: .alleged, rule: "PassiveAccusation"),
    Case(
      sentence: "Viktor Orban met Vladimir Putin in Moscow on Friday.", source: "viktor-orban", type: .cooperate,
      target: "vladimir-putin"),
  ]

  @Test(arguments: cases) func constructionGivesItsEdge(_ c: Case) throws { try RoleRuleTests.check(c) }

  @Test func troopsSentToACountryAreNoSupportOfIt() throws {
    let extraction = try ExtractionFixture.extract("Turkey sent troops to Syria.")
    #expect(extraction.edge("turkey", .support, "syria") == nil, "\(extraction.edgeSummary)")
  }

  @Test func aidDeniedOrToAPlaceSupportsNoOne() throws {
    let denied = try ExtractionFixture.extract("Russia did not send weapons to the Houthis.")
    #expect(!denied.edges.contains { $0.type == .support }, "\(denied.edgeSummary)")
    let place = try ExtractionFixture.extract("The UN delivered aid to Idlib city.")
    #expect(!place.edges.contains { $0.type == .support }, "\(place.edgeSummary)")
  }

  /// The charge is alleged by the one who lays it, and is not stated as a fact besides.
  @Test func thePassiveChargeIsAllegedByItsAgentOnly() throws {
    let extraction = try ExtractionFixture.extract("The RSF was accused by Sudan's army of shelling El Fasher.")
    let edge = try #require(extraction.edge("rapid-support-forces", .attack, "el-fasher"), "\(extraction.edgeSummary)")
    #expect(edge.provenance.allSatisfy { $0.modality == .alleged })
    #expect(edge.provenance.first?.claimant == "sudanese-armed-forces")
    let charged = try ExtractionFixture.extract("Iran has been accused of supplying the Houthis with weapons.")
    #expect(
      charged.edges.filter { $0.type == .support }.allSatisfy { $0.modality == .alleged }, "\(charged.edgeSummary)")
  }

  /// "The Sudanese army, led by General X, said its aircraft bombed …": the army speaks and owns
  /// the aircraft; the general in the parenthesis does neither.
  @Test func theSpeakerAndOwnerStandBeforeTheParenthesis() throws {
    let extraction = try ExtractionFixture.extract(
      "The Sudanese army, led by General Abdel Fattah al-Burhan, said its aircraft bombed RSF positions in Omdurman.")
    let edge = try #require(
      extraction.edge("sudanese-armed-forces", .attack, "rapid-support-forces"), "\(extraction.edgeSummary)")
    #expect(edge.provenance.first?.claimant == "sudanese-armed-forces")
    #expect(extraction.edge("abdel-fattah-al-burhan", .attack, "rapid-support-forces") == nil)
  }

  /// "a British-owned ship", "Turkish-made drones": the name modifies a thing; no edge reaches it.
  @Test func aNameThatModifiesAThingIsNoActor() throws {
    let seized = try ExtractionFixture.extract("The Houthis seized a British-owned cargo ship in the Red Sea.")
    #expect(seized.edge("houthis", .capture, "united-kingdom") == nil, "\(seized.edgeSummary)")
    let drones = try ExtractionFixture.extract("Turkish-made drones struck SDF positions near Kobani.")
    #expect(drones.edge("turkey", .attack, "sdf") == nil, "\(drones.edgeSummary)")
    let backed = try ExtractionFixture.extract("US-backed forces attacked ISIS.")
    #expect(backed.edge("united-states", .support, "sdf") != nil, "\(backed.edgeSummary)")
  }
}
