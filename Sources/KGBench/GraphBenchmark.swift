import Foundation
import KGPipeline

/// Store write, load and query times on a synthetic graph.
struct GraphBenchmark {
  var entities = 100_000
  var edges = 1_000_000
  var documents = 2_000
  var queries = 1_000
  var seed: UInt64 = 42
  var storePath = NSTemporaryDirectory() + "kg-bench-\(getpid()).sqlite"

  /// Writes the benchmark's graph into a fresh store at `path` (what `scripts/bench-store`
  /// makes, so the CLI can be timed on it); an existing file there is replaced.
  func writeStore(at path: String) throws {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let (genSeconds, graph) = Stopwatch.time {
      SyntheticGraph(entities: entities, edges: edges, documents: documents, seed: seed)
    }
    let store = try GraphStore(path: path)
    let (writeSeconds, written) = try Stopwatch.time {
      try store.importGraph(documents: graph.documents, entities: graph.entities, edges: graph.edges)
    }
    precondition(written == edges, "wrote \(written) edges, expected \(edges)")
    print(
      "wrote \(path): \(entities) entities, \(edges) edges, \(graph.statementCount) statements, \(documents) documents, seed \(seed) (generated in \(format(genSeconds)) s, written in \(format(writeSeconds)) s)"
    )
  }

  func run() throws {
    print("## Graph: \(entities) entities, \(edges) edges, \(documents) documents, seed \(seed)")
    try? FileManager.default.removeItem(atPath: storePath)
    defer {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
    }

    // Generate and write, in a scope of its own so the generated graph is freed before loading.
    do {
      Memory.resetPeak()
      let (genSeconds, graph) = Stopwatch.time {
        SyntheticGraph(entities: entities, edges: edges, documents: documents, seed: seed)
      }
      let statements = graph.statementCount
      print("generate          \(format(genSeconds)) s (\(statements) statements)")
      let store = try GraphStore(path: storePath)
      let (writeSeconds, writeCPU, written) = try Stopwatch.timeWithCPU {
        try store.importGraph(documents: graph.documents, entities: graph.entities, edges: graph.edges)
      }
      precondition(written == edges, "wrote \(written) edges, expected \(edges)")
      let counts = try store.counts()
      precondition(counts.edges == edges && counts.entities == entities, "store holds \(counts)")
      print(
        "store write       \(format(writeSeconds)) s = \(format(Double(edges) / writeSeconds / 1000, 0))k edges/s (\(format(Double(edges + statements) / writeSeconds / 1000, 0))k rows/s with evidence); CPU \(format(writeCPU)) s = \(format(Double(edges) / writeCPU / 1000, 0))k edges per CPU-second"
      )
      print("peak memory (generate + write)  \(Memory.describePeak())")
    }

    // Load for querying.
    Memory.resetPeak()
    let workspace = try Workspace(queryingStoreAt: storePath)
    let (loadSeconds, loadCPU, graph) = try Stopwatch.timeWithCPU { try workspace.store.loadGraphForQuery() }
    let (indexSeconds, indexCPU, index) = Stopwatch.timeWithCPU { GraphIndex(graph) }
    precondition(index.edges.count == edges && index.nodeCount == entities, "loaded \(index.edges.count) edges")
    print(
      "load              \(format(loadSeconds)) s read + \(format(indexSeconds)) s index = \(format(loadSeconds + indexSeconds)) s (CPU \(format(loadCPU + indexCPU)) s)"
    )

    var rng = SeededGenerator(seed: seed &+ 1)
    let actors = index.entities.indices.filter { index.entities[$0].kind.isActor }
    let pairs = (0..<queries).map { _ in (actors.randomElement(using: &rng)!, actors.randomElement(using: &rng)!) }

    func measurePaths(_ label: String, filter: EdgeFilter, undirected: Bool) {
      var samples: [Double] = []
      var found = 0
      var hops = 0
      for (a, b) in pairs {
        let (t, path) = Stopwatch.time {
          try? index.shortestPath(from: a, to: b, filter: filter, undirected: undirected)
        }
        samples.append(t * 1000)
        if let path {
          found += 1
          hops += path.length
        }
      }
      precondition(found > 0, "no path found at all")
      blackHole(hops)
      print(
        "\(label)  median \(format(Stopwatch.quantile(samples, 0.5), 3)) ms, p99 \(format(Stopwatch.quantile(samples, 0.99), 3)) ms (\(found)/\(pairs.count) found, mean \(format(Double(hops) / Double(max(found, 1)), 1)) hops)"
      )
    }
    measurePaths("shortest path, directed            ", filter: .all, undirected: false)
    measurePaths("shortest path, undirected          ", filter: .all, undirected: true)
    let filter = try EdgeFilter(
      types: [.attack, .kill, .support], modalities: [.asserted], since: "2016", until: "2019")
    measurePaths("shortest path, filtered, directed  ", filter: filter, undirected: false)

    var samples: [Double] = []
    var total = 0
    for (a, _) in pairs {
      let (t, n) = Stopwatch.time { index.neighbors(of: a, direction: .both, filter: .all) }
      samples.append(t * 1000)
      total += n.count
    }
    precondition(total > 0, "no neighbours at all")
    blackHole(total)
    print(
      "neighbours, both directions         median \(format(Stopwatch.quantile(samples, 0.5), 3)) ms, p99 \(format(Stopwatch.quantile(samples, 0.99), 3)) ms (mean degree \(format(Double(total) / Double(pairs.count), 1)))"
    )

    // The same questions through the pipeline: names resolved, answers with quotes built.
    let session = try workspace.querySession()
    var pathSamples: [Double] = []
    for (a, b) in pairs.prefix(200) {
      let request = PathRequest(from: index.entities[a].id, to: index.entities[b].id)
      let (t, answer) = Stopwatch.time { try? session.path(request) }
      pathSamples.append(t * 1000)
      blackHole(answer)
    }
    print(
      "kg path via QuerySession (names, quotes)  median \(format(Stopwatch.quantile(pathSamples, 0.5), 3)) ms, p99 \(format(Stopwatch.quantile(pathSamples, 0.99), 3)) ms"
    )
    print("peak memory (load + index + queries)  \(Memory.describePeak())")

    // One-off commands as `kg neighbors`, `kg show`, `kg why` and `kg edge` run them: each call
    // reads the entities, then only the edges it is about, from the store on disk.
    var oneOff: [(label: String, run: (Int, Int) -> Any?)] = []
    oneOff.append(
      ("kg neighbors (reads one entity's edges)", { a, _ in try? workspace.neighbors(of: index.entities[a].id) }))
    oneOff.append(
      (
        "kg why (reads two entities' edges)     ",
        { a, b in
          let e = index.edges[b % index.edges.count]
          return try? workspace.why(e.source, e.type, e.target)
        }
      ))
    oneOff.append(("kg edge (reads one edge)               ", { _, b in try? workspace.edge("r\(b % edges + 1)") }))
    for (label, run) in oneOff {
      var samples: [Double] = []
      for (a, b) in pairs.prefix(20) {
        let (t, answer) = Stopwatch.time { run(a, b) }
        precondition(answer != nil, "\(label) found no answer")
        samples.append(t * 1000)
      }
      print(
        "\(label)  median \(format(Stopwatch.quantile(samples, 0.5), 1)) ms, p99 \(format(Stopwatch.quantile(samples, 0.99), 1)) ms"
      )
    }
  }
}
