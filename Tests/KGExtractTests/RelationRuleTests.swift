import Foundation
import KGModel
import KGTestSupport
import Testing

@testable import KGExtract

/// At least one relation of each of the ten rulebook types (GUIDELINES.md, "Relations"), from
/// invented sentences, plus the constructions that carry them.
struct RelationRuleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var sentence: String
    var source: String
    var type: RelationType
    var target: String
    var modality: Modality = .asserted
    var assertedBy: String? = nil
    /// Set when the current extractor is known to miss this case.
    var knownIssue: String? = nil
    var testDescription: String { id }
  }

  static let oneOfEachType: [Case] = [
    Case(
      id: "attack: demonym subject, 'positions' of a group", sentence: "Turkish jets bombed YPG positions near Afrin.",
      source: "turkey", type: .attack, target: "ypg"),
    Case(
      id: "kill: members of a group", sentence: "Hezbollah fighters killed three ISIS commanders.",
      source: "hezbollah", type: .kill, target: "isis"),
    Case(
      id: "accuse: blame X for", sentence: "Russia blamed Turkey for the attack on the convoy.",
      source: "russia", type: .accuse, target: "turkey"),
    Case(
      id: "condemn: object noun phrase with an adjectival actor", sentence: "Iran condemned the US strikes on Syria.",
      source: "iran", type: .condemn, target: "united-states"),
    Case(
      id: "threaten: with consequences", sentence: "Hezbollah threatened Israel with a massive response.",
      source: "hezbollah", type: .threaten, target: "israel"),
    Case(
      id: "demand: urge X to", sentence: "Russia urged Turkey to halt the offensive.",
      source: "russia", type: .demand, target: "turkey"),
    Case(
      id: "support: arm", sentence: "The US armed the SDF in northern Syria.",
      source: "united-states", type: .support, target: "sdf"),
    Case(
      id: "cooperate: cooperate with", sentence: "Iran cooperated with Russia in the Astana talks.",
      source: "iran", type: .cooperate, target: "russia"),
    Case(
      id: "capture: retake a town", sentence: "The Syrian Army retook Palmyra after heavy fighting.",
      source: "syrian-arab-army", type: .capture, target: "palmyra"),
    Case(
      id: "detain: arrest members", sentence: "Iraqi forces detained ISIS fighters near Mosul.",
      source: "iraqi-army", type: .detain, target: "isis"),
  ]

  static let constructions: [Case] = [
    Case(
      id: "passive voice with by-agent (kill)", sentence: "Two Hezbollah commanders were killed by Israeli drones.",
      source: "israel", type: .kill, target: "hezbollah"),
    Case(
      id: "passive voice with by-agent (detain)", sentence: "ISIS suspects were detained by Turkish police.",
      source: "turkey", type: .detain, target: "isis"),
    Case(
      id: "passive voice with by-agent on a place (attack)", sentence: "Afrin was shelled by Turkish artillery.",
      source: "turkey", type: .attack, target: "afrin"),
    Case(
      id: "passive voice with by-agent on a place (capture)", sentence: "Raqqa was captured by the SDF.",
      source: "sdf", type: .capture, target: "raqqa"),
    Case(
      id: "reversed cooperate is the same edge", sentence: "Russia met with Turkey in Sochi.",
      source: "turkey", type: .cooperate, target: "russia"),
    Case(
      id: "coordinated subject cooperates", sentence: "Russia and Iran cooperated closely in Syria.",
      source: "iran", type: .cooperate, target: "russia"),
    Case(
      id: "'X-backed' participle gives support", sentence: "The US-backed SDF entered the town.",
      source: "united-states", type: .support, target: "sdf"),
    Case(
      id: "demand that X do", sentence: "The US demanded that Russia stop the bombing.",
      source: "united-states", type: .demand, target: "russia"),
    Case(
      id: "alias surface 'Islamic State fighters' as subject", sentence: "Islamic State fighters attacked the SDF.",
      source: "isis", type: .attack, target: "sdf"),
  ]

  @Test(arguments: oneOfEachType + constructions)
  func relation(_ c: Case) throws {
    let extraction = try ExtractionFixture.extract(c.sentence)
    expecting(knownIssue: c.knownIssue) {
      let edge = extraction.edge(c.source, c.type, c.target)
      #expect(edge != nil, "expected \(c.source) \(c.type) \(c.target); found \(extraction.edgeSummary)")
      #expect(edge?.modality == c.modality)
      #expect(edge?.assertedBy == c.assertedBy)
    }
  }

  @Test func everyTypeIsCovered() {
    #expect(Set(Self.oneOfEachType.map(\.type)) == Set(RelationType.allCases))
  }

  /// GUIDELINES.md: "A accused B of attacking C" is accuse(A, B) asserted and attack(B, C)
  /// alleged, asserted by A.
  struct AccusationCase: CustomTestStringConvertible, Sendable {
    var id: String
    var sentence: String
    var accuser: String
    var accused: String
    var type: RelationType
    var target: String
    var testDescription: String { id }
  }

  static let accusations: [AccusationCase] = [
    AccusationCase(
      id: "accused B of attacking C", sentence: "Iran accused Israel of attacking Hezbollah in Lebanon.",
      accuser: "iran", accused: "israel", type: .attack, target: "hezbollah"),
    AccusationCase(
      id: "accused B of arming C", sentence: "Russia accused the United States of arming ISIS.",
      accuser: "russia", accused: "united-states", type: .support, target: "isis"),
    AccusationCase(
      id: "accused B of bombing a place", sentence: "Syria accused Israel of bombing Damascus airport.",
      accuser: "syria", accused: "israel", type: .attack, target: "damascus-international-airport"),
  ]

  @Test(arguments: accusations)
  func accusationOf(_ c: AccusationCase) throws {
    let extraction = try ExtractionFixture.extract(c.sentence)
    let accuse = try #require(extraction.edge(c.accuser, .accuse, c.accused), "found \(extraction.edgeSummary)")
    #expect(accuse.modality == .asserted)
    #expect(accuse.assertedBy == nil)
    let nested = try #require(extraction.edge(c.accused, c.type, c.target), "found \(extraction.edgeSummary)")
    #expect(nested.modality == .alleged)
    #expect(nested.assertedBy == c.accuser)
    #expect(nested.provenance.allSatisfy { $0.claimant == c.accuser && $0.modality == .alleged })
    // Not the other way round: the accuser did not do it.
    #expect(extraction.edge(c.accuser, c.type, c.target) == nil)
  }

  /// GUIDELINES.md: "clash with" is an attack both ways.
  @Test func clashIsTwoAttacks() throws {
    let extraction = try ExtractionFixture.extract("ISIS clashed with the SDF near Hajin.")
    let forward = try #require(extraction.edge("isis", .attack, "sdf"), "found \(extraction.edgeSummary)")
    let backward = try #require(extraction.edge("sdf", .attack, "isis"), "found \(extraction.edgeSummary)")
    #expect(forward.modality == .asserted)
    #expect(backward.modality == .asserted)
    // Hajin is where it happened, not what was hit.
    #expect(extraction.edges.allSatisfy { $0.target != "hajin" })
  }

  /// GUIDELINES.md: "A place is a target only when it is what was hit or taken."
  @Test func placesDoNotAct() throws {
    let extraction = try ExtractionFixture.extract("Turkish jets bombed YPG positions near Afrin.")
    #expect(extraction.edges.allSatisfy { $0.source != "afrin" })
    #expect(extraction.edge("turkey", .attack, "afrin") == nil, "Afrin is only where it happened")
  }
}

/// A rule's id is its type's name, which is also its file's name under `Rules/`.
struct RuleIdentityTests {
  @Test func ruleIdsAreTypeNamesAndFileNames() throws {
    let rules: [(id: String, type: Any.Type)] =
      RuleBook.all.map { ($0.id, type(of: $0)) } + RuleBook.derivations.map { ($0.id, type(of: $0)) }
      + RuleBook.statementDerivations.map { ($0.id, type(of: $0)) }
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/KGExtract/Rules").standardized
    for rule in rules {
      #expect(rule.id == String(describing: rule.type))
      #expect(
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(rule.id + ".swift").path), "\(rule.id)")
    }
    #expect(RuleBook.ids.count == rules.count)
  }
}
