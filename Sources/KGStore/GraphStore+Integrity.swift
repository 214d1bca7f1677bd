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
      (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?", try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0)
    }
    return (mode, timeout, dbWriter is DatabasePool)
  }
}
