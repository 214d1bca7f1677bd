import Foundation

/// Keeps the built-in dictionary between processes as a `DictionarySnapshot`, so that a process
/// starts without building 30,000 entities and 110,000 forms from YAML (0.3–0.8 s) each time;
/// the same files keep the dictionary a user's files are added to (`dictionaries-base`) and the
/// tagger's lexicon (`language`). A dictionary snapshot is memory-mapped and read in place.
///
/// The cache is one file per kind and executable, in `$KG_CACHE_DIR`, else `$XDG_CACHE_HOME/kg`, else
/// `~/.cache/kg`. Its header holds a key (a hash of the snapshot format, the executable's path,
/// size and modification time, and every built-in YAML file's name and bytes) and a checksum of
/// the rest. A file whose key differs (the YAML or kg changed), whose checksum fails, or that does
/// not decode is ignored, and the caller builds the dictionary from YAML and writes the cache
/// again; a cache that cannot be written (a read-only home) is simply not kept. Writes go to a
/// temporary file renamed into place, so a reader never sees half a file and two processes
/// writing at once leave one whole snapshot.
///
/// `KG_CACHE_DIR=off` turns the cache off.
struct DictionaryCache {
  /// Where the snapshot lives.
  let file: URL
  /// What the snapshot must have been made from.
  let key: UInt64

  static let magic: [UInt8] = Array("KGDICT\u{0}\u{1}".utf8)
  /// magic (8), key (8), payload length (8), payload checksum (8).
  static let headerSize = 32

  init(file: URL, key: UInt64) {
    self.file = file
    self.key = key
  }

  /// The cache of this executable for the built-in files `sources`, or nil when caching is off.
  ///
  /// `name` and `format` tell apart what is kept: the dictionaries (`DictionarySnapshot`), or
  /// the tagger's lexicon (`LanguageResources.encodedLexicon()`).
  static func standard(
    sources: [(name: String, bytes: [UInt8])], name kind: String = "dictionaries",
    format: Int = DictionarySnapshot.formatVersion
  ) -> DictionaryCache? {
    let environment = ProcessInfo.processInfo.environment
    let folder: URL
    if let dir = environment["KG_CACHE_DIR"], !dir.isEmpty {
      if dir == "off" { return nil }
      folder = URL(fileURLWithPath: dir)
    } else if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
      folder = URL(fileURLWithPath: xdg).appendingPathComponent("kg")
    } else if let home = environment["HOME"], !home.isEmpty {
      folder = URL(fileURLWithPath: home).appendingPathComponent(".cache/kg")
    } else {
      return nil
    }
    let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? "kg"
    var identity = Array("\(executable)\n".utf8)
    if let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
      let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
      let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      identity += Array("\(size) \(modified)\n".utf8)
    }
    var key = Self.hash(Array("kg \(kind) snapshot \(format)\n".utf8))
    key = Self.hash(identity, seed: key)
    for source in sources {
      key = Self.hash(Array("\(source.name)\n".utf8), seed: key)
      key = Self.hash(source.bytes, seed: key)
    }
    let name = String(Self.hash(Array(executable.utf8)), radix: 16)
    return DictionaryCache(file: folder.appendingPathComponent("\(kind)-\(name).snapshot"), key: key)
  }

  /// The cached dictionary and folded index, or nil when there is none, or it is stale or damaged.
  ///
  /// The file is mapped into memory and read in place for as long as the dictionary lives.
  func read() -> (ActorDictionary, FoldedAliasIndex)? {
    guard let (storage, payload) = readPayload() else { return nil }
    return try? DictionarySnapshot.open(storage, payload: payload)
  }

  /// Writes the snapshot of `dictionary` and `folded`; failures are ignored (the cache is only
  /// a cache).
  func write(_ dictionary: ActorDictionary, folded: FoldedAliasIndex) {
    write(payload: DictionarySnapshot.encode(dictionary, folded: folded))
  }

  /// The cached file, mapped, and the length of its payload (its last bytes), when its header
  /// names this key and its checksum holds.
  func readPayload() -> (SnapshotStorage, Int)? {
    guard let storage = SnapshotStorage(mapping: file.path) else { return nil }
    let bytes = storage.bytes.bindMemory(to: UInt8.self)
    guard bytes.count >= Self.headerSize, bytes.prefix(8).elementsEqual(Self.magic),
      Self.word(bytes, at: 8) == key, Self.word(bytes, at: 16) == UInt64(bytes.count - Self.headerSize)
    else { return nil }
    let payload = UnsafeBufferPointer(rebasing: bytes[Self.headerSize...])
    guard Self.hash(payload) == Self.word(bytes, at: 24) else { return nil }
    return (storage, payload.count)
  }

  /// Writes `payload` under this key; failures are ignored.
  func write(payload: [UInt8]) {
    var out = Self.magic
    for value in [key, UInt64(payload.count), payload.withUnsafeBufferPointer { Self.hash($0) }] {
      withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }
    out += payload
    let folder = file.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(out).write(to: temporary)
      if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
    }
  }

  // MARK: - Hashing

  static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
    var value: UInt64 = 0
    for i in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + i]) }
    return value
  }

  /// A 64-bit hash of `bytes`, 32 at a time in four lanes (half an instruction a byte: every
  /// start hashes the snapshots it reads, 15 MB): for telling files apart and finding damage, not
  /// against an adversary. Each lane's step is a bijection of its state, so a change to any one
  /// word of the bytes always changes the hash.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
    let prime: UInt64 = 0x100_0000_01b3
    let raw = UnsafeRawBufferPointer(bytes)
    @inline(__always) func word(_ i: Int) -> UInt64 {
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
    }
    var lanes = (
      seed ^ UInt64(bytes.count), seed &+ 0x9E37_79B9_7F4A_7C15, seed ^ 0xC2B2_AE3D_27D4_EB4F,
      seed &+ 0x1656_67B1_9E37_79F9
    )
    var i = 0
    while i + 32 <= raw.count {
      lanes.0 = (lanes.0 ^ word(i)) &* prime
      lanes.1 = (lanes.1 ^ word(i + 8)) &* prime
      lanes.2 = (lanes.2 ^ word(i + 16)) &* prime
      lanes.3 = (lanes.3 ^ word(i + 24)) &* prime
      i += 32
    }
    @inline(__always) func mix(_ h: UInt64, _ lane: UInt64) -> UInt64 {
      ((h ^ (h >> 29)) &* 0x9E37_79B9_7F4A_7C15) ^ lane ^ (lane >> 31)
    }
    var h = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
    while i + 8 <= raw.count {
      h = (h ^ word(i)) &* prime
      h ^= h >> 29
      i += 8
    }
    while i < raw.count {
      h = (h ^ UInt64(raw[i])) &* prime
      i += 1
    }
    return h ^ (h >> 32)
  }

  static func hash(_ bytes: [UInt8], seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
    bytes.withUnsafeBufferPointer { hash($0, seed: seed) }
  }
}
