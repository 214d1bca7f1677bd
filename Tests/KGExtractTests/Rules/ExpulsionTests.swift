import KGModel
import Testing

@testable import KGExtract

/// Expelling a state's envoys breaks off relations (CAMEO 16), it attacks no one; expelling
/// fighters from a place is still an attack. Invented sentences, several fronts.
struct ExpulsionTests {
  typealias Case = RoleRuleTests.Case

  @Test(arguments: [
    "Burkina Faso's junta expelled French diplomats.",
    "Turkey expelled the Dutch ambassador.",
    "French diplomats were expelled by Mali.",
    "Russia expelled the US envoy and two British diplomats.",
  ])
  func expellingEnvoysAttacksNoOne(_ sentence: String) throws {
    try ExtractionFixture.expectNo(.attack, in: sentence)
  }

  static let forces: [Case] = [
    Case(sentence: "The SDF expelled ISIS from Raqqa.", source: "sdf", type: .attack, target: "isis"),
    Case(sentence: "Turkish forces expelled YPG fighters from Afrin.", source: "turkey", type: .attack, target: "ypg"),
    Case(
      sentence: "The Ukrainian army ousted Russian troops from Kherson.", source: "armed-forces-of-ukraine",
      type: .attack, target: "russia"),
  ]

  @Test(arguments: forces) func expellingFightersStillAttacks(_ c: Case) throws { try RoleRuleTests.check(c) }
}
