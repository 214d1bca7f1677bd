import Foundation
import GRDB
public import KGModel

/// The embedded SQLite store of the graph.
///
/// Every document is written in one transaction, so an interrupted build leaves whole
/// documents only; re-ingesting an unchanged document adds nothing, and a changed one replaces
/// its evidence. The file is opened in WAL mode with a busy timeout, so two builds on one store
/// wait for each other instead of failing.
///
/// ```swift
/// let store = try GraphStore(path: "graphs/kg.sqlite")
/// try store.write(extraction)
/// let graph = try store.loadGraph()
/// ```
public final class GraphStore: Sendable {
  let dbWriter: any DatabaseWriter
  public let path: String

  /// Opens (or creates) the store at `path`.
  ///
  /// - Throws: `StoreError.notAStore` for a file that is not a kg store, `.newerSchema` for a
  ///   store written by a newer kg, `.corrupted` for a damaged file, `.cannotOpen` otherwise.
  ///   In each case the file is left untouched.
  public init(path: String) throws(StoreError) {
    self.path = path
    let exists = FileManager.default.fileExists(atPath: path)
    if exists { try Self.checkHeader(path) }
    var config = Configuration()
    config.busyMode = .timeout(30)
    config.foreignKeysEnabled = true
    do {
      dbWriter = try DatabasePool(path: path, configuration: config)
    } catch {
      throw Self.translate(error, path: path)
    }
    try migrate(existing: exists)
  }

  /// A store in memory, for tests and one-off runs.
  public init(inMemoryNamed name: String = "kg") throws(StoreError) {
    path = ":memory:"
    var config = Configuration()
    config.foreignKeysEnabled = true
    do { dbWriter = try DatabaseQueue(named: name, configuration: config) } catch { throw Self.translate(error, path: path) }
    try migrate(existing: false)
  }

  /// A file that exists must start with the SQLite header, or it is not ours to touch.
  static func checkHeader(_ path: String) throws(StoreError) {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw .cannotOpen(path: path, reason: "permission denied") }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    if header.isEmpty { return }  // an empty file: SQLite makes a database of it
    guard header.count == 16, String(decoding: header.prefix(15), as: UTF8.self) == "SQLite format 3" else {
      throw .notAStore(path: path)
    }
  }

  func migrate(existing: Bool) throws(StoreError) {
    let migrator = Migrations.migrator
    do {
      let (applied, tables) = try dbWriter.read { db in
        (try migrator.appliedIdentifiers(db), try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
      }
      if existing && applied.isEmpty && !tables.isEmpty { throw StoreError.notAStore(path: path) }
      let unknown = applied.subtracting(Migrations.known)
      if !unknown.isEmpty {
        throw StoreError.newerSchema(path: path, found: applied.sorted(), supported: Migrations.known)
      }
      if existing && !applied.isEmpty {
        let ok = try dbWriter.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
        if ok != "ok" { throw StoreError.corrupted(path: path, reason: ok ?? "integrity check failed") }
      }
      try migrator.migrate(dbWriter)
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.translate(error, path: path)
    }
  }

  static func translate(_ error: any Error, path: String) -> StoreError {
    if let error = error as? StoreError { return error }
    if let db = error as? DatabaseError {
      switch db.resultCode {
      case .SQLITE_NOTADB: return .notAStore(path: path)
      case .SQLITE_CORRUPT: return .corrupted(path: path, reason: db.message ?? "corrupt")
      case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
      case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY: return .cannotOpen(path: path, reason: db.message ?? "cannot open")
      default: return .writeFailed(path: path, reason: db.message ?? "\(db.resultCode)")
      }
    }
    return .cannotOpen(path: path, reason: "\(error)")
  }
}
