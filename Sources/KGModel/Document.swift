/// Metadata an article page gives about itself, where it gives it.
public struct ArticleMetadata: Hashable, Codable, Sendable {
  public var title: String?
  /// The publication date as written on the page ("November 24, 2018").
  public var dateText: String?
  /// The publication date normalised to ISO 8601 (`YYYY-MM-DD`, or `YYYY-MM`), when it could be parsed.
  public var date: String?
  public var outlet: String?

  public init(title: String? = nil, dateText: String? = nil, date: String? = nil, outlet: String? = nil) {
    self.title = title
    self.dateText = dateText
    self.date = date
    self.outlet = outlet
  }
}

/// One sentence of an article body.
public struct Sentence: Hashable, Codable, Sendable {
  /// Zero-based position among the document's sentences.
  public var index: Int
  public var span: TextSpan
  /// True for a line that stands alone without final punctuation (a headline or list item).
  public var isHeadline: Bool

  public init(index: Int, span: TextSpan, isHeadline: Bool = false) {
    self.index = index
    self.span = span
    self.isHeadline = isHeadline
  }
}

/// An article as read from a file: its full text, where its body is, and its sentences.
public struct Document: Hashable, Sendable {
  /// The path the document was read from, as the user named it.
  public var path: String
  /// SHA-256-free content fingerprint (FNV-1a 64 of the UTF-8 text), used to skip unchanged re-ingests.
  public var contentHash: String
  /// The whole file's text after decoding and newline normalisation: what offsets index into.
  public var text: ScalarText
  /// The article body within `text`.
  public var body: TextSpan
  public var sentences: [Sentence]
  public var metadata: ArticleMetadata

  public init(
    path: String, contentHash: String, text: ScalarText, body: TextSpan, sentences: [Sentence],
    metadata: ArticleMetadata
  ) {
    self.path = path
    self.contentHash = contentHash
    self.text = text
    self.body = body
    self.sentences = sentences
    self.metadata = metadata
  }

  public func text(of span: TextSpan) -> String { text[span] }
}

/// FNV-1a 64-bit hash of a string's UTF-8 bytes, as 16 hex digits.
public func fingerprint(_ string: String) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in string.utf8 {
    hash ^= UInt64(byte)
    hash = hash &* 0x100_0000_01b3
  }
  let hex = String(hash, radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}
