import Foundation
import KGPipeline
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The smaller cases of "nothing wrong, nothing surprising": each gets the error a user can act
/// on, never a silent success or a misleading message.
@Suite struct SmallEdgeCaseTests {
  @Test func aFileHoldingOnlyAByteOrderMarkIsEmpty() throws {
    let folder = try TempFolder("kg-bom")
    try folder.write("in/bom.txt", [0xEF, 0xBB, 0xBF])
    try folder.write("in/bom-space.txt", [0xEF, 0xBB, 0xBF, 0x20, 0x0A, 0xEF, 0xBB, 0xBF])
    try folder.seed(0, as: "in/good.txt")
    let result = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(result.status == 65, "\(result)")
    #expect(result.stderr.contains("kg: in/bom.txt: is empty"), "\(result)")
    #expect(result.stderr.contains("kg: in/bom-space.txt: is empty"), "\(result)")
    #expect(result.stdout.contains("1 added"), "\(result)")
  }

  @Test func aNameThatIsNotUTF8IsNamedNotLost() throws {
    let folder = try TempFolder("kg-name")
    try folder.seed(0, as: "in/good.txt")
    let seed = try Data(contentsOf: KGProcess.seedFiles[1])
    let name: [UInt8] = Array(folder.path("in/bad").utf8) + [0xFF] + Array(".txt".utf8) + [0]
    let fd = name.withUnsafeBufferPointer {
      open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644)
    }
    #expect(fd >= 0)
    _ = seed.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    let result = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(result.status == 65, "\(result)")
    #expect(result.stderr.contains("kg: in/bad\u{FFFD}.txt: the name is not valid UTF-8"), "\(result)")
    #expect(!result.stderr.contains("symbolic link"), "\(result)")
  }

  @Test func foldersNestedPastThePathLimitAreNamed() throws {
    let folder = try TempFolder("kg-deep")
    try folder.seed(0, as: "in/good.txt")
    // 520 levels of 8-letter names: a path of about 4,700 bytes, made with *at calls.
    var fd = open(folder.path("in"), O_RDONLY | O_DIRECTORY)
    for _ in 0..<520 {
      mkdirat(fd, "dddddddd", 0o755)
      let next = openat(fd, "dddddddd", O_RDONLY | O_DIRECTORY)
      close(fd)
      fd = next
    }
    let file = openat(fd, "deep.txt", O_WRONLY | O_CREAT, 0o644)
    _ = try Data(contentsOf: KGProcess.seedFiles[1]).withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
    close(file)
    close(fd)
    defer { Self.removeTree(folder.path("in")) }
    let result = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url, timeout: 60)
    #expect(result.status == 65, "\(result)")
    #expect(result.stderr.contains("the path is over the system's limit of 4096 bytes"), "\(result)")
    #expect(!result.stderr.contains("symbolic link"), "\(result)")
    #expect(result.stdout.contains("1 added"), "\(result)")
  }

  static func removeTree(_ path: String) {
    let rm = Process()
    rm.executableURL = URL(fileURLWithPath: "/bin/rm")
    rm.arguments = ["-rf", path]
    try? rm.run()
    rm.waitUntilExit()
  }

  struct DateCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var valid: Bool
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let dateCases: [DateCase] = [
    DateCase(arguments: ["path", "A", "B", "--since", "2019-02-31"], valid: false),
    DateCase(arguments: ["path", "A", "B", "--until", "2019-04-31"], valid: false),
    DateCase(arguments: ["path", "A", "B", "--until", "2019-02-29"], valid: false),
    DateCase(arguments: ["render", "--since", "2019-02-30"], valid: false),
    DateCase(arguments: ["path", "A", "B", "--since", "2020-02-29"], valid: true),
  ]

  @Test(arguments: dateCases) func impossibleDaysAreUsageErrors(_ c: DateCase) throws {
    let folder = try TempFolder("kg-date")
    let result = try KGProcess.run(c.arguments + ["--store", "none.sqlite"], in: folder.url)
    if c.valid {
      #expect(result.status == 66 && !result.stderr.contains("date"), "\(result)")
    } else {
      #expect(result.status == 64, "\(result)")
      #expect(result.stderr.contains("'\(c.arguments[c.arguments.count - 1])'"), "\(result)")
    }
  }

  @Test func explainSaysWhatIsMissingOrOutOfRange() throws {
    let folder = try TempFolder("kg-explain")
    try folder.seed(0, as: "a.txt")
    let outOfRange = try KGProcess.run(["explain", "--file", "a.txt", "--sentence", "9999"], in: folder.url)
    #expect(outOfRange.status == 64, "\(outOfRange)")
    #expect(outOfRange.stderr.contains("kg: a.txt: has "), "\(outOfRange)")
    #expect(outOfRange.stderr.contains("so there is no sentence 9999"), "\(outOfRange)")
    let negative = try KGProcess.run(["explain", "--file", "a.txt", "--sentence", "-1"], in: folder.url)
    #expect(negative.status == 64, "\(negative)")
    let nothing = try KGProcess.run(["explain"], in: folder.url)
    #expect(nothing.status == 64, "\(nothing)")
    #expect(nothing.stderr.contains("Give a sentence to explain, or --file with an article."), "\(nothing)")
    #expect(!nothing.stderr.contains("not both"), "\(nothing)")
    let inRange = try KGProcess.run(["explain", "--file", "a.txt", "--sentence", "0"], in: folder.url)
    #expect(inRange.status == 0, "\(inRange)")
  }

  /// A failure is printed when it happens: a build interrupted after it has still told the user.
  @Test func failuresArePrintedAsTheyHappen() throws {
    let folder = try TempFolder("kg-failures")
    try folder.write("in/a-empty.txt", "")
    for i in 0..<40 {
      try folder.write("in/b\(String(format: "%03d", i)).txt", "Dispatch \(i)\n\n" + (try seedText(i % 5)))
    }
    let (process, stderr) = try KGProcess.start(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    var seen = ""
    while !seen.contains("a-empty.txt: is empty") {
      let chunk = stderr.availableData
      if chunk.isEmpty { break }
      seen += String(decoding: chunk, as: UTF8.self)
    }
    // SIGKILL stands for Ctrl-C: a test runner may start `kg` with SIGINT and SIGTERM blocked.
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(seen.contains("kg: in/a-empty.txt: is empty"), "\(seen)")
    // Interrupted mid-way, with the failure already printed.
    #expect(process.terminationReason == .uncaughtSignal, "the failure was printed only as the build ended")
    let stored = try GraphStore(path: folder.path("kg.sqlite")).loadGraph().documents.count
    #expect(stored < 40, "the failure was printed only after all \(stored) documents")
  }

  @Test func aHungDotIsStopped() throws {
    let folder = try TempFolder("kg-dot")
    try folder.seed(0, as: "in/a.txt")
    let build = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(build.status == 0, "\(build)")
    try folder.write("bin/dot", "#!/bin/sh\nexec sleep 600\n")
    chmod(folder.path("bin/dot"), 0o755)
    let path = folder.path("bin") + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let start = Date()
    let result = try KGProcess.run(
      ["render", "--format", "svg", "--timeout", "2", "--store", "kg.sqlite"], in: folder.url,
      environment: ["PATH": path], timeout: 60)
    #expect(!result.timedOut, "kg hung with dot")
    #expect(Date().timeIntervalSince(start) < 30)
    #expect(result.status == 69, "\(result)")
    #expect(result.stderr.contains("was still laying out the graph after 2 s and was stopped"), "\(result)")
  }
}
