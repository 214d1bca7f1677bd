import KGModel
import Testing

@testable import KGExtract

/// Constructions of conflict reporting read since the dev set's F1 was 0.547, each on invented
/// sentences from several conflicts: lists past an apposition, an attack's agent after "carried
/// out by", "identified as" lists, plural references, names after titles, a thing hit in a place,
/// hashtags, quotations across sentences, and the rules `SessionCall` and `ThreatenedMeasure`.
struct RecallConstructionTests {
  typealias Case = RoleRuleTests.Case

  static let cases: [Case] = [
    // A list goes on past "the outskirts of X", which the parser reads as an apposition.
    Case(
      sentence: "Houthi drones struck Marib, the outskirts of Harib, Sirwah and Al Abdiyah.", source: "houthis",
      type: .attack, target: "al-abdiyah"),
    // The agent of the attack a passive killing happened in.
    Case(
      sentence:
        "Five Sudanese soldiers were killed in an ambush carried out by the Rapid Support Forces near Omdurman.",
      source: "rapid-support-forces", type: .kill, target: "sudan", rule: "PassiveClause"),
    // The people killed, named after the dash.
    Case(
      sentence:
        "The RSF killed two army officers – identified as Colonel Ahmed Osman and Major Khalid Idris – near El Fasher.",
      source: "rapid-support-forces", type: .kill, target: "khalid-idris"),
    // A plural reference takes the actor named in the plural, not the last group.
    Case(
      sentence: "The Hashd al-Shaabi held the road near Al-Qaim. Islamic State cells hid nearby. "
        + "The militias shelled Islamic State positions at dawn.",
      source: "pmu", type: .attack, target: "isis"),
    // What was hit stands in the place named after it.
    Case(
      sentence: "Russian jets bombed a bakery in Ariha on Tuesday.", source: "russia", type: .attack, target: "ariha",
      rule: "ActiveClause"),
    // GUIDELINES.md: a call for a council session is a demand on the council.
    Case(
      sentence: "The Houthis called for an emergency session of the UN Security Council.", source: "houthis",
      type: .demand, target: "un-security-council", rule: "SessionCall"),
    // A threatened measure short of force, across a time phrase, by a titled person.
    Case(
      sentence: "Secretary of State Antony Blinken threatened Tuesday to impose sanctions on Sudan.",
      source: "antony-blinken", type: .threaten, target: "sudan", rule: "ThreatenedMeasure"),
    // Who orders strikes carries them out (a light verb); "ordered X to halt" stays a demand.
    Case(
      sentence: "Netanyahu ordered strikes on Hezbollah targets in Lebanon.", source: "benjamin-netanyahu",
      type: .attack, target: "hezbollah", rule: "EventPhrase"),
    Case(
      sentence: "Russia ordered Ukraine to halt its offensive.", source: "russia", type: .demand, target: "ukraine"),
    // A lone adverb between commas keeps the subject; cooperation with someone is cooperation,
    // and vowed cooperation is not yet done (hypothetical, as the dev gold reads "vowed to uphold
    // coordination with Russia").
    Case(
      sentence: "Ukraine, meanwhile, vowed to keep up coordination with Poland.", source: "ukraine", type: .cooperate,
      target: "poland", modality: .hypothetical, rule: "AgreementWith"),
    // A hashtag's words name an operation.
    Case(
      sentence: "Turkey launched #OperationClawLock against the PKK.", source: "turkey", type: .attack, target: "pkk",
      rule: "EventPhrase"),
    // The comitative partner of a named operation acts with the subject.
    Case(
      sentence: "The Turkish Armed Forces, together with the Syrian National Army, launched Operation Peace Spring "
        + "against the YPG.",
      source: "turkish-armed-forces", type: .cooperate, target: "syrian-national-army", rule: "JointSubjects"),
    // An actor after "of" performs an attack noun that takes no patient there.
    Case(
      sentence: "The repeated attacks of the Houthis on Saudi border posts alarmed Riyadh.", source: "houthis",
      type: .attack, target: "saudi-arabia", rule: "EventPhrase"),
    // A list of people, each with an apposition naming their group, apart by semicolons; a
    // member's group after "in" is killed too (GUIDELINES.md: killing members attacks the group).
    Case(
      sentence: "A Saudi airstrike killed Ahmed Saleh, a commander in the Houthis; Ali Nasser, a leader in Hezbollah; "
        + "and Houthi fighter Omar Musa, the ministry said.",
      source: "saudi-arabia", type: .kill, target: "ali-nasser", modality: .alleged, rule: "ActiveClause"),
    Case(
      sentence: "A Saudi airstrike killed Ahmed Saleh, a commander in the Houthis; Ali Nasser, a leader in Hezbollah; "
        + "and Houthi fighter Omar Musa, the ministry said.",
      source: "saudi-arabia", type: .kill, target: "hezbollah", modality: .alleged, rule: "ActiveClause"),
    Case(
      sentence: "A Saudi airstrike killed Ahmed Saleh, a commander in the Houthis; Ali Nasser, a leader in Hezbollah; "
        + "and Houthi fighter Omar Musa, the ministry said.",
      source: "saudi-arabia", type: .kill, target: "omar-musa", modality: .alleged, rule: "ActiveClause"),
    // The people named after "including", when the object names no one; a title's abbreviation
    // does not end the list.
    Case(
      sentence: "The Russian missile strike killed five people, including Col. Ivan Petrov.", source: "russia",
      type: .kill, target: "ivan-petrov", rule: "ActiveClause"),
    // A modifier inside a multi-word cue, in scare quotes or not.
    Case(
      sentence: "The RSF said it had taken \"full\" control of El Fasher.", source: "rapid-support-forces",
      type: .capture, target: "el-fasher", modality: .alleged),
    // GUIDELINES.md: a vow of retaliation threatens the author of the attack it answers.
    Case(
      sentence: "Russia vowed a harsh response after the Ukrainian drone attack on Belgorod.", source: "russia",
      type: .threaten, target: "ukraine", rule: "RetaliationVow"),
    Case(
      sentence: "Hezbollah vowed revenge for the assassination of its commander by Israel.", source: "hezbollah",
      type: .attack, target: "israel", modality: .hypothetical, rule: "RetaliationVow"),
    // The parties announcing their own agreement: "they" are the speakers, and the agreement
    // is stated.
    Case(
      sentence: "President Volodymyr Zelensky and his Polish counterpart Andrzej Duda said on Monday they had agreed "
        + "to open a new border crossing.",
      source: "volodymyr-zelensky", type: .cooperate, target: "andrzej-duda", rule: "JointAgreement"),
    // A state's apparatus between the state and "-backed".
    Case(
      sentence: "Iranian regime-backed Houthi fighters shelled Marib.", source: "iran", type: .support,
      target: "houthis", rule: "AdjectivalBacking"),
    // A passive killing tied to the attack that did it after a parenthetical phrase.
    Case(
      sentence: "Six Sudanese soldiers were killed, in addition to four others being wounded, following an attack "
        + "carried out by the Rapid Support Forces.",
      source: "rapid-support-forces", type: .kill, target: "sudan", rule: "PassiveClause"),
    // GUIDELINES.md (Blame): saying another backs terrorists accuses it.
    Case(
      sentence: "Sudanese Foreign Minister Ali Youssef pointed out that the UAE is still arming militants in Darfur.",
      source: "ali-youssef", type: .accuse, target: "united-arab-emirates", rule: "HostileSupportClaim"),
    // The idioms of threat: who will pay a price is threatened by whoever says so.
    Case(
      sentence: "The Houthis warned that the United States would pay a heavy price.", source: "houthis",
      type: .threaten, target: "united-states", rule: "ThreatIdiom"),
    Case(
      sentence: "“Ukraine will regret this,” Dmitry Medvedev said in a statement, according to TASS.",
      source: "dmitry-medvedev", type: .threaten, target: "ukraine", rule: "ThreatIdiom"),
    Case(
      sentence: "Ankara warned the Syrian regime not to play with fire.", source: "turkey", type: .threaten,
      target: "syria", rule: "ThreatIdiom"),
    // The region's media call Israel "the Zionist regime".
    Case(
      sentence: "Iran accused the Zionist regime of attacking its consulate.", source: "iran", type: .accuse,
      target: "israel"),
  ]

