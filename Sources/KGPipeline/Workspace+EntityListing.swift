import Foundation
public import KGStore

// `kg entities` as text: the store's `EntityTable` put in listing order by integers and bytes,
// with no `EntitySummary` per entity. On the 1M-edge benchmark store, values with strings for
// 100,000 entities cost more to make, sort, fault in and free than reading them from SQLite.

/// The entities `kg entities` lists, in the order it lists them: most edges (out plus in) first,
/// then by name (Swift's order of strings), then in id order.
public struct EntityListing: Sendable {
  /// The entities, with their text as UTF-8 bytes.
  public var table: EntityTable
  /// Indices into `table.entries`, in listing order.
  public var order: [Int32]

  /// `table`'s entities in listing order.
  ///
  /// The entities are first put in order of degree by counting (stable, so id order within a
  /// degree), then each run of one degree is sorted by name. Names whose bytes are all ASCII are
  /// compared with `memcmp` (Swift orders ASCII strings by their bytes); any other pair is
  /// compared as `String`s, so the order is the one `QuerySession.entities(types:match:)`
  /// gives (canonically equivalent names tie, and ties keep id order).
  ///
  /// - Complexity: O(*n* + *m*) to count for *n* entities and largest degree *m*, then
  ///   O(*k* log *k*) comparisons for each run of *k* entities of one degree.
  public init(_ table: EntityTable) {
    self.table = table
    let entries = table.entries
    let n = entries.count
    var degree = [Int](repeating: 0, count: n)
    var ascii = [Bool](repeating: true, count: n)
    var largest = 0
    var smallest = 0
    var order = [Int32](repeating: 0, count: n)
    table.text.withUnsafeBytes { text in
      for i in 0..<n {
        let e = entries[i]
        degree[i] = Int(e.outgoing) + Int(e.incoming)
        largest = max(largest, degree[i])
        smallest = min(smallest, degree[i])  // below 0 only in a damaged store
        ascii[i] = !text[Int(e.nameStart)..<Int(e.aliasStart)].contains { $0 >= 0x80 }
      }
      func name(_ i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: text[Int(entries[i].nameStart)..<Int(entries[i].aliasStart)])
      }
      func byName(_ a: Int32, _ b: Int32) -> Bool {
        let i = Int(a)
        let j = Int(b)
        let c: Int
        if ascii[i] && ascii[j] {
          let x = name(i)
          let y = name(j)
          let m = min(x.count, y.count)
          let d = m == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, m))
          c = d != 0 ? d : x.count - y.count
        } else {
          let x = String(decoding: name(i), as: UTF8.self)
          let y = String(decoding: name(j), as: UTF8.self)
          c = x < y ? -1 : y < x ? 1 : 0
        }
        return c != 0 ? c < 0 : a < b
      }
      guard largest - smallest <= 4 * n + 1024 else {
        // Counters far apart (a damaged store): one comparison sort.
        order = Array(0..<Int32(n))
        order.sort { a, b in degree[Int(a)] != degree[Int(b)] ? degree[Int(a)] > degree[Int(b)] : byName(a, b) }
        return
      }
      // Where each degree's run starts, most edges first.
      var start = [Int](repeating: 0, count: largest - smallest + 2)
      for d in degree { start[largest - d + 1] += 1 }
      for k in 1..<start.count { start[k] += start[k - 1] }
      for i in 0..<n {
        let k = largest - degree[i]
        order[start[k]] = Int32(i)
        start[k] += 1
      }
      order.withUnsafeMutableBufferPointer { order in
        var low = 0
        while low < n {
          var high = low + 1
          while high < n && degree[Int(order[high])] == degree[Int(order[low])] { high += 1 }
          if high - low > 1 {
            var run = UnsafeMutableBufferPointer(rebasing: order[low..<high])
            run.sort(by: byName)
          }
          low = high
        }
      }
    }
    self.order = order
  }

  /// The listing of entities already in listing order.
  init(ordered summaries: [EntitySummary]) {
    var table = EntityTable()
    for e in summaries {
      var id = e.id
      var name = e.name
      id.withUTF8 { id in
        name.withUTF8 { name in
          table.append(
            id: UnsafeRawBufferPointer(id), name: UnsafeRawBufferPointer(name), kind: e.type, outgoing: e.outgoing,
            incoming: e.incoming)
        }
      }
      for var alias in e.aliases { alias.withUTF8 { table.appendAlias(UnsafeRawBufferPointer($0)) } }
    }
    self.table = table
    self.order = Array(0..<Int32(summaries.count))
  }

  public var count: Int { order.count }
}

extension Workspace {
  /// `kg entities` as text: see `QuerySession.entities(types:match:)` for what is listed and in
  /// which order. Without `match`, read from the store's entity table and counters straight into
  /// an `EntityTable` and ordered by integers and bytes; with it, the few matches are found by
  /// `entities(types:match:)`.
  ///
  /// - Complexity: O(*n* log *n*) for *n* entities listed, plus one scan of the entity table.
  /// - Throws: `StoreError` when the store cannot be read.
  public func entityListing(types: Set<EntityKind> = [], match: String? = nil) throws -> EntityListing {
    if match != nil { return EntityListing(ordered: try entities(types: types, match: match)) }
    return EntityListing(try store.entityTable(kinds: types))
  }
}
