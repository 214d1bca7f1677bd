import GRDB
import GRDBSQLite

/// Rows for one table written many at a time: one prepared statement that inserts
/// `rowsPerStatement` rows, its values bound with SQLite's C API (text without a copy) and run each time
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

  /// Binds one row's values, in column order: numbers and NULLs at once, text when the batch
  /// runs (its bytes are gathered in the batch's buffer and bound without a copy).
  struct Values {
    fileprivate let handle: SQLiteStatement
    fileprivate var index: Int32
    fileprivate var batch: Batch

    mutating func int(_ value: Int64) {
      sqlite3_bind_int64(handle, index, value)
      index += 1
    }

    mutating func int(_ value: Int) { int(Int64(value)) }

    /// Binds `value` as text, or NULL for nil.
    mutating func text(_ value: String?) {
      if let value {
        let start = batch.bytes.count
        batch.bytes.append(contentsOf: value.utf8)
        batch.texts.append((index, start, batch.bytes.count - start))
      } else {
        sqlite3_bind_null(handle, index)
      }
      index += 1
    }
  }

  /// The text values of the rows not yet run: their UTF-8 one after another, and for each its
  /// parameter index and byte range.
  fileprivate struct Batch {
    var bytes: [UInt8] = []
    var texts: [(index: Int32, start: Int, count: Int)] = []
  }

  private var batch = Batch()

  /// Adds one row; `body` binds exactly one value per column, in column order.
  mutating func append(_ body: (inout Values) -> Void) throws {
    var values = Values(handle: statement.sqliteStatement, index: Int32(pending) * columns + 1, batch: Batch())
    swap(&values.batch, &batch)  // lend the buffers to the row without copying them
    body(&values)
    swap(&values.batch, &batch)
    assert(values.index == Int32(pending + 1) * columns + 1, "a row binds one value per column")
    pending += 1
    if pending == rowsPerStatement { try run() }
  }

  /// Writes the rows of the last, partial batch.
  mutating func finish() throws {
    guard pending > 0 else { return }
    // Every value of the unused rows is NULL, so none still points at the text of an earlier batch.
    for index in (Int32(pending) * columns + 1)...(Int32(rowsPerStatement) * columns) {
      sqlite3_bind_null(statement.sqliteStatement, index)
    }
    try run()
  }

  private mutating func run() throws {
    pending = 0
    let handle = statement.sqliteStatement
    let code = batch.bytes.withUnsafeBufferPointer { bytes in
      // The buffer outlives the step, so SQLite may read the text in place (SQLITE_STATIC).
      let base = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(
        to: CChar.self)
      for text in batch.texts {
        sqlite3_bind_text(handle, text.index, base + text.start, Int32(text.count), nil)
      }
      return sqlite3_step(handle)
    }
    batch.bytes.removeAll(keepingCapacity: true)
    batch.texts.removeAll(keepingCapacity: true)
    guard code == SQLITE_DONE else {
      let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
      sqlite3_reset(handle)
      throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
    sqlite3_reset(handle)
  }
}
