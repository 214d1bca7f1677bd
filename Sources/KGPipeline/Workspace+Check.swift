import Foundation
import KGStore

extension Workspace {
  /// `kg check`: SQLite's full integrity and foreign-key checks of the store at `path`, read
  /// only; an empty list for a sound store.
  ///
  /// - Complexity: O(*size of the file*).
  /// - Throws: `QueryError.noStore` when there is no file; `StoreError` when it is not a kg store
  ///   or cannot be read at all.
  public static func checkStore(at path: String) throws -> [String] {
    try Workspace(queryingStoreAt: path).store.integrityProblems()
  }
}
