extension Array {
  /// `count` copies of `value`, as `Array(repeating:count:)` makes them, without the runtime
  /// type-metadata lookup that initializer pays at every call (its allocation is not specialized
  /// into the caller: about 600 instructions, more than filling the few dozen elements of the
  /// per-token arrays the extractor makes for every sentence).
  @inlinable public static func filled(with value: Element, count: Int) -> [Element] {
    var array: [Element] = []
    array.reserveCapacity(count)
    for _ in 0..<count { array.append(value) }
    return array
  }
}
