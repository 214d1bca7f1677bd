import KGModel
import Testing

@testable import KGExtract

/// Cues found in a sentence (`SentenceAnalysis`): a two-word verb cue whose particle follows the
/// verb's object, and a particle that is no verb; on invented sentences from several conflicts.
struct SentenceAnalysisTests {
  typealias Case = RoleRuleTests.Case

  static let cases: [Case] = [
    Case(
      sentence: "The SDF drove ISIS out of Raqqa.", source: "sdf", type: .attack, target: "isis", rule: "ActiveClause"),
    Case(
      sentence: "Ukrainian forces pushed Russian troops back from Kharkiv.", source: "ukraine", type: .attack,
      target: "russia", rule: "ActiveClause"),
    Case(
      sentence: "Israel shot two Hezbollah drones down over the Galilee.", source: "israel", type: .attack,
      target: "hezbollah", rule: "ActiveClause"),
    Case(
      sentence: "Turkish-backed factions took over Afrin after driving out the YPG.",
      source: "syrian-national-army", type: .attack, target: "ypg", rule: "ActiveClause"),
    Case(
      sentence: "Ukraine brought down a Russian Su-34 over Kherson.", source: "ukraine", type: .attack,
      target: "russia", rule: "ActiveClause"),
  ]

  @Test(arguments: cases) func particleVerbGivesItsEdge(_ c: Case) throws { try RoleRuleTests.check(c) }

  /// "down" after the drones is their particle, not "downed": the drones' owner attacks nothing.
  @Test func aParticleIsNoVerbCue() throws {
    let extraction = try ExtractionFixture.extract("Israel shot two Hezbollah drones down over the Galilee.")
    #expect(!extraction.edges.contains { $0.source == "hezbollah" }, "\(extraction.edgeSummary)")
  }

  /// A verb with a particle that is no cue of its own gives nothing ("sent its envoy back").
  @Test func aParticleMakesNoCueOfAnyVerb() throws {
    try ExtractionFixture.expectNo(.attack, in: "Iran sent its envoy back to Riyadh after the talks.")
  }
}
