/// A stored document as the graph knows it (without its text).
public struct DocumentInfo: Hashable, Codable, Sendable {
  public var id: Int64
  public var path: String
  public var contentHash: String
  public var metadata: ArticleMetadata
  public var sentenceCount: Int

  public init(id: Int64, path: String, contentHash: String, metadata: ArticleMetadata, sentenceCount: Int) {
    self.id = id
    self.path = path
    self.contentHash = contentHash
    self.metadata = metadata
    self.sentenceCount = sentenceCount
  }
}

/// A whole graph loaded in memory: documents, entities and edges with their provenance.
public struct KnowledgeGraph: Sendable {
  public var documents: [DocumentInfo]
  public var entities: [Entity]
  public var edges: [Edge]

  public init(documents: [DocumentInfo] = [], entities: [Entity] = [], edges: [Edge] = []) {
    self.documents = documents
    self.entities = entities
    self.edges = edges
  }

  /// Entities by id.
  public var entityIndex: [String: Entity] {
    Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }
}
