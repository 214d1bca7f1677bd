import KGModel
import Testing

@testable import KGExtract

/// Constructions of the fourth pass on roles, each on invented sentences from several fronts:
/// taking a place from a party (`CaptureFrom`), condemning an act by its agent, installations
/// that belong to whoever uses them, and the modality and pronouns of coordinated and reported
/// verbs.
struct TakenFromAndCensuredActsTests {
  typealias Case = RoleRuleTests.Case

  static let takenFrom: [Case] = [
    Case(
      sentence: "The Sudanese army retook the presidential palace in Khartoum from the RSF.",
      source: "sudanese-armed-forces", type: .attack, target: "rapid-support-forces", rule: "CaptureFrom"),
    Case(
      sentence: "Russian forces seized the town of Avdiivka from Ukrainian troops.", source: "russia", type: .attack,
      target: "ukraine", rule: "CaptureFrom"),
    Case(
      sentence: "The Houthis wrested control of the port from AQAP in January.", source: "houthis", type: .attack,
      target: "al-qaeda-in-the-arabian-peninsula", rule: "CaptureFrom"),
  ]

  /// Whoever takes a place from a party attacks that party, in the direction of the taking.
  @Test(arguments: takenFrom) func takingFromAPartyAttacksIt(_ c: Case) throws {
    try RoleRuleTests.check(c)
    let extraction = try ExtractionFixture.extract(c.sentence)
    #expect(extraction.edge(c.target, .attack, c.source) == nil, "\(extraction.edgeSummary)")
  }

  /// A place taken "from" no party, or a taking denied, attacks no one.
  @Test(arguments: [
    "The army recaptured the town from the north on Monday.",
    "The RSF did not retake the airport from the Sudanese army.",
  ])
  func noPartyNoAttack(_ sentence: String) throws {
    let extraction = try ExtractionFixture.extract(sentence)
    #expect(!extraction.edges.contains { $0.type == .attack }, "\(extraction.edgeSummary)")
  }

  /// "condemned the killing of aid workers by the RSF": the act's agent is the one condemned,
  /// and a "by" after the act's noun is not the condemnation's agent.
  @Test(arguments: [
    ("The United Nations condemned the killing of aid workers by the RSF.", "united-nations", "rapid-support-forces"),
    ("The Arab League condemned attacks by the Houthis on commercial shipping.", "arab-league", "houthis"),
    ("Kyiv denounced the shelling of Kharkiv by Russian forces.", "ukraine", "russia"),
  ])
  func condemningAnActCondemnsItsAgent(_ sentence: String, _ source: String, _ target: String) throws {
    let extraction = try ExtractionFixture.extract(sentence)
    #expect(extraction.edge(source, .condemn, target) != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge(target, .condemn, source) == nil, "\(extraction.edgeSummary)")
  }

  /// "positions used by Hezbollah", "a base held by Kenyan troops": hitting an installation
  /// attacks the party that uses or holds it; a town held by a party is still only a town.
  @Test(arguments: [
    ("Israel struck positions used by Hezbollah near the border.", "israel", "hezbollah"),
    ("Al-Shabaab fighters stormed a base held by Kenyan troops.", "al-shabaab", "kenya"),
    ("Russian jets bombed caves used by ISIS cells as hideouts.", "russia", "isis"),
  ])
  func installationsBelongToWhoeverUsesThem(_ sentence: String, _ source: String, _ target: String) throws {
    let extraction = try ExtractionFixture.extract(sentence)
    #expect(extraction.edge(source, .attack, target) != nil, "\(extraction.edgeSummary)")
  }

  @Test func aTownHeldByAPartyIsNotTheParty() throws {
    let extraction = try ExtractionFixture.extract("Turkish jets bombed a village held by the YPG.")
    #expect(extraction.edge("turkey", .attack, "ypg") == nil, "\(extraction.edgeSummary)")
  }

  /// "it would stay, and has warned the regime": the warning has its own tense and is asserted;
  /// a bare verb after "and" still takes the modal ("would regroup and attack").
  @Test func aCoordinatedVerbWithItsOwnTenseDropsTheModal() throws {
    let own = try ExtractionFixture.extract("Ankara said that it would stay, and has warned Damascus to withdraw.")
    #expect(own.edge("turkey", .demand, "syria")?.modality == .asserted, "\(own.edgeSummary)")
    let shared = try ExtractionFixture.extract("The rebels said they would regroup and attack the army of Chad.")
    #expect(shared.edges.allSatisfy { $0.type != .attack || $0.modality == .hypothetical }, "\(shared.edgeSummary)")
  }

  /// "Ankara promised on Wednesday that it …": "it" after a verb of speaking and a time phrase
  /// is the speaker.
  @Test func theSpeakersPronounAcrossATimePhrase() throws {
    let extraction = try ExtractionFixture.extract(
      "Ankara promised on Wednesday that it would stay, and has warned the regime not to attack.")
    #expect(extraction.edge("turkey", .demand, "syria")?.modality == .asserted, "\(extraction.edgeSummary)")
  }

  /// "Hamas slammed Israel, saying …": the participle goes on with the subject's words; it makes
  /// the condemnation no claim of anyone's.
  @Test func aParticipleOfSpeakingAfterTheClauseAttributesNothing() throws {
    let extraction = try ExtractionFixture.extract("Hamas slammed Israel, saying it had targeted civilians.")
    #expect(extraction.edge("hamas", .condemn, "israel")?.modality == .asserted, "\(extraction.edgeSummary)")
  }

  /// A number word that opens a sentence is no name ("Five members of …").
  @Test func aNumberWordIsNoName() throws {
    let extraction = try ExtractionFixture.extract(
      "Five members of the Ukrainian army were killed in an attack by Russian forces near Bakhmut.")
    #expect(!extraction.entities.contains { $0.id == "five" }, "\(extraction.entities.map(\.id))")
    #expect(extraction.edge("russia", .kill, "armed-forces-of-ukraine") != nil, "\(extraction.edgeSummary)")
  }
}
