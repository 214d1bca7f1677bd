import KGModel
import Testing

@testable import KGExtract

/// A promised punishment threatens the punished (`PunishmentThreat`), on invented sentences from
/// several conflicts; a punishment denied or done threatens no one, and names no attack.
struct PunishmentThreatTests {
  typealias Case = RoleRuleTests.Case

  static let cases: [Case] = [
    Case(
      sentence: "Iran vowed to punish Israel for the strike on its embassy.", source: "iran", type: .threaten,
      target: "israel", rule: "PunishmentThreat"),
    Case(
      sentence: "The Sudanese army pledged to punish the RSF for the massacre.", source: "sudanese-armed-forces",
      type: .threaten, target: "rapid-support-forces", rule: "PunishmentThreat"),
    Case(
      sentence: "\"Hamas will be punished,\" Netanyahu said.", source: "benjamin-netanyahu", type: .threaten,
      target: "hamas", rule: "PunishmentThreat"),
    Case(
      sentence: "Russia will punish Ukraine for the attack, the Kremlin said.", source: "russia", type: .threaten,
      target: "ukraine", rule: "PunishmentThreat"),
  ]

  @Test(arguments: cases) func promisedPunishmentThreatens(_ c: Case) throws { try RoleRuleTests.check(c) }

  @Test(arguments: [
    "Washington said Moscow would not be punished.",
    "The court punished the RSF commander last year.",
    "Iran vowed never to punish Iraq.",
  ])
  func noPromiseNoThreat(_ sentence: String) throws {
    try ExtractionFixture.expectNo(.threaten, in: sentence)
  }

  @Test func aPunishmentIsNoAttack() throws {
    try ExtractionFixture.expectNo(.attack, in: "Iran vowed to punish Israel.")
  }
}
