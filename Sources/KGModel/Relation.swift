/// The ten scored relation types of the rulebook (GUIDELINES.md, "Relations"), CAMEO-aligned.
public enum RelationType: String, Codable, Sendable, CaseIterable, Hashable {
  case attack, kill, accuse, condemn, threaten, demand, support, cooperate, capture, detain

  /// `cooperate` has no direction: its edges are stored with the smaller id as source.
  public var isSymmetric: Bool { self == .cooperate }

  /// The CAMEO root codes the type corresponds to.
  public var cameo: String {
    switch self {
    case .attack: "18, 19"
    case .kill: "18, 19"
    case .accuse: "112"
    case .condemn: "111"
    case .threaten: "13"
    case .demand: "10"
    case .support: "06, 07"
    case .cooperate: "03, 04, 05"
    case .capture: "192, 181"
    case .detain: "173"
    }
  }
}

/// How the article presents a relation (GUIDELINES.md, "Modality and attribution").
public enum Modality: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
  case asserted, alleged, hypothetical

  /// Asserted is strongest, then alleged, then hypothetical.
  public var strength: Int {
    switch self {
    case .asserted: 3
    case .alleged: 2
    case .hypothetical: 1
    }
  }

  public static func < (lhs: Modality, rhs: Modality) -> Bool { lhs.strength < rhs.strength }
}

/// Where one statement of an edge is found: the document, the sentence, the exact span and quote,
/// the rule that fired, and who makes the claim.
public struct Provenance: Hashable, Codable, Sendable {
  /// The path of the document, as stored.
  public var document: String
  public var sentence: Int
  /// Code point span of `quote` in the document's text.
  public var span: TextSpan
  public var quote: String
  /// The id (type name) of the rule that produced the statement.
  public var rule: String
  /// The modality of this one statement.
  public var modality: Modality
  /// The entity id of whoever makes the claim, for alleged statements.
  public var claimant: String?

  public init(
    document: String, sentence: Int, span: TextSpan, quote: String, rule: String, modality: Modality,
    claimant: String? = nil
  ) {
    self.document = document
    self.sentence = sentence
    self.span = span
    self.quote = quote
    self.rule = rule
    self.modality = modality
    self.claimant = claimant
  }
}

/// What makes an edge one edge: source, type, target and its modality.
public struct EdgeKey: Hashable, Codable, Sendable {
  public var source: String
  public var type: RelationType
  public var target: String
  public var modality: Modality

  public init(source: String, type: RelationType, target: String, modality: Modality) {
    if type.isSymmetric && target < source {
      self.source = target
      self.target = source
    } else {
      self.source = source
      self.target = target
    }
    self.type = type
    self.modality = modality
  }
}

/// A typed, directed relation between two entities with every statement that supports it.
public struct Edge: Hashable, Codable, Sendable, Identifiable {
  /// Store id; 0 until stored.
  public var id: Int64
  public var key: EdgeKey
  /// Who asserts it, for alleged edges: the claimant of its first alleged statement.
  public var assertedBy: String?
  public var provenance: [Provenance]

  public init(id: Int64 = 0, key: EdgeKey, assertedBy: String? = nil, provenance: [Provenance]) {
    self.id = id
    self.key = key
    self.assertedBy = assertedBy
    self.provenance = provenance
  }

  public var source: String { key.source }
  public var target: String { key.target }
  public var type: RelationType { key.type }
  public var modality: Modality { key.modality }
}
