import Testing

@testable import KGModel

struct EntityTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var input: String
    var expected: String
    var testDescription: String { id }
  }

  static let slugs: [Case] = [
    Case(id: "acronym", input: "ISIS", expected: "isis"),
    Case(id: "spaces become hyphens", input: "Syrian Arab Army", expected: "syrian-arab-army"),
    Case(id: "existing hyphen kept once", input: "Bashar al-Assad", expected: "bashar-al-assad"),
    Case(id: "accents dropped", input: "Recep Tayyip Erdoğan", expected: "recep-tayyip-erdogan"),
    Case(id: "apostrophe dropped without a hyphen", input: "Kata'ib Hezbollah", expected: "kataib-hezbollah"),
    Case(id: "curly apostrophe dropped", input: "People’s Protection Units", expected: "peoples-protection-units"),
    Case(
      id: "runs of punctuation become one hyphen", input: "US-led  coalition (CJTF)", expected: "us-led-coalition-cjtf"),
    Case(id: "no leading or trailing hyphen", input: " -Hayat Tahrir al-Sham- ", expected: "hayat-tahrir-al-sham"),
    Case(id: "dotted acronym", input: "U.S.", expected: "u-s"),
    Case(id: "digits kept", input: "1st Brigade", expected: "1st-brigade"),
    Case(id: "Arabic letters kept", input: "داعش", expected: "داعش"),
  ]

  @Test(arguments: slugs)
  func slug(_ c: Case) {
    #expect(Entity.slug(c.input) == c.expected)
  }

  @Test func onlyLocationsCannotAct() {
    for kind in EntityKind.allCases {
      #expect(kind.isActor == (kind != .location), "\(kind)")
    }
  }

  @Test func entityKindRawValuesAreTheRulebookNames() {
    #expect(
      EntityKind.allCases.map(\.rawValue).sorted() == [
        "armed_group", "government_body", "location", "military", "organization", "person", "state",
      ])
  }

  @Test func entityIndexKeepsTheFirstOfDuplicateIds() {
    let graph = KnowledgeGraph(entities: [
      Entity(id: "isis", name: "ISIS", kind: .armedGroup),
      Entity(id: "sdf", name: "Syrian Democratic Forces", kind: .armedGroup),
      Entity(id: "isis", name: "Islamic State", kind: .armedGroup),
    ])
    #expect(graph.entityIndex.count == 2)
    #expect(graph.entityIndex["isis"]?.name == "ISIS")
  }
}
