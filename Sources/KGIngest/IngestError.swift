/// A failure to read one input, named by its path.
public enum IngestError: Error, Equatable, Sendable, CustomStringConvertible {
  case notFound(path: String)
  case unreadable(path: String, reason: String)
  case notText(path: String, byteOffset: Int)
  case empty(path: String)
  case noBody(path: String)
  /// Larger than `ArticleReader.maximumFileSize`: not read at all.
  case tooLarge(path: String, bytes: Int, limit: Int)
  /// A FIFO, socket or device: reading it could block forever, so it is not opened.
  case notRegularFile(path: String, kind: String)
  case noInput(paths: [String])
  /// A name in a folder whose bytes are not UTF-8 (shown with U+FFFD): it cannot be named to
  /// the system again, so it is not read.
  case undecodableName(path: String)
  /// A path longer than the system opens (folders nested hundreds deep).
  case pathTooLong(path: String, limit: Int)

  public var path: String? {
    switch self {
    case .notFound(let p), .unreadable(let p, _), .notText(let p, _), .empty(let p), .noBody(let p),
      .tooLarge(let p, _, _), .notRegularFile(let p, _), .undecodableName(let p), .pathTooLong(let p, _):
      p
    case .noInput: nil
    }
  }

  public var description: String {
    switch self {
    case .notFound(let path):
      "\(path): no such file or folder; check the path, or pass a folder of .txt articles."
    case .unreadable(let path, let reason):
      "\(path): cannot be read (\(reason)); check its permissions."
    case .notText(let path, let offset):
      "\(path): looks binary, not an article (byte \(offset) is not text); remove it from the input or convert it to UTF-8 text."
    case .empty(let path):
      "\(path): is empty; nothing to read."
    case .noBody(let path):
      "\(path): no article body found (no line of prose); check that the file is an article."
    case .tooLarge(let path, let bytes, let limit):
      "\(path): is \(Self.megabytes(bytes)), over the \(Self.megabytes(limit)) limit for one article, and was not read; split it into articles."
    case .notRegularFile(let path, let kind):
      "\(path): is a \(kind), not a regular file, and was not read; pass article files."
    case .undecodableName(let path):
      "\(path): the name is not valid UTF-8 (shown with U+FFFD), so it was not read; rename it."
    case .pathTooLong(let path, let limit):
      "\(String(path.prefix(120)))…: the path is over the system's limit of \(limit) bytes (folders nested too deep), so it was not read; move the articles to a shallower folder."
    case .noInput(let paths):
      "no article files found in \(paths.map { "'\($0)'" }.joined(separator: ", ")); pass .txt files or folders holding them."
    }
  }
}

extension IngestError {
  static func megabytes(_ bytes: Int) -> String {
    let mb = Double(bytes) / 1_048_576
    return mb >= 10 ? "\(Int(mb.rounded())) MB" : "\((mb * 10).rounded() / 10) MB"
  }
}

/// Something worth telling the user that did not stop a file from being read.
public struct IngestWarning: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// Invalid UTF-8 replaced by U+FFFD; the offset is the first bad byte.
    case invalidUTF8(byteOffset: Int, count: Int)
    /// The file was UTF-16 (with a byte-order mark) and was converted.
    case decodedUTF16
    /// A symbolic link that leads back into a folder already being read.
    case symlinkLoop
    /// A symbolic link, named like an article, that leads nowhere (or round in a circle).
    case brokenLink
  }

  public var path: String
  public var kind: Kind

  public init(path: String, kind: Kind) {
    self.path = path
    self.kind = kind
  }

  public var description: String {
    switch kind {
    case .invalidUTF8(let offset, let count):
      "\(path): invalid UTF-8 at byte \(offset) (\(count) bad sequence\(count == 1 ? "" : "s") replaced with U+FFFD); offsets index the repaired text."
    case .decodedUTF16:
      "\(path): UTF-16 text converted to UTF-8 for reading; offsets index the converted text."
    case .symlinkLoop:
      "\(path): symbolic link loop skipped."
    case .brokenLink:
      "\(path): symbolic link to nothing (or to itself) skipped."
    }
  }
}
