/// A failure to draw that a user can see.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
  case graphvizUnavailable
  case graphvizFailed(reason: String)
  /// `dot` ran longer than the time allowed and was killed.
  case graphvizTimedOut(executable: String, seconds: Double)

  public var description: String {
    switch self {
    case .graphvizUnavailable:
      "SVG, PNG and PDF need Graphviz: install it ('apt-get install graphviz') for the 'dot' command, or build kg with libgraphviz ('apt-get install libgraphviz-dev' then 'swift build --traits Graphviz')."
    case .graphvizTimedOut(let executable, let seconds):
      "'\(executable)' was still laying out the graph after \(Int(seconds)) s and was stopped; draw less (--focus, --type, --since, --min-documents) or allow more time with --timeout."
    case .graphvizFailed(let reason):
      "Graphviz could not lay out the graph (\(reason)); render with --format dot to inspect the DOT text."
    }
  }
}
