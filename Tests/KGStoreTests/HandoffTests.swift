import Foundation
import Testing

@testable import KGStore

/// `Handoff`: values arrive in order, the producer never runs more than `capacity` ahead, and a
/// consumer that stops releases a producer that is waiting.
struct HandoffTests {
  /// Waits up to ten seconds for `semaphore`, so that a broken hand-over fails instead of hanging.
  static func finishes(_ semaphore: DispatchSemaphore) -> Bool { semaphore.wait(timeout: .now() + 10) == .success }

  @Test func valuesArriveInOrder() {
    let handoff = Handoff<Int>(capacity: 2)
    let produced = Handoff<Int>(capacity: 1000)  // what the producer has put, as it goes
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      for n in 0..<500 {
        handoff.put(n)
        produced.put(n)
      }
      handoff.finish()
      produced.finish()
      done.signal()
    }
    var taken: [Int] = []
    while let n = handoff.take() {
      taken.append(n)
      if n == 0 { Thread.sleep(forTimeInterval: 0.05) }  // a slow consumer: the producer must wait
    }
    #expect(Self.finishes(done))
    #expect(taken == Array(0..<500))
    var seen: [Int] = []
    while let n = produced.take() { seen.append(n) }
    #expect(seen == Array(0..<500))
  }

  @Test func producerWaitsWhileFull() {
    let handoff = Handoff<Int>(capacity: 3)
    let putCount = Handoff<Int>(capacity: 100)
    Thread.detachNewThread {
      for n in 0..<10 where handoff.put(n) { putCount.put(n) }
      putCount.finish()
    }
    // Three values fit; the fourth put waits for a take, so it is still waiting when the
    // consumer cancels, and returns false.
    var puts = (0..<3).compactMap { _ in putCount.take() }
    handoff.cancel()
    while let n = putCount.take() { puts.append(n) }
    #expect(puts == [0, 1, 2])
  }

  @Test func cancelReleasesAWaitingProducerAndEndsTakes() {
    let handoff = Handoff<Int>(capacity: 1)
    let done = DispatchSemaphore(value: 0)
    let lastPut = Handoff<Bool>(capacity: 100)
    Thread.detachNewThread {
      var n = 0
      while handoff.put(n) { n += 1 }
      lastPut.put(false)
      done.signal()
    }
    #expect(handoff.take() == 0)
    handoff.cancel()
    #expect(Self.finishes(done))
    #expect(lastPut.take() == false)
    #expect(handoff.take() == nil)
  }

  @Test func finishEndsTakesAfterTheWaitingValues() {
    let handoff = Handoff<String>(capacity: 4)
    handoff.put("a")
    handoff.put("b")
    handoff.finish()
    #expect(handoff.take() == "a")
    #expect(handoff.take() == "b")
    #expect(handoff.take() == nil)
  }
}
