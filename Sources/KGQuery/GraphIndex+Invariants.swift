extension GraphIndex {
  /// Checks that the compressed rows agree with the edge list: every edge whose ends are known
  /// appears exactly once among its source's outgoing and its target's incoming edges, offsets
  /// are monotone, and every edge's documents are distinct and in range.
  ///
  /// - Returns: a description of each problem; empty when the index is sound.
  /// - Complexity: O(*n* + *e* + *v*).
  package func _checkInvariants() -> [String] {
    var problems: [String] = []
    let n = nodeCount
    if outStart.count != n + 1 || inStart.count != n + 1 { problems.append("offset arrays have the wrong length") }
    for i in 0..<n where outStart[i] > outStart[i + 1] || inStart[i] > inStart[i + 1] {
      problems.append("offsets decrease at node \(i)")
    }
    var outSeen = [Int](repeating: 0, count: edges.count)
    var inSeen = [Int](repeating: 0, count: edges.count)
    for node in 0..<n {
      for k in outgoingEdges(of: node) {
        outSeen[Int(k)] += 1
        if edgeSource[Int(k)] != node { problems.append("edge \(k) listed as leaving node \(node), not its source") }
      }
      for k in incomingEdges(of: node) {
        inSeen[Int(k)] += 1
        if edgeTarget[Int(k)] != node { problems.append("edge \(k) listed as entering node \(node), not its target") }
      }
    }
    for k in edges.indices {
      let known = edgeSource[k] >= 0 && edgeTarget[k] >= 0
      if outSeen[k] != (known ? 1 : 0) || inSeen[k] != (known ? 1 : 0) {
        problems.append("edge \(k) appears \(outSeen[k]) times out and \(inSeen[k]) times in")
      }
      if known && (entities[edgeSource[k]].id != edges[k].source || entities[edgeTarget[k]].id != edges[k].target) {
        problems.append("edge \(k) joins the wrong nodes")
      }
      let docs = documents(ofEdge: k)
      if Set(docs).count != docs.count { problems.append("edge \(k) lists a document twice") }
      if docs.contains(where: { $0 < 0 || Int($0) >= documents.count }) {
        problems.append("edge \(k) names a document out of range")
      }
      if edgeNumber[edges[k].id] == nil { problems.append("edge \(k) cannot be found by its id") }
    }
    return problems
  }
}
