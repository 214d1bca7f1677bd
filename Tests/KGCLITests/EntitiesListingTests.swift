import Foundation
import KGPipeline
import Testing

/// `kg entities` writes its lines as bytes straight from the store's rows (`EntityListing`);
/// they must be the lines the string formatter wrote from `EntitySummary` values, in the same
/// order: ties in degree broken by name as Swift orders strings (case, accents, canonically
/// equivalent names), then by id; widths counted in characters; control characters escaped.
@Suite struct EntitiesListingTests {
  static let entities: [Entity] = [
    Entity(id: "a", name: "alpha", kind: .armedGroup, aliases: ["alpha", "Alpha Group"]),
    Entity(id: "b", name: "Alpha", kind: .state),
    Entity(id: "c", name: "ALPHA", kind: .state, aliases: ["x1", "x2", "x3", "x4", "x5", "x6", "x7"]),
    Entity(id: "d", name: "Émile", kind: .person, aliases: ["E\u{301}mile", "Emile"]),
    Entity(id: "e", name: "E\u{301}mile", kind: .person),
    Entity(id: "f", name: "Emile", kind: .person),
    Entity(id: "g", name: "Zoë\u{1B}[2J", kind: .military, aliases: ["Z\u{202E}x"]),
    Entity(id: "h-an-id-that-is-longer-than-forty-characters-in-all", name: "Long", kind: .organization),
    Entity(id: "ïd", name: "Ïd", kind: .organization),
    Entity(id: "j", name: "émile", kind: .person),
    Entity(id: "k", name: "Beta", kind: .state),
    Entity(id: "l", name: "beta", kind: .state),
  ]

  /// Two edges each for a, b, c (ties), one for d, e, f, none for the rest.
  static let pairs: [(String, String)] = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("f", "k")]

  static func store(in folder: TempFolder) throws {
    let document = DocumentInfo(
      id: 0, path: "doc.txt", contentHash: "h",
      metadata: ArticleMetadata(title: "T", dateText: nil, date: "2019-01-01", outlet: nil), sentenceCount: 1)
    let edges = pairs.map { source, target in
      Edge(
        key: EdgeKey(source: source, type: .attack, target: target, modality: .asserted), assertedBy: nil,
        provenance: [
          Provenance(
            document: "doc.txt", sentence: 0, span: TextSpan(start: 0, end: 1), quote: "x", rule: "ActiveVoice",
            modality: .asserted, claimant: nil)
        ])
    }
    let store = try GraphStore(path: folder.path("kg.sqlite"))
    try store.importGraph(documents: [document], entities: entities, edges: edges)
    try store._close()
  }

  /// What `kg entities` printed before it wrote bytes: the string formatter over
  /// `Workspace.entities(types:match:)`, escaped by `TerminalText`.
  static func expected(_ list: [EntitySummary]) -> String {
    if list.isEmpty { return "no entities match; try a shorter --match or another --type.\n" }
    func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
      let fill = String(repeating: " ", count: max(0, width - s.count))
      return right ? fill + s : s + fill
    }
    let idWidth = min(40, list.map(\.id.count).max() ?? 0)
    let typeWidth = list.map(\.type.rawValue.count).max() ?? 0
    var out = ""
    for e in list {
      out += pad(e.id, idWidth) + "  " + pad(e.type.rawValue, typeWidth)
      out += "  out " + pad(String(e.outgoing), 3, right: true) + "  in " + pad(String(e.incoming), 3, right: true)
      out += "  " + e.name
      let others = e.aliases.filter { $0 != e.name }
      if !others.isEmpty {
        out += " (aka " + others.prefix(6).joined(separator: ", ") + (others.count > 6 ? ", …" : "") + ")"
      }
      out += "\n"
    }
    out += "\(list.count) entit\(list.count == 1 ? "y" : "ies")\n"
    return TerminalText.escape(out)
  }

  @Test(arguments: [
    [], ["--type", "person"], ["--type", "state,armed_group"], ["--type", "location"], ["--match", "mile"],
    ["--match", "alpha", "--type", "state"], ["--match", "nothing like it"],
  ])
  func linesAreThoseOfTheStringFormatter(_ arguments: [String]) throws {
    let folder = try TempFolder("kg-entities-listing")
    try Self.store(in: folder)
    var types: Set<EntityKind> = []
    var match: String?
    if let t = arguments.firstIndex(of: "--type") {
      types = Set(arguments[t + 1].split(separator: ",").compactMap { EntityKind(rawValue: String($0)) })
    }
    if let m = arguments.firstIndex(of: "--match") { match = arguments[m + 1] }
    let list = try Workspace(queryingStoreAt: folder.path("kg.sqlite")).entities(types: types, match: match)
    let result = try KGProcess.run(["entities", "--store", "kg.sqlite"] + arguments, in: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == Self.expected(list), "kg entities \(arguments.joined(separator: " "))")
  }

  @Test func tiesAreOrderedByNameAsSwiftOrdersStringsThenById() throws {
    let folder = try TempFolder("kg-entities-order")
    try Self.store(in: folder)
    let listing = try Workspace(queryingStoreAt: folder.path("kg.sqlite")).entityListing()
    let ids = listing.order.map { i in
      let e = listing.table.entries[Int(i)]
      return String(decoding: listing.table.text[Int(e.idStart)..<Int(e.nameStart)], as: UTF8.self)
    }
    // Degree 2: ALPHA, Alpha, alpha; degree 1: Beta, Emile, Émile (d) and its canonical
    // equivalent (e) in id order; then the rest by name.
    #expect(ids.prefix(6) == ["c", "b", "a", "k", "f", "d"], "\(ids)")
    #expect(ids[6] == "e", "\(ids)")
    #expect(ids.count == Self.entities.count)
  }
}
