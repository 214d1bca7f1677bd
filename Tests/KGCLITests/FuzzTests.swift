import Foundation
import KGPipeline
import KGTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// No input crashes the pipeline: random bytes and mutated articles go through
/// `ArticleReader.read(bytes:path:)` → `Extractor.extract` → `GraphStore.write` into a store in
/// memory, and every document read keeps the invariants (spans inside the text, quotes equal to
/// the text at their span, a sound store).
///
/// By default it runs for 3 seconds (and at least 40 cases) from a fixed seed, so `swift test` stays quick; each case's
/// seed is derived from the base seed and the case number. Longer by hand:
/// `KG_FUZZ_SECONDS=600 swift test --filter FuzzTests` (or `scripts/fuzz-long`). To replay one
/// case: `KG_FUZZ_SEED=<seed> KG_FUZZ_CASES=1`. A failed expectation names its seed; a crash
/// prints it from a signal handler before the process dies.
@Suite struct FuzzTests {
  static let environment = ProcessInfo.processInfo.environment
  static let seconds = Double(environment["KG_FUZZ_SECONDS"] ?? "") ?? 3
  static let baseSeed = UInt64(environment["KG_FUZZ_SEED"] ?? "") ?? 0x6B67_2026
  static let maximumCases = Int(environment["KG_FUZZ_CASES"] ?? "") ?? .max
  /// Run at least this many cases even on a slow, busy machine.
  static let minimumCases = min(40, maximumCases)

  @Test func randomAndMutatedInputsNeverCrashThePipeline() throws {
    let seeds = try KGProcess.seedFiles.map { [UInt8](try Data(contentsOf: $0)) }
    let reader = ArticleReader()
    let extractor = Extractor(configuration: try ExtractionConfiguration.load())
    let store = try GraphStore(inMemoryNamed: "fuzz-\(UUID().uuidString)")
    var tally = (cases: 0, read: 0, refused: 0, edges: 0)
    let deadline = Date().addingTimeInterval(Self.seconds)
    CrashReporter.install()
    defer { CrashReporter.uninstall() }
    print("fuzz: base seed \(Self.baseSeed), \(Self.seconds) s")
    repeat {
      let seed = Self.baseSeed &+ UInt64(tally.cases)
      CrashReporter.message = "fuzz: crashed on seed \(seed); replay with KG_FUZZ_SEED=\(seed) KG_FUZZ_CASES=1\n"
      var rng = SeededGenerator(seed: seed)
      let input = Mutator.input(&rng, seeds: seeds)
      let path = "fuzz/\(seed).txt"
      tally.cases += 1
      let document: Document
      do {
        document = try reader.read(bytes: input, path: path).document
      } catch {
        tally.refused += 1
        #expect(error.path == path, "seed \(seed): the error does not name the file: \(error)")
        continue
      }
      tally.read += 1
      let problems = Self.problems(in: document)
      #expect(problems.isEmpty, "seed \(seed): \(problems.prefix(3))")
      let extraction = extractor.extract(document)
      for edge in extraction.edges {
        for p in edge.provenance where document.text[p.span] != p.quote || p.span.end > document.text.count {
          Issue.record("seed \(seed): edge \(edge.key) quote '\(p.quote)' is not the text at \(p.span)")
        }
      }
      tally.edges += extraction.edges.count
      do {
        try store.write(extraction)
      } catch {
        Issue.record("seed \(seed): the store refused a document: \(error)")
      }
    } while (Date() < deadline || tally.cases < Self.minimumCases) && tally.cases < Self.maximumCases
    CrashReporter.message =
      "fuzz: crashed while checking the store after \(tally.cases) cases from seed \(Self.baseSeed)\n"
    #expect(try store._checkInvariants() == [])
    #expect(try store._integrityCheck() == ["ok"])
    print(
      "fuzz: \(tally.cases) cases from seed \(Self.baseSeed): \(tally.read) read, \(tally.refused) refused, \(tally.edges) edges"
    )
  }

