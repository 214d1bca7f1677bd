import Foundation
import KGModel
import KGTestSupport
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

  /// A folder holding a fake `dot` script with this body, removed after `body` runs.
  func withFakeDot(_ script: String, _ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-fake-dot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Written by a shell, not by this process: a file this process held open for writing could
    // be inherited by a child that another test forks meanwhile, and exec would then fail with
    // ETXTBSY ("text file busy").
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/bin/sh")
    writer.arguments = [
      "-c", "printf '#!/bin/sh\\n%s\\n' \"$2\" > \"$1\" && chmod 755 \"$1\"", "sh", folder.path + "/dot", script,
    ]
    try writer.run()
    writer.waitUntilExit()
    try #require(writer.terminationStatus == 0)
    try body(folder.path)
  }

  @Test func aFailingDotIsReportedWithItsMessage() throws {
    try withFakeDot("cat >/dev/null; echo 'Error: <stdin>: out of ink' >&2; exit 3") { folder in
      let renderer = SVGRenderer(backends: [.dotProcess], searchPath: "/nonexistent:\(folder)")
      #expect(renderer.dotExecutable == folder + "/dot")
      #expect(
        throws: RenderError.graphvizFailed(reason: "'\(folder)/dot' exited with status 3: Error: <stdin>: out of ink")
      ) {
        try renderer.render(Self.tiny)
      }
    }
  }

  @Test func aDotThatExitsWithoutReadingDoesNotKillUs() throws {
    // dot closes its input at once: writing the rest must not raise SIGPIPE in this process.
    let big = "digraph g {\n" + String(repeating: "  a -> b;\n", count: 50_000) + "}\n"
    try withFakeDot("exit 1") { folder in
      #expect(throws: RenderError.self) { try SVGRenderer(backends: [.dotProcess], searchPath: folder).render(big) }
    }
  }

  @Test func theFirstDotOnThePathWins() throws {
    try withFakeDot("exit 0") { first in
      try withFakeDot("exit 0") { second in
        #expect(SVGRenderer(searchPath: "\(first):\(second)").dotExecutable == first + "/dot")
      }
    }
  }

  @Test(.enabled(if: SVGRenderer.hasLibgraphviz && Backends.hasDot)) func inProcessAndDotProcessAgree() throws {
    let dot = DOTWriter(clusterByPartOf: true).write(SampleGraphs.small())
    let inProcess = try SVGRenderer(backends: [.libgraphviz]).render(dot)
    let subprocess = try SVGRenderer(backends: [.dotProcess]).render(dot)
    #expect(inProcess == subprocess)
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

  /// PNG and PDF go through the same `dot` process as SVG, asking for `-Tpng`/`-Tpdf`: a stand-in
  /// `dot` that prints its argument and the DOT it read shows what kg asked for.
  @Test(arguments: SVGRenderer.ImageFormat.allCases)
  func imageFormatsAskDotForThatFormat(_ format: SVGRenderer.ImageFormat) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-fake-dot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let dot = folder.appendingPathComponent("dot")
    try ScriptFiles.create(Array("#!/bin/sh\necho \"$1\"\ncat\n".utf8), at: dot.path, mode: 0o755)
    let renderer = SVGRenderer(backends: [.dotProcess], searchPath: folder.path)
    let output = try Self.retryingTextBusy { try renderer.draw(Self.tiny, as: format) }
    #expect(String(decoding: output, as: UTF8.self) == "-T\(format.rawValue)\n" + Self.tiny)
  }

  /// Runs `body` again while it fails to start the script: a process being started on another
  /// thread in the instant the script was written holds a copy of its descriptor until it execs.
  static func retryingTextBusy<T>(_ body: () throws -> T) throws -> T {
    for _ in 0..<20 {
      do { return try body() } catch RenderError.graphvizFailed(let reason) where reason.contains("cannot run") {
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
    return try body()
  }
}
