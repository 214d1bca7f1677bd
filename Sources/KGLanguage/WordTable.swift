/// An open-addressing hash table from UTF-8 byte strings to small integer ids, probed without
/// making a `String`.
///
/// The keys are stored back to back in one byte array. Loading the 94k-word lexicon is one pass
/// over the file's bytes (see `LanguageResources`), with no per-word allocation.
struct WordTable: Sendable {
  private var bytes: [UInt8] = []
  private var starts: [UInt32] = []
  private var ends: [UInt32] = []
  private var slots: [Int32]
  private var mask: Int

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: -1, count: size)
    mask = size - 1
    bytes.reserveCapacity(capacity * 8)
    starts.reserveCapacity(capacity)
    ends.reserveCapacity(capacity)
  }

  var count: Int { starts.count }

  @inline(__always) static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return Int(truncatingIfNeeded: h ^ (h >> 29))
  }

  /// The id of `key`, or nil.
  @inline(__always) func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
    var slot = WordTable.hash(key) & mask
    return bytes.withUnsafeBufferPointer { stored in
      while true {
        let id = slots[slot]
        if id < 0 { return nil }
        let lo = Int(starts[Int(id)])
        let hi = Int(ends[Int(id)])
        if hi - lo == key.count, memEqual(stored, lo, key) { return id }
        slot = (slot + 1) & mask
      }
    }
  }

  func id(of key: String) -> Int32? {
    var key = key
    return key.withUTF8 { id(of: $0) }
  }

  /// The id of `key`, adding it when it is new.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    if let id = id(of: key) { return id }
    if (count + 1) * 2 > slots.count { grow() }
    let id = Int32(count)
    starts.append(UInt32(bytes.count))
    bytes.append(contentsOf: key)
    ends.append(UInt32(bytes.count))
    place(id, hash: WordTable.hash(key))
    return id
  }

  mutating func insert(_ key: String) -> Int32 {
    var key = key
    return key.withUTF8 { insert($0) }
  }

  private mutating func place(_ id: Int32, hash: Int) {
    var slot = hash & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = id
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    mask = slots.count - 1
    for id in 0..<count {
      let lo = Int(starts[id])
      let hi = Int(ends[id])
      let h = bytes.withUnsafeBufferPointer { WordTable.hash(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
      place(Int32(id), hash: h)
    }
  }

  @inline(__always) private func memEqual(
    _ stored: UnsafeBufferPointer<UInt8>, _ lo: Int, _ key: UnsafeBufferPointer<UInt8>
  )
    -> Bool
  {
    var k = 0
    while k < key.count {
      if stored[lo + k] != key[k] { return false }
      k += 1
    }
    return true
  }
}
