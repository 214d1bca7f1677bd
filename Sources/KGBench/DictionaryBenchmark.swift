import Foundation
import KGPipeline

/// How long loading the dictionaries takes: the built-in ones (what every `kg` process pays
/// before its first sentence), and a generated user dictionary of `userEntries` entries given
/// with `--dictionary`.
struct DictionaryBenchmark {
  var runs = 9
  var userEntries = 50_000

  func run() throws {
    print("== dictionary loading (median of \(runs) runs)")
    var builtIn: [Double] = []
    var entities = 0
    for _ in 0..<runs {
      let (seconds, configuration) = try Stopwatch.time { try ExtractionConfiguration.load(reuse: false) }
      builtIn.append(seconds)
      entities = configuration.dictionary.entities.count
    }
    print(
      String(
        format: "built-in dictionaries: %.1f ms median, %.1f ms max (%d entities)",
        Stopwatch.quantile(builtIn, 0.5) * 1000, Stopwatch.quantile(builtIn, 1) * 1000, entities))

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-bench-dict-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("user.yaml").path
    try Self.userDictionary(entries: userEntries).write(toFile: file, atomically: true, encoding: .utf8)
    var user: [Double] = []
    for _ in 0..<max(3, runs / 3) {
      let (seconds, configuration) = try Stopwatch.time {
        try ExtractionConfiguration.load(extraDictionaries: [file])
      }
      precondition(configuration.dictionary.entities.count >= entities + userEntries, "user entries missing")
      user.append(seconds)
    }
    print(
      String(
        format: "built-in + %d-entry user dictionary: %.1f ms median", userEntries,
        Stopwatch.quantile(user, 0.5) * 1000))
  }

  /// `entries` armed groups, a tenth of them sharing their first word ("Liwa …"), with aliases.
  static func userDictionary(entries: Int) -> String {
    var text = "actors:\n"
    text.reserveCapacity(entries * 90)
    for i in 0..<entries {
      let head = i % 10 == 0 ? "Liwa" : "Group\(i)"
      text +=
        "  - {id: bench-group-\(i), name: \(head) Bench \(i), type: armed_group, aliases: [Bench Brigade \(i), BB\(i) Front]}\n"
    }
    return text
  }
}
