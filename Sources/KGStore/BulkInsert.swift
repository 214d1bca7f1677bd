import GRDB
import GRDBSQLite

/// Rows for one table written many at a time: one prepared statement that inserts
/// `rowsPerStatement` rows, its values bound with SQLite's C API as they come and run each time
/// it is full.
///
/// A multi-row statement pays SQLite's per-statement work (reset, autoincrement bookkeeping,
/// starting the program) once per batch, and binding through the C API skips the boxing of
/// every value as `DatabaseValue`. Used by the bulk import into an empty store, where a million
/// rows go in one transaction.
///
/// ```swift
/// var rows = try BulkInsert(db: db, into: "edge", columns: ["id", "source"])
/// try rows.append { $0.int(1); $0.text("syria") }
/// try rows.finish()
/// ```
struct BulkInsert {
  private let db: Database
  private let statement: Statement
  private let columns: Int32
  private let rowsPerStatement: Int
  private var pending = 0

  /// - Parameters:
  ///   - verb: `INSERT` or `INSERT OR IGNORE`.
  ///   - columns: the columns given for each row; the first must never be NULL.
  ///   - rowsPerStatement: rows per execution; SQLite allows up to 32,766 bound values.
  init(
    db: Database, verb: String = "INSERT", into table: String, columns names: [String], rowsPerStatement: Int = 64
  ) throws {
    self.db = db
    columns = Int32(names.count)
    self.rowsPerStatement = rowsPerStatement
    let tuple = "(" + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
    // The rows are selected from a VALUES list so that the last, partial batch can run the same
    // statement: the slots it does not fill stay NULL in their first column and are filtered out.
    statement = try db.makeStatement(
      sql: """
        \(verb) INTO \(table.quotedDatabaseIdentifier) (\(names.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))
        SELECT * FROM (VALUES \(Array(repeating: tuple, count: rowsPerStatement).joined(separator: ", ")))
        WHERE column1 IS NOT NULL
        """)
  }

  /// Binds one row's values, in column order, to the statement.
  struct Values {
    fileprivate let handle: SQLiteStatement
    fileprivate var index: Int32

    mutating func int(_ value: Int64) {
      sqlite3_bind_int64(handle, index, value)
      index += 1
    }

    mutating func int(_ value: Int) { int(Int64(value)) }

    /// Binds `value` as text (SQLite copies it), or NULL for nil.
    mutating func text(_ value: String?) {
      defer { index += 1 }
      guard var value else {
        sqlite3_bind_null(handle, index)
        return
      }
      value.withUTF8 { bytes in
        if let base = bytes.baseAddress {
          let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
          _ = sqlite3_bind_text(handle, index, chars, Int32(bytes.count), BulkInsert.transient)
        } else {
          _ = sqlite3_bind_text(handle, index, "", 0, BulkInsert.transient)  // a NULL address would bind NULL
        }
      }
    }
  }

  /// Adds one row; `body` binds exactly one value per column, in column order.
  mutating func append(_ body: (inout Values) -> Void) throws {
    var values = Values(handle: statement.sqliteStatement, index: Int32(pending) * columns + 1)
    body(&values)
    assert(values.index == Int32(pending + 1) * columns + 1, "a row binds one value per column")
    pending += 1
    if pending == rowsPerStatement { try run() }
  }

  /// Writes the rows of the last, partial batch.
  mutating func finish() throws {
    guard pending > 0 else { return }
    for row in pending..<rowsPerStatement {
      sqlite3_bind_null(statement.sqliteStatement, Int32(row) * columns + 1)
    }
    try run()
  }

  private mutating func run() throws {
    pending = 0
    let handle = statement.sqliteStatement
    let code = sqlite3_step(handle)
    guard code == SQLITE_DONE else {
      let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
      sqlite3_reset(handle)
      throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
    sqlite3_reset(handle)
  }

  /// SQLite copies a value bound with this destructor.
  fileprivate static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
