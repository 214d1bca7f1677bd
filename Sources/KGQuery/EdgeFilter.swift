public import KGModel

/// Which edges a traversal may use: relation types, modalities, a date window over the
/// documents that state the edge, and a minimum number of such documents.
///
/// The filter is a predicate checked on each edge as a traversal reaches it (a view, as
/// networkx's `subgraph_view(filter_edge=)`), never a copied subgraph. The default filter
/// admits every edge.
///
/// A date window keeps an edge when at least one document that states it is dated within the
/// window (undated documents do not count); `minimumDocuments` then counts only such documents.
///
/// ```swift
/// let filter = try EdgeFilter(types: [.attack, .kill], modalities: [.asserted], since: "2018-01")
/// let paths = try index.shortestPaths(from: a, to: b, filter: filter)
/// ```
public struct EdgeFilter: Sendable, Hashable {
  /// The relation types admitted; nil admits all.
  public let types: Set<RelationType>?
  /// The modalities admitted; nil admits all.
  public let modalities: Set<Modality>?
  /// The first and last day admitted, as typed (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
  public let since: String?
  public let until: String?
  /// The least number of distinct documents (within the date window, if any) that must state the edge.
  public let minimumDocuments: Int

  let typeMask: UInt16
  let modalityMask: UInt8
  let window: ClosedRange<Int32>?

  /// The filter that admits every edge.
  public static let all = EdgeFilter(admittingEverything: ())

  private init(admittingEverything: Void) {
    types = nil
    modalities = nil
    since = nil
    until = nil
    minimumDocuments = 0
    typeMask = .max
    modalityMask = .max
    window = nil
  }

  /// Makes a filter.
  ///
  /// - Parameters:
  ///   - types: relation types to keep; nil or empty keeps all.
  ///   - modalities: modalities to keep; nil or empty keeps all.
  ///   - since: the first day kept (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
  ///   - until: the last day kept.
  ///   - minimumDocuments: the least number of documents stating the edge (0 or 1 for any).
  /// - Throws: `QueryError.invalidDate` for a date that is not ISO, `.emptyDateWindow` when
  ///   `since` is after `until`.
  public init(
    types: Set<RelationType>? = nil, modalities: Set<Modality>? = nil, since: String? = nil, until: String? = nil,
    minimumDocuments: Int = 0
  ) throws(QueryError) {
    let types = types?.isEmpty == true ? nil : types
    let modalities = modalities?.isEmpty == true ? nil : modalities
    self.types = types
    self.modalities = modalities
    self.since = since
    self.until = until
    self.minimumDocuments = max(0, minimumDocuments)
    typeMask = types.map { $0.reduce(0) { $0 | $1.filterBit } } ?? .max
    modalityMask = modalities.map { $0.reduce(0) { $0 | $1.filterBit } } ?? .max
    var low: Int32 = .min
    var high: Int32 = .max
    if let since {
      guard let r = ISODate.range(of: since) else { throw .invalidDate(text: since) }
      low = r.lowerBound
    }
    if let until {
      guard let r = ISODate.range(of: until) else { throw .invalidDate(text: until) }
      high = r.upperBound
    }
    if low > high { throw .emptyDateWindow(since: since ?? "", until: until ?? "") }
    window = since == nil && until == nil ? nil : low...high
  }

  /// True when the filter admits every edge.
  public var admitsAll: Bool {
    typeMask == .max && modalityMask == .max && window == nil && minimumDocuments <= 0
  }

  /// Whether edge `k` of `graph` passes the filter.
  ///
  /// - Complexity: O(1) without a date window or document minimum, otherwise O(*d*) for the
  ///   *d* documents that state the edge.
  public func admits(edge k: Int, in graph: GraphIndex) -> Bool { graph.admits(edge: k, filter: self) }

  /// Whether an edge of this type and modality, stated in distinct documents with these dates
  /// (`document.date`, nil when undated), passes the filter: the same test as
  /// `admits(edge:in:)`, for an edge that is not in a `GraphIndex`.
  public func admits(type: RelationType, modality: Modality, documentDates: [String?]) -> Bool {
    guard type.filterBit & typeMask != 0, modality.filterBit & modalityMask != 0 else { return false }
    if window == nil && minimumDocuments <= 1 { return minimumDocuments <= 0 || !documentDates.isEmpty }
    var count = 0
    let needed = max(1, minimumDocuments)
    for date in documentDates {
      if let window {
        guard let days = date.flatMap(ISODate.range(of:)), days.upperBound >= window.lowerBound,
          days.lowerBound <= window.upperBound
        else { continue }
      }
      count += 1
      if count >= needed { return true }
    }
    return false
  }

  /// True when the filter looks at the documents of an edge (a date window or a least number).
  public var needsDocuments: Bool { window != nil || minimumDocuments > 0 }

  public static func == (lhs: EdgeFilter, rhs: EdgeFilter) -> Bool {
    lhs.types == rhs.types && lhs.modalities == rhs.modalities && lhs.since == rhs.since && lhs.until == rhs.until
      && lhs.minimumDocuments == rhs.minimumDocuments
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(types)
    hasher.combine(modalities)
    hasher.combine(since)
    hasher.combine(until)
    hasher.combine(minimumDocuments)
  }
}

extension GraphIndex {
  /// Whether edge `k` passes `filter`; see `EdgeFilter.admits(edge:in:)`.
  func admits(edge k: Int, filter: EdgeFilter) -> Bool {
    guard edgeTypeBit[k] & filter.typeMask != 0, edgeModalityBit[k] & filter.modalityMask != 0 else { return false }
    if filter.window == nil && filter.minimumDocuments <= 1 {
      // Without a date window an edge needs documents only when a minimum asks for them.
      return filter.minimumDocuments <= 0 || !documents(ofEdge: k).isEmpty
    }
    var count = 0
    let needed = max(1, filter.minimumDocuments)
    for d in documents(ofEdge: k) {
      if let window = filter.window {
        guard let date = documentDates[Int(d)], date.upperBound >= window.lowerBound,
          date.lowerBound <= window.upperBound
        else { continue }
      }
      count += 1
      if count >= needed { return true }
    }
    return false
  }
}
