import Foundation

/// An article-like corpus of at least a given size, made by perturbing the seed articles:
/// actor names are swapped in pairs, numbers and days shift, and body paragraphs rotate, so
/// that no two documents are the same text.
///
/// The perturbation works on UTF-8 bytes (the patterns are ASCII), so 160 MB are made in
/// seconds; going through `Character`s took about 20 s for 24 MB.
struct ExtractionCorpus {
  var documents: [(path: String, text: String)]
  var bytes: Int

  static let swaps: [(String, String)] = [
    ("ISIS", "Hezbollah"), ("Turkey", "Russia"), ("SDF", "YPG"), ("US", "Iran"), ("Syrian", "Iraqi"),
    ("Damascus", "Baghdad"), ("Deir Ezzor", "Idlib"), ("coalition", "alliance"),
  ]

  /// At least `megabytes` of text, whole rounds of the seeds.
  init(seedsFolder: String, megabytes: Double) throws {
    try self.init(seedsFolder: seedsFolder) { bytes, _ in bytes >= Int(megabytes * 1_000_000) }
  }

  /// Exactly `copies` rounds of the seeds (`kg-bench corpus DIR --copies 400`).
  init(seedsFolder: String, copies: Int) throws {
    try self.init(seedsFolder: seedsFolder) { _, copy in copy >= copies }
  }

  private init(seedsFolder: String, done: (_ bytes: Int, _ copies: Int) -> Bool) throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: seedsFolder).filter { $0.hasSuffix(".txt") }
      .sorted()
    let seeds = try files.map { try String(contentsOfFile: seedsFolder + "/" + $0, encoding: .utf8) }
    precondition(!seeds.isEmpty, "no .txt files in \(seedsFolder)")
    let seedBytes = seeds.map { Array($0.utf8) }
    documents = []
    bytes = 0
    var copy = 0
    while !done(bytes, copy) {
      for (i, seed) in seedBytes.enumerated() {
        let text = String(decoding: Self.perturb(seed, copy: copy), as: UTF8.self)
        documents.append(("corpus/\(copy)-\(files[i])", text))
        bytes += text.utf8.count
      }
      copy += 1
    }
  }

  static func perturb(_ text: String, copy: Int) -> String {
    String(decoding: perturb(Array(text.utf8), copy: copy), as: UTF8.self)
  }

  static func perturb(_ text: [UInt8], copy: Int) -> [UInt8] {
    var out = text
    for (bit, (a, b)) in swaps.enumerated() where copy >> bit & 1 == 1 {
      out = replace(replace(replace(out, Array(a.utf8), [0]), Array(b.utf8), Array(a.utf8)), [0], Array(b.utf8))
    }
    // Shift every standalone number so counts and days differ between copies.
    var shifted: [UInt8] = []
    shifted.reserveCapacity(out.count + 16)
    var i = 0
    while i < out.count {
      guard (0x30...0x39).contains(out[i]) else {
        shifted.append(out[i])
        i += 1
        continue
      }
      var j = i
      while j < out.count && (0x30...0x39).contains(out[j]) { j += 1 }
      if let n = Int(String(decoding: out[i..<j], as: UTF8.self)) {
        shifted.append(contentsOf: String(n + copy % 7).utf8)
      }
      i = j
    }
    // Rotate the body paragraphs (after the first third of the page, which holds the header).
    var paragraphs = split(shifted, on: [0x0A, 0x0A])
    let head = paragraphs.count / 3
    if paragraphs.count - head > 2 {
      let body = Array(paragraphs[head...])
      let r = copy % body.count
      paragraphs = Array(paragraphs[..<head]) + Array(body[r...] + body[..<r])
    }
    var joined: [UInt8] = []
    joined.reserveCapacity(shifted.count)
    for (k, p) in paragraphs.enumerated() {
      if k > 0 { joined.append(contentsOf: [0x0A, 0x0A]) }
      joined.append(contentsOf: p)
    }
    return joined
  }

  /// `text` with every non-overlapping occurrence of `pattern`, left to right, replaced.
  static func replace(_ text: [UInt8], _ pattern: [UInt8], _ replacement: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    var i = 0
    let first = pattern[0]
    while i < text.count {
      if text[i] == first, i + pattern.count <= text.count, text[i..<i + pattern.count].elementsEqual(pattern) {
        out.append(contentsOf: replacement)
        i += pattern.count
      } else {
        out.append(text[i])
        i += 1
      }
    }
    return out
  }

  static func split(_ text: [UInt8], on separator: [UInt8]) -> [ArraySlice<UInt8>] {
    var parts: [ArraySlice<UInt8>] = []
    var start = 0
    var i = 0
    while i + separator.count <= text.count {
      if text[i..<i + separator.count].elementsEqual(separator) {
        parts.append(text[start..<i])
        i += separator.count
        start = i
      } else {
        i += 1
      }
    }
    parts.append(text[start...])
    return parts
  }

  /// Writes the documents as files under `folder` (made if needed).
  func write(to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (n, d) in documents.enumerated() {
      let name = String(format: "%05d-", n) + (d.path as NSString).lastPathComponent
      try Data(d.text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
  }
}
