/// The byte format of a dictionary snapshot (`DictionarySnapshot`): unsigned LEB128 integers and
/// strings interned in one table, so a name that many entries share ("Dictionaries/…", an id
/// that is also a `part_of`) is stored, and decoded, once.
///
/// The reader checks every length and index against what is left, so a damaged file is an error
/// (`SnapshotDamaged`), never a crash or an out-of-bounds read.
struct SnapshotWriter {
  private var body: [UInt8] = []
  private var table: [UInt8] = []
  private var stringIDs: [String: Int] = [:]

  init() { body.reserveCapacity(1 << 22) }

  mutating func int(_ value: Int) {
    precondition(value >= 0, "snapshot integers are unsigned")
    Self.leb(UInt64(value), into: &body)
  }

  mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

  mutating func string(_ value: String) {
    if let id = stringIDs[value] {
      int(id)
      return
    }
    let id = stringIDs.count
    stringIDs[value] = id
    var copy = value
    copy.withUTF8 { bytes in
      Self.leb(UInt64(bytes.count), into: &table)
      table.append(contentsOf: bytes)
    }
    int(id)
  }

  mutating func optionalString(_ value: String?) {
    bool(value != nil)
    if let value { string(value) }
  }

  mutating func strings(_ values: [String]) {
    int(values.count)
    for value in values { string(value) }
  }

  /// The string table, then the body.
  func finish() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(table.count + body.count + 16)
    Self.leb(UInt64(stringIDs.count), into: &out)
    out += table
    out += body
    return out
  }

  private static func leb(_ value: UInt64, into out: inout [UInt8]) {
    var v = value
    while v >= 0x80 {
      out.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    out.append(UInt8(v))
  }
}

/// A snapshot's bytes do not decode: it is stale in a way its key missed, cut short, or damaged.
struct SnapshotDamaged: Error {}

struct SnapshotReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  /// The interned strings, in the order the writer met them.
  private var table: [String] = []

  /// Reads the string table; the body follows.
  init(_ bytes: UnsafeBufferPointer<UInt8>) throws(SnapshotDamaged) {
    self.bytes = bytes
    let count = try int()
    // Each string takes at least one byte (its length), so a count past the bytes left is damage.
    guard count <= bytes.count - position else { throw SnapshotDamaged() }
    table.reserveCapacity(count)
    for _ in 0..<count {
      let length = try int()
      guard length <= bytes.count - position else { throw SnapshotDamaged() }
      table.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self))
      position += length
    }
  }

  var isAtEnd: Bool { position == bytes.count }

  mutating func byte() throws(SnapshotDamaged) -> UInt8 {
    guard position < bytes.count else { throw SnapshotDamaged() }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func int() throws(SnapshotDamaged) -> Int {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try byte()
      guard shift < 63 else { throw SnapshotDamaged() }
      value |= UInt64(b & 0x7F) << shift
      if b & 0x80 == 0 { break }
      shift += 7
    }
    guard value <= UInt64(Int32.max) else { throw SnapshotDamaged() }
    return Int(value)
  }

  /// A count of items that each take at least one byte: never more than the bytes left.
  mutating func count() throws(SnapshotDamaged) -> Int {
    let n = try int()
    guard n <= bytes.count - position else { throw SnapshotDamaged() }
    return n
  }

  mutating func bool() throws(SnapshotDamaged) -> Bool {
    switch try byte() {
    case 0: false
    case 1: true
    default: throw SnapshotDamaged()
    }
  }

  mutating func string() throws(SnapshotDamaged) -> String {
    let id = try int()
    guard id < table.count else { throw SnapshotDamaged() }
    return table[id]
  }

  mutating func optionalString() throws(SnapshotDamaged) -> String? {
    try bool() ? try string() : nil
  }

  mutating func strings() throws(SnapshotDamaged) -> [String] {
    let n = try count()
    var out: [String] = []
    out.reserveCapacity(n)
    for _ in 0..<n { out.append(try string()) }
    return out
  }
}
