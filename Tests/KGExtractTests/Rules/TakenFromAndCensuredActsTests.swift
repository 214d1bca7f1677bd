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
  func noPartyNoAttack(_ sentence: String) throws { try ExtractionFixture.expectNo(.attack, in: sentence) }

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
    ("The Houthis attacked ships linked to Israel in the Red Sea.", "houthis", "israel"),
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

  /// "The drone attack on Moscow was carried out by Ukraine": the agent of a passive light verb
  /// after the event and its own phrases is the event's.
  @Test func anEventCarriedOutByItsAgent() throws {
    let extraction = try ExtractionFixture.extract(
      "The Kremlin said the drone attack on Moscow was carried out by Ukraine.")
    #expect(extraction.edge("ukraine", .attack, "moscow")?.modality == .alleged, "\(extraction.edgeSummary)")
  }

  /// "A and B fought C": the two fight on one side; "A and B clashed" fight each other.
  @Test func coordinatedSubjectsWithAnObjectFightOnOneSide() throws {
    let extraction = try ExtractionFixture.extract(
      "Ethiopian federal troops and Eritrean soldiers fought Tigrayan forces for two years.")
    #expect(extraction.edge("ethiopia", .attack, "eritrea") == nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("eritrea", .attack, "ethiopia") == nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("eritrea", .attack, "tigray-defense-forces") != nil, "\(extraction.edgeSummary)")
    let alongside = try ExtractionFixture.extract("The Wagner Group and Malian troops fought alongside each other.")
    #expect(!alongside.edges.contains { $0.type == .attack }, "\(alongside.edgeSummary)")
    let clashed = try ExtractionFixture.extract("Hamas and Fatah clashed in Gaza City.")
    #expect(clashed.edge("hamas", .attack, "fatah") != nil, "\(clashed.edgeSummary)")
  }

  /// "militants from the Pakistani Taliban", "soldiers from the Sudanese army": a member's
  /// group after "from"; a place after "from" is where they come from.
  @Test func membersFromAGroup() throws {
    let extraction = try ExtractionFixture.extract("Ukrainian drones killed soldiers from the Wagner Group.")
    #expect(extraction.edge("ukraine", .kill, "wagner-group") != nil, "\(extraction.edgeSummary)")
    let place = try ExtractionFixture.extract("Houthi fighters attacked soldiers from Marib.")
    #expect(!place.edges.contains { $0.target == "marib" }, "\(place.edgeSummary)")
  }

  /// "a Hamas leader in Beirut": the name before the head is the member's group; the place
  /// after "in" is where, and a state after "in" is no group ("a commander in Syria").
  @Test func aMembersGroupBeforeTheHeadWinsOverAPlaceAfterIt() throws {
    let extraction = try ExtractionFixture.extract("Israel killed a Hamas leader in Beirut.")
    #expect(extraction.edge("israel", .kill, "hamas") != nil, "\(extraction.edgeSummary)")
    #expect(!extraction.edges.contains { $0.target == "lebanon" || $0.target == "beirut" }, "\(extraction.edgeSummary)")
    let state = try ExtractionFixture.extract("Israel killed a commander in Syria.")
    #expect(state.edge("israel", .kill, "syria") == nil, "\(state.edgeSummary)")
    let group = try ExtractionFixture.extract("A senior commander in the IRGC was killed by Israel.")
    #expect(group.edge("israel", .kill, "irgc") != nil, "\(group.edgeSummary)")
  }

  /// "whom the UN says are backed by Rwanda": the backed are the relative's antecedent, and the
  /// one who says it claims it.
  @Test func aReportingVerbInsideARelativeClause() throws {
    let extraction = try ExtractionFixture.extract("M23 rebels, whom the UN says are backed by Rwanda, captured Goma.")
    let support = try #require(extraction.edge("rwanda", .support, "m23"), "\(extraction.edgeSummary)")
    #expect(support.modality == .alleged)
    #expect(extraction.edge("rwanda", .support, "united-nations") == nil, "\(extraction.edgeSummary)")
  }

  /// "its air defences had shot down 30 Ukrainian drones": the speaker's air defences are the
  /// speaker's, and bringing down a party's drones attacks it (GUIDELINES.md, "Air defence").
  @Test func theSpeakersAirDefences() throws {
    let extraction = try ExtractionFixture.extract("Russia said its air defences had shot down 30 Ukrainian drones.")
    #expect(extraction.edge("russia", .attack, "ukraine")?.modality == .alleged, "\(extraction.edgeSummary)")
  }

  /// "Yemen's Houthi rebels said that they had fired …": "they" is the phrase's group, not the
  /// state that possesses it.
  @Test func aPossessorIsNotTheSpeakersThey() throws {
    let extraction = try ExtractionFixture.extract(
      "Yemen's Houthi rebels said on Tuesday that they had fired missiles at a US Navy destroyer.")
    #expect(extraction.edge("houthis", .attack, "united-states")?.modality == .alleged, "\(extraction.edgeSummary)")
    #expect(!extraction.edges.contains { $0.source == "yemen" }, "\(extraction.edgeSummary)")
  }

  /// "The Darfur Bar Association said the paramilitary force stormed …": an organisation named
  /// after a place is one name, and "the paramilitary force" refers to the group named before.
  @Test func anOrganisationNamedAfterAPlaceAndAParamilitaryReference() throws {
    let extraction = try ExtractionFixture.extract(
      "The Rapid Support Forces were accused of killing civilians in North Darfur.",
      "The Darfur Bar Association said the paramilitary force stormed the village of Abu Shouk on Sunday.")
    #expect(!extraction.mentions(of: "darfur-bar-association").isEmpty, "\(extraction.mentions.map(\.entityID))")
    let attack = try #require(
      extraction.edge("rapid-support-forces", .attack, "abu-shouk"), "\(extraction.edgeSummary)")
    #expect(attack.modality == .alleged)
  }

  /// "intercepted 35 of the 48 drones launched by Russia": a partitive is what its "of" phrase
  /// names; bringing down another party's drones attacks it.
  @Test func aPartitiveIsWhatItsOfPhraseNames() throws {
    let drones = try ExtractionFixture.extract("Ukraine intercepted 35 of the 48 drones launched by Russia.")
    #expect(drones.edge("ukraine", .attack, "russia") != nil, "\(drones.edgeSummary)")
    let fighters = try ExtractionFixture.extract("Israeli strikes killed two of the Hezbollah commanders.")
    #expect(fighters.edge("israel", .kill, "hezbollah") != nil, "\(fighters.edgeSummary)")
    let missiles = try ExtractionFixture.extract("Russia shot down 20 of the 30 missiles.")
    #expect(!missiles.edges.contains { $0.type == .attack }, "\(missiles.edgeSummary)")
  }

  /// "US, British and French forces launched …": a name before the commas of the subject's list
  /// is a member too; a monitor after "according to" is not.
  @Test func aListsFirstMemberBeforeItsComma() throws {
    let extraction = try ExtractionFixture.extract(
      "Overnight, US, British and French forces launched missiles, targeting three of Syria's chemical weapons facilities."
    )
    for source in ["united-states", "united-kingdom", "france"] {
      #expect(extraction.edge(source, .attack, "syria") != nil, "\(source): \(extraction.edgeSummary)")
    }
    let monitor = try ExtractionFixture.extract("According to SOHR, Russian and Syrian jets struck Idlib.")
    #expect(!monitor.edges.contains { $0.source == "syrian-observatory-for-human-rights" }, "\(monitor.edgeSummary)")
  }

  /// A number word that opens a sentence is no name ("Five members of …").
  @Test func aNumberWordIsNoName() throws {
    let extraction = try ExtractionFixture.extract(
      "Five members of the Ukrainian army were killed in an attack by Russian forces near Bakhmut.")
    #expect(!extraction.entities.contains { $0.id == "five" }, "\(extraction.entities.map(\.id))")
    #expect(extraction.edge("russia", .kill, "armed-forces-of-ukraine") != nil, "\(extraction.edgeSummary)")
  }

  /// "The Sudanese army condemned the attack on X": the last word of a multi-word actor ("army"),
  /// or a noun after an actor ("a Hezbollah commander in a strike on Beirut"), is no verb that
  /// makes the actor the event's agent; a verb after the actor is ("renewed").
  @Test func anActorsLastWordIsNoLightVerb() throws {
    for sentence in [
      "The Sudanese army condemned the attack on the RSF.", "The Israeli military denied the strike on Hamas.",
      "The Syrian regime blamed the bombing on ISIS.",
      "Israel said it had killed a senior Hezbollah commander in a strike on Beirut.",
      "Moscow cast the statement as US encouragement of drone attacks on Russia.",
    ] {
      let extraction = try ExtractionFixture.extract(sentence)
      #expect(
        !extraction.edges.contains { $0.type == .attack && $0.provenance.allSatisfy { $0.rule == "NominalEvent" } },
        "\(sentence): \(extraction.edgeSummary)")
    }
    let renewed = try ExtractionFixture.extract("The Houthi rebels renewed attacks on Saudi Arabia.")
    #expect(renewed.edge("houthis", .attack, "saudi-arabia") != nil, "\(renewed.edgeSummary)")
  }
}
