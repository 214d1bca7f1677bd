/// What part of a graph a drawing shows, and what it emphasises.
///
/// The caller selects the edges (a filter, an ego network); the scope tells `DOTWriter` how to
/// present them.
public enum RenderScope: Sendable, Hashable {
  /// Every edge given, with the nodes they touch.
  case whole
  /// The edges given, drawn around one entity (its id), which is drawn even without edges and
  /// outlined twice.
  case focus(entity: String)
  /// Only the edges on these paths, each path a list of edge store ids in order; the two ends of
  /// every path are outlined twice and the path edges drawn heavier.
  case paths([[Int64]])
}
