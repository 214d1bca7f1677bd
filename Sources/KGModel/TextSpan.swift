/// A half-open range of Unicode code point offsets into a document's text.
///
/// Offsets count Unicode scalars, as Python indexes a `str`, so that an
/// exported span satisfies `text[start:end] == quote` for any consumer that
/// reads the file as UTF-8 with universal newlines.
public struct TextSpan: Hashable, Codable, Sendable, Comparable {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    precondition(start <= end, "TextSpan start \(start) after end \(end)")
    self.start = start
    self.end = end
  }

  public var length: Int { end - start }
  public var isEmpty: Bool { start == end }

  public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
  public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

  public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }
}

/// A document's text as an array of Unicode scalars, indexed by code point.
public struct ScalarText: Sendable, Hashable {
  public let scalars: [Unicode.Scalar]

  public init(_ string: String) { scalars = Array(string.unicodeScalars) }
  public init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

  public var count: Int { scalars.count }

  /// The text of `span`, clamped to the document.
  public subscript(span: TextSpan) -> String {
    let lo = max(0, min(span.start, scalars.count))
    let hi = max(lo, min(span.end, scalars.count))
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[lo..<hi])
    return String(view)
  }

  public var string: String { self[TextSpan(start: 0, end: scalars.count)] }
}
