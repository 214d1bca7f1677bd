import Foundation
import Hummingbird

/// The page's files, read once from the target's resources (`Resources/Viewer`) and served from
/// memory; nothing is fetched from elsewhere at run time.
struct Assets {
  struct Asset {
    var route: String
    var response: Response
  }

  static let files: [(route: String, file: String, type: String)] = [
    ("/", "index.html", "text/html; charset=utf-8"),
    ("/viewer.js", "viewer.js", "text/javascript; charset=utf-8"),
    ("/viewer.css", "viewer.css", "text/css; charset=utf-8"),
  ]

  /// - Throws: `ServeError.missingAsset` naming the first file not found.
  static func load() throws(ServeError) -> [Asset] {
    guard let folder = Bundle.module.url(forResource: "Viewer", withExtension: nil) else {
      throw .missingAsset(name: "Viewer")
    }
    var assets: [Asset] = []
    for entry in files {
      guard let data = try? Data(contentsOf: folder.appendingPathComponent(entry.file)) else {
        throw .missingAsset(name: entry.file)
      }
      assets.append(
        Asset(
          route: entry.route,
          response: Response(
            status: .ok, headers: [.contentType: entry.type, .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))))
    }
    return assets
  }
}
