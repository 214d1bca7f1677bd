import KGModel
import Testing

@testable import KGExtract

/// Responsibility laid on a party (`ResponsibilityClaim`), an act judged a violation or a crime
/// (`CondemningPredicate`), clauses reported together, the speaker named after a title's phrase,
/// and the speaker of a reporting verb, on invented sentences from several conflicts.
struct BlameAndJudgementTests {
  typealias Case = RoleRuleTests.Case

  static let cases: [Case] = [
    // A passive gerund after a preposition takes the clause's subject; "at risk of" is not yet so.
    Case(
      sentence: "Ukrainian troops in Avdiivka are at risk of being encircled by Russian forces.", source: "russia",
      type: .attack, target: "ukraine", modality: .hypothetical, rule: "PassiveClause"),
    Case(
      sentence: "Iran held Israel fully responsible for the attack on its consulate.", source: "iran", type: .accuse,
      target: "israel", rule: "ResponsibilityClaim"),
    Case(
      sentence: "Damascus said Ankara bears full responsibility for the shelling of Tal Rifaat.", source: "syria",
      type: .accuse, target: "turkey", rule: "ResponsibilityClaim"),
    Case(
      sentence: "Moscow said Kyiv was responsible for the blast near Belgorod.", source: "russia", type: .accuse,
      target: "ukraine", rule: "ResponsibilityClaim"),
    Case(
      sentence: "The Houthis are to blame for the attack on the tanker, Riyadh said.", source: "saudi-arabia",
      type: .accuse, target: "houthis", rule: "ResponsibilityClaim"),
    Case(
      sentence: "The Sudanese army said responsibility for the massacre lies with the RSF.",
      source: "sudanese-armed-forces", type: .accuse, target: "rapid-support-forces", rule: "ResponsibilityClaim"),
    Case(
      sentence: "Iran said the Israeli strikes were a flagrant violation of international law.", source: "iran",
      type: .condemn, target: "israel", rule: "CondemningPredicate"),
    Case(
      sentence: "The Turkish raid constitutes a war crime, Damascus said.", source: "syria", type: .condemn,
      target: "turkey", rule: "CondemningPredicate"),
    Case(
      sentence: "The head of the UN mission in Yemen, Hans Grundberg, condemned the Houthi attack.",
      source: "hans-grundberg", type: .condemn, target: "houthis"),
    Case(
      sentence: "Britain alleged that Russia had used chemical weapons in Salisbury.", source: "united-kingdom",
      type: .accuse, target: "russia", rule: "AllegedDeed"),
    Case(
      sentence: "Kyiv charged that Moscow was massing troops near the border.", source: "ukraine", type: .accuse,
      target: "russia", rule: "AllegedDeed"),
    Case(
      sentence: "Zelensky said Russia must be held accountable for the attack on Kramatorsk.",
      source: "volodymyr-zelensky", type: .accuse, target: "russia", rule: "ResponsibilityClaim"),
    Case(
      sentence: "Kyiv put the blame for the explosion at the dam on Russia.", source: "ukraine", type: .accuse,
      target: "russia", rule: "ResponsibilityClaim"),
    Case(
      sentence: "The Somali government laid responsibility for the bombing on al-Shabaab.", source: "somalia",
      type: .accuse, target: "al-shabaab", rule: "ResponsibilityClaim"),
    Case(
      sentence: "Iran said Israel was behind the assassination of the nuclear scientist.", source: "iran",
      type: .accuse, target: "israel", rule: "ResponsibilityClaim"),
    Case(
      sentence: "The Houthis took responsibility for the attack on Eilat.", source: "houthis", type: .attack,
      target: "eilat", modality: .alleged, rule: "ClaimedResponsibility"),
  ]

  @Test(arguments: cases) func constructionGivesItsEdge(_ c: Case) throws { try RoleRuleTests.check(c) }

  @Test func denyingResponsibilityBlamesNoOne() throws {
    let extraction = try ExtractionFixture.extract("Russia said Ukraine was not responsible for the strike.")
    #expect(!extraction.edges.contains { $0.type == .accuse }, "\(extraction.edgeSummary)")
    let behind = try ExtractionFixture.extract("Russia said Ukraine was not behind the blast.")
    #expect(!behind.edges.contains { $0.type == .accuse }, "\(behind.edgeSummary)")
  }

