import Foundation

/// A bounded, ordered hand-over of values from one producing thread to one consuming thread.
///
/// The producer blocks while `capacity` values wait, so it runs at most that far ahead; the
/// consumer blocks while none waits. Either side may stop early: `cancel()` from the consumer
/// makes the producer's next `put(_:)` return false; `finish()` from the producer makes `take()`
/// return nil once the waiting values are taken.
///
/// ```swift
/// let handoff = Handoff<[Int]>(capacity: 2)
/// Thread.detachNewThread { for chunk in chunks where handoff.put(chunk) {}; handoff.finish() }
/// while let chunk = handoff.take() { write(chunk) }
/// ```
final class Handoff<Value: Sendable>: @unchecked Sendable {
  // Every stored property is read and written only while `condition` is locked.
  private let condition = NSCondition()
  private var waiting: [Value] = []
  private var finished = false
  private var cancelled = false
  let capacity: Int

  init(capacity: Int) {
    precondition(capacity > 0, "a handoff holds at least one value")
    self.capacity = capacity
  }

  /// Hands `value` over, waiting while the hand-over is full.
  ///
  /// - Returns: false when the consumer has cancelled; the value is dropped.
  @discardableResult
  func put(_ value: Value) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while waiting.count >= capacity && !cancelled { condition.wait() }
    if cancelled { return false }
    waiting.append(value)
    condition.broadcast()
    return true
  }

  /// The producer has nothing more to hand over.
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// The next value in the order it was put, waiting for one; nil once the producer has
  /// finished and every value has been taken, or after `cancel()`.
  func take() -> Value? {
    condition.lock()
    defer { condition.unlock() }
    while waiting.isEmpty && !finished && !cancelled { condition.wait() }
    if cancelled || waiting.isEmpty { return nil }
    let value = waiting.removeFirst()
    condition.broadcast()
    return value
  }

  /// The consumer stops: waiting values are dropped and the producer's `put(_:)` returns false.
  func cancel() {
    condition.lock()
    cancelled = true
    waiting.removeAll()
    condition.broadcast()
    condition.unlock()
  }
}
