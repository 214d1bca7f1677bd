import Foundation
import KGPipeline

/// Prints a query answer as text or, with `--json`, as JSON.
enum QueryOutput {
  static func emit<Answer: Encodable>(_ answer: Answer, json: Bool, text: (Answer) -> String) throws {
    if json {
      try OutputWriter.write(try QueryJSONFormatter.json(answer), to: nil)
    } else {
      try OutputWriter.printText(text(answer))
    }
  }
}

/// JSON for scripts: `{"schemaVersion": 1, "answer": …}` in kg's one convention
/// (`JSONConvention`: camelCase keys, sorted, slashes unescaped), pretty-printed, one newline
/// at the end.
enum QueryJSONFormatter {
  struct Envelope<Answer: Encodable>: Encodable {
    var schemaVersion: Int
    var answer: Answer
  }

  static func json<Answer: Encodable>(_ answer: Answer) throws -> Data {
    let encoder = JSONConvention.encoder(pretty: true)
    var data = try encoder.encode(Envelope(schemaVersion: QuerySession.answerSchemaVersion, answer: answer))
    data.append(10)
    return data
  }
}
