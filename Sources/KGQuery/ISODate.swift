/// Dates as the store keeps them: ISO 8601 `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
///
/// A date is compared as the range of days it may stand for: "2018-11" is any day of November
/// 2018, so it lies within `--since 2018-11-20` and within `--until 2018-11-01`.
public enum ISODate {
  /// The days `text` may stand for, as yyyymmdd numbers (an unknown day is 00...99, an unknown
  /// month 0000...9999); nil when `text` is not an ISO date.
  ///
  /// - Complexity: O(1).
  public static func range(of text: String) -> ClosedRange<Int32>? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int32(parts[0]) else { return nil }
    guard parts.count > 1 else { return (year * 10000)...(year * 10000 + 9999) }
    guard parts[1].count == 2, let month = Int32(parts[1]), (1...12).contains(month) else { return nil }
    guard parts.count > 2 else { return (year * 10000 + month * 100)...(year * 10000 + month * 100 + 99) }
    guard parts[2].count == 2, let day = Int32(parts[2]), (1...daysIn(month, of: year)).contains(day) else {
      return nil
    }
    let value = year * 10000 + month * 100 + day
    return value...value
  }

  /// The days in `month` (1–12) of `year`, by the Gregorian calendar.
  static func daysIn(_ month: Int32, of year: Int32) -> Int32 {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// True when `text` is a date `range(of:)` understands.
  public static func isValid(_ text: String) -> Bool { range(of: text) != nil }
}