  /// A capital that speaks stands for its state; one shelled or taken is the city (GUIDELINES.md,
  /// "Capitals"), for the converted states' capitals as for the hand-made ones.
  @Test func capitalsSpeakForTheirStatesAndAreHitAsCities() throws {
    let accusing = try ExtractionFixture.extract("Khartoum accused Abu Dhabi of arming the RSF.")
    #expect(accusing.edge("sudan", .accuse, "united-arab-emirates") != nil, "\(accusing.edgeSummary)")
    let condemning = try ExtractionFixture.extract("Ankara slammed Athens over the militarization of the islands.")
    #expect(condemning.edge("turkey", .condemn, "greece") != nil, "\(condemning.edgeSummary)")
    let shelled = try ExtractionFixture.extract("RSF fighters shelled Khartoum on Monday.")
    #expect(shelled.edge("rapid-support-forces", .attack, "khartoum") != nil, "\(shelled.edgeSummary)")
    #expect(shelled.edge("rapid-support-forces", .attack, "sudan") == nil, "\(shelled.edgeSummary)")
  }

  /// Laying the blame needs a responsibility noun: "put pressure on Russia" blames no one.
  @Test func layingOtherThanBlameAccusesNoOne() throws {
    try ExtractionFixture.expectNo(.accuse, in: "Kyiv put pressure on Russia over the blast.")
  }

  /// An attack that may come is no deed to accuse anyone of; the warning of a response threatens.
  @Test func aWarningAgainstAnyAttackAccusesNoOne() throws {
    let extraction = try ExtractionFixture.extract(
      "Hezbollah warned that it would respond to any Israeli attack on Lebanon.")
    #expect(extraction.edge("hezbollah", .accuse, "israel") == nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("hezbollah", .threaten, "israel") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("hezbollah", .threaten, "lebanon") == nil, "\(extraction.edgeSummary)")
    // An attack to be halted is going on: telling a party to halt it accuses its author.
    let halt = try ExtractionFixture.extract("Russia warned the US to halt SDF mortar fire on the army.")
    #expect(halt.edge("russia", .accuse, "sdf") != nil, "\(halt.edgeSummary)")
  }

  /// "Lavrov said Moscow had warned that …": the person who reports the state's warning speaks
  /// too, and each gets the edge (GUIDELINES.md: "where the article names both the person and the
  /// body or state as acting, each gets an edge").
  @Test func thePersonWhoReportsAReportSpeaksToo() throws {
    let blame = try ExtractionFixture.extract(
      "Sergei Lavrov said Moscow had warned that all responsibility rests with Washington.")
    #expect(blame.edge("russia", .accuse, "united-states") != nil, "\(blame.edgeSummary)")
    #expect(blame.edge("sergei-lavrov", .accuse, "united-states") != nil, "\(blame.edgeSummary)")
    let threat = try ExtractionFixture.extract(
      "Hassan Nasrallah said Hezbollah had warned that Israel would pay a heavy price.")
    #expect(threat.edge("hassan-nasrallah", .threaten, "israel") != nil, "\(threat.edgeSummary)")
    #expect(threat.edge("hezbollah", .threaten, "israel") != nil, "\(threat.edgeSummary)")
    // A monitor that reports a state's warning is no party to it.
    let monitor = try ExtractionFixture.extract(
      "SOHR said Moscow had warned that all responsibility rests with Washington.")
    #expect(!monitor.edges.contains { $0.source == "syrian-observatory-for-human-rights" }, "\(monitor.edgeSummary)")
  }

  /// Denying or being denied responsibility accuses no one.
  @Test func notHeldResponsibleAccusesNoOne() throws {
    try ExtractionFixture.expectNo(.accuse, in: "Russia said Ukraine would not be held responsible.")
    try ExtractionFixture.expectNo(.accuse, in: "The report alleged that the convoy had been hit.")
  }

  /// "warned Moscow not to escalate the war" asks Moscow; it reports no attack by Moscow.
  @Test func aWarningNotToEscalateReportsNoAttack() throws {
    let extraction = try ExtractionFixture.extract("The Houthis warned Saudi Arabia not to escalate the war.")
    #expect(extraction.edge("houthis", .accuse, "saudi-arabia") == nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("houthis", .demand, "saudi-arabia") != nil, "\(extraction.edgeSummary)")
    let reported = try ExtractionFixture.extract("The Houthis said Saudi Arabia had escalated the war on Yemen.")
    #expect(reported.edge("houthis", .accuse, "saudi-arabia") != nil, "\(reported.edgeSummary)")
  }

