import Foundation
import HummingbirdTesting
import KGPipeline
import KGTestSupport
import Testing

/// The viewer's JSON API (`kg serve`) end to end: a store built from `seeds/` in a temporary
/// folder, the graph service over it, and Hummingbird's router driven by `HummingbirdTesting`.
@Suite struct ServeAPITests {
  /// One store for every test: building the seeds takes a few seconds.
  static let service: Result<GraphViewerService, any Error> = Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-serve-test-\(UUID().uuidString)")
    let workspace = try Workspace(storePath: folder.appendingPathComponent("kg.sqlite").path)
    _ = try workspace.build(paths: [Seeds.folder.path], configuration: try ExtractionConfiguration.load())
    return GraphViewerService(session: try workspace.querySession())
  }

  struct Reply {
    var status: Int
    var body: [String: Any]
    var text: String
    var answer: [String: Any] { body["answer"] as? [String: Any] ?? [:] }
    var message: String { (body["error"] as? [String: Any])?["message"] as? String ?? "" }
    var suggestions: [String] { (body["error"] as? [String: Any])?["suggestions"] as? [String] ?? [] }
  }

  /// GETs each of `uris` through the router, in order.
  static func get(_ uris: [String]) async throws -> [Reply] {
    let app = try Viewer.application(service: try service.get(), host: "127.0.0.1", port: 0)
    let raw = try await app.test(.router) { client in
      var replies: [(Int, String)] = []
      for uri in uris {
        let response = try await client.execute(uri: uri, method: .get)
        replies.append((response.status.code, String(buffer: response.body)))
      }
      return replies
    }
    return raw.map { status, text in
      Reply(
        status: status, body: (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:],
        text: text)
    }
  }

  static func get(_ uri: String) async throws -> Reply { try await get([uri])[0] }

  @Test func searchFindsAnEntityByAlias() async throws {
    let reply = try await Self.get("/api/entities?match=Islamic%20State")
    #expect(reply.status == 200)
    #expect(reply.body["schemaVersion"] as? Int == GraphViewerService.apiSchemaVersion)
    let entities = try #require(reply.answer["entities"] as? [[String: Any]])
    #expect(entities.first?["id"] as? String == "isis")
    #expect((entities.first?["aliases"] as? [String])?.contains("Islamic State") == true)
  }

  /// Every route's answer is the JSON `kg … --json` prints for the same question, in one
  /// convention: camelCase keys (`partOf`, `assertedBy`, `quoteDocument`, `markedQuote`) and the
  /// API's `schemaVersion` at the top.
  @Test func everyRouteWritesCamelCaseKeysAndItsSchemaVersion() async throws {
    let uris = [
      "/api/entities?match=a", "/api/entities/sdf", "/api/neighbors/isis",
      "/api/path?from=Iran&to=ISIS&undirected=true",
      "/api/path?from=Russia&to=ISIS&undirected=true&all=true&max_hops=3", "/api/edges/r4", "/api/edges/r999999",
    ]
    var seen: [String: String] = [:]
    for (uri, reply) in zip(uris, try await Self.get(uris)) {
      let keys = try JSONKeys.all(in: Data(reply.text.utf8))
      #expect(keys.filter { !JSONKeys.isCamelCase($0.key) }.isEmpty, "\(uri): \(reply.text.prefix(300))")
      #expect(reply.body["schemaVersion"] as? Int == 2, "\(uri)")
      seen.merge(keys) { a, _ in a }
    }
    for key in ["partOf", "assertedBy", "quoteDocument", "markedQuote", "maxHops", "searchCut"] {
      #expect(seen[key] != nil, "no answer had '\(key)'")
    }
    // The same answer as the CLI's JSON, key for key.
    let cli = try JSONKeys.all(
      in: JSONConvention.encoder(pretty: false).encode(try Self.service.get().session.edge("r4")))
    let api = try JSONKeys.all(in: Data(try await Self.get("/api/edges/r4").text.utf8))
    #expect(
      Set(cli.keys).subtracting(["schemaVersion", "answer"]) == Set(api.keys).subtracting(["schemaVersion", "answer"]))
  }

  @Test func thePageReadsTheSchemaTheAPIWrites() async throws {
    let script = try await Self.get("/viewer.js").text
    #expect(script.contains("const API_SCHEMA_VERSION = \(GraphViewerService.apiSchemaVersion);"))
    #expect(!script.contains("part_of") && !script.contains("asserted_by"))
  }

  @Test func searchTakesEntityTypesCommaSeparatedOrRepeated() async throws {
    let replies = try await Self.get([
      "/api/entities?match=a&type=state,Armed-Group", "/api/entities?match=a&type=state&type=armed_group",
      "/api/entities?match=a&type=state",
    ])
    func types(_ reply: Reply) -> Set<String> {
      Set((reply.answer["entities"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String })
    }
    #expect(types(replies[0]) == ["state", "armed_group"])
    #expect(types(replies[1]) == ["state", "armed_group"])
    #expect(types(replies[2]) == ["state"])
  }

  @Test func searchWithNoMatchSuggestsNearNames() async throws {
    let reply = try await Self.get("/api/entities?match=Hezbolah")
    #expect(reply.status == 200)
    #expect((reply.answer["entities"] as? [Any])?.isEmpty == true)
    #expect((reply.answer["suggestions"] as? [String])?.contains("Hezbollah") == true)
  }

  @Test func entityPageByAlias() async throws {
    let reply = try await Self.get("/api/entities/Islamic%20State")
    #expect(reply.status == 200)
    let entity = try #require(reply.answer["entity"] as? [String: Any])
    #expect(entity["id"] as? String == "isis")
    #expect((reply.answer["incoming"] as? [Any])?.isEmpty == false)
  }

  @Test func neighborsIncludeTheSDFAttackOnISISAndHonourTheFilters() async throws {
    let replies = try await Self.get([
      "/api/neighbors/isis?direction=in",
      "/api/neighbors/isis?type=support",
      "/api/neighbors/isis?min_documents=2",
      "/api/neighbors/isis?modality=asserted&since=2000&until=2100",
    ])
    let all = try #require(replies[0].answer["neighbors"] as? [[String: Any]])
    let sdf = all.first { ($0["neighbor"] as? [String: Any])?["id"] as? String == "sdf" }
    let edge = try #require(sdf?["edge"] as? [String: Any])
    #expect(edge["type"] as? String == "attack")
    #expect(edge["quoteDocument"] is String)
    #expect(all.allSatisfy { $0["direction"] as? String == "in" })

    func edges(_ reply: Reply) -> [[String: Any]] {
      (reply.answer["neighbors"] as? [[String: Any]] ?? []).compactMap { $0["edge"] as? [String: Any] }
    }
    #expect(!edges(replies[1]).isEmpty)
    #expect(edges(replies[1]).allSatisfy { $0["type"] as? String == "support" })
    #expect(!edges(replies[2]).isEmpty)
    #expect(edges(replies[2]).allSatisfy { ($0["documents"] as? Int ?? 0) >= 2 })
    #expect(edges(replies[3]).allSatisfy { $0["modality"] as? String == "asserted" })
  }

  @Test func pathBetweenTwoActorsFollowsStoredEdges() async throws {
    let reply = try await Self.get("/api/path?from=Iran&to=Islamic%20State&undirected=true")
    #expect(reply.status == 200)
    let paths = try #require(reply.answer["paths"] as? [[String: Any]])
    let first = try #require(paths.first)
    let entities = try #require(first["entities"] as? [[String: Any]])
    #expect(entities.first?["id"] as? String == "iran")
    #expect(entities.last?["id"] as? String == "isis")
    for hop in first["hops"] as? [[String: Any]] ?? [] {
      let ends = Set([hop["from"], hop["to"]].compactMap { ($0 as? [String: Any])?["id"] as? String })
      for edge in hop["edges"] as? [[String: Any]] ?? [] {
        let joined = Set([edge["source"], edge["target"]].compactMap { ($0 as? [String: Any])?["id"] as? String })
        #expect(joined == ends)
      }
    }
  }

  @Test func edgeShowsEveryStatementWithItsQuoteAsKGEdgeDoes() async throws {
    let neighbors = try await Self.get("/api/neighbors/sdf?direction=out&type=attack")
    let entry = (neighbors.answer["neighbors"] as? [[String: Any]] ?? []).first {
      ($0["neighbor"] as? [String: Any])?["id"] as? String == "isis"
    }
    let id = try #require((entry?["edge"] as? [String: Any])?["id"] as? String)
    let reply = try await Self.get("/api/edges/\(id)")
    #expect(reply.status == 200)
    let statements = try #require(reply.answer["statements"] as? [[String: Any]])
    let expected = try Self.service.get().session.edge(id)
    #expect(statements.count == expected.statements.count)
    #expect(statements.map { $0["quote"] as? String } == expected.statements.map(\.quote))
    let first = try #require(statements.first)
    #expect((first["quote"] as? String)?.contains("SDF") == true)
    #expect((first["markedQuote"] as? String)?.contains("⟦") == true)
    #expect(first["rule"] is String)
    #expect(first["title"] is String)
    #expect((first["marks"] as? [Any])?.count ?? 0 >= 2)
  }

  struct Failure: Sendable, CustomTestStringConvertible {
    var uri: String
    var status: Int
    var says: String
    var testDescription: String { uri }
  }

  @Test(arguments: [
    Failure(uri: "/api/entities/Islamc%20State", status: 404, says: "Did you mean 'ISIS'?"),
    Failure(uri: "/api/neighbors/isis?modality=rumoured", status: 400, says: "'rumoured' is not a modality"),
    Failure(
      uri: "/api/neighbors/isis?type=bomb", status: 400, says: "'bomb' is not a relation type; use one of attack"),
    Failure(uri: "/api/neighbors/isis?since=2018-13", status: 400, says: "'2018-13' is not a date"),
    Failure(uri: "/api/neighbors/isis?min_documents=-1", status: 400, says: "min_documents '-1' must be"),
    Failure(uri: "/api/path?from=Iran", status: 400, says: "needs both 'from' and 'to'"),
    Failure(uri: "/api/path?from=Israel&to=Iran&type=kill", status: 404, says: "no path from 'Israel' to 'Iran'"),
    Failure(uri: "/api/edges/x12", status: 400, says: "'x12' is not an edge id"),
    Failure(uri: "/api/edges/r999999", status: 404, says: "no edge 'r999999'"),
    Failure(uri: "/api/nothing", status: 404, says: "no API route '/api/nothing'"),
  ])
  func failuresAreNamedWithTheirStatus(_ failure: Failure) async throws {
    let reply = try await Self.get(failure.uri)
    #expect(reply.status == failure.status)
    #expect(reply.message.contains(failure.says), "\(reply.message)")
    #expect(reply.body["schemaVersion"] as? Int == GraphViewerService.apiSchemaVersion)
  }

  @Test func theUnknownEntityCarriesItsSuggestions() async throws {
    let reply = try await Self.get("/api/entities/Islamc%20State")
    #expect(reply.suggestions.contains("ISIS"))
  }

  @Test func thePageAndItsScriptAreServed() async throws {
    let replies = try await Self.get(["/", "/viewer.js", "/viewer.css"])
    #expect(replies.map(\.status) == [200, 200, 200])
    #expect(replies[0].text.contains("<script src=\"/viewer.js\">"))
    #expect(replies[1].text.contains("/api/edges/"))
    // Nothing is fetched from elsewhere at run time (the SVG namespace is a name, not a fetch).
    let texts = replies.map { $0.text.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "") }
    #expect(!texts.contains { $0.contains("https://") || $0.contains("http://") })
  }
}
