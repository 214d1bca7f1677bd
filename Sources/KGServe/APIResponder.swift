import Foundation
import Hummingbird

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

  /// Sorted keys, slashes unescaped, snake_case keys as in `kg export --format json`, and
  /// `schemaVersion` spelled as the export spells it.
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .custom { path in
      let key = path.last!
      return key.stringValue == "schemaVersion" || key.intValue != nil ? key : SnakeKey(snake(key.stringValue))
    }
    return encoder
  }()

  /// "assertedBy" → "asserted_by", "quoteDocument" → "quote_document".
  static func snake(_ name: String) -> String {
    var out = ""
    for c in name {
      if c.isUppercase {
        if !out.isEmpty { out.append("_") }
        out.append(contentsOf: c.lowercased())
      } else {
        out.append(c)
      }
    }
    return out
  }

  struct SnakeKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
