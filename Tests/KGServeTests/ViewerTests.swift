import Foundation
import HummingbirdTesting
import KGModel
import KGTestSupport
import Testing

@testable import KGServe

/// The HTTP layer on its own, over a stub service: what the query strings parse into, the
/// envelope and key spelling of answers, and the status of each kind of failure.
struct ViewerTests {
  /// Echoes what it was asked, so the tests see what the routes parsed.
  struct Echo: GraphService {
    struct Asked: Encodable, Sendable {
      var route: String
      var name: String
      var direction: String?
      var types: [String]?
      var modalities: [String]?
      var since: String?
      var until: String?
      var minimumDocuments: Int?
      var undirected: Bool?
      var maxHops: Int?
    }
    struct Broken: Error {}

    var schemaVersion: Int { 7 }

    func search(_ text: String, types: Set<EntityKind>, limit: Int) throws -> Asked {
      Asked(route: "search", name: text, types: types.map(\.rawValue).sorted(), maxHops: limit)
    }
    func entity(_ name: String) throws -> Asked {
      if name == "broken" { throw Broken() }
      if name == "nobody" { throw APIError.notFound("no entity named 'nobody'.", suggestions: ["Nobel"]) }
      return Asked(route: "entity", name: name)
    }
    func neighbors(of name: String, direction: NeighborDirection, filter: FilterParameters) throws -> Asked {
      Asked(
        route: "neighbors", name: name, direction: direction.rawValue, types: filter.types.map(\.rawValue).sorted(),
        modalities: filter.modalities.map(\.rawValue).sorted(), since: filter.since, until: filter.until,
        minimumDocuments: filter.minimumDocuments)
    }
    func path(_ request: PathParameters) throws -> Asked {
      Asked(
        route: "path", name: "\(request.from)→\(request.to)", types: request.filter.types.map(\.rawValue).sorted(),
        undirected: request.undirected, maxHops: request.maxHops)
    }
    func edge(_ id: String) throws -> Asked { Asked(route: "edge", name: id) }
  }

  static func get(_ uri: String) async throws -> (status: Int, body: [String: Any]) {
    let app = try Viewer.application(service: Echo(), host: "127.0.0.1", port: 0)
    let (status, text) = try await app.test(.router) { client in
      let response = try await client.execute(uri: uri, method: .get)
      return (response.status.code, String(buffer: response.body))
    }
    return (status, (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:])
  }

  @Test func filtersParseFromRepeatedAndCommaSeparatedParameters() async throws {
    let reply = try await Self.get(
      "/api/neighbors/Islamic%20State?direction=in&type=attack,kill&type=support&modality=ALLEGED&since=2018&until=2019-06&min_documents=2"
    )
    #expect(reply.status == 200)
    #expect(reply.body["schemaVersion"] as? Int == 7)
    let asked = try #require(reply.body["answer"] as? [String: Any])
    #expect(asked["name"] as? String == "Islamic State")
    #expect(asked["direction"] as? String == "in")
    #expect(asked["types"] as? [String] == ["attack", "kill", "support"])
    #expect(asked["modalities"] as? [String] == ["alleged"])
    #expect(asked["since"] as? String == "2018")
    #expect(asked["until"] as? String == "2019-06")
    // camelCase keys, as every JSON output of kg writes them, never converted.
    #expect(asked["minimumDocuments"] as? Int == 2)
    #expect(asked["minimum_documents"] == nil)
  }

  @Test func pathParameters() async throws {
    let reply = try await Self.get("/api/path?from=Iran&to=ISIS&undirected=1&max_hops=3&type=support")
    let asked = try #require(reply.body["answer"] as? [String: Any])
    #expect(asked["name"] as? String == "Iran→ISIS")
    #expect(asked["undirected"] as? Bool == true)
    #expect(asked["maxHops"] as? Int == 3)
    #expect(asked["types"] as? [String] == ["support"])
  }

  @Test func serviceErrorsKeepTheirMessageOthersAreInternal() async throws {
    let missing = try await Self.get("/api/entities/nobody")
    #expect(missing.status == 404)
    let error = try #require(missing.body["error"] as? [String: Any])
    #expect(error["message"] as? String == "no entity named 'nobody'.")
    #expect(error["suggestions"] as? [String] == ["Nobel"])

    let broken = try await Self.get("/api/entities/broken")
    #expect(broken.status == 500)
    #expect(((broken.body["error"] as? [String: Any])?["message"] as? String)?.contains("could not answer") == true)
  }

  @Test(arguments: [
    ("/api/neighbors/x?direction=sideways", "'sideways' is not a direction"),
    ("/api/neighbors/x?min_documents=two", "min_documents 'two' must be a whole number"),
    ("/api/entities?type=tribe", "'tribe' is not an entity type"),
    ("/api/path?from=a&to=b&undirected=maybe", "undirected 'maybe' must be true or false"),
    ("/api/path?from=a&to=b&max_hops=0", "max_hops '0' must be a whole number from 1"),
  ])
  func malformedParametersAreBadRequests(uri: String, says: String) async throws {
    let reply = try await Self.get(uri)
    #expect(reply.status == 400)
    #expect(((reply.body["error"] as? [String: Any])?["message"] as? String)?.contains(says) == true)
  }

  @Test func everyKeyOfAnAnswerAndAFailureIsCamelCase() async throws {
    let app = try Viewer.application(service: Echo(), host: "127.0.0.1", port: 0)
    let bodies = try await app.test(.router) { client in
      var bodies: [Data] = []
      for uri in ["/api/path?from=a&to=b&max_hops=2&min_documents=3", "/api/entities/nobody"] {
        let response = try await client.execute(uri: uri, method: .get)
        bodies.append(Data(String(buffer: response.body).utf8))
      }
      return bodies
    }
    for body in bodies {
      #expect(try JSONKeys.notCamelCase(in: body).isEmpty, "\(String(decoding: body, as: UTF8.self))")
      #expect(try JSONKeys.all(in: body)["schemaVersion"] == "$")
    }
    #expect(try JSONKeys.all(in: bodies[0])["maxHops"] != nil)
  }

  @Test func urls() {
    #expect(Viewer.url(host: "127.0.0.1", port: 8080) == "http://127.0.0.1:8080/")
    #expect(Viewer.url(host: "::1", port: 80) == "http://[::1]:80/")
  }
}
