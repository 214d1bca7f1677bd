import Foundation
import KGModel
import Testing

@testable import KGRender

@Suite struct SVGRendererTests {
  static let tiny = "digraph g { a -> b [id=\"r1\"]; }\n"

  @Test func withoutGraphvizTheErrorSaysWhatToInstall() {
    let renderer = SVGRenderer(backends: [.dotProcess], searchPath: "/nonexistent:/also-missing")
    #expect(renderer.dotExecutable == nil)
    #expect(renderer.availableBackend == nil)
    #expect(throws: RenderError.graphvizUnavailable) { try renderer.render(Self.tiny) }
    let message = RenderError.graphvizUnavailable.description
    #expect(message.contains("apt-get install graphviz"))
    #expect(message.contains("swift build --traits Graphviz"))
  }

  @Test func libgraphvizBackendFollowsTheTrait() throws {
    let renderer = SVGRenderer(backends: [.libgraphviz])
    if SVGRenderer.hasLibgraphviz {
      #expect(renderer.availableBackend == .libgraphviz)
    } else {
      #expect(throws: RenderError.graphvizUnavailable) { try renderer.render(Self.tiny) }
    }
  }

  @Test func fallsBackToTheDotExecutable() throws {
    let renderer = SVGRenderer(backends: [.libgraphviz, .dotProcess])
    if !SVGRenderer.hasLibgraphviz {
      #expect(renderer.availableBackend == (Backends.hasDot ? .dotProcess : nil))
    }
  }

  @Test(.enabled(if: Backends.hasDot)) func dotProcessDrawsOneGroupPerNodeAndEdge() throws {
    let svg = try SVGRenderer(backends: [.dotProcess]).render(DOTWriter().write(SampleGraphs.small()))
    let inspection = try #require(SVGInspection(svg))
    #expect(inspection.nodeIDs.count == 6)
    #expect(inspection.edgeIDs.sorted() == ["r1", "r3", "r4", "r5"])
  }

  @Test(.enabled(if: SVGRenderer.hasLibgraphviz)) func inProcessDrawsOneGroupPerNodeAndEdge() throws {
    let svg = try SVGRenderer(backends: [.libgraphviz]).render(DOTWriter().write(SampleGraphs.small()))
    let inspection = try #require(SVGInspection(svg))
    #expect(inspection.nodeIDs.count == 6)
    #expect(inspection.edgeIDs.sorted() == ["r1", "r3", "r4", "r5"])
  }

  @Test(arguments: Backends.available) func badDOTIsReportedNotCrashed(_ backend: SVGRenderer.Backend) throws {
    let renderer = SVGRenderer(backends: [backend])
    #expect {
      try renderer.render("digraph { a -> ; }")
    } throws: { error in
      guard case RenderError.graphvizFailed(let reason) = error else { return false }
      return !reason.isEmpty
    }
    // Graphviz's parser state is global: a good graph still renders after a bad one.
    let svg = try renderer.render(Self.tiny)
    #expect(SVGInspection(svg)?.edgeIDs == ["r1"])
  }

  @Test(.enabled(if: SVGRenderer.hasLibgraphviz)) func inProcessIsSafeFromManyThreads() async throws {
    let dot = DOTWriter().write(SampleGraphs.small())
    try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<8 {
        group.addTask { try SVGRenderer(backends: [.libgraphviz]).render(dot).count }
      }
      for try await count in group { #expect(count > 1000) }
    }
  }

  @Test(.enabled(if: Backends.hasDot)) func largeInputDoesNotDeadlockThePipes() throws {
    // Far more than a pipe buffer (64 KiB) each way.
    var lines = ["digraph g {"]
    for i in 0..<1500 { lines.append("  n\(i) -> n\(i + 1) [tooltip=\"\(String(repeating: "x", count: 80))\"];") }
    lines.append("}")
    let svg = try SVGRenderer(backends: [.dotProcess]).render(lines.joined(separator: "\n"))
    #expect(SVGInspection(svg)?.edgeIDs.count == 1500)
  }
}
