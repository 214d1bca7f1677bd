/// Text from articles, names and file names made safe to print on a terminal.
///
/// An article or a file name can hold escape sequences (ESC, OSC, BEL, backspace, C1 controls)
/// that would move the cursor, retitle the window or hide text when printed raw. Each such code
/// point is written as `\x1B` (or `\u{9B}` above U+007F) instead; tabs and line breaks stay.
public enum TerminalText {
  /// `text` with every control character except tab and line feed written as an escape.
  public static func escape(_ text: String, keepingNewlines: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines) }) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar, keepingNewlines) else {
        out.append(scalar)
        continue
      }
      let hex = String(scalar.value, radix: 16, uppercase: true)
      let escaped = scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
      out.append(contentsOf: escaped.unicodeScalars)
    }
    return String(out)
  }

  static func needsEscape(_ scalar: Unicode.Scalar, _ keepingNewlines: Bool) -> Bool {
    switch scalar.value {
    case 0x0A: !keepingNewlines
    case 0x09: false
    case 0x00...0x1F, 0x7F...0x9F: true
    // Bidirectional overrides and isolates reorder what follows them on the line.
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
