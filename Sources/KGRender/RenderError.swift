/// A failure to draw that a user can see.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
  case graphvizUnavailable
  case graphvizFailed(reason: String)

  public var description: String {
    switch self {
    case .graphvizUnavailable:
      "SVG needs Graphviz: install it ('apt-get install graphviz') for the 'dot' command, or build kg with libgraphviz ('apt-get install libgraphviz-dev' then 'swift build --traits Graphviz')."
    case .graphvizFailed(let reason):
      "Graphviz could not lay out the graph (\(reason)); render with --format dot to inspect the DOT text."
    }
  }
}
