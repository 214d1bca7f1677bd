/// Which edges of a node a query follows.
public enum Direction: String, Sendable, Hashable, CaseIterable, Codable {
  /// Edges leaving the node (it is the source).
  case out
  /// Edges entering the node (it is the target).
  case `in`
  /// Both.
  case both
}
