import Foundation
import KGModel
import Testing

@testable import KGIngest

#if canImport(Glibc)
import Glibc
#endif

/// Decoding matches what Python's `open(path, encoding="utf-8", errors="replace")` reads with
/// universal newlines, code point for code point, so exported offsets index the same text
/// `score.py` reads; bad files are refused by name; huge lines read in linear time.
@Suite struct DecodingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var input: [UInt8]
    /// What Python reads, as code points (recorded from CPython 3 with `io.TextIOWrapper`).
    var expected: [UInt32]
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(id: "a lone bad byte", input: [0x61, 0xFF, 0x62], expected: [0x61, 0xFFFD, 0x62]),
    Case(id: "a 3-byte sequence cut at the end", input: [0xE2, 0x82], expected: [0xFFFD]),
    Case(id: "a 3-byte sequence cut before ASCII", input: [0xE2, 0x82, 0x61], expected: [0xFFFD, 0x61]),
    Case(id: "an overlong 3-byte encoding", input: [0xE0, 0x80, 0x80], expected: [0xFFFD, 0xFFFD, 0xFFFD]),
    Case(id: "an encoded surrogate", input: [0xED, 0xA0, 0x80], expected: [0xFFFD, 0xFFFD, 0xFFFD]),
    Case(id: "a 4-byte sequence cut at the end", input: [0xF0, 0x90, 0x80], expected: [0xFFFD]),
    Case(
      id: "a code point past U+10FFFF", input: [0xF4, 0x90, 0x80, 0x80], expected: [0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD]),
    Case(id: "an overlong 2-byte encoding", input: [0xC0, 0xAF], expected: [0xFFFD, 0xFFFD]),
    Case(
      id: "a 5-byte lead", input: [0xF8, 0x88, 0x80, 0x80, 0x80], expected: [0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD]),
    Case(id: "stray continuation bytes", input: [0x80, 0x80], expected: [0xFFFD, 0xFFFD]),
    Case(id: "a flag then a cut sequence", input: [0xF0, 0x9F, 0x87, 0xB8, 0xE2], expected: [0x1F1F8, 0xFFFD]),
    Case(
      id: "CRLF, CR and LF CR", input: Array("a\r\nb\rc\n\rd".utf8),
      expected: [0x61, 0x0A, 0x62, 0x0A, 0x63, 0x0A, 0x0A, 0x64]),
    Case(id: "CR, bad byte, LF: the LF stays", input: [0x0D, 0xFF, 0x0A], expected: [0x0A, 0xFFFD, 0x0A]),
    Case(id: "a cut sequence before CRLF", input: [0xE2, 0x82, 0x0D, 0x0A], expected: [0xFFFD, 0x0A]),
    Case(id: "a UTF-8 byte-order mark is kept", input: [0xEF, 0xBB, 0xBF, 0x78], expected: [0xFEFF, 0x78]),
  ]

  @Test(arguments: cases)
  func decodesAsPythonDoes(_ c: Case) throws {
    var scalars: [Unicode.Scalar] = []
    var newlines = TextDecoding.NewlineTranslator()
    TextDecoding.decodeUTF8(c.input) { newlines.append($0, to: &scalars) }
    #expect(scalars.map(\.value) == c.expected)
  }

  @Test func invalidUTF8WarnsWithTheFirstBadByteAndTheCount() throws {
    let bytes = Array("Seventeen bytes: ".utf8) + [0xFF, 0xE2, 0x82] + Array(" then text.".utf8)
    let (document, warnings) = try ArticleReader().read(bytes: bytes, path: "seeds/x.txt")
    #expect(warnings == [IngestWarning(path: "seeds/x.txt", kind: .invalidUTF8(byteOffset: 17, count: 2))])
    #expect(warnings[0].description.hasPrefix("seeds/x.txt: invalid UTF-8 at byte 17 (2 bad sequences"))
    #expect(document.text.string == "Seventeen bytes: \u{FFFD}\u{FFFD} then text.")
  }

  /// Random bytes with a few newlines, decoded by kg and by the standard library's own decoder
  /// (which substitutes maximal subparts, as CPython does), then by Python itself when present.
  @Test func randomBytesDecodeAsTheReferenceDecodersDo() throws {
    var rng = SeededGenerator(seed: 20_261_121)
    var inputs: [[UInt8]] = []
    for _ in 0..<300 {
      let count = Int(rng.next() % 200)
      inputs.append(
        (0..<count).map { _ in
          let r = rng.next()
          // Mostly high bytes, some CR/LF and ASCII, never NUL.
          switch r % 8 {
          case 0: return 0x0D
          case 1: return 0x0A
          case 2: return 0x61
          default: return UInt8(0x80 + r % 0x80)
          }
        })
    }
    for input in inputs {
      let mine = try? TextDecoding.decode(input, path: "r.txt").scalars.map(\.value)
      guard let mine else { continue }  // mostly ill-formed: refused as binary
      var reference: [UInt32] = []
      var afterCR = false
      for s in String(decoding: input, as: UTF8.self).unicodeScalars {
        if s == "\r" {
          reference.append(0x0A)
          afterCR = true
        } else {
          if !(afterCR && s == "\n") { reference.append(s.value) }
          afterCR = false
        }
      }
      #expect(mine == reference, "input \(input)")
    }
    guard let python = Self.python else { return }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-decoding-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (i, input) in inputs.enumerated() { try Data(input).write(to: folder.appendingPathComponent("\(i).bin")) }
    let script = """
      import sys, os
      d = sys.argv[1]
      for i in range(int(sys.argv[2])):
          with open(os.path.join(d, f"{i}.bin"), encoding="utf-8", errors="replace") as f:
              print(" ".join(str(ord(c)) for c in f.read()))
      """
    let process = Process()
    process.executableURL = python
    process.arguments = ["-c", script, folder.path, "\(inputs.count)"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    for (i, input) in inputs.enumerated() {
      let pythons = lines[i].split(separator: " ").compactMap { UInt32($0) }
      // Decode without the binary refusal, to compare every input.
      var mine: [Unicode.Scalar] = []
      var newlines = TextDecoding.NewlineTranslator()
      TextDecoding.decodeUTF8(input) { newlines.append($0, to: &mine) }
      #expect(mine.map(\.value) == pythons, "input \(i): \(input)")
    }
  }

  @Test func utf16WithByteOrderMarksIsConverted() throws {
    let text = "Turkish jets struck Afrin.\r\nЖ ع 🇸🇾"
    let le = [UInt8]([0xFF, 0xFE]) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let be = [UInt8]([0xFE, 0xFF]) + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let expected = text.replacingOccurrences(of: "\r\n", with: "\n")
    for bytes in [le, be] {
      let decoded = try TextDecoding.decode(bytes, path: "u.txt")
      #expect(decoded.text == expected)
      #expect(decoded.warnings == [.decodedUTF16])
    }
    // A trailing odd byte is a cut code unit: U+FFFD, as Python's utf-16 codec gives.
    #expect(try TextDecoding.decode(le + [0x41], path: "u.txt").text == expected + "\u{FFFD}")
    // A lone surrogate becomes U+FFFD.
    #expect(try TextDecoding.decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], path: "u.txt").text == "\u{FFFD}A")
    #expect(throws: IngestError.notText(path: "u.txt", byteOffset: 4)) {
      try TextDecoding.decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00], path: "u.txt")
    }
  }

  @Test func binaryAndEmptyInputsAreRefusedByName() throws {
    #expect(throws: IngestError.empty(path: "e.txt")) { try TextDecoding.decode([], path: "e.txt") }
    #expect(throws: IngestError.notText(path: "b.txt", byteOffset: 3)) {
      try TextDecoding.decode([0x41, 0x42, 0x43, 0x00, 0x44], path: "b.txt")
    }
    var rng = SeededGenerator(seed: 7)
    let noise = (0..<4096).map { _ in UInt8(1 + rng.next() % 255) }
    #expect {
      try TextDecoding.decode(noise, path: "noise.txt")
    } throws: { error in
      guard case .notText(let path, _) = error as? IngestError else { return false }
      return path == "noise.txt"
    }
    // Latin-1 prose has a few bad bytes, not a quarter: read with a warning.
    let latin1 = Array("Le président a déclaré que l'armée française était prête. ".utf8).map { $0 >= 0xC3 ? 0xE9 : $0 }
    #expect(try TextDecoding.decode(latin1, path: "l.txt").warnings.count == 1)
    #expect(throws: IngestError.empty(path: "w.txt")) { try ArticleReader().parse(text: " \n\t\n", path: "w.txt") }
    #expect(throws: IngestError.tooLarge(path: "big.txt", bytes: 2000, limit: 1000)) {
      try ArticleReader(maximumFileSize: 1000).read(bytes: [UInt8](repeating: 0x41, count: 2000), path: "big.txt")
    }
  }

  @Test func filesThatAreNotRegularAreNeverOpened() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-decoding-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("pipe.txt").path
    try #require(mkfifo(fifo, 0o644) == 0)
    // Opening a FIFO for reading would block until a writer came: this returns at once.
    #expect(throws: IngestError.notRegularFile(path: fifo, kind: "named pipe")) { try ArticleReader().read(path: fifo) }
    #expect(throws: IngestError.unreadable(path: folder.path, reason: "it is a folder")) {
      try ArticleReader().read(path: folder.path)
    }
    let missing = folder.appendingPathComponent("missing.txt").path
    #expect(throws: IngestError.notFound(path: missing)) { try ArticleReader().read(path: missing) }
    let big = folder.appendingPathComponent("big.txt").path
    #expect(FileManager.default.createFile(atPath: big, contents: nil))
    #expect(truncate(big, 200 << 20) == 0)  // a sparse 200 MB file: refused from its size, unread
    #expect(throws: IngestError.tooLarge(path: big, bytes: 200 << 20, limit: ArticleReader.defaultMaximumFileSize)) {
      try ArticleReader().read(path: big)
    }
    let link = folder.appendingPathComponent("self.txt").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "self.txt")
    #expect(throws: IngestError.unreadable(path: link, reason: "a loop of symbolic links")) {
      try ArticleReader().read(path: link)
    }
  }

  /// Long single lines (5 MB of prose; 1 MB of a dotted token and of one token), through decoding, body detection, sentence splitting and
  /// metadata: each gives a document whose sentences lie in the body and stay under the length
  /// limit. (No clock: a quadratic step would show as a test that does not finish.)
  @Test(arguments: ["prose", "dotted token", "one token"])
  func longSingleLinesAreRead(_ shape: String) throws {
    // The prose line is the 5 MB; the two degenerate shapes are 1 MB, which is already
    // far past where a quadratic step would stop the test.
    let size = shape == "prose" ? 5 << 20 : 1 << 20
    let unit: String
    switch shape {
    case "prose": unit = "Turkish jets struck YPG positions near Afrin on Tuesday, the Syrian Observatory said. "
    case "dotted token": unit = "a."
    default: unit = "x"
    }
    let text = String(repeating: unit, count: size / unit.utf8.count)
    let (document, warnings) = try ArticleReader().read(bytes: Array(text.utf8), path: "line.txt")
    #expect(warnings.isEmpty)
    #expect(document.text.count == text.unicodeScalars.count)
    #expect(!document.sentences.isEmpty)
    let outside = document.sentences.filter {
      !document.body.contains($0.span) || $0.span.length > SentenceSplitter.maximumSentenceLength
    }
    #expect(outside.isEmpty)
    let covered = document.sentences.reduce(0) { $0 + $1.span.length }
    #expect(covered >= document.body.length * 9 / 10)
  }

  @Test func manyShortLinesAreRead() throws {
    let text =
      String(repeating: "Short line\n", count: 200_000)
      + "The army said the convoy was attacked near the town of Tal Abyad on Monday.\n"
    let document = try ArticleReader().parse(text: text, path: "lines.txt")
    #expect(document.sentences.count >= 1)
  }

  /// `ScalarText(_:)` decodes a String's UTF-8 itself; it must give what the scalars give.
  @Test(arguments: [
    "", "plain ASCII", "Türkiye’s “SDF” — 1–2", "\u{1F1F8}\u{1F1FE} flags, e\u{301}, \u{10FFFF}\r\n\u{0}",
    String(repeating: "аб中\u{1F600}x", count: 300),
  ])
  func scalarTextFromAStringMatchesItsScalars(_ string: String) {
    let text = ScalarText(string)
    #expect(text == ScalarText(scalars: Array(string.unicodeScalars)))
    #expect(text.string == string)
  }

  @Test func splittingStillKnowsAbbreviationsAndAcronyms() {
    let text = ScalarText("Lt. Gen. Smith met U.S. officials. The talks ended. George W. Bush spoke.")
    let sentences = SentenceSplitter().sentences(in: text, body: TextSpan(start: 0, end: text.count))
    #expect(
      sentences.map { text[$0.span] } == [
        "Lt. Gen. Smith met U.S. officials.", "The talks ended.", "George W. Bush spoke.",
      ])
  }

  static let python: URL? = {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }()
}
