import Foundation

/// An article-like corpus of at least a given size, made by perturbing the seed articles:
/// actor names are swapped in pairs, numbers and days shift, and body paragraphs rotate, so
/// that no two documents are the same text.
struct ExtractionCorpus {
  var documents: [(path: String, text: String)]
  var bytes: Int

  static let swaps: [(String, String)] = [
    ("ISIS", "Hezbollah"), ("Turkey", "Russia"), ("SDF", "YPG"), ("US", "Iran"), ("Syrian", "Iraqi"),
    ("Damascus", "Baghdad"), ("Deir Ezzor", "Idlib"), ("coalition", "alliance"),
  ]

  init(seedsFolder: String, megabytes: Double) throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: seedsFolder).filter { $0.hasSuffix(".txt") }
      .sorted()
    let seeds = try files.map { try String(contentsOfFile: seedsFolder + "/" + $0, encoding: .utf8) }
    precondition(!seeds.isEmpty, "no .txt files in \(seedsFolder)")
    let target = Int(megabytes * 1_000_000)
    documents = []
    bytes = 0
    var copy = 0
    while bytes < target {
      for (i, seed) in seeds.enumerated() {
        let text = Self.perturb(seed, copy: copy)
        documents.append(("corpus/\(copy)-\(files[i])", text))
        bytes += text.utf8.count
      }
      copy += 1
    }
  }

  static func perturb(_ text: String, copy: Int) -> String {
    var out = text
    for (bit, (a, b)) in swaps.enumerated() where copy >> bit & 1 == 1 {
      out = out.replacingOccurrences(of: a, with: "\u{0}").replacingOccurrences(of: b, with: a)
        .replacingOccurrences(of: "\u{0}", with: b)
    }
    // Shift every standalone number so counts and days differ between copies.
    var shifted = ""
    var digits = ""
    func flush() {
      if let n = Int(digits) { shifted += String(n + copy % 7) }
      digits = ""
    }
    for ch in out {
      if ch.isASCII && ch.isNumber {
        digits.append(ch)
      } else {
        flush()
        shifted.append(ch)
      }
    }
    flush()
    // Rotate the body paragraphs (after the first third of the page, which holds the header).
    var paragraphs = shifted.components(separatedBy: "\n\n")
    let head = paragraphs.count / 3
    if paragraphs.count - head > 2 {
      let body = Array(paragraphs[head...])
      let r = copy % body.count
      paragraphs = Array(paragraphs[..<head]) + Array(body[r...] + body[..<r])
    }
    return paragraphs.joined(separator: "\n\n")
  }
}
