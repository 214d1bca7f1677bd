public import KGModel

/// Finds the article body in a scraped page: the run of prose between the page's header (menus,
/// titles, bylines) and its footer (share lines, disclaimers, related-post teasers, comments).
///
/// A line is *prose* when it reads like running text: at least eight words ending in sentence
/// punctuation, or a long paragraph. The body starts at the first prose line and runs to the last
/// prose or list line before a footer marker ("Related Posts", "Leave a Reply", "— Author", a
/// comment header "… says:") or before three short non-prose lines in a row (a teaser list).
public struct BodyDetector: Sendable {
  public init() {}

  /// The body's span in `text`, or nil when the text has no prose line at all.
  ///
  /// - Complexity: O(*n*) in the text's length.
  public func body(of text: ScalarText) -> TextSpan? { body(of: text, lines: text.lines()) }

  func body(of text: ScalarText, lines: [Line]) -> TextSpan? {
    let kinds = lines.map { classify($0, in: text) }
    guard let first = kinds.firstIndex(of: .prose) else { return nil }
    var last = first
    var shortRun = 0
    var i = first + 1
    scan: while i < lines.count {
      switch kinds[i] {
      case .prose, .listItem:
        last = i
        shortRun = 0
      case .footer:
        break scan
      case .short:
        shortRun += 1
        if shortRun >= 3 { break scan }
      case .blank:
        break
      }
      i += 1
    }
    return TextSpan(start: lines[first].trimmed.start, end: lines[last].trimmed.end)
  }

  enum LineKind: Equatable { case blank, prose, listItem, short, footer }

  func classify(_ line: Line, in text: ScalarText) -> LineKind {
    if line.isBlank { return .blank }
    // Footer markers open a line, and boilerplate lines are short: a paragraph is never copied
    // whole just to be looked at.
    let headSpan = TextSpan(start: line.trimmed.start, end: min(line.trimmed.end, line.trimmed.start + 120))
    let checked = line.trimmed.length <= 300 ? line.trimmed : headSpan
    if let lower = Self.lowercasedUTF8(text, checked, headScalars: headSpan.length) {
      // The fast path: byte tests on the lowercased UTF-8 that every footer passes; the exact
      // String test runs only when they do.
      if Self.mayBeFooter(lower.bytes[..<lower.head], firstScalar: text.scalars[line.trimmed.start]),
        Self.isFooter(text[headSpan])
      {
        return .footer
      }
      if line.trimmed.length <= 300 && Self.containsBoilerplate(lower.bytes) { return .short }
    } else {
      if Self.isFooter(text[headSpan]) { return .footer }
      if line.trimmed.length <= 300 && Self.isBoilerplate(text[line.trimmed]) { return .short }
    }
    // Only compared with 4, 8 and 12 below.
    let words = text.wordCount(line.trimmed, upTo: 12)
    let startsWithBullet = Self.bullets.contains(text.scalars[line.trimmed.start])
    let lastScalar = text.scalars[line.trimmed.end - 1]
    let endsSentence = Self.sentenceEnders.contains(lastScalar)
    if startsWithBullet && words >= 4 { return .listItem }
    if (words >= 8 && endsSentence && lastScalar != ":") || line.trimmed.length >= 200 || (words >= 12 && endsSentence)
    {
      return .prose
    }
    return .short
  }

  static let bullets: Set<Unicode.Scalar> = ["•", "·", "▪", "◦", "-", "–", "*", "●", "►"]
  static let sentenceEnders: Set<Unicode.Scalar> = [".", "!", "?", "\"", "”", "’", "'", ")", ":", "…"]

  /// Lines that open the page's footer: nothing after them is body.
  static func isFooter(_ line: String) -> Bool {
    let lower = line.lowercased()
    for marker in footerPrefixes where lower.hasPrefix(marker) { return true }
    if lower == "comments" || (lower.hasSuffix(" comments") && lower.count <= 16) { return true }
    // A comment header: "3. Ed says:" or "Ed says:".
    if lower.hasSuffix(" says:") && lower.count <= 60 { return true }
    // A signature: "— Paul Mansfield".
    if let first = line.unicodeScalars.first, first == "—" || first == "–",
      line.split(separator: " ").count <= 5, !line.contains(".")
    {
      return true
    }
    return false
  }

