import Foundation
import Testing

@testable import KGExtract

@Suite struct SharedMemoTests {
  @Test func makesEachValueOnceAndKeepsAnAbsentOne() {
    let memo = SharedMemo<String, String?>()
    var made = 0
    for _ in 0..<3 {
      #expect(
        memo.value(for: "syria") {
          made += 1
          return "syrian-arab-army"
        } == "syrian-arab-army")
      #expect(
        memo.value(for: "atlantis") {
          made += 1
          return nil
        } == nil)
    }
    #expect(made == 2)
  }

  @Test func threadsAgreeOnTheValues() {
    let memo = SharedMemo<Int, [Int]>()
    DispatchQueue.concurrentPerform(iterations: 8) { t in
      for k in 0..<200 { #expect(memo.value(for: k) { [k, k * 2] } == [k, k * 2], "thread \(t)") }
    }
  }
}
