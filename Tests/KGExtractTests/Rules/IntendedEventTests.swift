import KGModel
import Testing

@testable import KGExtract

/// An attack named as the object of a verb of intent is intended, not done ("is planning an
/// offensive against"); when the verb is a vow it threatens the target as well (GUIDELINES.md,
/// "Vows of retaliation"). Drones launched or fired at a target attack it. Invented sentences from
/// several conflicts.
struct IntendedEventTests {
  typealias Case = RoleRuleTests.Case

  static let cases: [Case] = [
    Case(
      sentence: "Iran will retaliate for the Israeli strike, the foreign minister said.", source: "iran",
      type: .threaten, target: "israel", rule: "RetaliationVow"),
    Case(
      sentence: "The PKK vowed a new phase of guerrilla warfare against the Turkish army.", source: "pkk",
      type: .threaten, target: "turkish-armed-forces", rule: "VowImpliesThreat"),
    Case(
      sentence: "Hezbollah vowed to avenge the killing of its commander by Israel.", source: "hezbollah",
      type: .threaten, target: "israel", rule: "RetaliationVow"),
    Case(
      sentence: "Hezbollah vowed to avenge the killing of its commander by Israel.", source: "hezbollah",
      type: .attack, target: "israel", modality: .hypothetical, rule: "RetaliationVow"),
    Case(
      sentence: "The Kurdish YPG vowed a new phase of guerrilla attacks against Turkish troops.", source: "ypg",
      type: .threaten, target: "turkey", rule: "VowImpliesThreat"),
    Case(
      sentence: "Hamas promised further rocket strikes against Israel.", source: "hamas", type: .threaten,
      target: "israel", rule: "VowImpliesThreat"),
    Case(
      sentence: "Iran threatened strikes on Israel on Sunday.", source: "iran", type: .threaten, target: "israel",
      rule: "VowImpliesThreat"),
    Case(
      sentence: "Iran threatened strikes on Israel on Sunday.", source: "iran", type: .attack, target: "israel",
      modality: .hypothetical, rule: "EventPhrase"),
    Case(
      sentence: "Hezbollah vowed to step up its attacks on Israel.", source: "hezbollah", type: .threaten,
      target: "israel", rule: "VowImpliesThreat"),
    Case(
      sentence: "Israel is planning a ground offensive against Hamas in Rafah.", source: "israel", type: .attack,
      target: "hamas", modality: .hypothetical),
    Case(
      sentence: "Russia launched 40 drones at Kyiv overnight.", source: "russia", type: .attack, target: "kyiv"),
  ]

  @Test(arguments: cases) func constructionGivesItsEdge(_ c: Case) throws { try RoleRuleTests.check(c) }

  /// The vowed attack is not stated as done.
  @Test func aVowedAttackIsNotAsserted() throws {
    let extraction = try ExtractionFixture.extract("The Houthis vowed more attacks on Israel.")
    let edge = try #require(extraction.edge("houthis", .attack, "israel"), "\(extraction.edgeSummary)")
    #expect(edge.provenance.allSatisfy { $0.modality == .hypothetical }, "\(extraction.edgeSummary)")
  }

  /// A plan denied gives nothing; a plan is no threat.
  @Test func aDeniedPlanGivesNoEdgeAndAPlanNoThreat() throws {
    let denied = try ExtractionFixture.extract("Russia did not plan an offensive on Kyiv.")
    #expect(denied.edges.isEmpty, "\(denied.edgeSummary)")
    let planned = try ExtractionFixture.extract("Israel is planning a ground offensive against Hamas in Rafah.")
    #expect(!planned.edges.contains { $0.type == .threaten }, "\(planned.edgeSummary)")
  }
}
