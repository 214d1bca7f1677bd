// kg-bench: benchmarks live here, never in `swift test`. Run them with scripts/bench, which
// builds in release mode. Usage:
//   kg-bench [graph|extract|dictionary|all] [--entities N] [--edges N] [--queries N] [--megabytes MB] [--seeds DIR]
//   kg-bench store PATH [--entities N] [--edges N] [--documents N] [--seed S]   (scripts/bench-store)
//   kg-bench corpus DIR [--copies N] [--seeds DIR]   (distinct perturbed copies of the seeds, as files)
import Foundation

#if DEBUG
FileHandle.standardError.write(
  Data(
    "kg-bench: refusing to print figures from a debug build; run scripts/bench (swift run -c release kg-bench).\n".utf8)
)
exit(64)
#else
var graph = GraphBenchmark()
var extraction = ExtractionBenchmark()
var dictionary = DictionaryBenchmark()
var which = "all"
var arguments = Array(CommandLine.arguments.dropFirst())
if let first = arguments.first, !first.hasPrefix("-") { which = arguments.removeFirst() }
var target: String?
if which == "store" || which == "corpus" {
  guard let path = arguments.first, !path.hasPrefix("-") else {
    FileHandle.standardError.write(Data("kg-bench: \(which) needs a path.\n".utf8))
    exit(64)
  }
  target = arguments.removeFirst()
}
var copies = 400
while !arguments.isEmpty {
  let flag = arguments.removeFirst()
  guard let value = arguments.first else {
    FileHandle.standardError.write(Data("kg-bench: \(flag) needs a value.\n".utf8))
    exit(64)
  }
  arguments.removeFirst()
  switch flag {
  case "--entities": graph.entities = Int(value) ?? graph.entities
  case "--edges": graph.edges = Int(value) ?? graph.edges
  case "--documents": graph.documents = Int(value) ?? graph.documents
  case "--queries": graph.queries = Int(value) ?? graph.queries
  case "--seed": graph.seed = UInt64(value) ?? graph.seed
  case "--megabytes": extraction.megabytes = Double(value) ?? extraction.megabytes
  case "--seeds": extraction.seedsFolder = value
  case "--copies": copies = Int(value) ?? copies
  case "--user-entries": dictionary.userEntries = Int(value) ?? dictionary.userEntries
  default:
    FileHandle.standardError.write(Data("kg-bench: unknown option '\(flag)'.\n".utf8))
    exit(64)
  }
}
do {
  if which == "store", let target { try graph.writeStore(at: target) }
  if which == "corpus", let target {
    let (seconds, corpus) = try Stopwatch.time {
      let corpus = try ExtractionCorpus(seedsFolder: extraction.seedsFolder, copies: copies)
      try corpus.write(to: target)
      return corpus
    }
    print(
      "wrote \(corpus.documents.count) documents, \(format(Double(corpus.bytes) / 1_000_000, 1)) MB to \(target) in \(format(seconds)) s"
    )
  }
  if which == "graph" || which == "all" { try graph.run() }
  if which == "extract" || which == "all" { try extraction.run() }
  if which == "dictionary" || which == "all" { try dictionary.run() }
} catch {
  FileHandle.standardError.write(Data("kg-bench: \(error)\n".utf8))
  exit(1)
}
#endif
