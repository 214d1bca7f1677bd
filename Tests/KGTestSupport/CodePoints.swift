/// Code point arithmetic done independently of `KGModel.ScalarText`, so tests do not check the
/// model's slicing with the model's own code.
public enum CodePoints {
  /// `text[start:end]` as Python slices a `str`: by Unicode scalar offsets. Nil when out of range.
  public static func slice(_ text: String, _ start: Int, _ end: Int) -> String? {
    let scalars = text.unicodeScalars
    guard start >= 0, start <= end, end <= scalars.count else { return nil }
    let lo = scalars.index(scalars.startIndex, offsetBy: start)
    let hi = scalars.index(lo, offsetBy: end - start)
    return String(scalars[lo..<hi])
  }

  /// The code point offset of the first occurrence of `needle` in `text` at or after `from`, or nil.
  public static func offset(of needle: String, in text: String, from: Int = 0) -> Int? {
    let hay = Array(text.unicodeScalars)
    let pin = Array(needle.unicodeScalars)
    guard !pin.isEmpty, pin.count <= hay.count, from <= hay.count - pin.count else { return nil }
    for i in from...(hay.count - pin.count) where hay[i] == pin[0] {
      if Array(hay[i..<(i + pin.count)]) == pin { return i }
    }
    return nil
  }

  /// The number of code points in `text`.
  public static func count(_ text: String) -> Int { text.unicodeScalars.count }
}
