import Foundation
import KGPipeline
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Every class of bad input in the reliability issue, through the real `kg build`: each gets a
/// correct result or an error naming the file, and one bad file never stops the batch.
///
/// `KG_BIG_FILES=1` makes the size cases honest to the numbers (a 200 MB file, a 5 MB line
/// of prose); by default they use a 20 MB file (over the same 16 MB limit) and shorter lines, to
/// keep `swift test` quick. `DecodingTests` reads 5 MB lines through ingest on every run.
@Suite struct BadInputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    /// Makes the inputs in the folder and returns the paths to pass (relative to it).
    var setup: @Sendable (TempFolder) throws -> [String]
    var expectedExit: Int32
    var stderrContains: [String]
    var stdoutContains: [String] = []
    var stderrLacks: [String] = []
    /// More checks once the build ran.
    var check: (@Sendable (TempFolder, KGProcess.Result) throws -> Void)? = nil

    var testDescription: String { id }
  }

  static let bigFiles = ProcessInfo.processInfo.environment["KG_BIG_FILES"] == "1"

  static let cases: [Case] = [
    Case(
      id: "empty file alone: nothing could be read", setup: { f in [try f.write("empty.txt", "")] },
      expectedExit: 66, stderrContains: ["kg: empty.txt: is empty"]),
    Case(
      id: "white-space-only file alone", setup: { f in [try f.write("blank.txt", "  \n\r\n\t\n")] },
      expectedExit: 66, stderrContains: ["blank.txt: is empty"]),
    Case(
      id: "empty file in a batch is skipped",
      setup: { f in [try f.write("empty.txt", ""), try f.seed(0, as: "good.txt")] },
      expectedExit: 65, stderrContains: ["kg: empty.txt: is empty"], stdoutContains: ["1 added", "1 failed"]),
    Case(
      id: "binary file (PNG header, NUL bytes)",
      setup: { f in
        [
          try f.write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]),
          try f.seed(0, as: "good.txt"),
        ]
      },
      expectedExit: 65, stderrContains: ["kg: image.txt: looks binary", "byte 8"], stdoutContains: ["1 added"]),
    Case(
      id: "binary file without a NUL byte (random bytes)",
      setup: { f in
        var rng = SeededGenerator(seed: 6)
        let noise = (0..<4096).map { _ in UInt8.random(in: 1...255, using: &rng) }
        return [try f.write("noise.txt", noise), try f.seed(0, as: "good.txt")]
      },
      expectedExit: 65, stderrContains: ["kg: noise.txt: looks binary"], stdoutContains: ["1 added"]),
    Case(
      id: "invalid UTF-8: warning with file and byte offset, offsets as Python reads the file",
      setup: { f in
        let seed = [UInt8](try Data(contentsOf: KGProcess.seedFiles[0]))
        // A lone bad byte and a truncated 3-byte sequence: two U+FFFD in Python's reading.
        return [try f.write("invalid.txt", Array(seed[..<17]) + [0xFF, 0xE2, 0x82] + Array(seed[17...]))]
      },
      expectedExit: 0,
      stderrContains: ["kg: warning: invalid.txt: invalid UTF-8 at byte 17 (2 bad sequences replaced with U+FFFD)"],
      stdoutContains: ["1 added"], check: { f, _ in try assertOffsets(f, minimumEvidence: 1) }),
    Case(
      id: "UTF-16 little-endian with BOM",
      setup: { f in [try f.write("utf16le.txt", [0xFF, 0xFE] + utf16(try seedText(0), littleEndian: true))] },
      expectedExit: 0, stderrContains: ["kg: warning: utf16le.txt: UTF-16 text converted"], stdoutContains: ["1 added"],
      check: { f, _ in
        try assertOffsets(f, minimumEvidence: 1)
        try assertSameGraph(f, asSeed: 0)
      }),
    Case(
      id: "UTF-16 big-endian with BOM",
      setup: { f in [try f.write("utf16be.txt", [0xFE, 0xFF] + utf16(try seedText(0), littleEndian: false))] },
      expectedExit: 0, stderrContains: ["utf16be.txt: UTF-16 text converted"], stdoutContains: ["1 added"],
      check: { f, _ in
        try assertOffsets(f, minimumEvidence: 1)
        try assertSameGraph(f, asSeed: 0)
      }),
    Case(
      id: "UTF-16 without a BOM is refused by name",
      setup: { f in
        [
          try f.write("utf16-nobom.txt", utf16("Turkish jets struck Afrin.\n", littleEndian: true)),
          try f.seed(0, as: "good.txt"),
        ]
      },
      expectedExit: 65, stderrContains: ["kg: utf16-nobom.txt: looks binary", "convert it to UTF-8 text"],
      stdoutContains: ["1 added"]),
    Case(
      id: "CRLF line ends: offsets as Python's universal newlines see them",
      setup: { f in [try f.write("crlf.txt", try seedText(0).replacingOccurrences(of: "\n", with: "\r\n"))] },
      expectedExit: 0, stderrContains: [], stdoutContains: ["1 added"], stderrLacks: ["warning"],
      check: { f, _ in
        try assertOffsets(f, minimumEvidence: 1)
        try assertSameGraph(f, asSeed: 0)
      }),
    Case(
      id: "CR line ends",
      setup: { f in [try f.write("cr.txt", try seedText(0).replacingOccurrences(of: "\n", with: "\r"))] },
      expectedExit: 0, stderrContains: [], stdoutContains: ["1 added"],
      check: { f, _ in
        try assertOffsets(f, minimumEvidence: 1)
        try assertSameGraph(f, asSeed: 0)
      }),
    Case(
      id: bigFiles ? "a 200 MB file is refused unread, naming it" : "a 20 MB file is refused unread, naming it",
      setup: { f in
        let size = (bigFiles ? 200 : 20) << 20
        try writeProse(f.path("huge.txt"), bytes: size, lineBreaks: true)
        return ["huge.txt", try f.seed(0, as: "good.txt")]
      },
      expectedExit: 65,
      stderrContains: [
        "kg: huge.txt: is \(bigFiles ? 200 : 20) MB, over the 16 MB limit for one article, and was not read"
      ],
      stdoutContains: ["1 added"]),
    Case(
      id: "a file over a lowered --max-file-size",
      setup: { f in
        try writeProse(f.path("big.txt"), bytes: 1_200_000, lineBreaks: true)
        return ["big.txt", "--max-file-size", "1"]
      },
      expectedExit: 66, stderrContains: ["big.txt: is 1.1 MB, over the 1.0 MB limit"]),
    Case(
      id: bigFiles ? "one 5 MB line of prose gets a result" : "one 256 KB line of prose gets a result",
      setup: { f in
        try writeProse(f.path("oneline.txt"), bytes: bigFiles ? 5 << 20 : 256 << 10, lineBreaks: false)
        return ["oneline.txt"]
      },
      expectedExit: 0, stderrContains: [], stdoutContains: ["1 added"],
      check: { f, _ in try assertOffsets(f, minimumEvidence: 1) }),
    Case(
      id: bigFiles ? "one 5 MB line of one dotted token ('a.a.a…')" : "one 64 KB line of one dotted token ('a.a.a…')",
      setup: { f in
        try f.write("dots.txt", String(repeating: "a.", count: (bigFiles ? 5 << 20 : 64 << 10) / 2))
        return ["dots.txt"]
      },
      expectedExit: 0, stderrContains: [], stdoutContains: ["1 added"]),
    Case(
      id: "deeply nested folders (120 levels)",
      setup: { f in
        let deep = (0..<120).map { "d\($0 % 10)" }.joined(separator: "/")
        try f.seed(1, as: deep + "/article.txt")
        return ["d0"]
      },
      expectedExit: 0, stderrContains: [], stdoutContains: ["1 added"]),
    Case(
      id: "symlink loop back to an ancestor folder",
      setup: { f in
        try f.seed(1, as: "top/article.txt")
        try FileManager.default.createSymbolicLink(atPath: f.path("top/loop"), withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: f.path("top/self"), withDestinationPath: ".")
        return ["top"]
      },
      expectedExit: 0, stderrContains: ["symbolic link loop skipped"], stdoutContains: ["1 added"]),
    Case(
      id: "symlink to itself and dangling symlink named like articles",
      setup: { f in
        try f.seed(1, as: "top/article.txt")
        try FileManager.default.createSymbolicLink(atPath: f.path("top/self.txt"), withDestinationPath: "self.txt")
        try FileManager.default.createSymbolicLink(atPath: f.path("top/gone.txt"), withDestinationPath: "nowhere.txt")
        return ["top"]
      },
      expectedExit: 0,
      stderrContains: ["top/self.txt: symbolic link to nothing", "top/gone.txt: symbolic link to nothing"],
      stdoutContains: ["1 added"]),
    Case(
      id: "symlink to itself named directly",
      setup: { f in
        try FileManager.default.createSymbolicLink(atPath: f.path("self.txt"), withDestinationPath: "self.txt")
        return ["self.txt", try f.seed(0, as: "good.txt")]
      },
      expectedExit: 65, stderrContains: ["kg: self.txt:"], stdoutContains: ["1 added"]),
    Case(
      id: "a FIFO named like an article is refused, never opened (it would block)",
      setup: { f in
        guard mkfifo(f.path("pipe.txt"), 0o644) == 0 else { throw POSIXError(.EPERM) }
        return ["pipe.txt", try f.seed(0, as: "good.txt")]
      },
      expectedExit: 65, stderrContains: ["kg: pipe.txt: is a named pipe, not a regular file"],
      stdoutContains: ["1 added"]),
    Case(
      id: "a path that does not exist, alone", setup: { _ in ["missing.txt"] }, expectedExit: 66,
      stderrContains: ["kg: missing.txt: no such file or folder"]),
    Case(
      id: "a path that does not exist, with a good file",
      setup: { f in ["missing.txt", try f.seed(0, as: "good.txt")] },
      expectedExit: 65, stderrContains: ["kg: missing.txt: no such file or folder"], stdoutContains: ["1 added"]),
    Case(
      id: "a folder with no article files",
      setup: { f in
        try f.write("pages/readme.html", "<p>nothing</p>")
        return ["pages"]
      },
      expectedExit: 66, stderrContains: ["no article files found in 'pages'"]),
    Case(
      id: "Arabic text",
      setup: { f in
        [
          try f.write(
            "arabic.txt",
            "قصف الطيران الروسي مواقع للمعارضة في ريف إدلب الجنوبي يوم الثلاثاء، بحسب مصادر محلية.\n\nوقال المرصد إن الغارات استهدفت بلدات عدة.\n"
          )
        ]
      },
      expectedExit: 0, stderrContains: [], stdoutContains: ["1 added"], stderrLacks: ["warning"]),
    Case(
      id: "Russian text",
      setup: { f in
        [
          try f.write(
            "russian.txt",
            "Российские самолёты нанесли удары по позициям боевиков в провинции Идлиб во вторник, сообщили местные источники.\n\nВ Минобороны заявили, что удары были точечными.\n"
          )
        ]
      },
      expectedExit: 0, stderrContains: [], stdoutContains: ["1 added"], stderrLacks: ["warning"]),
    Case(
      id: "every bad input in one batch: reported, skipped, the good files stored",
      setup: { f in
        try f.write("batch/empty.txt", "")
        try f.write("batch/image.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0])
        try f.write(
          "batch/invalid.txt", Array("Text with a bad byte \u{FF} here.\n".utf8).map { $0 == 0xC3 ? 0xFF : $0 })
        _ = mkfifo(f.path("batch/pipe.txt"), 0o644)
        try FileManager.default.createSymbolicLink(atPath: f.path("batch/loop"), withDestinationPath: ".")
        for i in 0..<KGProcess.seedFiles.count { try f.seed(i, as: "batch/seed\(i).txt") }
        return ["batch", "missing.txt"]
      },
      expectedExit: 65,
      stderrContains: [
        "batch/empty.txt: is empty", "batch/image.txt: looks binary", "batch/pipe.txt: is a named pipe",
        "missing.txt: no such file", "batch/loop: symbolic link loop skipped",
      ],
      stdoutContains: ["\(KGProcess.seedFiles.count + 1) added", "4 failed"]),
  ]

  @Test(arguments: cases)
  func badInput(_ c: Case) throws {
    let folder = try TempFolder("kg-bad")
    let arguments = try c.setup(folder)
    let result = try KGProcess.run(["build"] + arguments + ["--store", "kg.sqlite"], in: folder.url)
    #expect(result.status == c.expectedExit, "\(result)")
    for s in c.stderrContains { #expect(result.stderr.contains(s), "stderr lacks '\(s)'\n\(result)") }
    for s in c.stdoutContains { #expect(result.stdout.contains(s), "stdout lacks '\(s)'\n\(result)") }
    for s in c.stderrLacks { #expect(!result.stderr.contains(s), "stderr has '\(s)'\n\(result)") }
    // Never a crash, and never a damaged store.
    #expect(!result.stderr.contains("Fatal error"), "\(result)")
    if FileManager.default.fileExists(atPath: folder.path("kg.sqlite")) {
      let store = try GraphStore(path: folder.path("kg.sqlite"))
      #expect(try store._integrityCheck() == ["ok"])
      #expect(try store._checkInvariants() == [])
      // Every stored text is the file as Python reads it, so every offset means the same there.
      for document in try store.loadGraph().documents {
        let stored = try store.text(ofDocument: document.path) ?? ""
        let reference = try ReferenceText.scalars(ofFile: folder.path(document.path))
        #expect(stored.unicodeScalars.elementsEqual(reference), "\(document.path): stored text differs from the file's")
      }
    }
    try c.check?(folder, result)
  }

  @Test(
    "an unreadable file (chmod 000) is reported and skipped",
    .disabled(if: geteuid() == 0, "tests run as root here, and chmod 000 does not stop root from reading"))
  func unreadableFile() throws {
    let folder = try TempFolder("kg-bad")
    try folder.write("locked.txt", "Some text that cannot be read because of its permissions.\n")
    chmod(folder.path("locked.txt"), 0)
    try folder.seed(0, as: "good.txt")
    let result = try KGProcess.run(["build", "locked.txt", "good.txt", "--store", "kg.sqlite"], in: folder.url)
    #expect(result.status == 65, "\(result)")
    #expect(result.stderr.contains("kg: locked.txt: cannot be read (Permission denied)"), "\(result)")
    #expect(result.stdout.contains("1 added"), "\(result)")
  }

  @Test(
    "an unreadable folder is reported and skipped",
    .disabled(if: geteuid() == 0, "tests run as root here, and chmod 000 does not stop root from listing"))
  func unreadableFolder() throws {
    let folder = try TempFolder("kg-bad")
    try folder.seed(1, as: "in/locked/a.txt")
    try folder.seed(0, as: "in/good.txt")
    chmod(folder.path("in/locked"), 0)
    let result = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(result.status == 65, "\(result)")
    #expect(result.stderr.contains("in/locked: cannot be read"), "\(result)")
  }
}

// MARK: - Checks

/// Exports the folder's `kg.sqlite` and checks that every evidence span gives its quote in the file
/// as Python reads it (and as the standard library's own decoders read it).
func assertOffsets(_ folder: TempFolder, minimumEvidence: Int, sourceLocation: SourceLocation = #_sourceLocation) throws
{
  // The export, in-process (the CLI's `kg export` is one call to the same function).
  let data = try Workspace(storePath: folder.path("kg.sqlite")).exportJSON()
  try data.write(to: folder.url.appendingPathComponent("export.json"))
  let (checked, bad) = try ReferenceText.mismatches(inExport: data, directory: folder.url)
  #expect(checked >= minimumEvidence, "only \(checked) evidence spans to check", sourceLocation: sourceLocation)
  #expect(bad.isEmpty, "\(bad.prefix(5))", sourceLocation: sourceLocation)
  if let python = try ReferenceText.pythonMismatches(exportPath: "export.json", directory: folder.url) {
    #expect(python.checked == checked && python.bad == 0, "python3: \(python)", sourceLocation: sourceLocation)
  }
}

/// The built-in dictionaries, loaded once for the in-process reference builds.
let builtInConfiguration = Result { try ExtractionConfiguration.load() }

/// Builds seed `index` as it is, in memory, and checks the folder's store holds the same edges
/// with the same quotes and spans.
func assertSameGraph(_ folder: TempFolder, asSeed index: Int, sourceLocation: SourceLocation = #_sourceLocation) throws
{
  let reference = try Workspace(inMemoryNamed: "reference-\(UUID().uuidString)")
  _ = try reference.build(paths: [KGProcess.seedFiles[index].path], configuration: try builtInConfiguration.get())
  func summary(_ graph: KnowledgeGraph) -> Set<String> {
    Set(
      graph.edges.flatMap { e in
        e.provenance.map {
          "\(e.source) \(e.type) \(e.target) \(e.modality) \($0.span.start)-\($0.span.end) \($0.quote)"
        }
      })
  }
  let expected = summary(try reference.graph())
  #expect(!expected.isEmpty, sourceLocation: sourceLocation)
  #expect(
    summary(try GraphStore(path: folder.path("kg.sqlite")).loadGraph()) == expected, sourceLocation: sourceLocation)
}

func seedText(_ index: Int) throws -> String { try String(contentsOf: KGProcess.seedFiles[index], encoding: .utf8) }

func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
  text.utf16.flatMap { unit in
    littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
  }
}

/// Writes `bytes` of the seed articles' prose, repeated, on lines or on one line.
func writeProse(_ path: String, bytes: Int, lineBreaks: Bool) throws {
  var prose = try KGProcess.seedFiles.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n\n")
  if !lineBreaks { prose = prose.split(whereSeparator: \.isNewline).joined(separator: " ") + " " }
  let chunk = Data(prose.utf8)
  _ = FileManager.default.createFile(atPath: path, contents: nil)
  let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
  defer { try? handle.close() }
  var written = 0
  while written < bytes {
    let piece = chunk.prefix(bytes - written)
    try handle.write(contentsOf: piece)
    written += piece.count
  }
}
