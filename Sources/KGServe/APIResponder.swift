import Foundation
import Hummingbird
import KGModel

/// Turns a service's answer or error into a JSON response.
struct APIResponder: Sendable {
  let schemaVersion: Int

  init(service: some GraphService) { schemaVersion = service.schemaVersion }

  struct Envelope<Answer: Encodable>: Encodable {
    var schemaVersion: Int
    var answer: Answer
  }

  struct Failure: Encodable {
    struct Body: Encodable {
      var message: String
      var suggestions: [String]
    }
    var schemaVersion: Int
    var error: Body
  }

  /// 200 with `body()`'s answer, or the error's status and message.
  func respond<Answer: Encodable>(_ body: () throws -> Answer) -> Response {
    do {
      return json(.ok, try Self.encoder.encode(Envelope(schemaVersion: schemaVersion, answer: try body())))
    } catch let error as APIError {
      return failure(error)
    } catch {
      // Not the user's doing: say so without internals.
      return message(.internalServerError, "the server could not answer (\(type(of: error))); see its log.", [])
    }
  }

  func failure(_ error: APIError) -> Response {
    switch error {
    case .badRequest(let text, let suggestions): message(.badRequest, text, suggestions)
    case .notFound(let text, let suggestions): message(.notFound, text, suggestions)
    }
  }

  func message(_ status: HTTPResponse.Status, _ text: String, _ suggestions: [String]) -> Response {
    let failure = Failure(schemaVersion: schemaVersion, error: .init(message: text, suggestions: suggestions))
    return json(status, (try? Self.encoder.encode(failure)) ?? Data("{}".utf8))
  }

  func json(_ status: HTTPResponse.Status, _ data: Data) -> Response {
    Response(
      status: status,
      headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// Compact JSON in kg's one convention (`JSONConvention`): camelCase keys as `kg … --json`
  /// writes them, sorted, slashes unescaped.
  static let encoder = JSONConvention.encoder(pretty: false)
}
