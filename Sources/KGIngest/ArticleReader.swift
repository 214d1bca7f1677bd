public import KGModel
import Foundation

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

  public init() {}

  /// Reads one file.
  ///
  /// - Throws: `IngestError.notFound`, `.unreadable`, `.notText`, `.empty`.
  public func read(path: String) throws(IngestError) -> (document: Document, warnings: [IngestWarning]) {
    let bytes = try Self.bytes(at: path)
    let decoded = try TextDecoding.decode(bytes, path: path)
    let document = try parse(text: decoded.text, path: path)
    return (document, decoded.warnings.map { IngestWarning(path: path, kind: $0) })
  }

  /// Builds a document from text already in memory.
  ///
  /// - Throws: `IngestError.empty` when the text is only white space.
  public func parse(text string: String, path: String) throws(IngestError) -> Document {
    let text = ScalarText(string)
    let whole = text.trim(TextSpan(start: 0, end: text.count))
    if whole.isEmpty { throw .empty(path: path) }
    let body = bodyDetector.body(of: text) ?? whole
    return Document(
      path: path, contentHash: fingerprint(string), text: text, body: body,
      sentences: splitter.sentences(in: text, body: body),
      metadata: metadataExtractor.metadata(of: text, body: body))
  }

  static func bytes(at path: String) throws(IngestError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path: path) }
    if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a folder") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path: path, reason: "permission denied")
    }
    defer { try? handle.close() }
    do {
      let data = try handle.readToEnd() ?? Data()
      return [UInt8](data)
    } catch {
      throw .unreadable(path: path, reason: "\(error.localizedDescription)")
    }
  }
}
