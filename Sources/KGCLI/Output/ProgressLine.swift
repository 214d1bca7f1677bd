import Foundation
import KGPipeline

/// The progress line of a long build on a terminal's standard error: files done of all, MB/s,
/// and the time left, redrawn in place at most five times a second, from the first second on.
final class ProgressLine {
  let enabled: Bool
  private var lastDrawn = 0.0
  private var drawn = false

  init(enabled: Bool) { self.enabled = enabled }

  func show(_ status: BuildStatus) {
    guard enabled, status.elapsed >= 1, status.elapsed - lastDrawn >= 0.2 || status.filesDone == status.filesTotal
    else { return }
    lastDrawn = status.elapsed
    let rate = Double(status.bytesDone) / max(status.elapsed, 0.001)
    var text = "\(status.filesDone)/\(status.filesTotal) files, \(String(format: "%.1f", rate / 1_000_000)) MB/s"
    if rate > 0 && status.filesDone < status.filesTotal {
      let left = Int((Double(status.bytesTotal - status.bytesDone) / rate).rounded(.up))
      text += left >= 60 ? ", \(left / 60) min \(left % 60) s left" : ", \(left) s left"
    }
    write("\r\u{1B}[K" + text)
    drawn = true
  }

  /// Takes the line away (before a message, and at the end).
  func clear() {
    guard drawn else { return }
    write("\r\u{1B}[K")
    drawn = false
  }

  private func write(_ text: String) { try? FileHandle.standardError.write(contentsOf: Data(text.utf8)) }
}
