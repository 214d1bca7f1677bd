import KGModel
import Testing

@testable import KGExtract

/// The rules over the language layer's roles (`ActiveClause`, `PassiveClause`, `EventPhrase`,
/// `JointSubjects`) and the statement derivation `AllegationIsAccusation`, on invented sentences
/// of the constructions the word-list rules missed.
struct RoleRuleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var sentence: String
    var source: String
    var type: RelationType
    var target: String
    var modality: Modality = .asserted
    /// The rule that must be among the edge's provenance, if the case names one.
    var rule: String? = nil
    var testDescription: String { rule.map { "\($0): \(sentence)" } ?? sentence }
  }

  /// Extracts the case's sentence and checks its edge (either direction), modality and rule.
  static func check(_ c: Case) throws {
    let extraction = try ExtractionFixture.extract(c.sentence)
    let edge = extraction.edge(c.source, c.type, c.target) ?? extraction.edge(c.target, c.type, c.source)
    let found = try #require(edge, "\(extraction.edgeSummary)")
    #expect(found.modality == c.modality)
    if let rule = c.rule {
      #expect(found.provenance.contains { $0.rule == rule }, "rules: \(found.provenance.map(\.rule))")
    }
  }

  static let cases: [Case] = [
    // A fronted participle backs the subject after its comma, as ", backed by X," does.
    Case(
      sentence: "Backed by Iran, the Houthis seized the Yemeni capital.", source: "iran", type: .support,
      target: "houthis", rule: "PassiveClause"),
    // An unowned thing hit names the place it stands in, in the passive as in the active.
    Case(
      sentence: "Ukrainian drones hit an oil refinery in Samara.", source: "ukraine", type: .attack, target: "samara",
      rule: "ActiveClause"),
    Case(
      sentence: "An oil refinery in Samara was hit by Ukrainian drones.", source: "ukraine", type: .attack,
      target: "samara", rule: "PassiveClause"),
    Case(
      sentence: "Turkish troops on Saturday shelled YPG positions near Manbij.", source: "turkey",
      type: .attack, target: "ypg", rule: "ActiveClause"),
    Case(
      sentence: "Iraqi and Kurdish forces attacked the Islamic State in the desert.", source: "iraq", type: .attack,
      target: "isis", rule: "ActiveClause"),
    Case(
      sentence: "The SDF, backed by the United States, attacked ISIS near Hajin.", source: "sdf", type: .attack,
      target: "isis", rule: "ActiveClause"),
    Case(
      sentence: "Hezbollah fighters fired rockets at Israel overnight.", source: "hezbollah", type: .attack,
      target: "israel", rule: "EventPhrase"),
    Case(
      sentence: "A Turkish drone strike killed three SDF fighters in Qamishli.", source: "turkey", type: .kill,
      target: "sdf", rule: "ActiveClause"),
    Case(
      sentence: "The Turkish Armed Forces, together with the Syrian National Army, attacked the YPG.",
      source: "syrian-national-army", type: .attack, target: "ypg", rule: "ActiveClause"),
    Case(
      sentence: "The convoy of the SDF was hit by Turkish drones on Monday.", source: "turkey", type: .attack,
      target: "sdf", rule: "PassiveClause"),
    Case(
      sentence: "Dozens of air strikes by Russian jets on Saraqib were reported.", source: "russia", type: .attack,
      target: "saraqib", rule: "EventPhrase"),
    Case(
      sentence: "The United States, France and Britain launched strikes on Syria.", source: "france", type: .cooperate,
      target: "united-states", rule: "JointSubjects"),
    Case(
      sentence: "The Turkish Armed Forces, together with the Syrian National Army, attacked the YPG.",
      source: "turkish-armed-forces", type: .cooperate, target: "syrian-national-army", rule: "JointSubjects"),
    Case(
      sentence: "The SDF said Turkish jets had bombed Kobani.", source: "sdf", type: .accuse, target: "turkey",
      rule: "AllegationIsAccusation"),
    // A comitative parenthetical between the subject and a light verb, and names joined by a slash.
    Case(
      sentence: "The Iraqi army, along with the Popular Mobilization Forces, launched an offensive against ISIS/Daesh.",
      source: "pmu", type: .attack, target: "isis", rule: "ActiveClause"),
    Case(
      sentence: "The regime advanced after its troops, together with Iranian militias, seized Kafr Nabl.",
      source: "pro-iranian-militias", type: .capture, target: "kafranbel", rule: "ActiveClause"),
    // The object of a relative clause is not the main verb's subject.
    Case(
      sentence: "An Israeli missile which struck a truck near Homs on Sunday killed two Hezbollah commanders.",
      source: "israel", type: .kill, target: "hezbollah", rule: "ActiveClause"),
    Case(
      sentence: "Houthi officials and Saudi spokesmen have repeatedly accused Iran of arming the rebels.",
      source: "saudi-arabia", type: .accuse, target: "iran", rule: "ActiveClause"),
    Case(
      sentence: "The Yemeni government retook Marib with the help of its allies in Saudi Arabia.",
      source: "saudi-arabia", type: .support, target: "yemen", rule: "WithHelpOf"),
    Case(
      sentence: "Moscow, the Syrian government's ally and patron, sent more jets.", source: "russia", type: .support,
      target: "syria", rule: "RelationNoun"),
    Case(
      sentence: "Iran, whose militias have fought alongside Hezbollah for years, sent more advisers.", source: "iran",
      type: .cooperate, target: "hezbollah", rule: "ActiveClause"),
    Case(
      sentence: "Ukrainian officials put the blame on Russia for the blast at the dam.", source: "ukraine",
      type: .accuse, target: "russia", rule: "ActiveClause"),
    Case(
      sentence: "The Houthis blamed the explosion on the Saudi-led coalition.", source: "houthis", type: .accuse,
      target: "saudi-led-coalition", rule: "ActiveClause"),
    Case(
      sentence: "Al-Shabaab fighters infiltrated the towns of Baidoa and Jowhar overnight.", source: "al-shabaab",
      type: .attack, target: "jawhar", rule: "ActiveClause"),
    Case(
      sentence: "The RSF claimed to have killed dozens of Sudanese army soldiers near Omdurman.",
      source: "rapid-support-forces",
      type: .kill, target: "sudanese-armed-forces", modality: .alleged, rule: "ActiveClause"),
  ]

  @Test func aModifiedDefiniteReferenceKeepsItsNationality() throws {
    let extraction = try ExtractionFixture.extract(
      "The Free Syrian Army shelled Afrin. The YPG also fought in the town. "
        + "The Kurdish militia attacked Turkish troops near Jinderis.")
    #expect(extraction.edge("ypg", .attack, "turkey") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("fsa", .attack, "turkey") == nil, "\(extraction.edgeSummary)")
  }

  @Test func theClaimantInsideAccordingToIsTheOneWhoAnnounced() throws {
    let extraction = try ExtractionFixture.extract(
      "The SDF announced that Turkish drones had bombed Kobani, according to the Hawar news agency.")
    let edge = try #require(extraction.edge("turkey", .attack, "kobani"), "\(extraction.edgeSummary)")
    #expect(edge.provenance.first?.claimant == "sdf")
  }

  @Test(arguments: cases) func roleRuleFinds(_ c: Case) throws { try Self.check(c) }

  /// A backer's jets before the comma of a fronted participle are no member of the subject's list
  /// (only a bare demonym is: "Syrian and Russian officials"); they back the subject as ", backed
  /// by" does.
  @Test func aFrontedBackerIsNoCoSubject() throws {
    let extraction = try ExtractionFixture.extract(
      "Supported by Russian jets, the Syrian army retook Palmyra from ISIS.")
    #expect(extraction.edge("russia", .support, "syrian-arab-army") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("russia", .capture, "palmyra") == nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("russia", .cooperate, "syrian-arab-army") == nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("syrian-arab-army", .capture, "palmyra") != nil, "\(extraction.edgeSummary)")
  }

  @Test func aMonitorReportingAnAttackAccusesNoOne() throws {
    let extraction = try ExtractionFixture.extract(
      "The Syrian Observatory for Human Rights said Turkish jets had bombed Kobani.")
    #expect(!extraction.edges.contains { $0.type == .accuse }, "\(extraction.edgeSummary)")
  }

  @Test func aPartyClaimingItsOwnSuccessAccusesNoOne() throws {
    let extraction = try ExtractionFixture.extract("The SDF said its fighters had captured Hajin.")
    #expect(!extraction.edges.contains { $0.type == .accuse }, "\(extraction.edgeSummary)")
  }

  @Test func aNegatedVerbGivesNoEdge() throws {
    let extraction = try ExtractionFixture.extract("Turkish troops on Saturday did not shell YPG positions.")
    #expect(extraction.edge("turkey", .attack, "ypg") == nil, "\(extraction.edgeSummary)")
  }
}
