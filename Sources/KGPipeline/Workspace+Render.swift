public import Foundation
import KGModel
import KGRender

extension Workspace {
  /// The graph as the JSON that `score.py` reads.
  public func exportJSON() throws -> Data { try JSONExport.encode(try graph()) }

  /// The graph as Graphviz DOT.
  public func renderDOT() throws -> String { DOTWriter().write(try graph()) }
}
