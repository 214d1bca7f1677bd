import KGModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte format of a dictionary snapshot (`DictionarySnapshot`), made to be read in place:
///
/// - a directory of sections (offset and length, `UInt32`, little-endian);
/// - a string pool: every string once, found by its id through an offset table, so a lookup
///   makes a `String` only of what it reads;
/// - a body of records in unsigned LEB128 integers (strings as pool ids), read from an offset;
/// - flat hash tables from a string key to a record's offset, probed by the key's `WordHash`
///   (a token's `hash`), so a lookup needs no table built at start.
///
/// Every read checks its offsets and lengths against the bytes, so a damaged snapshot reads as
/// missing entries or is refused (`SnapshotDamaged`), never a crash or an out-of-bounds read.
struct SnapshotWriter {
  private(set) var body: [UInt8] = []
  private var stringBytes: [UInt8] = []
  private var stringEnds: [UInt32] = []
  private var stringIDs: [String: Int] = [:]

  init() { body.reserveCapacity(1 << 22) }

  /// The body offset the next record starts at.
  var offset: Int { body.count }

  mutating func int(_ value: Int) {
    precondition(value >= 0, "snapshot integers are unsigned")
    var v = UInt64(value)
    while v >= 0x80 {
      body.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    body.append(UInt8(v))
  }

  mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

  /// The pool id of `value`, adding it when new.
  mutating func intern(_ value: String) -> Int {
    if let id = stringIDs[value] { return id }
    let id = stringEnds.count
    stringIDs[value] = id
    stringBytes += value.utf8
    stringEnds.append(UInt32(stringBytes.count))
    return id
  }

  mutating func string(_ value: String) { int(intern(value)) }

  mutating func optionalString(_ value: String?) {
    bool(value != nil)
    if let value { string(value) }
  }

  mutating func strings(_ values: [String]) {
    int(values.count)
    for value in values { string(value) }
  }

  /// A flat hash table from each key to its value (a body offset), probed by `WordHash`.
  mutating func table(_ pairs: [(key: String, value: Int)]) -> [UInt8] {
    var size = 16
    while size < pairs.count * 2 { size <<= 1 }
    var slots = [(hash: UInt32, key: UInt32, value: UInt32)](repeating: (0, 0, 0), count: size)
    for (key, value) in pairs {
      let hash = WordHash.of(key)
      var i = SnapshotTable.start(hash, mask: size - 1)
      while slots[i].key != 0 { i = (i + 1) & (size - 1) }
      slots[i] = (UInt32(truncatingIfNeeded: hash), UInt32(intern(key) + 1), UInt32(value))
    }
    var out: [UInt8] = []
    out.reserveCapacity(4 + size * 12)
    Self.append(UInt32(size), to: &out)
    for slot in slots {
      Self.append(slot.hash, to: &out)
      Self.append(slot.key, to: &out)
      Self.append(slot.value, to: &out)
    }
    return out
  }

  /// The whole snapshot: the directory, the string pool, the body, `facts` (numbers the reader
  /// needs first), then `tables` in order.
  func finish(facts: [Int], tables: [[UInt8]]) -> [UInt8] {
    var pool: [UInt8] = []
    Self.append(UInt32(stringEnds.count), to: &pool)
    for end in stringEnds { Self.append(end, to: &pool) }
    pool += stringBytes
    var numbers: [UInt8] = []
    for fact in facts { Self.append(UInt32(fact), to: &numbers) }
    let sections = [pool, body, numbers] + tables
    var out: [UInt8] = []
    Self.append(UInt32(sections.count), to: &out)
    var offset = 4 + sections.count * 8
    for section in sections {
      Self.append(UInt32(offset), to: &out)
      Self.append(UInt32(section.count), to: &out)
      offset += section.count
    }
    for section in sections { out += section }
    return out
  }

  static func append(_ value: UInt32, to out: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { out += $0 }
  }
}

/// A snapshot's bytes do not decode: it is stale in a way its key missed, cut short, or damaged.
struct SnapshotDamaged: Error {}

/// Bytes a snapshot is read from, kept for as long as anything reads them: a memory-mapped
/// file, or a copy.
final class SnapshotStorage: @unchecked Sendable {
  let bytes: UnsafeRawBufferPointer
  private let release: () -> Void