  static let footerPrefixes = [
    "related posts", "related articles", "related stories", "related news", "related:", "leave a reply",
    "leave a comment", "like this:", "note to readers", "more on this topic", "share this", "latest news",
    "you may also like", "read more:", "disclaimer:", "copyright ©", "copyright (c)",
    "the original source of this article", "click here to", "sign up for our newsletter",
    "subscribe to our newsletter", "recommended for you", "also read:", "tags:", "filed under",
  ]

  /// Lines that look like sentences but belong to the site (cookie notices, sharing prompts).
  static func isBoilerplate(_ line: String) -> Bool { containsBoilerplate(Array(line.lowercased().utf8)) }

  /// Whether lowercased UTF-8 contains a boilerplate fragment: one pass over the bytes, comparing
  /// fragments only where one of them could start.
  static func containsBoilerplate(_ lower: [UInt8]) -> Bool {
    lower.withUnsafeBufferPointer { bytes in
      for i in bytes.indices where boilerplateStarts[Int(bytes[i])] {
        for fragment in boilerplateBytes where fragment[0] == bytes[i] && fragment.count <= bytes.count - i {
          var k = 1
          while k < fragment.count, bytes[i + k] == fragment[k] { k += 1 }
          if k == fragment.count { return true }
        }
      }
      return false
    }
  }

  /// Whether a boilerplate fragment starts with each byte value.
  static let boilerplateStarts: [Bool] = {
    var starts = [Bool](repeating: false, count: 256)
    for fragment in boilerplateBytes { starts[Int(fragment[0])] = true }
    return starts
  }()

  /// The UTF-8 of a span's text lowercased, exactly as `String.lowercased()` would give it, and
  /// the byte length of its first `headScalars` scalars; nil when a non-ASCII scalar changes
  /// under lowercasing (the caller then takes the String path).
  ///
  /// - Complexity: O(*n*) in the span's length.
  static func lowercasedUTF8(_ text: ScalarText, _ span: TextSpan, headScalars: Int) -> (bytes: [UInt8], head: Int)? {
    var head = -1
    var unchanged = true
    // At most four bytes per scalar.
    let bytes = [UInt8](unsafeUninitializedCapacity: span.length * 4) { buffer, count in
      count = 0
      for i in span.start..<span.end {
        if i - span.start == headScalars { head = count }
        let scalar = text.scalars[i]
        let v = scalar.value
        if v < 0x80 {
          buffer[count] = UInt8(truncatingIfNeeded: v >= 65 && v <= 90 ? v + 32 : v)
          count += 1
        } else {
          if scalar.properties.changesWhenLowercased {
            unchanged = false
            return
          }
          for byte in UTF8.encode(scalar)! {
            buffer[count] = byte
            count += 1
          }
        }
      }
    }
    guard unchanged else { return nil }
    return (bytes, head < 0 ? bytes.count : head)
  }

  /// A necessary condition for `isFooter` on a line whose lowercased UTF-8 head is `lower`: a
  /// footer prefix, a "comments" or "… says:" ending, or a dash opening a signature. (Lowercased
  /// text that starts or ends with ASCII words as Characters starts or ends with their bytes.)
  static func mayBeFooter(_ lower: ArraySlice<UInt8>, firstScalar: Unicode.Scalar) -> Bool {
    if firstScalar == "—" || firstScalar == "–" { return true }
    for marker in footerPrefixBytes where lower.starts(with: marker) { return true }
    return lower.elementsEqual(commentsBytes) || lower.reversed().starts(with: commentsSuffixBytes.reversed())
      || lower.reversed().starts(with: saysSuffixBytes.reversed())
  }

  static let footerPrefixBytes = footerPrefixes.map { Array($0.utf8) }
  static let commentsBytes = Array("comments".utf8)
  static let commentsSuffixBytes = Array(" comments".utf8)
  static let saysSuffixBytes = Array(" says:".utf8)

  static let boilerplateBytes = boilerplateFragments.map { Array($0.utf8) }

  static let boilerplateFragments = [
    "cookies", "all rights reserved", "click the share buttons", "subscribe to", "your email address",
    "successfully subscribed", "privacy policy",
  ]
}
