import Foundation

/// Wall-clock timing, percentiles and the process's memory high-water mark.
enum Stopwatch {
  /// Seconds taken by `body`, and its result.
  static func time<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, value)
  }

  /// Wall-clock and CPU seconds (all threads of the process) taken by `body`, and its result.
  /// On a shared machine the CPU time says what the work costs when it is not kept waiting.
  static func timeWithCPU<T>(_ body: () throws -> T) rethrows -> (seconds: Double, cpu: Double, value: T) {
    let cpuStart = cpuSeconds()
    let (seconds, value) = try time(body)
    return (seconds, cpuSeconds() - cpuStart, value)
  }

  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
      usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
  }

  /// The `q` quantile (0...1) of `samples`, nearest rank.
  static func quantile(_ samples: [Double], _ q: Double) -> Double {
    precondition(!samples.isEmpty, "no samples")
    let sorted = samples.sorted()
    let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
  }
}

/// Peak resident memory, from /proc/self/status (Linux).
enum Memory {
  /// VmHWM in MB, or nil where /proc is not available.
  static func peakMB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
      return kb / 1024
    }
    return nil
  }

  /// Resets the high-water mark to the current resident size (Linux ≥ 4.0), so that the next
  /// `peakMB()` measures one phase only.
  static func resetPeak() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
  }

  static func describePeak() -> String { peakMB().map { String(format: "%.0f MB", $0) } ?? "n/a" }
}

/// Keeps the optimiser from discarding a result.
@inline(never)
func blackHole<T>(_ value: T) {
  withExtendedLifetime(value) {}
}

func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