  @Test(arguments: cases) func constructionGivesItsEdge(_ c: Case) throws { try RoleRuleTests.check(c) }

  @Test func aFirstNameAfterATitleTakesAOneWordPlaceName() throws {
    let extraction = try ExtractionFixture.extract("SDF spokesman Yusuf Hama said Turkish drones had struck Kobani.")
    #expect(extraction.mentions(of: "hama").isEmpty, "\(extraction.mentions.map(\.surface))")
    #expect(extraction.mentions.contains { $0.surface == "Yusuf Hama" }, "\(extraction.mentions.map(\.surface))")
  }

  @Test func alliedForcesOfANationAreNotItsArmy() throws {
    let extraction = try ExtractionFixture.extract(
      "Turkish troops and allied Syrian forces captured the town of Afrin.")
    #expect(
      !extraction.edges.contains { $0.source == "syrian-arab-army" || $0.target == "syrian-arab-army" },
      "\(extraction.edgeSummary)")
  }

  @Test func aThreatToEndCooperationIsNoCooperation() throws {
    let extraction = try ExtractionFixture.extract("Russia threatened to cut all cooperation with Turkey.")
    #expect(extraction.edge("russia", .cooperate, "turkey") == nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("russia", .threaten, "turkey") != nil, "\(extraction.edgeSummary)")
  }

  @Test func aQuotationClosingInALaterSentenceIsItsSpeakersClaim() throws {
    let extraction = try ExtractionFixture.extract(
      "“Turkish jets struck PKK targets in northern Iraq. We will continue until the threat is gone,” Erdogan said.")
    let edge = try #require(extraction.edge("turkey", .attack, "pkk"), "\(extraction.edgeSummary)")
    #expect(edge.modality == .alleged)
    #expect(edge.provenance.first?.claimant == "recep-tayyip-erdogan")
  }

  @Test func aPossessorIsNotOneOfAnIncludedList() throws {
    let extraction = try ExtractionFixture.extract(
      "An Israeli strike killed seven people, including a senior commander in Tehran’s Revolutionary Guards.")
    #expect(extraction.edge("israel", .kill, "iran") == nil, "\(extraction.edgeSummary)")
  }

  @Test func backingNamedArmedGroupsIsSupportNotAnAccusation() throws {
    let extraction = try ExtractionFixture.extract("Iran said the US was arming the SDF in Syria.")
    #expect(!extraction.edges.contains { $0.type == .accuse }, "\(extraction.edgeSummary)")
  }

  @Test func aWarningThatSomethingWillHappenDemandsNothing() throws {
    let extraction = try ExtractionFixture.extract(
      "Russia warned that the US strikes on Syria would destabilize the region.")
    #expect(!extraction.edges.contains { $0.type == .demand || $0.type == .threaten }, "\(extraction.edgeSummary)")
    let negated = try ExtractionFixture.extract("The Houthis said Saudi Arabia will not regret its decision.")
    #expect(!negated.edges.contains { $0.type == .threaten }, "\(negated.edgeSummary)")
  }

  /// GUIDELINES.md (Capitals): a capital that speaks or acts stands for its state; hit or taken,
  /// it is the city.
  @Test func aCapitalActsAsItsStateAndIsHitAsTheCity() throws {
    let hit = try ExtractionFixture.extract("Russian missiles hit Kyiv overnight.")
    #expect(hit.edge("russia", .attack, "kyiv") != nil, "\(hit.edgeSummary)")
    #expect(hit.edge("russia", .attack, "ukraine") == nil, "\(hit.edgeSummary)")
    let taken = try ExtractionFixture.extract("The Houthis captured Sanaa in 2014.")
    #expect(taken.edge("houthis", .capture, "sanaa") != nil, "\(taken.edgeSummary)")
    let speaking = try ExtractionFixture.extract("Moscow accused Kiev of shelling Belgorod.")
    #expect(speaking.edge("russia", .accuse, "ukraine") != nil, "\(speaking.edgeSummary)")
    #expect(speaking.edge("ukraine", .attack, "belgorod") != nil, "\(speaking.edgeSummary)")
  }

  /// Issue 15: an organisation whose name begins with a country is not that country; a model of
  /// arms after a demonym stays the state's.
  @Test func aNameOpeningWithADemonymIsNotTheState() throws {
    let outlet = try ExtractionFixture.extract("The Iraqi Observer reported that ISIS cells struck Kirkuk.")
    #expect(!outlet.edges.contains { $0.source == "iraq" }, "\(outlet.edgeSummary)")
    #expect(outlet.mentions.contains { $0.surface == "Iraqi Observer" }, "\(outlet.mentions.map(\.surface))")
    let arms = try ExtractionFixture.extract("Turkish Bayraktar drones hit PKK positions.")
    #expect(arms.edge("turkey", .attack, "pkk") != nil, "\(arms.edgeSummary)")
  }

  @Test func backAfterAVerbIsItsParticle() throws {
    let pulled = try ExtractionFixture.extract("Biden said he was pulling back US troops from Iraq.")
    #expect(!pulled.edges.contains { $0.type == .support }, "\(pulled.edgeSummary)")
    let backed = try ExtractionFixture.extract("Iran has backed the Houthis.")
    #expect(backed.edge("iran", .support, "houthis") != nil, "\(backed.edgeSummary)")
  }

  @Test func anUnnamedSpeakerAfterAnAppositionClaimsForNoOne() throws {
    let extraction = try ExtractionFixture.extract(
      "A Saudi drone strike killed Ahmed Saleh, a commander in the Houthis, the ministry said.")
    let edge = try #require(extraction.edge("saudi-arabia", .kill, "ahmed-saleh"), "\(extraction.edgeSummary)")
    #expect(edge.modality == .alleged)
    #expect(edge.provenance.first?.claimant == nil)
    #expect(!extraction.edges.contains { $0.type == .accuse }, "\(extraction.edgeSummary)")
  }

  @Test func aReportingClauseEndsAList() throws {
    let extraction = try ExtractionFixture.extract(
      "Turkish drones killed Salwa Yusuk, a commander in the YPJ, and Ruha Bashar, a leader in the YPG, "
        + "the SDF media center said.")
    #expect(extraction.edge("turkey", .kill, "ypg") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("turkey", .kill, "sdf") == nil, "\(extraction.edgeSummary)")
  }

  @Test func aNameAfterATitleTakesAOneWordPlaceAsItsFirstName() throws {
    let extraction = try ExtractionFixture.extract("Col. Ivan Petrov said Ukrainian drones struck Kursk.")
    #expect(extraction.mentions.contains { $0.surface == "Ivan Petrov" }, "\(extraction.mentions.map(\.surface))")
  }

  @Test func anAttackInTheWordsOfAMonitorOnPeopleTargetsNoPlace() throws {
    let extraction = try ExtractionFixture.extract("Russian jets bombed civilians in Ariha on Tuesday.")
    #expect(extraction.edge("russia", .attack, "ariha") == nil, "\(extraction.edgeSummary)")
  }
}
