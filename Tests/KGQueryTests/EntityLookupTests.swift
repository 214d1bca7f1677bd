import KGModel
import Testing

@testable import KGQuery

struct EntityLookupTests {
  static let entities = [
    Entity(id: "sdf", name: "Syrian Democratic Forces", kind: .armedGroup, aliases: ["SDF", "Kurdish forces", "QSD"]),
    Entity(id: "ypg", name: "YPG", kind: .armedGroup, aliases: ["People's Protection Units", "Kurdish forces"]),
    Entity(id: "syria", name: "Syria", kind: .state, aliases: ["Damascus", "Syrian government"]),
    Entity(id: "deir-ez-zor", name: "Deir ez-Zor", kind: .location, aliases: ["Deir Ezzor", "Dayr az Zawr"]),
    Entity(id: "turkey", name: "Turkey", kind: .state, aliases: ["Ankara", "Türkiye"]),
  ]

  static var lookup: EntityLookup { EntityLookup(GraphIndex(KnowledgeGraph(entities: entities))) }

  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var typed: String
    var expected: Outcome
    var testDescription: String { id }
  }

  enum Outcome: Sendable {
    case entity(String)
    case ambiguous([String])
    case unknown(suggestions: [String])
  }

  static let cases: [Case] = [
    Case(id: "exact id", typed: "sdf", expected: .entity("sdf")),
    Case(id: "name in another case", typed: "syrian democratic FORCES", expected: .entity("sdf")),
    Case(id: "alias", typed: "QSD", expected: .entity("sdf")),
    Case(id: "alias with spaces around", typed: "  Damascus ", expected: .entity("syria")),
    Case(id: "accent folded", typed: "Turkiye", expected: .entity("turkey")),
    Case(id: "punctuation folded", typed: "deir-ezzor", expected: .entity("deir-ez-zor")),
    Case(id: "shared alias is ambiguous", typed: "kurdish forces", expected: .ambiguous(["sdf", "ypg"])),
    Case(id: "typo gets a suggestion", typed: "Syrai", expected: .unknown(suggestions: ["Syria"])),
    Case(id: "typo in an alias suggests its entity", typed: "Ankra", expected: .unknown(suggestions: ["Turkey"])),
    Case(
      id: "word prefix suggests", typed: "Kurdish",
      expected: .unknown(suggestions: ["Syrian Democratic Forces", "YPG"])),
    Case(id: "nothing near", typed: "Hezbollah", expected: .unknown(suggestions: [])),
  ]

  @Test(arguments: cases)
  func resolve(_ c: Case) {
    let lookup = Self.lookup
    switch c.expected {
    case .entity(let id):
      #expect((try? lookup.resolve(c.typed)).map { Self.entities[$0].id } == id)
    case .ambiguous(let ids):
      #expect(
        throws: QueryError.ambiguousEntity(
          name: c.typed, candidates: ids.map { id in Self.entities.first { $0.id == id }! })
      ) {
        try lookup.resolve(c.typed)
      }
    case .unknown(let suggestions):
      #expect(throws: QueryError.unknownEntity(name: c.typed, suggestions: suggestions)) { try lookup.resolve(c.typed) }
    }
  }

  struct MessageCase: Sendable, CustomTestStringConvertible {
    var error: QueryError
    var expected: String
    var testDescription: String { expected }
  }

  static let messageCases: [MessageCase] = [
    MessageCase(
      error: .unknownEntity(name: "Syrai", suggestions: ["Syria"]),
      expected: "no entity named 'Syrai'; Did you mean 'Syria'?"),
    MessageCase(
      error: .unknownEntity(name: "Zzz", suggestions: []),
      expected: "no entity named 'Zzz'; list entities with 'kg entities --match TEXT'."),
    MessageCase(
      error: .ambiguousEntity(name: "kurdish forces", candidates: Array(entities[0...1])),
      expected:
        "'kurdish forces' names 2 entities: 'sdf' (Syrian Democratic Forces, armed_group), 'ypg' (YPG, armed_group); pass one of these ids instead."
    ),
    MessageCase(
      error: .noPath(from: "Turkey", to: "isis"),
      expected:
        "no path from 'Turkey' to 'isis' with this direction, filter and hop limit; try --undirected, a larger --max-hops, or fewer --type/--modality/--since/--until filters."
    ),
    MessageCase(
      error: .malformedEdgeID(text: "e12"),
      expected: "'e12' is not an edge id; write it as 'r12' or '12', as 'kg neighbors' and 'kg export' print it."),
    MessageCase(
      error: .noEdge(
        source: "Iran", type: "attack", target: "SAA", existing: ["iran support syrian-arab-army (r31, asserted)"]),
      expected:
        "no 'attack' edge from 'Iran' to 'SAA'; the edges between them are: iran support syrian-arab-army (r31, asserted)."
    ),
  ]

  @Test(arguments: messageCases)
  func message(_ c: MessageCase) {
    #expect(c.error.description == c.expected)
  }

  @Test func matchingFindsSubstrings() {
    let lookup = Self.lookup
    #expect(Set(lookup.matching("kurd").map { Self.entities[$0].id }) == ["sdf", "ypg"])
    #expect(lookup.matching("").count == Self.entities.count)
  }

  @Test(arguments: [
    ("syria", "syria", 0), ("syria", "syrai", 1), ("syria", "sryia", 1), ("abc", "bca", 2), ("kitten", "sitting", 3),
    ("", "abc", 3),
  ])
  func editDistance(_ a: String, _ b: String, _ d: Int) {
    #expect(EntityLookup.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), bound: 5) == d)
    #expect(EntityLookup.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), bound: d - 1) == nil || d == 0)
  }
}
