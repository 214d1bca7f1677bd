import Foundation
import Hummingbird
import KGModel

/// Reads the API's query and path parameters, refusing malformed ones with a message that
/// lists the valid values, as the CLI's options do.
enum Parse {
  /// The filters: `type` and `modality` (comma-separated or repeated), `since`, `until`,
  /// `min_documents`.
  static func filter(_ query: Parameters) throws(APIError) -> FilterParameters {
    FilterParameters(
      types: Set(try list(query.getAll("type"), noun: "a relation type", as: RelationType.self)),
      modalities: Set(try list(query.getAll("modality"), noun: "a modality", as: Modality.self)),
      since: nonEmpty(query.get("since")), until: nonEmpty(query.get("until")),
      minimumDocuments: try integer(query.get("min_documents"), name: "min_documents", in: 0...1_000_000) ?? 0)
  }

  /// A path question: `from`, `to` (both required), `undirected`, `all`, `max_hops`, `limit`.
  static func path(_ query: Parameters) throws(APIError) -> PathParameters {
    guard let from = nonEmpty(query.get("from")), let to = nonEmpty(query.get("to")) else {
      throw .badRequest("a path needs both 'from' and 'to', for example /api/path?from=Iran&to=ISIS.")
    }
    return PathParameters(
      from: from, to: to, undirected: try flag(query.get("undirected"), name: "undirected"),
      all: try flag(query.get("all"), name: "all"),
      maxHops: try integer(query.get("max_hops"), name: "max_hops", in: 1...10_000),
      limit: try integer(query.get("limit"), name: "limit", in: 1...100_000) ?? 20, filter: try filter(query))
  }

  static func direction(_ text: String?) throws(APIError) -> NeighborDirection {
    guard let text = nonEmpty(text) else { return .both }
    guard let direction = NeighborDirection(rawValue: text.lowercased()) else {
      throw .badRequest("'\(text)' is not a direction; use in, out or both.")
    }
    return direction
  }

  /// Values of a closed vocabulary, from repeated and comma-separated parameters, read as the
  /// CLI reads `--type` and `--modality`: case and spaces around commas ignored, `-` as `_`.
  static func list<Value: RawRepresentable & CaseIterable>(_ texts: [String], noun: String, as: Value.Type)
    throws(APIError) -> [Value] where Value.RawValue == String
  {
    var values: [Value] = []
    for text in texts {
      for part in text.split(separator: ",") {
        let word = part.trimmingCharacters(in: .whitespaces)
        if word.isEmpty { continue }
        guard let value = Value(rawValue: word.lowercased().replacingOccurrences(of: "-", with: "_")) else {
          throw .badRequest(
            "'\(word)' is not \(noun); use one of \(Value.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        values.append(value)
      }
    }
    return values
  }

  static func integer(_ text: String?, name: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
    guard let text = nonEmpty(text) else { return nil }
    guard let value = Int(text), range.contains(value) else {
      throw .badRequest("\(name) '\(text)' must be a whole number from \(range.lowerBound) to \(range.upperBound).")
    }
    return value
  }

  static func flag(_ text: String?, name: String) throws(APIError) -> Bool {
    guard let text = nonEmpty(text) else { return false }
    switch text.lowercased() {
    case "1", "true", "yes", "on": return true
    case "0", "false", "no", "off": return false
    default: throw .badRequest("\(name) '\(text)' must be true or false.")
    }
  }

  /// A path parameter, percent-decoded (`/api/entities/Islamic%20State`).
  static func pathParameter(_ context: BasicRequestContext, _ name: String) throws(APIError) -> String {
    guard let raw = context.parameters.get(name) else { throw .badRequest("the route needs {\(name)}.") }
    return raw.removingPercentEncoding ?? raw
  }

  static func nonEmpty(_ text: String?) -> String? {
    guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
    return text
  }
}
