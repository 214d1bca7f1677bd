import Foundation

/// Values worked out once and kept, shared by the threads that extract with one configuration:
/// decoded snapshot records (alias lists, entities) and each state's army. A value is made
/// outside the lock; two threads that ask for the same key at once may both make it, and the
/// later one is kept (the values are the same).
final class SharedMemo<Key: Hashable, Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var known: [Key: Value] = [:]

  /// The value for `key`, made by `make` the first time it is asked for.
  func value(for key: Key, _ make: () -> Value) -> Value {
    lock.lock()
    let memo = known[key]
    lock.unlock()
    if let memo { return memo }
    let value = make()
    lock.lock()
    known[key] = value
    lock.unlock()
    return value
  }
}
