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
///
/// The UTF-8 bytes and the byte offset of every code point are kept too, so that the text of a
/// span is one copy of bytes rather than a string built scalar by scalar.
public struct ScalarText: Sendable, Hashable {
  public let scalars: [Unicode.Scalar]
  /// The text as UTF-8.
  public let utf8: [UInt8]
  /// `offsets[i]` is the byte offset of code point `i`; `offsets[count]` is `utf8.count`.
  let offsets: [Int]

  /// The text of a string, decoded from its UTF-8 in one pass (a String's UTF-8 is valid, and
  /// re-encoding its scalars gives the same bytes, so this equals `init(scalars:)` of them).
  ///
  /// - Complexity: O(*n*) in the string's UTF-8 length.
  public init(_ string: String) {
    var string = string
    var utf8: [UInt8] = []
    var offsets: [Int] = []
    let scalars = string.withUTF8 { bytes in
      utf8 = Array(bytes)
      // At most one scalar per byte: fill uninitialised buffers and set their counts at the end.
      return [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalarBuffer, scalarCount in
        offsets = [Int](unsafeUninitializedCapacity: bytes.count + 1) { offsetBuffer, offsetCount in
          var n = 0
          var i = 0
          while i < bytes.count {
            offsetBuffer[n] = i
            // ASCII, most of an English text, in a step of its own.
            if bytes[i] < 0x80 {
              scalarBuffer[n] = Unicode.Scalar(bytes[i])
              n += 1
              i += 1
              continue
            }
            let lead = UInt32(bytes[i])
            var value: UInt32
            var width: Int
            if lead < 0x80 {
              value = lead
              width = 1
            } else if lead < 0xE0 {
              value = lead & 0x1F
              width = 2
            } else if lead < 0xF0 {
              value = lead & 0x0F
              width = 3
            } else {
              value = lead & 0x07
              width = 4
            }
            for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            scalarBuffer[n] = Unicode.Scalar(value)!
            n += 1
            i += width
          }
          offsetBuffer[n] = bytes.count
          offsetCount = n + 1
          scalarCount = n
        }
      }
    }
    self.scalars = scalars
    self.utf8 = utf8
    self.offsets = offsets
  }

  public init(scalars: [Unicode.Scalar]) {
    var offsets = [Int](repeating: 0, count: scalars.count + 1)
    var utf8: [UInt8] = []
    utf8.reserveCapacity(scalars.count + scalars.count / 4)
    for (i, scalar) in scalars.enumerated() {
      offsets[i] = utf8.count
      let v = scalar.value
      if v < 0x80 {
        utf8.append(UInt8(v))
      } else if v < 0x800 {
        utf8.append(UInt8(0xC0 | (v >> 6)))
        utf8.append(UInt8(0x80 | (v & 0x3F)))
      } else if v < 0x10000 {
        utf8.append(UInt8(0xE0 | (v >> 12)))
        utf8.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        utf8.append(UInt8(0x80 | (v & 0x3F)))
      } else {
        utf8.append(UInt8(0xF0 | (v >> 18)))
        utf8.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        utf8.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        utf8.append(UInt8(0x80 | (v & 0x3F)))
      }
    }
    offsets[scalars.count] = utf8.count
    self.scalars = scalars
    self.utf8 = utf8
    self.offsets = offsets
  }

  public var count: Int { scalars.count }

  /// The text of `span`, clamped to the document.
  public subscript(span: TextSpan) -> String {
    let lo = max(0, min(span.start, scalars.count))
    let hi = max(lo, min(span.end, scalars.count))
    return String(decoding: utf8[offsets[lo]..<offsets[hi]], as: UTF8.self)
  }

  public var string: String { String(decoding: utf8, as: UTF8.self) }
}
