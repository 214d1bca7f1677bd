import Foundation
import KGPipeline
import KGTestSupport
import Testing

/// Every JSON kg prints, through the real binary on the seeds: one key convention (camelCase,
/// `JSONConvention`) and a `schemaVersion` at the top of each document.
@Suite struct JSONOutputTests {
  static let store: Result<TempFolder, any Error> = Result {
    let folder = try TempFolder("kg-json")
    let built = try KGProcess.run(["build", KGProcess.seeds.path, "--store", "kg.sqlite"], in: folder.url)
    guard built.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    return folder
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var arguments: [String]
    /// The `schemaVersion` the output must carry.
    var version: Int
    /// Keys that must appear somewhere, so the check sees the compound ones.
    var keys: [String] = []
    /// Keys whose value is keyed by data (counts by type, evidence by entity id).
    var dataKeyed: Set<String> = []
    /// The store named by `--store`; none for `explain`, which reads no store.
    var store: String? = "kg.sqlite"
    var testDescription: String { id }
  }

  static let answers = QuerySession.answerSchemaVersion
  static let cases: [Case] = [
    Case(
      id: "export --format json", arguments: ["export", "--format", "json"], version: 2,
      keys: ["partOf", "assertedBy", "provenance"]),
    Case(id: "entities --json", arguments: ["entities", "--json"], version: answers, keys: ["partOf"]),
    Case(
      id: "show --json", arguments: ["show", "Syrian Arab Army", "--json"], version: answers,
      keys: ["partOf", "quoteDocument"]),
    Case(
      id: "neighbors --json", arguments: ["neighbors", "ISIS", "--json"], version: answers,
      keys: ["assertedBy", "quoteDocument"]),
    Case(
      id: "path --json", arguments: ["path", "Iran", "ISIS", "--undirected", "--json"], version: answers,
      keys: ["searchCut"]),
    Case(
      id: "path --all --json",
      arguments: ["path", "Russia", "ISIS", "--all", "--undirected", "--max-hops", "3", "--json"],
      version: answers, keys: ["maxHops", "searchCut"]),
    Case(id: "edge --json", arguments: ["edge", "r4", "--json"], version: answers, keys: ["markedQuote"]),
    Case(
      id: "why --json", arguments: ["why", "Iran", "support", "SAA", "--json"], version: answers, keys: ["markedQuote"]),
    Case(
      id: "stats --json", arguments: ["stats", "--json"], version: answers, keys: ["entitiesByType"],
      dataKeyed: ["entitiesByType", "edgesByType", "edgesByModality"]),
    Case(
      id: "explain --json",
      arguments: ["explain", "--json", "Turkish jets bombed YPG positions near Afrin, the Syrian Observatory said."],
      version: Explainer.traceSchemaVersion, keys: ["entityID", "typeEvidence"], dataKeyed: ["typeEvidence"],
      store: nil),
    Case(
      id: "build --json", arguments: ["build", KGProcess.seeds.path, "--json"], version: answers,
      keys: ["failures"], store: "build.sqlite"),
  ]

  @Test(arguments: cases) func oneKeyConventionAndASchemaVersion(_ c: Case) throws {
    let folder = try Self.store.get()
    let result = try KGProcess.run(c.arguments + (c.store.map { ["--store", $0] } ?? []), in: folder.url)
    try #require(result.status == 0, "\(result)")
    let data = Data(result.stdout.utf8)
    let root = try #require(
      try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(result.stdout.prefix(200))")
    #expect(root["schemaVersion"] as? Int == c.version)
    #expect(try JSONKeys.notCamelCase(in: data, dataKeyed: c.dataKeyed).isEmpty)
    let keys = try JSONKeys.all(in: data, dataKeyed: c.dataKeyed)
    for key in c.keys { #expect(keys[key] != nil, "no '\(key)' in \(c.id)") }
  }
}