  @Test func aCondemnedActIsNotAlsoAnAccusation() throws {
    let extraction = try ExtractionFixture.extract("Russia said the US strikes were an act of aggression.")
    #expect(extraction.edge("russia", .condemn, "united-states") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("russia", .accuse, "united-states") == nil, "\(extraction.edgeSummary)")
    // An act reported without a judgement is still blame.
    let reported = try ExtractionFixture.extract("Russia said the US strikes hit a hospital in Raqqa.")
    #expect(reported.edge("russia", .accuse, "united-states") != nil, "\(reported.edgeSummary)")
  }

  @Test func clausesJoinedByAndAreReportedTogether() throws {
    let extraction = try ExtractionFixture.extract(
      "Moscow warned that \"such actions will have consequences\" and \"all responsibility rests with "
        + "Washington and London.\"")
    #expect(extraction.edge("russia", .accuse, "united-states") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("russia", .accuse, "united-kingdom") != nil, "\(extraction.edgeSummary)")
    // After a comma, "and" opens the writer's own clause.
    let own = try ExtractionFixture.extract(
      "Tehran said the strike was aggression, and responsibility rests with Israel in the eyes of many.")
    #expect(own.edge("iran", .accuse, "israel") == nil, "\(own.edgeSummary)")
  }

  @Test func theNameAfterATitlesPhraseIsThePersonWhoSpeaks() throws {
    let extraction = try ExtractionFixture.extract(
      "The spokesman of the Sudanese army, Nabil Abdallah, said the RSF shelled El Fasher.")
    let edge = try #require(
      extraction.edge("rapid-support-forces", .attack, "el-fasher"), "\(extraction.edgeSummary)")
    #expect(edge.provenance.first?.claimant == "nabil-abdallah")
    #expect(extraction.edge("nabil-abdallah", .accuse, "rapid-support-forces") != nil, "\(extraction.edgeSummary)")
  }

  @Test func anUnnamedSpeakerIsNotTheActorAfterTheVerb() throws {
    let extraction = try ExtractionFixture.extract("The army said the RSF shelled El Fasher.")
    let edge = try #require(
      extraction.edge("rapid-support-forces", .attack, "el-fasher"), "\(extraction.edgeSummary)")
    #expect(edge.provenance.first?.claimant == nil)
  }

  @Test func aNameAfterAndWithItsOwnVerbIsNoSecondObject() throws {
    let extraction = try ExtractionFixture.extract("Israel attacked the consulate and the US supported it.")
    #expect(extraction.edge("israel", .attack, "united-states") == nil, "\(extraction.edgeSummary)")
  }

  @Test func aircraftThatBackAnAttackJoinIt() throws {
    let jets = try ExtractionFixture.extract("The SDF, backed by US warplanes, attacked ISIS near Hajin.")
    #expect(jets.edge("united-states", .support, "sdf") != nil, "\(jets.edgeSummary)")
    let joined = try #require(jets.edge("united-states", .attack, "isis"), "\(jets.edgeSummary)")
    #expect(joined.provenance.contains { $0.rule == "BackingInAction" })
    // Backing by money or advisers takes no part in the attack.
    let advice = try ExtractionFixture.extract("The SDF, backed by US advisers, attacked ISIS near Hajin.")
    #expect(advice.edge("united-states", .attack, "isis") == nil, "\(advice.edgeSummary)")
  }

  @Test func aParticipleAfterAPrepositionsObjectDescribesTheHeadOfItsChain() throws {
    let extraction = try ExtractionFixture.extract(
      "Taiz is largely controlled by the Southern Transitional Council coalition of militias supported by the UAE.")
    #expect(
      extraction.edge("united-arab-emirates", .support, "southern-transitional-council") != nil,
      "\(extraction.edgeSummary)")
    let onslaught = try ExtractionFixture.extract(
      "Talks collapsed after the Sudanese army offensive on Omdurman backed by Egyptian jets.")
    #expect(onslaught.edge("egypt", .support, "sudanese-armed-forces") != nil, "\(onslaught.edgeSummary)")
    #expect(onslaught.edge("egypt", .attack, "omdurman") != nil, "\(onslaught.edgeSummary)")
  }

  @Test func aCommaBeforeAndJoinsNoPairOfPhrases() throws {
    let extraction = try ExtractionFixture.extract(
      "Idlib is held by rebels supported by the Turkish army, and Hayat Tahrir al-Sham, a jihadist alliance.")
    #expect(extraction.edge("turkish-armed-forces", .support, "rebels") != nil, "\(extraction.edgeSummary)")
    #expect(!extraction.edges.contains { $0.source == "hts" || $0.target == "hts" }, "\(extraction.edgeSummary)")
  }

  @Test func theVillageIsTheLastPlaceNamedAsAVillage() throws {
    let extraction = try ExtractionFixture.extract(
      "Houthi fighters stormed al-Sheikh Salem village near Marib on Monday. "
        + "Hours after the army and allied tribesmen took control of the village, drones struck Marib.")
    #expect(
      extraction.mentions.contains { $0.surface == "al-Sheikh Salem" && $0.entityID == "al-sheikh-salem" },
      "\(extraction.mentions.map(\.surface))")
    #expect(extraction.edge("houthis", .attack, "al-sheikh-salem") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.mentions.contains { $0.surface == "the village" && $0.entityID == "al-sheikh-salem" })
    // "the town council" is no town.
    let council = try ExtractionFixture.extract(
      "Russian jets bombed Kafr Zita town on Monday. The town council condemned Russia.")
    #expect(!council.mentions.contains { $0.surface.lowercased() == "the town" }, "\(council.mentions.map(\.surface))")
  }

  @Test func subjectsJoinedAfterASubordinatingWordStayTogether() throws {
    let extraction = try ExtractionFixture.extract(
      "The strike came hours after the Houthis and tribal fighters took control of Hays.")
    #expect(extraction.edge("houthis", .capture, "hays") != nil, "\(extraction.edgeSummary)")
  }

  @Test func aClosingFrameMayGoOnWithAParticiple() throws {
    let extraction = try ExtractionFixture.extract(
      "“Air defences intercepted a Russian drone attack near Kharkiv,” Ukraine said, adding that no one was hurt.")
    #expect(extraction.edge("ukraine", .accuse, "russia") != nil, "\(extraction.edgeSummary)")
  }

  @Test func forcesThatPatrolOrTrainTogetherCooperate() throws {
    let patrolling = try ExtractionFixture.extract(
      "The deal provides for Turkish and Russian soldiers patrolling the zone.")
    #expect(patrolling.edges.contains { $0.type == .cooperate && [$0.source, $0.target].contains("russia") })
    let exercises = try ExtractionFixture.extract(
      "Russia and Iran conducted joint naval exercises in the Gulf of Oman.")
    #expect(exercises.edge("russia", .cooperate, "iran") != nil, "\(exercises.edgeSummary)")
    // Those who ambush a joint patrol are no party to it.
    let ambush = try ExtractionFixture.extract("Rebels ambushed a joint patrol of US troops and the SDF near Raqqa.")
    #expect(ambush.edge("united-states", .cooperate, "sdf") != nil, "\(ambush.edgeSummary)")
    #expect(!ambush.edges.contains { $0.type == .cooperate && [$0.source, $0.target].contains("rebels") })
  }

  @Test func aPlaceAfterAnActorsNameIsWhereNotWhom() throws {
    let extraction = try ExtractionFixture.extract("Turkish jets struck the PKK in Iraq and Syria.")
    #expect(extraction.edge("turkey", .attack, "pkk") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("turkey", .attack, "syria") == nil, "\(extraction.edgeSummary)")
  }

  @Test func constructionWordsAreData() throws {
    let lexicon = try Lexicon(yaml: "constructions:\n  blame_predicates: [answerable]\n", file: "test-lexicon.yaml")
    #expect(lexicon.constructions.contains("answerable", in: .blamePredicates))
    #expect(!lexicon.constructions.contains("responsible", in: .blamePredicates))
    // An unknown list is named with its file and line.
    #expect(throws: DictionaryError.self) {
      try Lexicon(yaml: "constructions:\n  blame_words: [answerable]\n", file: "test-lexicon.yaml")
    }
  }
}
