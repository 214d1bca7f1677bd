// kg-language-bench: the language layer's speed, on its own (scripts/bench-language).
//
//   kg-language-bench [FILE|DIR ...]        parse every line (a sentence) of the text files, report MB/s
//   kg-language-bench --show "a sentence"   print the analysis of one sentence
import Foundation
import KGLanguage

/// The process's CPU time (user + system) in seconds: the figure is per core even while other jobs share the machine.
func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
    + Double(usage.ru_stime.tv_usec) / 1e6
}

var arguments = Array(CommandLine.arguments.dropFirst())
// `--mb N`: the corpus size (default 2), `--runs N`: timed runs (default 9); small values suit
// instruction counting under valgrind when the machine is too busy for timings.
@MainActor func option(_ name: String, _ fallback: Double) -> Double {
  guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let value = Double(arguments[i + 1]) else {
    return fallback
  }
  arguments.removeSubrange(i...(i + 1))
  return value
}
let corpusMB = option("--mb", 2)
let runs = max(1, Int(option("--runs", 9)))
let loadStart = cpuSeconds()
let resources = try LanguageResources.load()
let loadMs = (cpuSeconds() - loadStart) * 1000
let parser = Parser(resources: resources)

if arguments.first == "--show" {
  for sentence in arguments.dropFirst() { print(parser.parse(WordInput.words(of: sentence))) }
  exit(0)
}

#if DEBUG
print("kg-language-bench: build with -c release for figures (swift build -c release --product kg-language-bench)")
exit(1)
#else
// Sentences: the files named, else a built-in sample of news prose, repeated.
var texts: [String] = []
for path in arguments {
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
  let files =
    isDirectory.boolValue
    ? (try FileManager.default.contentsOfDirectory(atPath: path)).sorted().map { path + "/" + $0 } : [path]
  for file in files { texts.append(try String(contentsOfFile: file, encoding: .utf8)) }
}
if texts.isEmpty {
  texts = [
    """
    Turkish troops on Saturday shelled positions held by the Syrian Democratic Forces near the town of Manbij, \
    killing three fighters, the Syrian Observatory for Human Rights said. The militia's mortar attack on the base \
    was condemned by the government, which accused Iran-backed groups of planning further strikes. Russian jets \
    had been targeting rebel-held districts over the past week, according to local activists. The ministry said \
    that the army would not allow the insurgents to regroup and plans to launch a new offensive against them.
    """
  ]
}
// Split into sentences at ". " and tokenize once, outside the timing.
var sentences: [[WordInput]] = []
var bytes = 0
for text in texts {
  for line in text.split(whereSeparator: { $0 == "\n" }) {
    for piece in line.split(separator: ". ") {
      let sentence = String(piece)
      let words = WordInput.words(of: sentence)
      guard !words.isEmpty else { continue }
      sentences.append(words)
      bytes += sentence.utf8.count + 2
    }
  }
}
var corpus = sentences
var corpusBytes = bytes
while Double(corpusBytes) < corpusMB * 1e6 {
  corpus += sentences
  corpusBytes += bytes
}
var rates: [Double] = []
var checksum = 0
for _ in 0..<runs {
  let start = DispatchTime.now().uptimeNanoseconds
  for words in corpus {
    let parsed = parser.parse(words)
    checksum &+= parsed.verbGroups.count &+ parsed.nounPhrases.count
  }
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  rates.append(Double(corpusBytes) / 1e6 / seconds)
}
rates.sort()
precondition(checksum > 0)
// The tagger alone, for its share of the whole.
var tagRates: [Double] = []
for _ in 0..<max(1, runs / 2) {
  let start = cpuSeconds()
  for words in corpus { checksum &+= parser.tags(words).count }
  tagRates.append(Double(corpusBytes) / 1e6 / (cpuSeconds() - start))
}
tagRates.sort()
print(String(format: "tagging alone: median %.1f MB/s", tagRates[tagRates.count / 2]))
print(
  String(
    format:
      "resources load %.1f ms CPU; parse %d sentences, %.1f MB: median %.1f MB/s (min %.1f, max %.1f) of CPU time",
    loadMs, corpus.count, Double(corpusBytes) / 1e6, rates[runs / 2], rates[0], rates[runs - 1]))
#endif
