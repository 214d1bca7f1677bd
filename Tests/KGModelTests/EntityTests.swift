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

  /// The ASCII fast path gives what the Unicode path gives, on every printable ASCII character
  /// and control character around letters and digits, and on random ASCII strings.
  @Test func asciiSlugAgreesWithUnicodeSlug() {
    var samples = Self.slugs.map(\.input).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    samples += (0..<128).map { "Ab\(Character(Unicode.Scalar(UInt8($0))))9 z" }
    var rng = SystemRandomNumberGenerator()
    samples += (0..<2000).map { _ in
      String(
        decoding: (0..<Int.random(in: 0...12, using: &rng)).map { _ in UInt8.random(in: 0..<128, using: &rng) },
        as: UTF8.self)
    }
    for s in samples { #expect(Entity.asciiSlug(s) == Entity.unicodeSlug(s), "\(Array(s.utf8))") }
    #expect(Entity.slug("People's Protection Units") == "peoples-protection-units")
  }

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
