import Foundation
import KGModel
import KGTestSupport
import Testing

@testable import KGExtract

/// The extractor never traps on a sentence made of the words it reacts to. Sentences are drawn
/// from a grammar-free mix of the dictionaries' own names and aliases, the lexicon's cue words,
/// and the function words rules look around ("its", "'s", "and", "by", "of", "as", commas,
/// brackets, quotes), so names, cues and relation nouns fall at the first and last token, next to
/// each other and inside brackets: the shapes a hand-written rule indexes around
/// ("Iran's proxy Hezbollah attacked Israel." once read token -1).
///
/// Runs for 3 seconds (at least 300 sentences) from a fixed seed; longer with
/// `KG_FUZZ_SECONDS=600 swift test --filter SentenceFuzzTests`, and one case is replayed with
/// `KG_FUZZ_SEED=<seed> KG_FUZZ_CASES=1`. A crash prints the seed and the sentence from a signal
/// handler before the process dies.
struct SentenceFuzzTests {
  static let environment = ProcessInfo.processInfo.environment
  static let seconds = Double(environment["KG_FUZZ_SECONDS"] ?? "") ?? 3
  static let baseSeed = UInt64(environment["KG_FUZZ_SEED"] ?? "") ?? 0x5EED_2026
  static let maximumCases = Int(environment["KG_FUZZ_CASES"] ?? "") ?? .max

  static let functionWords = [
    "its", "their", "his", "her", "'s", "and", "or", "but", "by", "of", "on", "in", "at", "against", "with", "from",
    "to", "as", "the", "a", "an", "its", "ally", "allies", "proxy", "proxies", "backer", "sponsor", "partner",
    "among", "including", "such", "like", "said", "says", "told", "according", "that", "which", "who", "they",
    "it", "he", "she", "the group", "the coalition", "the regime", "had", "has", "been", "was", "were", "will",
    "would", "not", "no", "never", "reportedly", "allegedly", "if", "under", "fire", "positions", "forces",
    "fighters", "backed", "-", "led", "-backed", ",", ",", ",", ".", "(", ")", "\"", "“", "”", ":", ";", "'",
    "town of", "province", "village", "spokesman", "Major General", "leader of", "on Saturday", "calling them",
    "accused", "of attacking", "repelled the attack", "condemned the attack", "1st Brigade", "Abu",
  ]

  @Test func generatedSentencesNeverTrapTheExtractor() throws {
    let extractor = try ExtractionFixture.extractor()
    let configuration = extractor.configuration
    var names: [String] = []
    for entity in configuration.dictionary.entities.values.sorted(by: { $0.id < $1.id }) {
      names.append(entity.name)
      names.append(contentsOf: entity.aliases.prefix(3))
    }
    var cueWords: [String] = []
    for cues in configuration.lexicon.cues.values {
      for cue in cues { cueWords.append(cue.tokens.joined(separator: " ")) }
    }
    cueWords.sort()
    let pools = [names, cueWords, Self.functionWords]
    #expect(names.count > 50 && cueWords.count > 50, "the dictionaries gave too few words to fuzz with")

    CrashReporter.install()
    defer { CrashReporter.uninstall() }
    let deadline = Date().addingTimeInterval(Self.seconds)
    var cases = 0
    var edges = 0
    repeat {
      let seed = Self.baseSeed &+ UInt64(cases)
      var rng = SeededGenerator(seed: seed)
      let sentence = Self.sentence(&rng, pools: pools)
      CrashReporter.message =
        "fuzz: the extractor crashed on seed \(seed): \(sentence)\nreplay with KG_FUZZ_SEED=\(seed) KG_FUZZ_CASES=1\n"
      cases += 1
      let document = ArticleBuilder([sentence]).build()
      let extraction = extractor.extract(document)
      edges += extraction.edges.count
      for edge in extraction.edges {
        for p in edge.provenance where document.text[p.span] != p.quote {
          Issue.record("seed \(seed): '\(sentence)': the quote of \(edge.key) is not the text at \(p.span)")
        }
      }
      for mention in extraction.mentions where document.text[mention.span] != mention.surface {
        Issue.record("seed \(seed): '\(sentence)': mention '\(mention.surface)' is not the text at \(mention.span)")
      }
    } while (Date() < deadline || cases < 300) && cases < Self.maximumCases
    print("sentence fuzz: \(cases) sentences from seed \(Self.baseSeed), \(edges) edges")
    #expect(cases >= min(300, Self.maximumCases))
  }

  /// One to 24 pieces, a third of them names, then cue words, then function words; a piece that
  /// opens or closes the sentence is a name or a relation noun more often than not.
  static func sentence(_ rng: inout SeededGenerator, pools: [[String]]) -> String {
    let count = 1 + Int(rng.next() % 24)
    var pieces: [String] = []
    for k in 0..<count {
      let edge = k == 0 || k == count - 1
      let pool = pools[edge && rng.next() % 2 == 0 ? Int(rng.next() % 2) : Int(rng.next() % 3)]
      pieces.append(pool[Int(rng.next() % UInt64(pool.count))])
    }
    var text = pieces.joined(separator: " ")
    if rng.next() % 3 != 0 { text += "." }
    return text
  }
}
