import Foundation
import KGExtract
public import KGModel
public import KGStore

/// A store and the configuration to fill and read it: the one place that knows the order of the
/// stages (ingest → extract → store; load → query → render).
///
/// ```swift
/// let workspace = try Workspace(storePath: "graphs/kg.sqlite")
/// let report = try workspace.build(paths: ["seeds"])
/// let dot = try workspace.renderDOT()
/// ```
public final class Workspace: Sendable {
  public let store: GraphStore
  public let storePath: String

  /// Opens the store at `storePath`, creating its folder if needed.
  ///
  /// - Throws: `StoreError` (see `GraphStore.init(path:)`).
  public init(storePath: String) throws(StoreError) {
    self.storePath = storePath
    let folder = (storePath as NSString).deletingLastPathComponent
    if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw .cannotOpen(path: storePath, reason: "cannot create folder '\(folder)'")
      }
    }
    store = try GraphStore(path: storePath)
  }

  /// A workspace over a store already open.
  init(storePath: String, store: GraphStore) {
    self.storePath = storePath
    self.store = store
  }

  /// A workspace over a store in memory.
  public init(inMemoryNamed name: String) throws(StoreError) {
    storePath = ":memory:"
    store = try GraphStore(inMemoryNamed: name)
  }

  /// The whole graph as stored.
  public func graph() throws(StoreError) -> KnowledgeGraph { try store.loadGraph() }
}
