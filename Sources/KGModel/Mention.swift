/// How a mention was found.
public enum MentionOrigin: String, Codable, Sendable, Hashable {
  /// An alias from an actor dictionary.
  case dictionary
  /// A demonym or adjective ("Russian jets", "US-backed").
  case adjective
  /// A name found by its shape (a title before a person, an organisation head noun, "the town of X").
  case pattern
  /// A reference ("the group", "she") resolved to an earlier mention.
  case reference
}

/// A stretch of text that names an entity.
public struct Mention: Hashable, Codable, Sendable {
  public var entityID: String
  public var span: TextSpan
  public var surface: String
  public var origin: MentionOrigin

  public init(entityID: String, span: TextSpan, surface: String, origin: MentionOrigin) {
    self.entityID = entityID
    self.span = span
    self.surface = surface
    self.origin = origin
  }
}

/// One relation statement found in one sentence, before it is merged into an edge.
public struct RelationStatement: Hashable, Codable, Sendable {
  public var source: String
  public var type: RelationType
  public var target: String
  public var provenance: Provenance

  public init(source: String, type: RelationType, target: String, provenance: Provenance) {
    self.source = source
    self.type = type
    self.target = target
    self.provenance = provenance
  }
}

/// What extraction found in one document.
public struct DocumentExtraction: Sendable {
  public var document: Document
  /// Entities mentioned in the document, with the surface forms seen there among their aliases.
  public var entities: [Entity]
  public var mentions: [Mention]
  /// Edges of this document: one per (source, type, target), with the strongest modality of its statements.
  public var edges: [Edge]

  public init(document: Document, entities: [Entity], mentions: [Mention], edges: [Edge]) {
    self.document = document
    self.entities = entities
    self.mentions = mentions
    self.edges = edges
  }
}
