import Foundation
import GRDB
import GRDBSQLite
public import KGModel

// `kg entities` on a big store: every entity's id, name, kind, aliases and edge counts read into
// a few flat arrays (the text as UTF-8 bytes in one buffer), not one value with strings per
// entity. On the 1M-edge benchmark store, 100,000 `CountedEntity` values with their strings and
// alias arrays cost more to make, fault in and free than SQLite took to read them.

/// Every entity with its aliases and edge counts, as flat arrays over one buffer of UTF-8 text
/// (what SQLite holds, byte for byte), in id order (SQLite's order of text).
///
/// Entity `i` has id `text[entries[i].idStart..<entries[i].nameStart]`, name
/// `text[entries[i].nameStart..<entries[i].aliasStart]`, and aliases in `text` from
/// `aliasStart`, each ending at one of `aliasEnds[entries[i].firstAlias..<entries[i + 1].firstAlias]`
/// (in the order they were stored).
public struct EntityTable: Sendable {
  public struct Entry: Sendable, Equatable {
    public var idStart: Int32
    public var nameStart: Int32
    public var aliasStart: Int32
    /// Index of the entity's first alias in `aliasEnds`.
    public var firstAlias: Int32
    public var kind: EntityKind
    /// Edges with the entity as source, as the counters hold them.
    public var outgoing: Int32
    /// Edges with the entity as target, as the counters hold them.
    public var incoming: Int32
  }

  public var text: [UInt8] = []
  public var entries: [Entry] = []
  /// The end of each alias in `text`, entity after entity.
  public var aliasEnds: [Int32] = []

  public init() {}

  public var count: Int { entries.count }

  /// Where entity `i`'s aliases end in `aliasEnds` (the next entity's first alias).
  public func aliasLimit(_ i: Int) -> Int {
    i + 1 < entries.count ? Int(entries[i + 1].firstAlias) : aliasEnds.count
  }

  /// Adds an entity; `aliases` are added after it with `appendAlias(_:)`.
  public mutating func append(
    id: UnsafeRawBufferPointer, name: UnsafeRawBufferPointer, kind: EntityKind, outgoing: Int, incoming: Int
  ) {
    let idStart = Int32(text.count)
    text.append(contentsOf: id)
    let nameStart = Int32(text.count)
    text.append(contentsOf: name)
    entries.append(
      Entry(
        idStart: idStart, nameStart: nameStart, aliasStart: Int32(text.count), firstAlias: Int32(aliasEnds.count),
        kind: kind, outgoing: Int32(clamping: outgoing), incoming: Int32(clamping: incoming)))
  }

  /// Adds an alias to the last entity appended.
  public mutating func appendAlias(_ alias: UnsafeRawBufferPointer) {
    text.append(contentsOf: alias)
    aliasEnds.append(Int32(text.count))
  }
}

extension GraphStore {
  /// Every entity of one of `kinds` (all when empty) with its aliases and its edge counts as the
  /// counters hold them, in id order: what `kg entities` lists, as flat arrays of bytes (see
  /// `EntityTable`). A kind the store holds that kg does not know is read as `.organization`,
  /// as `countedEntities()` reads it.
  ///
  /// Three scans in id order, merged here: `entity` (through its key), `entityDegree` (its
  /// key order) and the aliases sorted by entity. (Probing `entityDegree` for each entity took
  /// about 220 M instructions of SQLite's on the 1M-edge store; merging takes none.)
  ///
  /// - Complexity: O(*n* + *d* + *a* log *a*) for *n* entities, *d* counter rows and *a* aliases.
  /// - Throws: `StoreError` when the store cannot be read.
  public func entityTable(kinds: Set<EntityKind> = []) throws(StoreError) -> EntityTable {
    try reading { db in
      var table = EntityTable()
      let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") ?? 0
      table.entries.reserveCapacity(count)
      table.text.reserveCapacity(count * 24)
      let aliases = try Cursor(db, sql: "SELECT entityId, alias FROM alias ORDER BY entityId, rowid")
      let degrees = try Cursor(db, sql: "SELECT entityId, outgoing, incoming FROM entityDegree ORDER BY entityId")
      defer {
        aliases.reset()
        degrees.reset()
      }
      // Kinds seen so far, by their stored bytes (a store holds a handful).
      var kindsSeen: [([UInt8], EntityKind)] = []
      try Self.step(db, sql: "SELECT id, name, kind FROM entity ORDER BY id") { row in
        let id = row.bytes(0)
        let stored = row.bytes(2)
        let kind: EntityKind
        if let seen = kindsSeen.first(where: { k in k.0.withUnsafeBytes { Self.compare($0, stored) == 0 } }) {
          kind = seen.1
        } else {
          kind = EntityKind(rawValue: String(decoding: stored, as: UTF8.self)) ?? .organization
          kindsSeen.append((Array(stored), kind))
        }
        // Rows of ids before this one name no entity: skip them.
        try aliases.skip(before: id)
        try degrees.skip(before: id)
        guard kinds.isEmpty || kinds.contains(kind) else { return }
        var outgoing = 0
        var incoming = 0
        if degrees.isAt(id) {
          outgoing = degrees.row.int(1)
          incoming = degrees.row.int(2)
        }
        table.append(id: id, name: row.bytes(1), kind: kind, outgoing: outgoing, incoming: incoming)
        while aliases.isAt(id) {
          table.appendAlias(aliases.row.bytes(1))
          try aliases.next()
        }
      }
      return table
    }
  }

  /// A statement stepped alongside another, for a merge in key order.
  final class Cursor {
    let db: Database
    let statement: Statement
    var code: Int32
    var row: SteppedRow { SteppedRow(handle: statement.sqliteStatement) }

    init(_ db: Database, sql: String) throws {
      self.db = db
      statement = try db.makeStatement(sql: sql)
      code = SQLITE_DONE
      try next()
    }

    func next() throws {
      code = sqlite3_step(statement.sqliteStatement)
      guard code == SQLITE_ROW || code == SQLITE_DONE else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
      }
    }

    /// Steps past the rows whose first column sorts before `key`.
    func skip(before key: UnsafeRawBufferPointer) throws {
      while code == SQLITE_ROW, GraphStore.compare(row.bytes(0), key) < 0 { try next() }
    }

    /// Whether the current row's first column is `key`.
    func isAt(_ key: UnsafeRawBufferPointer) -> Bool {
      code == SQLITE_ROW && GraphStore.compare(row.bytes(0), key) == 0
    }

    func reset() { sqlite3_reset(statement.sqliteStatement) }
  }

  /// SQLite's `BINARY` order of two texts: `memcmp`, then the shorter first.
  static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let n = min(a.count, b.count)
    if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
      let c = memcmp(pa, pb, n)
      if c != 0 { return Int(c) }
    }
    return a.count - b.count
  }
}

extension GraphStore.SteppedRow {
  /// The column's text as stored, without copying; valid until the next step.
  func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
    guard let bytes = sqlite3_column_text(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
  }
}
