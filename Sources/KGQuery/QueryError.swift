public import KGModel

/// A failure of a graph query that a user can see.
///
/// Each message quotes what the user typed, in single quotes, and ends with the fix.
public enum QueryError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No entity has this id, name or alias; `suggestions` are near matches (names), best first.
  case unknownEntity(name: String, suggestions: [String])
  /// More than one entity has this name or alias.
  case ambiguousEntity(name: String, candidates: [Entity])
  /// No path joins the two entities under the direction, filter and hop limit asked for.
  case noPath(from: String, to: String)
  /// The text is not an edge id ("r12" or "12").
  case malformedEdgeID(text: String)
  /// No edge has this id.
  case unknownEdge(id: String)
  /// No edge of this type joins the two entities; `existing` lists the relations that do.
  case noEdge(source: String, type: String, target: String, existing: [String])
  /// A date that is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
  case invalidDate(text: String)
  /// `since` is after `until`.
  case emptyDateWindow(since: String, until: String)
  /// The store to query does not exist.
  case noStore(path: String)

  public var description: String {
    switch self {
    case .unknownEntity(let name, let suggestions):
      let hint =
        suggestions.isEmpty
        ? "list entities with 'kg entities --match TEXT'."
        : "Did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
      return "no entity named '\(name)'; \(hint)"
    case .ambiguousEntity(let name, let candidates):
      let list = candidates.map { "'\($0.id)' (\($0.name), \($0.kind.rawValue))" }.joined(separator: ", ")
      return "'\(name)' names \(candidates.count) entities: \(list); pass one of these ids instead."
    case .noPath(let from, let to):
      return
        "no path from '\(from)' to '\(to)' with this direction, filter and hop limit; try --undirected, a larger --max-hops, or fewer --type/--modality/--since/--until filters."
    case .malformedEdgeID(let text):
      return "'\(text)' is not an edge id; write it as 'r12' or '12', as 'kg neighbors' and 'kg export' print it."
    case .unknownEdge(let id):
      return "no edge '\(id)' in the store; find edge ids with 'kg neighbors ENTITY' or 'kg show ENTITY'."
    case .noEdge(let source, let type, let target, let existing):
      let hint =
        existing.isEmpty
        ? "they are not joined directly; try 'kg path \(Self.shellQuoted(source)) \(Self.shellQuoted(target))'."
        : "the edges between them are: \(existing.joined(separator: ", "))."
      return "no '\(type)' edge from '\(source)' to '\(target)'; \(hint)"
    case .invalidDate(let text):
      return "'\(text)' is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY (for example 2018-11-24)."
    case .noStore(let path):
      return "\(path): no such store; build one first with 'kg build seeds --store \(path)'."
    case .emptyDateWindow(let since, let until):
      return "--since '\(since)' is after --until '\(until)'; swap them or widen the window."
    }
  }

  static func shellQuoted(_ s: String) -> String {
    s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } ? s : "\"\(s)\""
  }
}
