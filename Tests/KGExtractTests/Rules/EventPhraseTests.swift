import KGModel
import Testing

@testable import KGExtract

/// Event nouns with their participants (`EventPhrase`): the possessor acts ("Iran's support for
/// the Houthis"), a possessive pronoun stands for the actor named before it ("its support"), a
/// support noun benefits its "for"/"to" phrase; support cut or suspended is none. Invented
/// sentences from several conflicts.
struct EventPhraseTests {
  typealias Case = RoleRuleTests.Case

  static let cases: [Case] = [
    Case(
      sentence: "Iran's support for the Houthis has angered Riyadh.", source: "iran", type: .support,
      target: "houthis", rule: "EventPhrase"),
    Case(
      sentence: "Russia's continuing support for Assad dismayed the West.", source: "russia", type: .support,
      target: "bashar-al-assad", rule: "EventPhrase"),
    Case(
      sentence: "Germany's military aid to Ukraine rose sharply last year.", source: "germany", type: .support,
      target: "ukraine", rule: "EventPhrase"),
    Case(
      sentence: "Iran stepped up its support for the Houthis.", source: "iran", type: .support, target: "houthis",
      rule: "EventPhrase"),
    Case(
      sentence: "Turkey's offensive against the YPG drew criticism.", source: "turkey", type: .attack, target: "ypg",
      rule: "EventPhrase"),
    Case(
      sentence: "The RSF said its shelling of El Fasher was a response.", source: "rapid-support-forces",
      type: .attack, target: "el-fasher", modality: .alleged, rule: "EventPhrase"),
  ]

  @Test(arguments: cases) func eventWithItsParticipants(_ c: Case) throws { try RoleRuleTests.check(c) }

  @Test(arguments: [
    "Washington cut its aid to the SDF.",
    "The United States suspended military assistance to Niger.",
  ])
  func supportEndedIsNone(_ sentence: String) throws {
    try ExtractionFixture.expectNo(.support, in: sentence)
  }

  /// "ISIS's killing of the pilot shocked Jordan": the pilot was killed, not Jordan, which the
  /// next verb takes.
  @Test func noTargetAcrossTheNextVerb() throws {
    try ExtractionFixture.expectNo(.kill, in: "ISIS's killing of the pilot shocked Jordan.")
  }
}
