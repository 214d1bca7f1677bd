import KGModel
import Testing

@testable import KGExtract

/// GUIDELINES.md, "Air defence": shooting down or intercepting missiles gives no edge; bringing
/// down an aircraft or a drone attacks the party it belongs to. Invented sentences.
struct AirDefenceTests {
  typealias Case = RoleRuleTests.Case

  static let cases: [Case] = [
    Case(
      sentence: "US warships shot down drones launched by the Houthis.", source: "united-states", type: .attack,
      target: "houthis"),
    Case(
      sentence: "Israel intercepted a drone launched by Hezbollah.", source: "israel", type: .attack,
      target: "hezbollah"),
    Case(
      sentence: "Turkey downed a Russian warplane near the border.", source: "turkey", type: .attack,
      target: "russia"),
    Case(
      sentence: "Hamas fighters shot down an Israeli helicopter.", source: "hamas", type: .attack, target: "israel"),
  ]

  @Test(arguments: cases) func aircraftBroughtDownAttacksItsOwner(_ c: Case) throws { try RoleRuleTests.check(c) }

  @Test(arguments: [
    "Ukraine shot down a Russian missile.",
    "Ukraine shot down three Russian cruise missiles over Kyiv.",
    "Israel's air defences intercepted rockets fired by Hamas.",
    "Saudi air defenses intercepted a ballistic missile fired by the Houthis.",
  ])
  func missilesBroughtDownAttackNoOne(_ sentence: String) throws {
    try ExtractionFixture.expectNo(.attack, in: sentence)
  }

  /// Firing missiles is still an attack; only bringing them down is not.
  @Test func firingMissilesStillAttacks() throws {
    let extraction = try ExtractionFixture.extract("Russia fired missiles at Ukraine.")
    #expect(extraction.edge("russia", .attack, "ukraine") != nil, "\(extraction.edgeSummary)")
  }
}
