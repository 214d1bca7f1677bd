import Foundation
public import KGModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads article files into `Document`s: decodes, normalises newlines, finds the body, splits
/// sentences and reads the page's metadata.
///
/// ```swift
/// let reader = ArticleReader()
/// let (document, warnings) = try reader.read(path: "seeds/000_f8d8dbf8ac3546ee.txt")
/// ```
public struct ArticleReader: Sendable {
  public var bodyDetector = BodyDetector()
  public var splitter = SentenceSplitter()
  public var metadataExtractor = MetadataExtractor()
  /// Files larger than this are refused with `IngestError.tooLarge` before a byte is read.
  ///
  /// A news article is well under 1 MB. Reading costs about 4 bytes of memory per code point;
  /// extraction costs about 10 s per MB of dense prose in a debug build (measured on a 5 MB
  /// single-line file: 49 s), so 16 MB bounds one file to minutes, never hours, and a 200 MB file
  /// is refused at once with a message naming it.
  public var maximumFileSize = ArticleReader.defaultMaximumFileSize
  public static let defaultMaximumFileSize = 16 << 20

  public init(maximumFileSize: Int = ArticleReader.defaultMaximumFileSize) {
    self.maximumFileSize = maximumFileSize
  }

  /// Reads one file.
  ///
  /// - Complexity: O(*n*) in the file's size.
  /// - Throws: `IngestError.notFound`, `.unreadable`, `.notRegularFile`, `.tooLarge`, `.notText`,
  ///   `.empty`.
  public func read(path: String) throws(IngestError) -> (document: Document, warnings: [IngestWarning]) {
    let bytes = try Self.bytes(at: path, limit: maximumFileSize)
    return try read(bytes: bytes, path: path)
  }

  /// Reads a file's bytes already in memory, as `read(path:)` would read them from `path`.
  ///
  /// - Throws: `IngestError.tooLarge`, `.notText`, `.empty`.
  public func read(bytes: [UInt8], path: String) throws(IngestError) -> (document: Document, warnings: [IngestWarning])
  {
    if bytes.count > maximumFileSize { throw .tooLarge(path: path, bytes: bytes.count, limit: maximumFileSize) }
    let decoded = try TextDecoding.decode(bytes, path: path)
    let document = try parse(text: ScalarText(scalars: decoded.scalars), path: path)
    return (document, decoded.warnings.map { IngestWarning(path: path, kind: $0) })
  }

  /// Builds a document from text already in memory.
  ///
  /// - Throws: `IngestError.empty` when the text is only white space (and byte-order marks).
  public func parse(text string: String, path: String) throws(IngestError) -> Document {
    try parse(text: ScalarText(string), path: path)
  }

  func parse(text: ScalarText, path: String) throws(IngestError) -> Document {
    let whole = text.trim(TextSpan(start: 0, end: text.count))
    // A byte-order mark is not text: a file of marks and white space is empty.
    if (whole.start..<whole.end).allSatisfy({ text.scalars[$0] == "\u{FEFF}" || text.scalars[$0].isUnicodeWhitespace })
    {
      throw .empty(path: path)
    }
    let lines = text.lines()
    let body = bodyDetector.body(of: text, lines: lines) ?? whole
    return Document(
      path: path, contentHash: Self.fingerprint(text), text: text, body: body,
      sentences: splitter.sentences(in: text, body: body, lines: lines),
      metadata: metadataExtractor.metadata(of: text, body: body, lines: lines))
  }

  /// `fingerprint(_:)` of the text's UTF-8, computed from the bytes `ScalarText` keeps without
  /// building a String.
  static func fingerprint(_ text: ScalarText) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The bytes of a regular file no larger than `limit`.
  ///
  /// The file's kind and size are checked before it is opened, so a FIFO never blocks the build
  /// and a huge file is never read into memory.
  static func bytes(at path: String, limit: Int = defaultMaximumFileSize) throws(IngestError) -> [UInt8] {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .notFound(path: path) }
      if code == ELOOP { throw .unreadable(path: path, reason: "a loop of symbolic links") }
      throw .unreadable(path: path, reason: String(cString: strerror(code)))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .unreadable(path: path, reason: "it is a folder")
    case S_IFIFO: throw .notRegularFile(path: path, kind: "named pipe")
    case S_IFSOCK: throw .notRegularFile(path: path, kind: "socket")
    case S_IFCHR, S_IFBLK: throw .notRegularFile(path: path, kind: "device")
    default: throw .notRegularFile(path: path, kind: "special file")
    }
    let size = Int(info.st_size)
    if size > limit { throw .tooLarge(path: path, bytes: size, limit: limit) }
    let fd = open(path, O_RDONLY | O_NONBLOCK)
    guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    // Read up to one byte past the limit: a file that grew since `stat` is still refused.
    var out = [UInt8](repeating: 0, count: size + 1)
    var filled = 0
    while true {
      if filled == out.count {
        if out.count > limit { throw .tooLarge(path: path, bytes: filled, limit: limit) }
        out.append(contentsOf: [UInt8](repeating: 0, count: max(4096, out.count / 2)))
      }
      let n = out.withUnsafeMutableBytes { buffer in
        systemRead(fd, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      filled += n
    }
    if filled > limit { throw .tooLarge(path: path, bytes: filled, limit: limit) }
    out.removeLast(out.count - filled)
    return out
  }
}

/// `read(2)`, out of reach of `ArticleReader.read` inside the type.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}
