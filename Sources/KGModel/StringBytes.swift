extension String {
  /// Calls `body` with the string's UTF-8 bytes: in place when its storage is contiguous (every
  /// native string) and from a copy otherwise. How the word tables read a word without hashing or
  /// copying a `String`.
  @inlinable @inline(__always)
  public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = self
    return copy.withUTF8(body)
  }
}