  /// A copy of `bytes`.
  init(copying bytes: UnsafeRawBufferPointer) {
    let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
    copy.copyMemory(from: bytes)
    self.bytes = UnsafeRawBufferPointer(rebasing: copy[0..<bytes.count])
    release = { copy.deallocate() }
  }

  /// The file at `path`, mapped read-only, or nil when it cannot be.
  init?(mapping path: String) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0, status.st_size > 0 else { return nil }
    let size = Int(status.st_size)
    guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
    bytes = UnsafeRawBufferPointer(start: base, count: size)
    release = { munmap(base, size) }
  }

  deinit { release() }
}

/// Reads the strings and records of a snapshot's payload in place.
struct SnapshotBytes: @unchecked Sendable {
  /// The string pool's offset table (`UInt32` ends) and bytes, and the body.
  private let stringEnds: UnsafeRawBufferPointer
  private let stringBytes: UnsafeRawBufferPointer
  let stringCount: Int
  let body: UnsafeRawBufferPointer
  /// The numbers written with the snapshot (`SnapshotWriter.finish`).
  let facts: [Int]
  /// The sections after the facts.
  let tables: [UnsafeRawBufferPointer]

  /// The sections of `payload`.
  ///
  /// - Throws: `SnapshotDamaged` when a section or the string pool does not fit the bytes.
  init(_ payload: UnsafeRawBufferPointer) throws(SnapshotDamaged) {
    func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) throws(SnapshotDamaged) -> Int {
      guard offset >= 0, offset + 4 <= bytes.count else { throw SnapshotDamaged() }
      return Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }
    let count = try word(payload, 0)
    guard count >= 3, count <= 64 else { throw SnapshotDamaged() }
    var sections: [UnsafeRawBufferPointer] = []
    var expected = 4 + count * 8
    for i in 0..<count {
      let offset = try word(payload, 4 + i * 8)
      let length = try word(payload, 8 + i * 8)
      // Back to back, in order, and ending where the payload ends.
      guard offset == expected, offset + length <= payload.count else { throw SnapshotDamaged() }
      sections.append(UnsafeRawBufferPointer(rebasing: payload[offset..<(offset + length)]))
      expected = offset + length
    }
    guard expected == payload.count else { throw SnapshotDamaged() }
    let pool = sections[0]
    stringCount = try word(pool, 0)
    guard stringCount <= (pool.count - 4) / 4 else { throw SnapshotDamaged() }
    stringEnds = UnsafeRawBufferPointer(rebasing: pool[4..<(4 + stringCount * 4)])
    stringBytes = UnsafeRawBufferPointer(rebasing: pool[(4 + stringCount * 4)...])
    // Ends that never go back and stay inside the bytes: any id's string is then in bounds.
    var last = 0
    for i in 0..<stringCount {
      let end = try word(stringEnds, i * 4)
      guard end >= last, end <= stringBytes.count else { throw SnapshotDamaged() }
      last = end
    }
    body = sections[1]
    var facts: [Int] = []
    for i in 0..<(sections[2].count / 4) { facts.append(try word(sections[2], i * 4)) }
    self.facts = facts
    tables = Array(sections[3...])
  }

  /// The UTF-8 bytes of string `id`, or nil for an id past the pool.
  @inline(__always) func utf8(_ id: Int) -> UnsafeRawBufferPointer? {
    guard id >= 0, id < stringCount else { return nil }
    let end = Int(UInt32(littleEndian: stringEnds.loadUnaligned(fromByteOffset: id * 4, as: UInt32.self)))
    let start =
      id == 0 ? 0 : Int(UInt32(littleEndian: stringEnds.loadUnaligned(fromByteOffset: id * 4 - 4, as: UInt32.self)))
    return UnsafeRawBufferPointer(rebasing: stringBytes[start..<end])
  }

  func string(_ id: Int) throws(SnapshotDamaged) -> String {
    guard let bytes = utf8(id) else { throw SnapshotDamaged() }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A reader of the body from `offset`.
  func reader(at offset: Int) -> SnapshotReader { SnapshotReader(snapshot: self, position: offset) }

  /// Table `index` (after the string pool, body and facts).
  func table(_ index: Int) throws(SnapshotDamaged) -> SnapshotTable {
    guard index < tables.count else { throw SnapshotDamaged() }
    return try SnapshotTable(tables[index])
  }
}

/// A flat hash table of a snapshot (`SnapshotWriter.table`): slots of the key's 32 low hash bits,
/// its string id + 1 (0 for an empty slot) and its value, probed linearly.
struct SnapshotTable: @unchecked Sendable {
  private let slots: UnsafeRawBufferPointer
  private let mask: Int

