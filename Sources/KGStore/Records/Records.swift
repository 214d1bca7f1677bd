import GRDB
import KGModel

/// A row of `document`.
struct DocumentRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "document"
  var id: Int64?
  var path: String
  var contentHash: String
  var title: String?
  var dateText: String?
  var date: String?
  var outlet: String?
  var text: String
  var bodyStart: Int
  var bodyEnd: Int
  var sentenceCount: Int
  /// What made the document's rows: the extractor's version and its dictionaries' hashes.
  var extractedWith: String?

  enum Columns {
    static let path = Column(CodingKeys.path)
    static let contentHash = Column(CodingKeys.contentHash)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  var info: DocumentInfo {
    DocumentInfo(
      id: id ?? 0, path: path, contentHash: contentHash,
      metadata: ArticleMetadata(title: title, dateText: dateText, date: date, outlet: outlet),
      sentenceCount: sentenceCount)
  }
}

/// A row of `entity`.
struct EntityRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "entity"
  var id: String
  var name: String
  var kind: String
  var partOf: String?
}

/// A row of `edge`.
struct EdgeRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "edge"
  var id: Int64?
  var source: String
  var type: String
  var target: String
  var modality: String
  var assertedBy: String?

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `evidence`: one statement of an edge in one document.
struct EvidenceRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "evidence"
  var id: Int64?
  var edgeId: Int64
  var documentId: Int64
  var sentence: Int
  var start: Int
  var end: Int
  var quote: String
  var rule: String
  var modality: String
  var claimant: String?

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension MentionOrigin {
  /// The code a mention's origin is stored as (`mention.origin`, migration "v4"): a small integer
  /// rather than its name, which every row repeated.
  var storeCode: Int {
    switch self {
    case .dictionary: 0
    case .adjective: 1
    case .pattern: 2
    case .reference: 3
    }
  }

  /// The origin stored as `code`; an unknown code reads as `.dictionary`.
  init(storeCode code: Int) {
    switch code {
    case 1: self = .adjective
    case 2: self = .pattern
    case 3: self = .reference
    default: self = .dictionary
    }
  }
}
