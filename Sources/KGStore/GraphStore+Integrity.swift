import GRDB

extension GraphStore {
  /// SQLite's full `PRAGMA integrity_check`: `["ok"]` for a sound file, else the problems found.
  ///
  /// - Complexity: O(*size of the file*).
  package func _integrityCheck() throws -> [String] {
    try dbWriter.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
  }

  /// The journal mode and busy timeout (in milliseconds) the store's connections use.
  package func _connectionSettings() throws -> (journalMode: String, busyTimeoutMilliseconds: Int, isPool: Bool) {
    let (mode, timeout) = try dbWriter.write { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?",
        try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
      )
    }
    return (mode, timeout, dbWriter is DatabasePool)
  }
}

extension GraphStore {
  /// Test hook: runs raw SQL on the SQLite file at `path` with no kg checks at all, to make
  /// foreign databases, stores from a "newer" kg, and the like.
  package static func _executeRaw(sql: String, atPath path: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: sql) }
    try queue.close()
  }

  /// Test hook: checkpoints the write-ahead log into the file and closes the store's connections
  /// now, so the file's bytes are the whole store.
  package func _close() throws {
    if let pool = dbWriter as? DatabasePool {
      try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
      try pool.close()
    } else if let queue = dbWriter as? DatabaseQueue {
      try queue.close()
    }
  }
}
