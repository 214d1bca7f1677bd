#if Graphviz
@preconcurrency import CGraphviz
import Foundation

extension SVGRenderer {
  /// Lays out and draws `dot` with libgraphviz in this process.
  ///
  /// Graphviz keeps global state (the parser, the error buffer, the plugin context) and is
  /// not thread-safe, so every call holds one lock. The context is made once and kept.
  ///
  /// - Throws: `RenderError.graphvizFailed` with Graphviz's own message when the text does
  ///   not parse, the layout fails (for example without the plugin list `config6a`, which
  ///   `dot -c` writes), or SVG cannot be produced.
  static func renderInProcess(_ dot: String) throws(RenderError) -> String {
    String(decoding: try renderInProcess(dot, as: "svg"), as: UTF8.self)
  }

  /// Lays out `dot` in this process and draws it as `format` (`svg`, `png`, `pdf`).
  static func renderInProcess(_ dot: String, as format: String) throws(RenderError) -> Data {
    GraphvizLibrary.lock.lock()
    defer { GraphvizLibrary.lock.unlock() }
    let gvc = GraphvizLibrary.context()
    GraphvizLibrary.messages = ""

    guard let graph = dot.withCString({ agmemread($0) }) else {
      throw .graphvizFailed(reason: GraphvizLibrary.failure("the DOT text does not parse"))
    }
    defer { agclose(graph) }
    guard gvLayout(gvc, graph, "dot") == 0 else {
      throw .graphvizFailed(
        reason: GraphvizLibrary.failure("the 'dot' layout failed; run 'dot -c' as root to register Graphviz's plugins"))
    }
    defer { gvFreeLayout(gvc, graph) }
    var result: UnsafeMutablePointer<CChar>? = nil
    var length = 0
    guard kg_gvRenderData(gvc, graph, format, &result, &length) == 0, let result else {
      throw .graphvizFailed(reason: GraphvizLibrary.failure("\(format) output failed"))
    }
    defer { gvFreeRenderData(result) }
    return result.withMemoryRebound(to: UInt8.self, capacity: length) {
      Data(UnsafeBufferPointer(start: $0, count: length))
    }
  }
}

/// The process-wide Graphviz state, used only while `lock` is held.
private enum GraphvizLibrary {
  static let lock = NSLock()
  nonisolated(unsafe) static var gvc: OpaquePointer?
  /// Messages Graphviz reported during the current call.
  nonisolated(unsafe) static var messages = ""

  static func context() -> OpaquePointer {
    if let gvc { return gvc }
    // Collect errors and warnings instead of letting Graphviz print them.
    _ = agseterrf { message in
      if let message { GraphvizLibrary.messages += String(cString: message) }
      return 0
    }
    let made = gvContext()!
    gvc = made
    return made
  }

  /// Graphviz's first message when it gave one, else `fallback`.
  static func failure(_ fallback: String) -> String {
    let first = messages.split(whereSeparator: \.isNewline).first.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return first.map { $0.isEmpty ? fallback : "\($0)" } ?? fallback
  }
}
#endif
