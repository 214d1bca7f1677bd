public import Foundation

/// Finds the sample articles in `seeds/` from this file's own location, so tests run from any
/// working directory.
public enum Seeds {
  /// The package root: two folders above `Tests/KGTestSupport/`.
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // KGTestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root

  /// The `seeds/` folder.
  public static let folder: URL = packageRoot.appendingPathComponent("seeds", isDirectory: true)

  /// The five sample article file names, in order.
  public static let names: [String] = [
    "000_f8d8dbf8ac3546ee.txt",
    "001_0ca3ee530060a5fe.txt",
    "002_7730bb2ab92353fe.txt",
    "003_3c8b051f188f17f8.txt",
    "004_7271c73b6f507ec7.txt",
  ]

  /// The absolute path of the seed `name`.
  public static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// The text of the seed `name` as Python's `open(path, encoding="utf-8").read()` gives it.
  public static func text(_ name: String) throws -> String {
    let data = try Data(contentsOf: folder.appendingPathComponent(name))
    return String(decoding: data, as: UTF8.self)
      .replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
  }
}
