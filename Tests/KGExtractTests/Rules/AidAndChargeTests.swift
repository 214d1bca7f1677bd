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
    // Aid decided or planned is intended; the possessor of "decision" decides.
    Case(
      sentence: "Moscow's decision to supply air defence systems to Damascus alarmed Israel.", source: "russia",
      type: .support, target: "syria", modality: .hypothetical, rule: "AidTransfer"),
    Case(
      sentence: "Britain decided to send Storm Shadow missiles to Ukraine.", source: "united-kingdom",
      type: .support, target: "ukraine", modality: .hypothetical, rule: "AidTransfer"),
    Case(
      sentence: "Turkey's plan to attack the SDF alarmed Washington.", source: "turkey", type: .attack,
      target: "sdf", modality: .hypothetical, rule: "ActiveClause"),
    Case(
      sentence: "The Pentagon accused Iran of supplying ballistic missiles to Russia.", source: "iran",
      type: .support, target: "russia", modality: .alleged, rule: "AccusationOf"),
    Case(
      sentence: "Ethiopia's government and the TPLF agreed to a permanent cessation of hostilities.",
      source: "ethiopia", type: .cooperate, target: "tigray-peoples-liberation-front", rule: "JointAgreement"),
    Case(
      sentence: "The government of Sudan accused the UAE of arming the RSF.", source: "sudan", type: .accuse,
      target: "united-arab-emirates"),
    Case(
      sentence: "Iran has been accused of supplying the Houthis with weapons.", source: "iran", type: .support,
      target: "houthis", modality: .alleged, rule: "PassiveAccusation"),
    Case(
      sentence: "The RSF was accused by Sudan's army of shelling El Fasher.", source: "rapid-support-forces",
      type: .attack, target: "el-fasher", modality: .alleged, rule: "PassiveAccusation"),
    Case(
      sentence: "Viktor Orban met Vladimir Putin in Moscow on Friday.", source: "viktor-orban", type: .cooperate,
      target: "vladimir-putin"),
    Case(
      sentence: "The Houthis claimed responsibility for the drone attack on the Saudi oil facility in Abqaiq.",
      source: "houthis", type: .attack, target: "saudi-arabia", modality: .alleged, rule: "ClaimedResponsibility"),
    // Forces "loyal to", "affiliated with", "linked to" a party are that party's.
    Case(
      sentence: "Fighters loyal to the RSF shelled El Fasher on Monday.", source: "rapid-support-forces",
      type: .attack, target: "el-fasher"),
    Case(
      sentence: "Gunmen affiliated with ISIS killed five Syrian soldiers.", source: "isis", type: .kill,
      target: "syrian-arab-army"),
    Case(
      sentence: "Militants linked to al-Qaeda attacked a Malian army post.", source: "al-qaeda", type: .attack,
      target: "malian-armed-forces"),
    // A demonym, a modifier and a force noun: the state acting; an adjective before a noun is no place.
    Case(
      sentence: "Ethiopian federal forces captured the Tigrayan capital Mekelle.", source: "ethiopia", type: .capture,
      target: "mekele"),
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

  /// A claim of one's own attack is alleged by the claimant; denying responsibility claims nothing.
  @Test func aClaimedAttackIsTheClaimantsOwnAndADenialIsNone() throws {
    let claimed = try ExtractionFixture.extract("The Houthis claimed responsibility for the drone attack on Abqaiq.")
    let edge = try #require(claimed.edge("houthis", .attack, "abqaiq"), "\(claimed.edgeSummary)")
    #expect(edge.provenance.first?.claimant == "houthis")
    let denied = try ExtractionFixture.extract("Israel denied responsibility for the attack on the Iranian consulate.")
    #expect(!denied.edges.contains { $0.type == .attack }, "\(denied.edgeSummary)")
  }

  /// "Syrian civilians", "Armenian separatists", "Iraqi militias", "Israeli settlers" are some of a
  /// nation's people, not its state; "Syrian rebels" stays the party the article calls rebels.
  @Test func aDemonymBeforeItsPeopleIsNotTheState() throws {
    let separatists = try ExtractionFixture.extract("Azerbaijan launched an offensive against Armenian separatists.")
    #expect(separatists.edge("azerbaijan", .attack, "armenia") == nil, "\(separatists.edgeSummary)")
    let militias = try ExtractionFixture.extract("Iraqi militias attacked US troops.")
    #expect(militias.edge("iraq", .attack, "united-states") == nil, "\(militias.edgeSummary)")
    let civilians = try ExtractionFixture.extract("Russian jets bombed Syrian civilians.")
    #expect(civilians.edge("russia", .attack, "syria") == nil, "\(civilians.edgeSummary)")
    let settlers = try ExtractionFixture.extract("Israeli settlers attacked Palestinian villages near Nablus.")
    #expect(!settlers.edges.contains { $0.source == "israel" }, "\(settlers.edgeSummary)")
    let rebels = try ExtractionFixture.extract("Turkey attacked Syrian rebels near Azaz.")
    #expect(rebels.edge("turkey", .attack, "syrian-rebels") != nil, "\(rebels.edgeSummary)")
  }

  /// "fighters led by the RSF" are the RSF's: the role rule reads the subject's owner.
  @Test func forcesLedByAnActorAreItsOwn() throws {
    let led = try ExtractionFixture.extract("Fighters led by the RSF attacked El Fasher.")
    let edge = try #require(led.edge("rapid-support-forces", .attack, "el-fasher"), "\(led.edgeSummary)")
    #expect(edge.provenance.contains { $0.rule == "ActiveClause" }, "rules: \(edge.provenance.map(\.rule))")
    // Backing is not owning: unnamed fighters backed by the RSF give no attack by the RSF.
    let backed = try ExtractionFixture.extract("Fighters backed by the RSF attacked El Fasher.")
    #expect(backed.edge("rapid-support-forces", .attack, "el-fasher") == nil, "\(backed.edgeSummary)")
  }

  /// GUIDELINES "Air defence": shooting down a drone attacks the party it belongs to, here the
  /// one that launched it; shooting down missiles gives no edge.
  @Test func shootingDownDronesAttacksWhoeverLaunchedThem() throws {
    let drones = try ExtractionFixture.extract("Ukraine shot down several drones launched by Russia.")
    #expect(drones.edge("ukraine", .attack, "russia") != nil, "\(drones.edgeSummary)")
    let missiles = try ExtractionFixture.extract("Ukraine shot down several missiles launched by Russia.")
    #expect(missiles.edge("ukraine", .attack, "russia") == nil, "\(missiles.edgeSummary)")
  }
}
