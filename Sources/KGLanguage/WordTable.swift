import KGModel

/// An open-addressing hash table from UTF-8 byte strings to small integer ids, probed without
/// making a `String`.
///
/// The keys are stored back to back in one byte array. Each slot packs the key's offset, length,
/// id and 16 bits of its hash, so a probe reads one slot and, only when those agree, the key's
/// bytes: two memory accesses for a 94k-word lexicon that does not fit in cache. Loading it is
/// one pass over the file's bytes (see `LanguageResources`), with no per-word allocation.
struct WordTable: Sendable {
  private var bytes: [UInt8] = []
  /// 0 for an empty slot, else `start << 42 | length << 34 | (id + 1) << 16 | fingerprint`.
  private var slots: [UInt64]
  private var mask: Int
  private(set) var count = 0

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
    mask = size - 1
    bytes.reserveCapacity(capacity * 8)
  }

  @inline(__always) static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h ^ (h >> 29)
  }

  /// The id of `key`, or nil.
  @inline(__always) func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
    guard key.count < 256 else { return nil }
    let h = WordTable.hash(key)
    let want = UInt64(key.count) << 34 | (h >> 48)
    var slot = Int(truncatingIfNeeded: h) & mask
    return slots.withUnsafeBufferPointer { slots in
      bytes.withUnsafeBufferPointer { stored in
        while true {
          let entry = slots[slot]
          if entry == 0 { return nil }
          if entry & (0xFF << 34 | 0xFFFF) == want {
            let start = Int(entry >> 42)
            var k = 0
            while k < key.count, stored[start + k] == key[k] { k += 1 }
            if k == key.count { return Int32((entry >> 16) & 0x3FFFF) - 1 }
          }
          slot = (slot + 1) & mask
        }
      }
    }
  }

  func id(of key: String) -> Int32? { key.withUTF8Bytes { id(of: $0) } }

  /// The id of `key`, adding it when it is new.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    if let id = id(of: key) { return id }
    precondition(key.count < 256 && bytes.count + key.count < 1 << 22 && count + 1 < 1 << 18, "word table full")
    if (count + 1) * 2 > slots.count { grow() }
    let id = Int32(count)
    let start = bytes.count
    bytes.append(contentsOf: key)
    count += 1
    place(UInt64(start) << 42 | UInt64(key.count) << 34 | UInt64(id + 1) << 16, hash: WordTable.hash(key))
    return id
  }

  mutating func insert(_ key: String) -> Int32 {
    var key = key
    return key.withUTF8 { insert($0) }
  }

  /// The table and `tags` (one per id) as bytes: the counts, then the slots, the tags and the
  /// keys' bytes, little-endian.
  func encoded(tags: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(24 + slots.count * 8 + tags.count + bytes.count)
    for value in [UInt64(slots.count), UInt64(count), UInt64(tags.count), UInt64(bytes.count)] {
      withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }
    for slot in slots { withUnsafeBytes(of: slot.littleEndian) { out += $0 } }
    out += tags
    out += bytes
    return out
  }

  /// The table and tags `encoded(tags:)` wrote, or nil when `data` is not such bytes.
  static func decode(_ data: UnsafeRawBufferPointer) -> (WordTable, [UInt8])? {
    guard data.count >= 32 else { return nil }
    let header = (0..<4).map { Int(UInt64(littleEndian: data.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) }
    let (slotCount, count, tagCount, byteCount) = (header[0], header[1], header[2], header[3])
    guard slotCount >= 16, slotCount & (slotCount - 1) == 0, slotCount < 1 << 24, count < slotCount,
      tagCount <= 1 << 18, byteCount < 1 << 22, data.count == 32 + slotCount * 8 + tagCount + byteCount
    else { return nil }
    var table = WordTable(capacity: 0)
    table.slots = [UInt64](unsafeUninitializedCapacity: slotCount) { slots, initialized in
      UnsafeMutableRawBufferPointer(slots).copyMemory(
        from: UnsafeRawBufferPointer(rebasing: data[32..<(32 + slotCount * 8)]))
      for i in 0..<slotCount { slots[i] = UInt64(littleEndian: slots[i]) }
      initialized = slotCount
    }
    // Every key inside the bytes, every id below the count: lookups then stay in bounds.
    for slot in table.slots where slot != 0 {
      let start = Int(slot >> 42)
      let length = Int((slot >> 34) & 0xFF)
      let id = Int((slot >> 16) & 0x3FFFF) - 1
      guard start + length <= byteCount, id < count else { return nil }
    }
    table.mask = slotCount - 1
    table.count = count
    let tagsStart = 32 + slotCount * 8
    table.bytes = Array(data[(tagsStart + tagCount)...])
    return (table, Array(data[tagsStart..<(tagsStart + tagCount)]))
  }

  private mutating func place(_ entry: UInt64, hash: UInt64) {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = entry | (hash >> 48)
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: 0, count: old.count * 2)
    mask = slots.count - 1
    for entry in old where entry != 0 {
      let start = Int(entry >> 42)
      let length = Int((entry >> 34) & 0xFF)
      let h = bytes.withUnsafeBufferPointer {
        WordTable.hash(UnsafeBufferPointer(rebasing: $0[start..<(start + length)]))
      }
      place(entry & ~0xFFFF, hash: h)
    }
  }
}

/// A closed class of words ("said", "told"; "monday", "week"), asked whether it holds a word
/// without hashing a `String`: the word's UTF-8 bytes probe a small `WordTable`. The chunker,
/// the tagger and clause analysis ask this for most tokens, where `Set<String>` spent more on
/// hashing than on the rest of the test.
struct WordClass: ExpressibleByArrayLiteral, Sendable {
  private var table: WordTable
  /// The words, in the order given.
  private(set) var words: [String] = []

  init(_ words: some Sequence<String>) {
    table = WordTable(capacity: 16)
    for word in words where !contains(word) {
      _ = table.insert(word)
      self.words.append(word)
    }
  }

  init(arrayLiteral words: String...) { self.init(words) }

  /// Whether `word` is one of the class's words.
  @inline(__always) func contains(_ word: String) -> Bool {
    word.withUTF8Bytes { table.id(of: $0) != nil }
  }

  /// This class with `more` words.
  func union(_ more: some Sequence<String>) -> WordClass { WordClass(words + Array(more)) }
}
