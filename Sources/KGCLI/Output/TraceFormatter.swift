import Foundation
import KGPipeline

/// Formats what `kg explain` shows.
enum TraceFormatter {
  static func text(_ trace: ExtractionTrace) -> String {
    let names = Dictionary(trace.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var out = ""
    for s in trace.sentences {
      out += "[\(s.index)] \(s.text)\n"
      for line in s.grammar { out += "  \(line)\n" }
      if s.mentions.isEmpty { out += "  mentions: none\n" }
      for m in s.mentions {
        let entity = names[m.entityID]
        var why = ""
        if m.origin == .pattern, let evidence = trace.typeEvidence[m.entityID] { why = ": \(evidence)" }
        out +=
          "  mention '\(m.surface)' [\(m.span.start)..<\(m.span.end)] → \(m.entityID) (\(entity?.kind.rawValue ?? "?"), \(m.origin.rawValue)\(why))\n"
      }
      for st in s.statements {
        var line = "  edge \(st.source) \(st.type.rawValue) \(st.target) [\(st.provenance.modality.rawValue)"
        if let c = st.provenance.claimant { line += ", claimed by \(c)" }
        line += "] rule \(st.provenance.rule) (Sources/KGExtract/Rules/\(st.provenance.rule).swift)"
        out += line + "\n"
      }
      if s.statements.isEmpty { out += "  edges: none\n" }
    }
    return out
  }

  static func json(_ trace: ExtractionTrace) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(trace)
    data.append(10)
    return data
  }
}
