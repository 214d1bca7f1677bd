import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `-o FILE` writes where the user pointed: through a symbolic link, into a FIFO or device
/// without replacing it, and over a regular file atomically with its permissions kept.
@Suite struct OutputFileTests {
  static func built() throws -> TempFolder {
    let folder = try TempFolder("kg-out")
    try folder.seed(0, as: "in/a.txt")
    let build = try KGProcess.run(["build", "in", "--store", "kg.sqlite"], in: folder.url)
    #expect(build.status == 0, "\(build)")
    return folder
  }

  static func kind(_ path: String) -> mode_t {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return info.st_mode & S_IFMT
  }

  static func mode(_ path: String) -> mode_t {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return info.st_mode & 0o7777
  }

  @Test func aSymbolicLinkIsWrittenThrough() throws {
    let folder = try Self.built()
    try FileManager.default.createDirectory(atPath: folder.path("real"), withIntermediateDirectories: true)
    try folder.write("real/graph.dot", "old")
    chmod(folder.path("real/graph.dot"), 0o640)
    try FileManager.default.createSymbolicLink(atPath: folder.path("graph.dot"), withDestinationPath: "real/graph.dot")
    let result = try KGProcess.run(["render", "-o", "graph.dot", "--store", "kg.sqlite"], in: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(Self.kind(folder.path("graph.dot")) == S_IFLNK, "the link was replaced")
    #expect(String(decoding: try folder.bytes("real/graph.dot"), as: UTF8.self).hasPrefix("digraph"))
    #expect(Self.mode(folder.path("real/graph.dot")) == 0o640)
    // A link to a file not there yet makes the file.
    try FileManager.default.createSymbolicLink(atPath: folder.path("new.json"), withDestinationPath: "real/new.json")
    let export = try KGProcess.run(["export", "-o", "new.json", "--store", "kg.sqlite"], in: folder.url)
    #expect(export.status == 0 && Self.kind(folder.path("new.json")) == S_IFLNK, "\(export)")
    #expect(try folder.bytes("real/new.json").first == UInt8(ascii: "{"))
  }

  @Test func aRegularFileKeepsItsPermissions() throws {
    let folder = try Self.built()
    for mode: mode_t in [0o600, 0o640, 0o664] {
      try folder.write("out.json", "old")
      chmod(folder.path("out.json"), mode)
      let result = try KGProcess.run(["export", "-o", "out.json", "--store", "kg.sqlite"], in: folder.url)
      #expect(result.status == 0, "\(result)")
      #expect(Self.mode(folder.path("out.json")) == mode, "mode \(String(mode, radix: 8)) was not kept")
      #expect(try folder.bytes("out.json").first == UInt8(ascii: "{"))
    }
    // No temporary file is left beside it.
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.contains(".kg-") && $0.hasPrefix(".out")
    }
    #expect(left.isEmpty, "\(left)")
  }

  @Test func aFIFOIsStreamedTo() throws {
    let folder = try Self.built()
    let fifo = folder.path("out.fifo")
    #expect(mkfifo(fifo, 0o644) == 0)
    // A reader that does not block, so the writer's open succeeds; the export fits in the pipe.
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    let render = try KGProcess.run(["render", "-o", "out.fifo", "--store", "kg.sqlite"], in: folder.url, timeout: 60)
    #expect(render.status == 0, "\(render)")
    #expect(Self.kind(fifo) == S_IFIFO, "the FIFO was replaced by a regular file")
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let n = read(reader, &buffer, buffer.count)
    #expect(n > 0 && String(decoding: buffer[..<max(n, 0)], as: UTF8.self).hasPrefix("digraph"))
  }

  @Test func aDeviceIsWrittenToNotReplaced() throws {
    let folder = try Self.built()
    // A private copy of /dev/null (character device 1:3), so a failure cannot touch the real one.
    let device = folder.path("null")
    guard mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else { return }  // not allowed here
    let result = try KGProcess.run(["export", "-o", "null", "--store", "kg.sqlite"], in: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(Self.kind(device) == S_IFCHR, "the device was replaced by a regular file")
  }

  @Test func dashAndDevStdoutMeanStandardOutput() throws {
    let folder = try Self.built()
    for name in ["-", "/dev/stdout"] {
      let result = try KGProcess.run(["export", "-o", name, "--store", "kg.sqlite"], in: folder.url)
      #expect(result.status == 0 && result.stdout.hasPrefix("{"), "-o \(name): \(result)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path("-")))
  }
}
