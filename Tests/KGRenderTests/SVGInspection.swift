import Foundation
import KGRender
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a test needs to know about an SVG: whether it is well-formed XML, and its node and edge
/// groups (`<g class="node">`, `<g class="edge">`) with their ids, texts and tooltips.
struct SVGInspection {
  var nodeIDs: [String] = []
  var edgeIDs: [String] = []
  /// The character data of every `<text>` element.
  var texts: [String] = []
  /// Every `xlink:title` (tooltip) attribute.
  var tooltips: [String] = []

  fileprivate init() {}

  /// Parses `svg`; nil (with the parser's error recorded) when it is not well-formed XML.
  init?(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let parser = XMLParser(data: Data(svg.utf8))
    let delegate = Delegate()
    parser.delegate = delegate
    guard parser.parse() else {
      Issue.record(
        "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")",
        sourceLocation: sourceLocation)
      return nil
    }
    self = delegate.result
  }

  private final class Delegate: NSObject, XMLParserDelegate {
    var result = SVGInspection()
    var inText = false
    var text = ""

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      if name == "g", let id = attributes["id"] {
        switch attributes["class"] {
        case "node": result.nodeIDs.append(id)
        case "edge": result.edgeIDs.append(id)
        default: break
        }
      }
      if let title = attributes["xlink:title"] { result.tooltips.append(title) }
      if name == "text" {
        inText = true
        text = ""
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if inText { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if name == "text" {
        inText = false
        result.texts.append(text)
      }
    }
  }
}

/// The SVG backends this machine has: libgraphviz when built with the trait, `dot` when on PATH.
enum Backends {
  static var available: [SVGRenderer.Backend] {
    var backends: [SVGRenderer.Backend] = []
    if SVGRenderer.hasLibgraphviz { backends.append(.libgraphviz) }
    if SVGRenderer(backends: [.dotProcess]).dotExecutable != nil { backends.append(.dotProcess) }
    return backends
  }

  static var hasDot: Bool { SVGRenderer(backends: [.dotProcess]).dotExecutable != nil }
}

/// Asserts that Graphviz accepts `dot` with every available backend, and that each SVG is
/// well-formed XML; returns the inspections (empty where Graphviz is absent).
@discardableResult
func assertParses(_ dot: String, sourceLocation: SourceLocation = #_sourceLocation) -> [SVGInspection] {
  var inspections: [SVGInspection] = []
  for backend in Backends.available {
    do {
      let svg = try SVGRenderer(backends: [backend]).render(dot)
      if let inspection = SVGInspection(svg, sourceLocation: sourceLocation) { inspections.append(inspection) }
    } catch {
      Issue.record("Graphviz (\(backend)) rejected the DOT: \(error)", sourceLocation: sourceLocation)
    }
  }
  return inspections
}
