/// A failure of an API request that the user caused and can fix, sent as JSON with its status.
///
/// The message follows the CLI's: it quotes what was typed in single quotes and ends with the fix.
public enum APIError: Error, Equatable, Sendable, CustomStringConvertible {
  /// 400: a parameter is missing or malformed (`since=2018-13`, `type=bomb`, an ambiguous name).
  case badRequest(String, suggestions: [String] = [])
  /// 404: what was named does not exist (an unknown entity or edge, no path).
  case notFound(String, suggestions: [String] = [])

  public var description: String {
    switch self {
    case .badRequest(let message, _), .notFound(let message, _): message
    }
  }

  /// Near matches to offer ("Did you mean …"), best first.
  public var suggestions: [String] {
    switch self {
    case .badRequest(_, let s), .notFound(_, let s): s
    }
  }
}
