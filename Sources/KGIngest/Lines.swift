import KGModel

/// A line of text: its span without the newline, and the span with outer white space trimmed.
struct Line {
  var span: TextSpan
  var trimmed: TextSpan

  var isBlank: Bool { trimmed.isEmpty }
}

extension ScalarText {
  /// The text's lines, split at LF.
  func lines() -> [Line] {
    var result: [Line] = []
    var start = 0
    let n = scalars.count
    var i = 0
    scalars.withUnsafeBufferPointer { scalars in
      while i <= n {
        // Skip to the next line feed without bounds checks.
        while i < n, scalars[i] != "\n" { i += 1 }
        let span = TextSpan(start: start, end: i)
        result.append(Line(span: span, trimmed: trim(span)))
        start = i + 1
        i += 1
      }
    }
    return result
  }

  /// `span` without leading and trailing white space.
  func trim(_ span: TextSpan) -> TextSpan {
    var lo = span.start
    var hi = span.end
    while lo < hi, scalars[lo].isUnicodeWhitespace { lo += 1 }
    while hi > lo, scalars[hi - 1].isUnicodeWhitespace { hi -= 1 }
    return TextSpan(start: lo, end: hi)
  }

  /// The number of words (runs of letters and digits) in `span`, counted up to `limit`: a caller
  /// that only compares the count with small numbers need not read a long paragraph to its end.
  func wordCount(_ span: TextSpan, upTo limit: Int = .max) -> Int {
    scalars.withUnsafeBufferPointer { scalars in
      var count = 0
      var inWord = false
      for i in span.start..<span.end {
        if count >= limit { break }
        let s = scalars[i]
        let v = s.value
        let isWordChar =
          v < 128
          ? (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || (v >= 48 && v <= 57)
          : s.properties.isAlphabetic || s.properties.numericType != nil
        if isWordChar && !inWord { count += 1 }
        inWord = isWordChar
      }
      return count
    }
  }
}

extension Unicode.Scalar {
  /// `properties.isWhitespace`, answered without the property tables for ASCII.
  @inline(__always) var isUnicodeWhitespace: Bool {
    value < 0x80 ? value == 32 || (value >= 9 && value <= 13) : properties.isWhitespace
  }

  /// `properties.isAlphabetic`, answered without the property tables for ASCII (only letters are).
  @inline(__always) var isUnicodeAlphabetic: Bool {
    value < 0x80 ? (value | 0x20) >= 97 && (value | 0x20) <= 122 : properties.isAlphabetic
  }
}
