// Compares the two ways kg draws SVG: libgraphviz in-process (trait Graphviz) against spawning
// `dot -Tsvg`, on a synthetic graph of 2,000 edges and on one of seed size (50 edges).
// Run with scripts/bench-render (release, --traits Graphviz). Never part of `swift test`.
import Foundation
import KGModel
import KGRender

func isDebugBuild() -> Bool {
  #if DEBUG
  true
  #else
  false
  #endif
}

if isDebugBuild() && CommandLine.arguments.dropFirst().first != "--print-dot" {
  FileHandle.standardError.write(
    Data("kg-render-bench: built in debug; figures would mislead. Use scripts/bench-render.\n".utf8))
  exit(1)
}

/// A graph of `n` entities and `e` distinct edges in which a few hub actors take part in most
/// relations, as in news; a uniformly random graph of this size takes dot many minutes.
func syntheticGraph(entities n: Int, edges e: Int, seed: UInt64) -> KnowledgeGraph {
  var rng = SeededGenerator(seed: seed)
  let kinds = EntityKind.allCases
  let entities = (0..<n).map { i in
    Entity(
      id: "entity-\(i)", name: "Entity \(i) «\(["Brigade", "Front", "Army", "Council"][i % 4])»",
      kind: kinds[i % kinds.count])
  }
  var edges: [Edge] = []
  var seen: Set<EdgeKey> = []
  while edges.count < e {
    // Like news: a few actors (the first `hubs`) take part in most relations.
    let hubs = max(2, n / 40)
    let sourceIsHub = Int.random(in: 0..<100, using: &rng) < 85
    let s: Int = sourceIsHub ? Int.random(in: 0..<hubs, using: &rng) : Int.random(in: 0..<n, using: &rng)
    let targetIsHub = Int.random(in: 0..<100, using: &rng) < 20
    var t: Int = targetIsHub ? Int.random(in: 0..<hubs, using: &rng) : Int.random(in: hubs..<n, using: &rng)
    if t == s { t = (t + 1) % n }
    let key = EdgeKey(
      source: entities[s].id, type: RelationType.allCases.randomElement(using: &rng)!, target: entities[t].id,
      modality: Modality.allCases.randomElement(using: &rng)!)
    guard seen.insert(key).inserted else { continue }
    let statements = (0..<Int.random(in: 1...3, using: &rng)).map { k in
      Provenance(
        document: "doc-\(Int.random(in: 0..<200, using: &rng)).txt", sentence: k, span: TextSpan(start: 0, end: 40),
        quote: "\(entities[s].name) did something to \(entities[t].name), officials said.", rule: "ActiveVoice",
        modality: key.modality)
    }
    edges.append(Edge(id: Int64(edges.count + 1), key: key, provenance: statements))
  }
  return KnowledgeGraph(entities: entities, edges: edges)
}

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

/// User plus system CPU time so far of this process (`RUSAGE_SELF`) or of its finished children.
func cpuMilliseconds(_ who: Int32) -> Double {
  var usage = rusage()
  getrusage(__rusage_who_t(who), &usage)
  func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1e3 + Double(t.tv_usec) / 1e3 }
  return ms(usage.ru_utime) + ms(usage.ru_stime)
}

/// Prints at once (stdout to a file is otherwise buffered until exit).
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

@inline(never) func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--print-dot" {
  // The DOT text of the large graph, to try Graphviz settings by hand.
  FileHandle.standardOutput.write(Data(DOTWriter().write(syntheticGraph(entities: 600, edges: 2_000, seed: 42)).utf8))
  exit(0)
}
/// Runs on the large graph (default 3; each takes seconds); the small graph gets 20.
let largeRuns = arguments.first.flatMap(Int.init) ?? 3
var available: [SVGRenderer.Backend] = []
if SVGRenderer.hasLibgraphviz { available.append(.libgraphviz) }
if SVGRenderer(backends: [.dotProcess]).dotExecutable != nil { available.append(.dotProcess) }
guard !available.isEmpty else {
  say("kg-render-bench: \(RenderError.graphvizUnavailable)")
  exit(69)
}
if !SVGRenderer.hasLibgraphviz {
  say("note: built without --traits Graphviz; only the dot process is measured")
}

say("runs per case: 20 small, \(largeRuns) large, backends interleaved, after one warm-up each")
say("wall: elapsed time; cpu: user+system time of this process (in-process) or of dot (subprocess)")
say("graph                       backend        wall median (min) ms     cpu median ms")
var medians: [String: [SVGRenderer.Backend: Double]] = [:]
for (label, entities, edgeCount) in [("seed-sized, 50 edges", 40, 50), ("synthetic, 2,000 edges", 600, 2_000)] {
  let graph = syntheticGraph(entities: entities, edges: edgeCount, seed: 42)
  let dot = DOTWriter().write(graph)
  let expectedLines = dot.split(separator: "\n").filter { $0.contains(" -> ") }.count
  precondition(graph.edges.count == edgeCount, "expected \(edgeCount) edges")
  var wall: [SVGRenderer.Backend: [Double]] = [:]
  var cpu: [SVGRenderer.Backend: [Double]] = [:]
  for backend in available {
    let svg = try SVGRenderer(backends: [backend]).render(dot)  // warm-up (and libgraphviz's plugin context)
    precondition(svg.components(separatedBy: "class=\"edge\"").count - 1 == expectedLines, "SVG lost edges")
  }
  // Interleaved, so that load from other work on the machine falls on both backends alike.
  for _ in 0..<(edgeCount > 500 ? largeRuns : 20) {
    for backend in available {
      let renderer = SVGRenderer(backends: [backend])
      let who: Int32 = backend == .libgraphviz ? Int32(RUSAGE_SELF.rawValue) : Int32(RUSAGE_CHILDREN.rawValue)
      let before = cpuMilliseconds(who)
      var svg = ""
      wall[backend, default: []].append(try milliseconds { svg = try renderer.render(dot) })
      cpu[backend, default: []].append(cpuMilliseconds(who) - before)
      blackHole(svg)
    }
  }
  for backend in available {
    let times = wall[backend]!
    medians[label, default: [:]][backend] = median(cpu[backend]!)
    let name = backend.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
    say(
      "\(label.padding(toLength: 27, withPad: " ", startingAt: 0)) \(name) \(String(format: "%9.1f", median(times))) (\(String(format: "%.1f", times.min()!)))"
        + "     \(String(format: "%9.1f", median(cpu[backend]!)))")
  }
}
for (label, byBackend) in medians.sorted(by: { $0.key < $1.key }) {
  if let inProcess = byBackend[.libgraphviz], let process = byBackend[.dotProcess] {
    say("\(label): cpu of dot process / in-process = \(String(format: "%.2f", process / inProcess))×")
  }
}
