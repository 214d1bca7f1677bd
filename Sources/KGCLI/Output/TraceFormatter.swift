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

  /// The trace's own keys with `schemaVersion` beside them (`Explainer.traceSchemaVersion`), in
  /// kg's one convention (`JSONConvention`), pretty-printed, one newline at the end.
  static func json(_ trace: ExtractionTrace) throws -> Data {
    var data = try JSONConvention.encoder(pretty: true).encode(
      VersionedTrace(schemaVersion: Explainer.traceSchemaVersion, trace: trace))
    data.append(10)
    return data
  }

  /// `{"schemaVersion": 1, "document": …, "sentences": …, …}`: the version at the top level
  /// of the trace, as the export has it, so readers of the trace's keys are unchanged.
  struct VersionedTrace: Encodable {
    var schemaVersion: Int
    var trace: ExtractionTrace

    enum Keys: String, CodingKey { case schemaVersion }

    func encode(to encoder: any Encoder) throws {
      try trace.encode(to: encoder)
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode(schemaVersion, forKey: .schemaVersion)
    }
  }
}