  init(_ bytes: UnsafeRawBufferPointer) throws(SnapshotDamaged) {
    guard bytes.count >= 4 else { throw SnapshotDamaged() }
    let size = Int(UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)))
    guard size > 0, size & (size - 1) == 0, bytes.count == 4 + size * 12 else { throw SnapshotDamaged() }
    slots = UnsafeRawBufferPointer(rebasing: bytes[4...])
    mask = size - 1
  }

  @inline(__always) static func start(_ hash: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  @inline(__always) private func slot(_ i: Int, _ field: Int) -> UInt32 {
    UInt32(littleEndian: slots.loadUnaligned(fromByteOffset: i * 12 + field * 4, as: UInt32.self))
  }

  /// The value of the key whose `WordHash` is `hash` and whose bytes `equals` accepts.
  @inline(__always) func value(
    hash: UInt64, in snapshot: SnapshotBytes, where equals: (UnsafeRawBufferPointer) -> Bool
  ) -> Int? {
    let want = UInt32(truncatingIfNeeded: hash)
    var i = Self.start(hash, mask: mask)
    // At most one pass over the slots, even in a damaged table with no empty slot.
    for _ in 0...mask {
      let key = slot(i, 1)
      if key == 0 { return nil }
      if slot(i, 0) == want, let bytes = snapshot.utf8(Int(key) - 1), equals(bytes) { return Int(slot(i, 2)) }
      i = (i + 1) & mask
    }
    return nil
  }

  /// Whether two byte strings are equal (`memcmp`: `elementsEqual` walks generic iterators).
  @inline(__always) static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }
    return memcmp(x, y, a.count) == 0
  }

  /// The value of `key`.
  func value(of key: String, in snapshot: SnapshotBytes) -> Int? {
    key.withUTF8Bytes { utf8 in
      value(hash: WordHash.of(utf8), in: snapshot) { SnapshotTable.same($0, UnsafeRawBufferPointer(utf8)) }
    }
  }

  /// The value of the key `tokens[i]` + " " + `tokens[i + 1]` (the two tokens' lowercased forms),
  /// whose hash goes on from the first token's. The tokens are read in place, not copied.
  func value(of tokens: [Token], _ i: Int, in snapshot: SnapshotBytes) -> Int? {
    tokens[i].lower.withUTF8Bytes { first in
      tokens[i + 1].lower.withUTF8Bytes { second in
        var hash = WordHash.combine(tokens[i].hash, UInt8(ascii: " "))
        for byte in second { hash = WordHash.combine(hash, byte) }
        return value(hash: hash, in: snapshot) { bytes in
          guard bytes.count == first.count + 1 + second.count, bytes[first.count] == UInt8(ascii: " ") else {
            return false
          }
          return SnapshotTable.same(
            UnsafeRawBufferPointer(rebasing: bytes[..<first.count]), UnsafeRawBufferPointer(first))
            && SnapshotTable.same(
              UnsafeRawBufferPointer(rebasing: bytes[(first.count + 1)...]), UnsafeRawBufferPointer(second))
        }
      }
    }
  }
}

/// Reads records from a snapshot's body.
struct SnapshotReader {
  let snapshot: SnapshotBytes
  var position: Int

  mutating func byte() throws(SnapshotDamaged) -> UInt8 {
    guard position >= 0, position < snapshot.body.count else { throw SnapshotDamaged() }
    defer { position += 1 }
    return snapshot.body[position]
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
    guard n <= snapshot.body.count - position else { throw SnapshotDamaged() }
    return n
  }

  mutating func bool() throws(SnapshotDamaged) -> Bool {
    switch try byte() {
    case 0: false
    case 1: true
    default: throw SnapshotDamaged()
    }
  }

  mutating func string() throws(SnapshotDamaged) -> String { try snapshot.string(try int()) }

  /// The bytes of the next string, without making a `String`.
  mutating func utf8() throws(SnapshotDamaged) -> UnsafeRawBufferPointer {
    guard let bytes = snapshot.utf8(try int()) else { throw SnapshotDamaged() }
    return bytes
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

extension WordHash {
  /// The hash of a word's UTF-8 bytes (what `of(_:)` gives for the `String`).
  static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = offset
    for byte in bytes { hash = combine(hash, byte) }
    return hash
  }
}
