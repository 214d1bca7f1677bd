import Foundation

/// Values worked out once and kept, shared by the threads that extract with one configuration:
/// decoded snapshot records (alias lists, entities) and each state's army. A value is made
/// outside the lock; two threads that ask for the same key at once may both make it, and the
/// later one is kept (the values are the same).
final class SharedMemo<Key: Hashable, Value>: @unchecked Sendable {
  private let lock = NSLock()
  /// The values, behind a pointer and used only under the lock: a class's stored `var` is
  /// checked for exclusive access at run time at every use, and the memo is asked at every token
  /// that opens an alias.
  private let known: UnsafeMutablePointer<[Key: Value]>

  init() {
    known = .allocate(capacity: 1)
    known.initialize(to: [:])
  }

  deinit {
    known.deinitialize(count: 1)
    known.deallocate()
  }

  /// The value for `key`, made by `make` the first time it is asked for.
  func value(for key: Key, _ make: () -> Value) -> Value {
    lock.lock()
    let memo = known.pointee[key]
    lock.unlock()
    if let memo { return memo }
    let value = make()
    lock.lock()
    known.pointee[key] = value
    lock.unlock()
    return value
  }
}
