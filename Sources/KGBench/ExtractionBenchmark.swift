import Foundation
import KGPipeline
import Synchronization

/// Reading and extraction throughput over an article-like corpus, on one core and on all.
struct ExtractionBenchmark {
  var seedsFolder = "seeds"
  var megabytes = 24.0

  func run() throws {
    let (buildSeconds, corpus) = try Stopwatch.time {
      try ExtractionCorpus(seedsFolder: seedsFolder, megabytes: megabytes)
    }
    let mb = Double(corpus.bytes) / 1_000_000
    print(
      "## Extraction: \(corpus.documents.count) documents, \(format(mb, 1)) MB (built in \(format(buildSeconds)) s)")
    let configuration = try ExtractionConfiguration.load()

    Memory.resetPeak()
    let (oneSeconds, oneCPU, oneEdges) = Stopwatch.timeWithCPU { () -> Int in
      let reader = ArticleReader()
      let extractor = Extractor(configuration: configuration)
      var edges = 0
      for d in corpus.documents {
        guard let document = try? reader.parse(text: d.text, path: d.path) else { continue }
        edges += extractor.extract(document).edges.count
      }
      return edges
    }
    precondition(oneEdges > 0, "extraction found no edges")
    print(
      "one core          \(format(oneSeconds)) s = \(format(mb / oneSeconds)) MB/s (\(oneEdges) edges); CPU \(format(oneCPU)) s = \(format(mb / oneCPU)) MB per CPU-second; peak \(Memory.describePeak())"
    )

    Memory.resetPeak()
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let total = Atomic<Int>(0)
    let documents = corpus.documents
    let (allSeconds, allCPU, _) = Stopwatch.timeWithCPU {
      // One chunk of documents per iteration; each iteration has its own reader and extractor.
      let chunks = cores * 8
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let reader = ArticleReader()
        let extractor = Extractor(configuration: configuration)
        var edges = 0
        for i in stride(from: chunk, to: documents.count, by: chunks) {
          guard let document = try? reader.parse(text: documents[i].text, path: documents[i].path) else { continue }
          edges += extractor.extract(document).edges.count
        }
        total.add(edges, ordering: .relaxed)
      }
    }
    precondition(
      total.load(ordering: .relaxed) == oneEdges,
      "parallel run found \(total.load(ordering: .relaxed)) edges, not \(oneEdges)")
    print(
      "all \(cores) cores       \(format(allSeconds)) s = \(format(mb / allSeconds)) MB/s (speed-up \(format(oneSeconds / allSeconds))×); CPU \(format(allCPU)) s = \(format(mb / allCPU)) MB per CPU-second; peak \(Memory.describePeak())"
    )
  }
}
