import KGModel
import KGTestSupport
import Testing

@testable import KGExtract

/// Modality and attribution (GUIDELINES.md, "Modality and attribution"), and negation.
struct ModalityJudgeTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var sentence: String
    var source: String
    var type: RelationType
    var target: String
    var modality: Modality
    var assertedBy: String? = nil
    var knownIssue: String? = nil
    var testDescription: String { id }
  }

  static let modalities: [Case] = [
    Case(
      id: "plain past tense is asserted", sentence: "Turkey shelled YPG positions overnight.",
      source: "turkey", type: .attack, target: "ypg", modality: .asserted),
    Case(
      id: "will is hypothetical", sentence: "Russia will bomb Idlib if the rebels stay.",
      source: "russia", type: .attack, target: "idlib-province", modality: .hypothetical),
    Case(
      id: "would is hypothetical", sentence: "Turkey would attack the YPG in Manbij.",
      source: "turkey", type: .attack, target: "ypg", modality: .hypothetical),
    Case(
      id: "could is hypothetical", sentence: "Israel could strike Hezbollah again.",
      source: "israel", type: .attack, target: "hezbollah", modality: .hypothetical),
    Case(
      id: "plans to is hypothetical", sentence: "The Syrian Army plans to retake Idlib.",
      source: "syrian-arab-army", type: .capture, target: "idlib-province", modality: .hypothetical),
    Case(
      id: "reportedly is alleged without a named claimant", sentence: "Israel reportedly bombed Hezbollah positions.",
      source: "israel", type: .attack, target: "hezbollah", modality: .alleged),
    Case(
      id: "trailing 'according to X' is alleged, asserted by X",
      sentence: "Russian jets bombed Idlib, according to SOHR.",
      source: "russia", type: .attack, target: "idlib-province", modality: .alleged,
      assertedBy: "syrian-observatory-for-human-rights"),
    Case(
      id: "leading 'According to X,' is alleged, asserted by X",
      sentence: "According to SOHR, Russian jets bombed Idlib.",
      source: "russia", type: .attack, target: "idlib-province", modality: .alleged,
      assertedBy: "syrian-observatory-for-human-rights"),
    Case(
      id: "'X said' before the statement is alleged, asserted by X",
      sentence: "The Pentagon said ISIS attacked the SDF.",
      source: "isis", type: .attack, target: "sdf", modality: .alleged, assertedBy: "pentagon"),
    Case(
      id: "', X said' after the statement is alleged, asserted by X",
      sentence: "Turkish jets bombed Afrin, the SOHR said.",
      source: "turkey", type: .attack, target: "afrin", modality: .alleged,
      assertedBy: "syrian-observatory-for-human-rights"),
    Case(
      id: "a speech act by its speaker is asserted", sentence: "Russia accused Turkey of lying.",
      source: "russia", type: .accuse, target: "turkey", modality: .asserted),
  ]

  @Test(arguments: modalities)
  func modality(_ c: Case) throws {
    let extraction = try ExtractionFixture.extract(c.sentence)
    expecting(knownIssue: c.knownIssue) {
      let edge = extraction.edge(c.source, c.type, c.target)
      #expect(edge != nil, "expected \(c.source) \(c.type) \(c.target); found \(extraction.edgeSummary)")
      #expect(edge?.modality == c.modality)
      #expect(edge?.assertedBy == c.assertedBy)
      #expect(edge?.provenance.map(\.modality) == [c.modality])
    }
  }

  struct NoEdgeCase: CustomTestStringConvertible, Sendable {
    var id: String
    var sentence: String
    /// Entities that must not be joined by any edge, either way.
    var a: String
    var b: String
    var knownIssue: String? = nil
    var testDescription: String { id }
  }

  /// GUIDELINES.md: "A negated relation is no edge at all", and "A passive without an agent gives no edge".
  static let noEdges: [NoEdgeCase] = [
    NoEdgeCase(
      id: "negation gives no edge: did not", sentence: "Turkey did not attack the YPG.", a: "turkey", b: "ypg"),
    NoEdgeCase(id: "negation gives no edge: never", sentence: "Russia never supported ISIS.", a: "russia", b: "isis"),
    NoEdgeCase(
      id: "negation gives no edge: denied", sentence: "Iran denied arming Hezbollah.", a: "iran", b: "hezbollah"),
    NoEdgeCase(
      id: "negation gives no edge: 'No X' subject", sentence: "No Turkish troops attacked Manbij.",
      a: "turkey", b: "manbij"),
    NoEdgeCase(
      id: "negation gives no edge: contracted n't", sentence: "Hezbollah didn't kill any ISIS commanders.",
      a: "hezbollah", b: "isis"),
    NoEdgeCase(
      id: "the speaker of ', X said' is not a target", sentence: "Turkish jets bombed Afrin, the SOHR said.",
      a: "turkey", b: "syrian-observatory-for-human-rights"),
    NoEdgeCase(
      id: "'According to X,' does not make X act", sentence: "According to SOHR, Russian jets bombed Idlib.",
      a: "syrian-observatory-for-human-rights", b: "idlib-province"),
  ]

  @Test(arguments: noEdges)
  func noEdge(_ c: NoEdgeCase) throws {
    let extraction = try ExtractionFixture.extract(c.sentence)
    // Both participants are found, so an empty result is not just a missed mention.
    #expect(!extraction.mentions(of: c.a).isEmpty, "no mention of \(c.a)")
    #expect(!extraction.mentions(of: c.b).isEmpty, "no mention of \(c.b)")
    expecting(knownIssue: c.knownIssue) {
      let joined = extraction.edges.filter { Set([$0.source, $0.target]) == Set([c.a, c.b]) }
      #expect(joined.isEmpty, "found \(extraction.edgeSummary)")
    }
  }

  @Test func passiveWithoutAgentGivesNoEdge() throws {
    let extraction = try ExtractionFixture.extract("Ten ISIS members were killed near Hajin.")
    #expect(!extraction.mentions(of: "isis").isEmpty)
    #expect(extraction.edges.isEmpty, "found \(extraction.edgeSummary)")
  }

  /// GUIDELINES.md: "Where its statements differ in modality, the strongest holds."
  @Test func strongestModalityHoldsAcrossSentences() throws {
    let extraction = try ExtractionFixture.extract(
      "Turkey would attack the YPG in Manbij.", "Israel reportedly bombed Hezbollah positions.",
      "Turkey attacked the YPG on Sunday.")
    let edge = try #require(extraction.edge("turkey", .attack, "ypg"), "found \(extraction.edgeSummary)")
    #expect(edge.modality == .asserted)
    #expect(edge.provenance.map(\.sentence) == [0, 2])
    #expect(edge.provenance.map(\.modality) == [.hypothetical, .asserted])
    #expect(extraction.edges.filter { $0.source == "turkey" && $0.type == .attack && $0.target == "ypg" }.count == 1)
  }
}
