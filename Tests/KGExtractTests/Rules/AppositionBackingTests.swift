import KGModel
import Testing

@testable import KGExtract

/// A backed group described in apposition ("Hezbollah, the Iran-backed Lebanese militant group,")
/// is the one backed, the backer does not act for it, and a demonym before a group noun is no
/// state; relative clauses and quantities ("dozens of rockets") do not hide the actor. Invented
/// sentences.
struct AppositionBackingTests {
  typealias Case = RoleRuleTests.Case

  static let cases: [Case] = [
    Case(
      sentence: "Hezbollah, the Iran-backed Lebanese militant group, fired dozens of rockets at northern Israel.",
      source: "hezbollah", type: .attack, target: "israel"),
    Case(
      sentence: "Hezbollah, the Iran-backed Lebanese militant group, fired dozens of rockets at northern Israel.",
      source: "iran", type: .support, target: "hezbollah", rule: "AdjectivalBacking"),
    Case(
      sentence: "The Houthis, who control Sanaa, fired missiles at Israel.", source: "houthis", type: .attack,
      target: "israel"),
  ]

  @Test(arguments: cases) func constructionGivesItsEdge(_ c: Case) throws { try RoleRuleTests.check(c) }

  /// "Lebanese" before "militant group" names no state; "Iran-backed" makes Iran no attacker.
  @Test func theBackerAndTheDemonymDoNotAct() throws {
    let extraction = try ExtractionFixture.extract(
      "Hezbollah, the Iran-backed Lebanese militant group, fired dozens of rockets at northern Israel.")
    #expect(
      !extraction.edges.contains { $0.source == "lebanon" || $0.target == "lebanon" }, "\(extraction.edgeSummary)")
    #expect(extraction.edge("iran", .attack, "israel") == nil, "\(extraction.edgeSummary)")
    let alone = try ExtractionFixture.extract("The Iran-backed Lebanese group fired rockets at Israel.")
    #expect(alone.edge("iran", .attack, "israel") == nil, "\(alone.edgeSummary)")
  }

  /// Gaza City is a place that is hit, not Phoenix's organisation "Gaza".
  @Test func gazaIsAPlace() throws {
    let extraction = try ExtractionFixture.extract("Israeli jets struck a school in Gaza City on Saturday.")
    #expect(extraction.edges.contains { $0.type == .attack && $0.target == "gaza-city" }, "\(extraction.edgeSummary)")
  }
}
