import Foundation
public import Hummingbird
import KGModel

/// The web viewer of `kg serve`: the page (HTML, JavaScript and CSS shipped as resources) and
/// the JSON API it calls, over any ``GraphService``.
///
/// Routes:
/// - `GET /`, `/viewer.js`, `/viewer.css`: the page.
/// - `GET /api/entities?match=&type=&limit=`: search by id, name or alias, with suggestions.
/// - `GET /api/entities/{id}`: one entity with every edge out and in.
/// - `GET /api/neighbors/{id}?direction=&type=&modality=&since=&until=&min_documents=`.
/// - `GET /api/path?from=&to=&undirected=&all=&max_hops=&limit=` and the same filters.
/// - `GET /api/edges/{id}`: every statement of an edge (`r12`), as `kg edge` prints it.
///
/// Every answer is `{"schemaVersion": N, "answer": …}`; every failure is
/// `{"schemaVersion": N, "error": {"message": …, "suggestions": […]}}` with status 400, 404 or 500.
/// Keys are camelCase (`partOf`, `assertedBy`, `quoteDocument`), the same JSON as `kg … --json`
/// and `kg export --format json` write (`JSONConvention`); query parameters are spelled as
/// above.
public enum Viewer {
  /// The router with the page and API routes; what the tests drive through `HummingbirdTesting`.
  ///
  /// - Throws: ``ServeError/missingAsset(name:)`` when the page's files are not in the bundle.
  public static func router<Service: GraphService>(service: Service) throws(ServeError) -> Router<BasicRequestContext> {
    let router = Router()
    let assets = try Assets.load()
    for asset in assets {
      let response = asset.response
      router.get(RouterPath(asset.route)) { _, _ in response }
    }
    let api = APIResponder(service: service)
    router.get("/api/entities") { request, _ in
      api.respond { () throws -> Service.Search in
        let query = request.uri.queryParameters
        return try service.search(
          query.get("match") ?? "",
          types: Set(try Parse.list(query.getAll("type"), noun: "an entity type", as: EntityKind.self)),
          limit: try Parse.integer(query.get("limit"), name: "limit", in: 1...10_000) ?? 50)
      }
    }
    router.get("/api/entities/:id") { _, context in
      api.respond { () throws -> Service.EntityPage in try service.entity(Parse.pathParameter(context, "id")) }
    }
    router.get("/api/neighbors/:id") { request, context in
      api.respond { () throws -> Service.Neighborhood in
        let query = request.uri.queryParameters
        return try service.neighbors(
          of: Parse.pathParameter(context, "id"), direction: try Parse.direction(query.get("direction")),
          filter: try Parse.filter(query))
      }
    }
    router.get("/api/path") { request, _ in
      api.respond { () throws -> Service.Paths in
        let query = request.uri.queryParameters
        return try service.path(try Parse.path(query))
      }
    }
    router.get("/api/edges/:id") { _, context in
      api.respond { () throws -> Service.EdgeEvidence in try service.edge(Parse.pathParameter(context, "id")) }
    }
    router.get("/api/**") { request, _ in
      api.failure(
        .notFound(
          "no API route '\(request.uri.path)'; the routes are /api/entities, /api/entities/{id}, /api/neighbors/{id}, /api/path and /api/edges/{id}."
        ))
    }
    return router
  }

  /// The application serving `service` on `host:port` (port 0: any free port), calling
  /// `onListening` with the page's URL once it accepts connections.
  ///
  /// - Throws: ``ServeError/missingAsset(name:)``.
  public static func application<Service: GraphService>(
    service: Service, host: String, port: Int, onListening: @escaping @Sendable (String) -> Void = { _ in }
  ) throws(ServeError) -> some ApplicationProtocol {
    Application(
      router: try router(service: service),
      configuration: .init(address: .hostname(host, port: port), serverName: "kg"),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        onListening(url(host: host, port: bound))
      })
  }

  /// Serves `service` until SIGINT (Ctrl-C) or SIGTERM, then returns once open requests are done.
  ///
  /// Blocks the calling thread; the server runs on Hummingbird's event loops.
  ///
  /// - Throws: ``ServeError/portInUse(host:port:)`` when the port is taken;
  ///   ``ServeError/cannotListen(host:port:reason:)`` when the address cannot be bound.
  public static func run<Service: GraphService>(
    service: Service, host: String, port: Int, onListening: @escaping @Sendable (String) -> Void
  ) throws(ServeError) {
    try PortCheck.requireFree(host: host, port: port)
    let app = try application(service: service, host: host, port: port, onListening: onListening)
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task {
      do { try await app.runService() } catch { outcome.record(error) }
      done.signal()
    }
    done.wait()
    if let error = outcome.error {
      let reason = String(describing: error)
      if reason.contains("Address already in use") { throw .portInUse(host: host, port: port) }
      throw .cannotListen(host: host, port: port, reason: reason)
    }
  }

  /// `http://host:port/`, with an IPv6 address in brackets.
  static func url(host: String, port: Int) -> String {
    host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/"
  }
}

/// The error a server task ended with, handed back to the thread that waits for it.
private final class Outcome: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: (any Error)?

  func record(_ error: any Error) { lock.withLock { stored = error } }
  var error: (any Error)? { lock.withLock { stored } }
}
