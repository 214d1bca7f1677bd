public import Foundation

/// Turns DOT text into SVG with Graphviz's `dot` layout.
///
/// Two backends, tried in order:
/// - `.libgraphviz`: in-process through gvc and cgraph, compiled in only with the package trait
///   `Graphviz` (`swift build --traits Graphviz`, needs `apt-get install libgraphviz-dev`);
///   about a millisecond of overhead on a small graph.
/// - `.dotProcess`: spawns the `dot` executable found on `searchPath` (`apt-get install
///   graphviz`), feeding it the DOT text on standard input; tens of milliseconds of overhead.
///
/// When neither is available, `render(_:)` throws `RenderError.graphvizUnavailable`, whose
/// message says what to install.
///
/// ```swift
/// let svg = try SVGRenderer().render(DOTWriter().write(graph))
/// ```
public struct SVGRenderer: Sendable {
  public enum Backend: String, Sendable, CaseIterable {
    case libgraphviz
    case dotProcess
  }

  /// The backends to try, in order.
  public var backends: [Backend]
  /// The folders searched for `dot`, as in `PATH`; nil uses this process's `PATH`.
  public var searchPath: String?
  /// How long a `dot` process may run before it is killed (`RenderError.graphvizTimedOut`).
  public var timeout: Double

  /// Five minutes: a drawing of thousands of lines takes tens of seconds with the limits
  /// `DOTWriter` sets for large drawings.
  public static let defaultTimeout: Double = 300

  public init(backends: [Backend] = Backend.allCases, searchPath: String? = nil, timeout: Double = defaultTimeout) {
    self.backends = backends
    self.searchPath = searchPath
    self.timeout = timeout
  }

  /// True when this build has libgraphviz compiled in (the `Graphviz` trait).
  public static var hasLibgraphviz: Bool {
    #if Graphviz
    true
    #else
    false
    #endif
  }

  /// The backend `render(_:)` would use now, or nil when none is available.
  public var availableBackend: Backend? {
    backends.first { backend in
      switch backend {
      case .libgraphviz: Self.hasLibgraphviz
      case .dotProcess: dotExecutable != nil
      }
    }
  }

  /// The SVG drawing of `dot`.
  ///
  /// - Throws: `RenderError.graphvizUnavailable` when no backend is available;
  ///   `RenderError.graphvizFailed` when Graphviz rejects the DOT text or cannot lay it out;
  ///   `RenderError.graphvizTimedOut` when a `dot` process runs longer than `timeout`.
  public func render(_ dot: String) throws(RenderError) -> String {
    switch availableBackend {
    case .libgraphviz?:
      #if Graphviz
      return try Self.renderInProcess(dot)
      #else
      throw .graphvizUnavailable
      #endif
    case .dotProcess?:
      return try Self.renderWithDotProcess(dot, executable: dotExecutable!, timeout: timeout)
    case nil:
      throw .graphvizUnavailable
    }
  }

  /// The formats `draw(_:as:)` produces through Graphviz.
  public enum ImageFormat: String, Sendable, CaseIterable {
    case svg, png, pdf
  }

  /// The drawing of `dot` as `format`, by the same backends as `render(_:)`.
  ///
  /// - Throws: as `render(_:)`.
  public func draw(_ dot: String, as format: ImageFormat) throws(RenderError) -> Data {
    switch availableBackend {
    case .libgraphviz?:
      #if Graphviz
      return try Self.renderInProcess(dot, as: format.rawValue)
      #else
      throw .graphvizUnavailable
      #endif
    case .dotProcess?:
      return try Self.renderWithDotProcess(dot, as: format.rawValue, executable: dotExecutable!, timeout: timeout)
    case nil:
      throw .graphvizUnavailable
    }
  }

  /// The path of the `dot` executable on `searchPath`, if any.
  public var dotExecutable: String? {
    let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":", omittingEmptySubsequences: true) {
      let candidate = String(folder) + "/dot"
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
        FileManager.default.isExecutableFile(atPath: candidate)
      {
        return candidate
      }
    }
    return nil
  }
}
