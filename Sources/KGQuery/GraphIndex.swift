public import KGModel

/// A graph in dense integer ids with adjacency arrays out and in, built once for querying.
///
/// Entities are numbered `0..<entities.count` in the order given, edges `0..<edges.count`.
/// Adjacency is kept in compressed sparse rows (one flat array of edge numbers per direction
/// plus an offset per node), so a node's edges are one contiguous slice and a 1M-edge graph
/// costs two 4 MB arrays. Each edge also carries compact attributes (type, modality and the
/// dense ids of the documents that state it) so that an `EdgeFilter` is checked without
/// touching the `Edge` values.
///
/// ```swift
/// let index = GraphIndex(graph)
/// let turkey = index.index["turkey"]!
/// for hop in index.neighbors(of: turkey, direction: .out, filter: EdgeFilter(types: [.attack])) {
///   print(index.entities[hop.node].name)
/// }
/// ```
///
/// - Complexity: building is O(*n* + *e* + *v*) for *n* entities, *e* edges and *v* statements.
public struct GraphIndex: Sendable {
  public let entities: [Entity]
  public let edges: [Edge]
  /// The documents edges cite, numbered as in `graph.documents`.
  public let documents: [DocumentInfo]
  /// Dense id of each entity id.
  public let index: [String: Int]
  /// Dense id of each edge's store id.
  public let edgeNumber: [Int64: Int]
  /// Source and target node of each edge; -1 where the edge names an entity that is not stored.
  public let edgeSource: [Int]
  public let edgeTarget: [Int]

  // Compressed sparse rows: the edges leaving node i are outEdges[outStart[i]..<outStart[i+1]].
  let outStart: [Int32]
  let outEdges: [Int32]
  let inStart: [Int32]
  let inEdges: [Int32]

  // Compact per-edge attributes used by EdgeFilter.
  let edgeTypeBit: [UInt16]
  let edgeModalityBit: [UInt8]
  /// The distinct documents of edge k are edgeDocuments[edgeDocumentStart[k]..<edgeDocumentStart[k+1]].
  let edgeDocumentStart: [Int32]
  let edgeDocuments: [Int32]
  /// Each document's date as yyyymmdd, widened to the whole month or year when the day or
  /// month is unknown; nil where the document has no date.
  let documentDates: [ClosedRange<Int32>?]

  /// Builds the index of `graph`.
  ///
  /// - Complexity: O(*n* + *e* + *v*).
  public init(_ graph: KnowledgeGraph) {
    entities = graph.entities
    edges = graph.edges
    documents = graph.documents
    let n = graph.entities.count
    let e = graph.edges.count

    var index: [String: Int] = [:]
    index.reserveCapacity(n)
    for (i, entity) in graph.entities.enumerated() where index[entity.id] == nil { index[entity.id] = i }

    var documentNumber: [String: Int32] = [:]
    documentNumber.reserveCapacity(graph.documents.count)
    for (i, d) in graph.documents.enumerated() { documentNumber[d.path] = Int32(i) }
    documentDates = graph.documents.map { $0.metadata.date.flatMap(ISODate.range(of:)) }

    var sources = [Int](repeating: -1, count: e)
    var targets = [Int](repeating: -1, count: e)
    var outCount = [Int32](repeating: 0, count: n + 1)
    var inCount = [Int32](repeating: 0, count: n + 1)
    var typeBits = [UInt16](repeating: 0, count: e)
    var modalityBits = [UInt8](repeating: 0, count: e)
    var docStart = [Int32](repeating: 0, count: e + 1)
    var docs: [Int32] = []
    docs.reserveCapacity(e)
    var edgeNumber: [Int64: Int] = [:]
    edgeNumber.reserveCapacity(e)

    for (k, edge) in graph.edges.enumerated() {
      edgeNumber[edge.id] = k
      let s = index[edge.source] ?? -1
      let t = index[edge.target] ?? -1
      sources[k] = s
      targets[k] = t
      if s >= 0 && t >= 0 {
        outCount[s + 1] += 1
        inCount[t + 1] += 1
      }
      typeBits[k] = edge.type.filterBit
      modalityBits[k] = edge.modality.filterBit
      let first = docs.count
      for p in edge.provenance {
        guard let d = documentNumber[p.document] else { continue }
        if !docs[first...].contains(d) { docs.append(d) }
      }
      docStart[k + 1] = Int32(docs.count)
    }
    for i in 0..<n {
      outCount[i + 1] += outCount[i]
      inCount[i + 1] += inCount[i]
    }
    var outFill = outCount
    var inFill = inCount
    var outEdges = [Int32](repeating: 0, count: Int(outCount[n]))
    var inEdges = [Int32](repeating: 0, count: Int(inCount[n]))
    for k in 0..<e {
      let s = sources[k]
      let t = targets[k]
      guard s >= 0 && t >= 0 else { continue }
      outEdges[Int(outFill[s])] = Int32(k)
      outFill[s] += 1
      inEdges[Int(inFill[t])] = Int32(k)
      inFill[t] += 1
    }

    self.index = index
    self.edgeNumber = edgeNumber
    edgeSource = sources
    edgeTarget = targets
    outStart = outCount
    self.outEdges = outEdges
    inStart = inCount
    self.inEdges = inEdges
    edgeTypeBit = typeBits
    edgeModalityBit = modalityBits
    edgeDocumentStart = docStart
    edgeDocuments = docs
  }

  /// The number of entities.
  public var nodeCount: Int { entities.count }

  /// The edges leaving `node`, as edge numbers.
  ///
  /// - Complexity: O(1).
  public func outgoingEdges(of node: Int) -> ArraySlice<Int32> {
    outEdges[Int(outStart[node])..<Int(outStart[node + 1])]
  }

  /// The edges entering `node`, as edge numbers.
  ///
  /// - Complexity: O(1).
  public func incomingEdges(of node: Int) -> ArraySlice<Int32> {
    inEdges[Int(inStart[node])..<Int(inStart[node + 1])]
  }

  /// The dense ids of the distinct documents that state edge `k`.
  ///
  /// - Complexity: O(1).
  public func documents(ofEdge k: Int) -> ArraySlice<Int32> {
    edgeDocuments[Int(edgeDocumentStart[k])..<Int(edgeDocumentStart[k + 1])]
  }

  /// Edge counts of the entity with id `id` (in + out); 0 for an unknown id.
  public func degree(of id: String) -> Int {
    guard let i = index[id] else { return 0 }
    return outgoingEdges(of: i).count + incomingEdges(of: i).count
  }
}

extension RelationType {
  var filterBit: UInt16 { 1 << UInt16(Self.allCases.firstIndex(of: self)!) }
}

extension Modality {
  var filterBit: UInt8 { 1 << UInt8(Self.allCases.firstIndex(of: self)!) }
}
