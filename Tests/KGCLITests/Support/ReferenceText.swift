import Foundation

/// How a file reads to a consumer of the export (`score.py` opens it with
/// `open(path, encoding="utf-8", errors="replace")`, universal newlines), computed two ways that
/// share no code with kg: the standard library's own decoders, and Python itself when present.
enum ReferenceText {
  /// One provenance entry of an export.
  struct Evidence {
    var path: String
    var start: Int
    var end: Int
    var quote: String
  }

  /// The file's text as Python reads it: UTF-16 when it starts with a byte-order mark (as
  /// `encoding="utf-16"` would), else UTF-8 with U+FFFD for bad bytes; CR and CRLF become LF.
  static func scalars(ofFile path: String) throws -> [Unicode.Scalar] {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let decoded: String
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
      let little = bytes[0] == 0xFF
      var units: [UInt16] = []
      var i = 2
      while i + 1 < bytes.count {
        units.append(
          little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
        i += 2
      }
      decoded = String(decoding: units, as: UTF16.self) + (bytes.count % 2 == 1 ? "\u{FFFD}" : "")
    } else {
      decoded = String(decoding: bytes, as: UTF8.self)
    }
    var out: [Unicode.Scalar] = []
    var afterCR = false
    for s in decoded.unicodeScalars {
      if s == "\r" {
        out.append("\n")
        afterCR = true
      } else {
        if !(afterCR && s == "\n") { out.append(s) }
        afterCR = false
      }
    }
    return out
  }

  static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// Every provenance entry of a JSON export.
  static func evidence(inExport data: Data) throws -> [Evidence] {
    guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let edges = root["edges"] as? [[String: Any]]
    else { return [] }
    var result: [Evidence] = []
    for edge in edges {
      for p in edge["provenance"] as? [[String: Any]] ?? [] {
        result.append(
          Evidence(
            path: p["path"] as? String ?? "", start: p["start"] as? Int ?? -1, end: p["end"] as? Int ?? -1,
            quote: p["quote"] as? String ?? ""))
      }
    }
    return result
  }

  /// The export's evidence whose span does not give its quote in the file read the reference way.
  ///
  /// - Parameter directory: the folder relative paths in the export are resolved against.
  static func mismatches(inExport data: Data, directory: URL) throws -> (checked: Int, bad: [String]) {
    var cache: [String: [Unicode.Scalar]] = [:]
    var bad: [String] = []
    let all = try evidence(inExport: data)
    for e in all {
      let full = e.path.hasPrefix("/") ? e.path : directory.appendingPathComponent(e.path).path
      if cache[full] == nil { cache[full] = try scalars(ofFile: full) }
      let text = cache[full]!
      guard e.start >= 0, e.start <= e.end, e.end <= text.count else {
        bad.append("\(e.path) [\(e.start)..<\(e.end)]: out of range")
        continue
      }
      let got = string(text[e.start..<e.end])
      if got != e.quote { bad.append("\(e.path) [\(e.start)..<\(e.end)]: '\(got)' ≠ '\(e.quote)'") }
    }
    return (all.count, bad)
  }

  static let pythonChecker = """
    import json, sys
    d = json.load(open(sys.argv[1], encoding="utf-8"))
    checked = bad = 0
    texts = {}
    for e in d.get("edges", []):
        for p in e.get("provenance", []) or []:
            if p["path"] not in texts:
                raw = open(p["path"], "rb").read(2)
                enc = "utf-16" if raw in (b"\\xff\\xfe", b"\\xfe\\xff") else "utf-8"
                with open(p["path"], encoding=enc, errors="replace") as f:
                    texts[p["path"]] = f.read()
            t = texts[p["path"]]
            checked += 1
            if t[p["start"]:p["end"]] != p["quote"]:
                bad += 1
                print("MISMATCH", p["path"], p["start"], p["end"], file=sys.stderr)
    print(checked, bad)
    """

  /// Python's verdict on the export's offsets, or nil when `python3` is not installed.
  static func pythonMismatches(exportPath: String, directory: URL) throws -> (checked: Int, bad: Int)? {
    guard let python = KGProcess.python else { return nil }
    let process = Process()
    process.executableURL = python
    process.arguments = ["-c", pythonChecker, exportPath]
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let numbers = out.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    guard process.terminationStatus == 0, numbers.count == 2 else { return (0, -1) }
    return (numbers[0], numbers[1])
  }
}
