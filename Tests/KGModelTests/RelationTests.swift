import Testing

@testable import KGModel

struct RelationTests {
  @Test func theTenRulebookTypes() {
    #expect(
      Set(RelationType.allCases.map(\.rawValue)) == [
        "attack", "kill", "accuse", "condemn", "threaten", "demand", "support", "cooperate", "capture", "detain",
      ])
    #expect(RelationType.allCases.filter(\.isSymmetric) == [.cooperate])
  }

  @Test func modalityOrderIsAssertedOverAllegedOverHypothetical() {
    #expect(Modality.hypothetical < Modality.alleged)
    #expect(Modality.alleged < Modality.asserted)
    #expect(Modality.hypothetical < Modality.asserted)
    #expect(!(Modality.asserted < Modality.asserted))
    #expect([Modality.alleged, .hypothetical, .asserted].max() == .asserted)
    #expect([Modality.alleged, .hypothetical].max() == .alleged)
    #expect([Modality.asserted, .hypothetical, .alleged].sorted() == [.hypothetical, .alleged, .asserted])
  }

  struct KeyCase: CustomTestStringConvertible, Sendable {
    var id: String
    var type: RelationType
    var source: String
    var target: String
    var expectedSource: String
    var expectedTarget: String
    var testDescription: String { id }
  }

  static let keys: [KeyCase] = [
    KeyCase(
      id: "cooperate is stored smaller id first", type: .cooperate, source: "russia", target: "iran",
      expectedSource: "iran", expectedTarget: "russia"),
    KeyCase(
      id: "cooperate already in order stays", type: .cooperate, source: "iran", target: "russia",
      expectedSource: "iran", expectedTarget: "russia"),
    KeyCase(
      id: "attack keeps its direction", type: .attack, source: "turkey", target: "afrin",
      expectedSource: "turkey", expectedTarget: "afrin"),
    KeyCase(
      id: "accuse keeps its direction", type: .accuse, source: "syria", target: "israel",
      expectedSource: "syria", expectedTarget: "israel"),
  ]

  @Test(arguments: keys)
  func edgeKeyNormalisation(_ c: KeyCase) {
    let key = EdgeKey(source: c.source, type: c.type, target: c.target, modality: .asserted)
    #expect(key.source == c.expectedSource)
    #expect(key.target == c.expectedTarget)
    #expect(key.type == c.type)
  }

  @Test func symmetricKeysAreEqualBothWays() {
    let a = EdgeKey(source: "russia", type: .cooperate, target: "iran", modality: .asserted)
    let b = EdgeKey(source: "iran", type: .cooperate, target: "russia", modality: .asserted)
    #expect(a == b)
    #expect(Set([a, b]).count == 1)
    let c = EdgeKey(source: "turkey", type: .attack, target: "ypg", modality: .asserted)
    let d = EdgeKey(source: "ypg", type: .attack, target: "turkey", modality: .asserted)
    #expect(c != d)
    // Modality is part of the key.
    #expect(a != EdgeKey(source: "russia", type: .cooperate, target: "iran", modality: .hypothetical))
  }

  @Test func edgeForwardsItsKey() {
    let provenance = Provenance(
      document: "a.txt", sentence: 0, span: TextSpan(start: 0, end: 5), quote: "Hello", rule: "ActiveVoice",
      modality: .alleged, claimant: "russia")
    let edge = Edge(
      key: EdgeKey(source: "russia", type: .cooperate, target: "iran", modality: .alleged), assertedBy: "russia",
      provenance: [provenance])
    #expect(edge.id == 0)
    #expect(edge.source == "iran")
    #expect(edge.target == "russia")
    #expect(edge.type == .cooperate)
    #expect(edge.modality == .alleged)
  }
}
