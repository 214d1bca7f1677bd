import Foundation
import Testing

/// Compares `actual` with `Goldens/<name>.<ext>` (`.dot` unless given) next to this file.
///
/// When the golden is missing, or `RECORD_GOLDENS=1` is set, writes `actual` as the new golden
/// and records a failure, so that a recording is never mistaken for a pass: look at the file,
/// then run again without `RECORD_GOLDENS`.
func assertGolden(
  _ actual: String, named name: String, extension ext: String = "dot", filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
  let url = folder.appendingPathComponent("\(name).\(ext)")
  let recording = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"
  if recording || !FileManager.default.fileExists(atPath: url.path) {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      Issue.record(
        "Recorded new golden \(url.path); check it, then run again without RECORD_GOLDENS.",
        sourceLocation: sourceLocation)
    } catch {
      Issue.record("Cannot write golden \(url.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record("Cannot read golden \(url.path)", sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  guard expected != actual else { return }
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let line = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
  let want = line < e.count ? String(e[line]) : "<end of file>"
  let got = line < a.count ? String(a[line]) : "<end of file>"
  Issue.record(
    """
    Output differs from golden \(name).\(ext) at line \(line + 1) (RECORD_GOLDENS=1 re-records):
      expected: \(want)
        actual: \(got)
    """, sourceLocation: sourceLocation)
}
