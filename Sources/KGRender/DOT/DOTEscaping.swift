/// Quoting for DOT identifiers and labels.
enum DOTEscaping {
  /// A double-quoted DOT string: backslashes and quotes escaped, newlines as `\n`, control
  /// characters dropped. Non-ASCII text (Arabic, accents) passes through as UTF-8.
  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r", "\t": out += " "
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
