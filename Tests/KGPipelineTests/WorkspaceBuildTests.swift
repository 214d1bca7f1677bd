import Foundation
import KGPipeline
import KGTestSupport
import Testing

/// End to end: the five sample articles → a temporary store → the JSON export that `score.py`
/// reads (GUIDELINES.md, "What the scorer reads from the project"). Public API only.
struct WorkspaceBuildTests {
  /// The export, with every key the scorer reads required (decoding fails if one is missing).
  struct Export: Decodable {
    struct Document: Decodable {
      var id: String
      var path: String
    }
    struct Entity: Decodable {
      var id: String
      var name: String
      var type: String
      var aliases: [String]
    }
    struct Provenance: Decodable {
      var document: String
      var sentence: Int
      var start: Int
      var end: Int
      var quote: String
    }
    struct Edge: Decodable {
      var id: String
      var source: String
      var target: String
      var type: String
      var modality: String
      var assertedBy: String?
      var provenance: [Provenance]
    }
    var schemaVersion: Int
    var documents: [Document]
    var entities: [Entity]
    var edges: [Edge]
  }

  static let relationTypes: Set<String> = [
    "attack", "kill", "accuse", "condemn", "threaten", "demand", "support", "cooperate", "capture", "detain",
  ]
  static let modalities: Set<String> = ["asserted", "alleged", "hypothetical"]
  static let entityTypes: Set<String> = [
    "state", "military", "government_body", "armed_group", "person", "organization", "location",
  ]

  @Test func buildSeedsExportAndRebuild() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-pipeline-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    // The workspace creates the store's folder itself.
    let workspace = try Workspace(storePath: folder.appendingPathComponent("store/kg.sqlite").path)
    let configuration = try ExtractionConfiguration.load()

    // First build: every seed is read and added.
    let first = try workspace.build(paths: [Seeds.folder.path], configuration: configuration)
    #expect(first.files == 5)
    #expect(first.added == 5)
    #expect(first.failures.isEmpty, "\(first.failures)")
    #expect(first.edges > 0)

    // The build ends with its write-ahead log copied into the store and truncated.
    let wal = folder.appendingPathComponent("store/kg.sqlite-wal").path
    #expect(((try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0) == 0)

    let data = try workspace.exportJSON()
    let export = try JSONDecoder().decode(Export.self, from: data)
    #expect(export.schemaVersion == 2)
    // camelCase keys, as every JSON output of kg writes them; an alleged edge names its claimant.
    #expect(try JSONKeys.notCamelCase(in: data).isEmpty)
    #expect(export.edges.contains { $0.assertedBy != nil })

    // Documents: one per seed, with unique ids and their paths.
    #expect(export.documents.count == 5)
    #expect(Set(export.documents.map(\.id)).count == 5)
    #expect(Set(export.documents.map { URL(fileURLWithPath: $0.path).lastPathComponent }) == Set(Seeds.names))
    let seedOfDocument = Dictionary(
      uniqueKeysWithValues: export.documents.map { ($0.id, URL(fileURLWithPath: $0.path).lastPathComponent) })

    // Entities: unique ids, a name, a rulebook type.
    #expect(!export.entities.isEmpty)
    #expect(Set(export.entities.map(\.id)).count == export.entities.count)
    let entityIDs = Set(export.entities.map(\.id))
    for entity in export.entities {
      #expect(!entity.name.isEmpty, "\(entity.id) has no name")
      #expect(Self.entityTypes.contains(entity.type), "\(entity.id) has type '\(entity.type)'")
    }
    #expect(export.entities.first { $0.id == "isis" }?.type == "armed_group")

    // Edges: at least one; ten types, three modalities, known ends, provenance into the seeds.
    #expect(!export.edges.isEmpty)
    #expect(Set(export.edges.map(\.id)).count == export.edges.count)
    var texts: [String: String] = [:]
    var checkedQuotes = 0
    for edge in export.edges {
      #expect(Self.relationTypes.contains(edge.type), "edge \(edge.id) has type '\(edge.type)'")
      #expect(Self.modalities.contains(edge.modality), "edge \(edge.id) has modality '\(edge.modality)'")
      #expect(entityIDs.contains(edge.source), "edge \(edge.id): unknown source \(edge.source)")
      #expect(entityIDs.contains(edge.target), "edge \(edge.id): unknown target \(edge.target)")
      if let claimant = edge.assertedBy { #expect(entityIDs.contains(claimant)) }
      #expect(!edge.provenance.isEmpty, "edge \(edge.id) has no provenance")
      for p in edge.provenance {
        let seed = try #require(seedOfDocument[p.document], "edge \(edge.id): unknown document \(p.document)")
        if texts[seed] == nil { texts[seed] = try Seeds.text(seed) }
        // text[start:end] == quote, in Unicode code points of the file as Python reads it.
        #expect(
          CodePoints.slice(texts[seed]!, p.start, p.end) == p.quote,
          "edge \(edge.id) in \(seed) at \(p.start)..<\(p.end)")
        #expect(p.start < p.end && p.sentence >= 0)
        checkedQuotes += 1
      }
    }
    #expect(checkedQuotes >= export.edges.count)

    // Second build: nothing added, replaced or changed.
    let countsBefore = try workspace.store.counts()
    let second = try workspace.build(paths: [Seeds.folder.path], configuration: configuration)
    #expect(second.files == 5)
    #expect(second.added == 0)
    #expect(second.replaced == 0)
    #expect(second.unchanged == 5)
    #expect(second.edges == 0)
    let countsAfter = try workspace.store.counts()
    #expect(countsAfter.documents == countsBefore.documents)
    #expect(countsAfter.entities == countsBefore.entities)
    #expect(countsAfter.edges == countsBefore.edges)
    #expect(countsAfter.evidence == countsBefore.evidence)
    #expect(try workspace.exportJSON() == data)
  }
}