  /// Broken invariants of a document as read: spans out of the text or out of order.
  static func problems(in document: Document) -> [String] {
    var found: [String] = []
    let n = document.text.count
    if document.body.end > n { found.append("body \(document.body) past the end \(n)") }
    var previous = -1
    for s in document.sentences {
      if s.span.isEmpty || s.span.end > n { found.append("sentence \(s.index) span \(s.span) of \(n)") }
      if !document.body.contains(s.span) { found.append("sentence \(s.index) outside the body") }
      if s.span.start < previous { found.append("sentence \(s.index) out of order") }
      if s.span.length > SentenceSplitter.maximumSentenceLength {
        found.append("sentence \(s.index) longer than the limit")
      }
      previous = s.span.end
    }
    return found
  }
}

/// Makes fuzz inputs: random bytes, or slices of seed articles with byte flips, truncations,
/// inserted quotes and brackets, very long tokens, stray newlines and encodings.
enum Mutator {
  static let inserts: [[UInt8]] = [
    "\"", "“", "”", "‘", "’", "'", "(", ")", "[", "]", "«", "»", "...", "?!", "…", ". ", "\n", "\r", "\r\n", "\n\n\n",
    "U.S.", "Lt. Gen.", " says:", "Related Posts", "— Author", "•", "\u{FEFF}", "\u{200B}", "\u{0301}", "🇸🇾", "\t",
  ].map { Array($0.utf8) }

  static func input(_ rng: inout SeededGenerator, seeds: [[UInt8]]) -> [UInt8] {
    switch rng.next() % 10 {
    case 0, 1:
      // Random bytes, sometimes behind a UTF-16 or UTF-8 byte-order mark.
      let count = Int(rng.next() % 3000)
      var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      switch rng.next() % 4 {
      case 0: bytes = [0xFF, 0xFE] + bytes
      case 1: bytes = [0xEF, 0xBB, 0xBF] + bytes.map { $0 == 0 ? 0x20 : $0 }
      default: bytes = bytes.map { $0 == 0 ? 0x0A : $0 }
      }
      return bytes
    default:
      let seed = seeds[Int(rng.next() % UInt64(seeds.count))]
      var bytes: [UInt8]
      if rng.next() % 32 == 0 {
        bytes = seed
      } else {
        let start = Int(rng.next() % UInt64(seed.count))
        let length = 50 + Int(rng.next() % 1500)
        bytes = Array(seed[start..<min(seed.count, start + length)])
      }
      for _ in 0..<(1 + Int(rng.next() % 8)) { mutate(&bytes, &rng) }
      return bytes
    }
  }

  static func mutate(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
    let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
    switch rng.next() % 9 {
    case 0:  // flip a byte
      if at < bytes.count { bytes[at] ^= UInt8(truncatingIfNeeded: 1 << (rng.next() % 8)) }
    case 1:  // truncate
      bytes.removeLast(bytes.count - at)
    case 2, 3:  // insert punctuation, quotes, brackets, newlines
      bytes.insert(contentsOf: inserts[Int(rng.next() % UInt64(inserts.count))], at: at)
    case 4:  // a very long token
      let unit = ["x", "Россия", "U.S.", "a.", "-", "ISIS", "'", "١٢٣"][Int(rng.next() % 8)]
      bytes.insert(contentsOf: Array(String(repeating: unit, count: 1 + Int(rng.next() % 2500)).utf8), at: at)
    case 5:  // a random invalid byte
      bytes.insert([0x80, 0xC0, 0xE2, 0xED, 0xF0, 0xF4, 0xFE, 0xFF][Int(rng.next() % 8)], at: at)
    case 6:  // delete a stretch
      let end = min(bytes.count, at + Int(rng.next() % 200))
      if at < end { bytes.removeSubrange(at..<end) }
    case 7:  // duplicate a stretch
      let end = min(bytes.count, at + Int(rng.next() % 400))
      if at < end { bytes.insert(contentsOf: bytes[at..<end], at: at) }
    default:  // a NUL byte: the file must be refused, not crash
      if rng.next() % 4 == 0 { bytes.insert(0, at: at) }
    }
  }
}
