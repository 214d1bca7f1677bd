/// Which edges a question or a drawing admits, as the user gave them: relation types,
/// modalities, a date window over the documents that state an edge, and a least number of such
/// documents. Empty sets admit every type or modality.
///
/// A date is the range of days it may stand for ("2018-11" is any day of November 2018), typed
/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. With a window, an edge is kept when a document dated inside
/// it states the edge (undated documents do not count). `KGQuery`'s `EdgeFilter` is the checked,
/// compiled form that answers queries; the CLI's drawing filter and the web API's filter are this.
public struct EdgeCriteria: Sendable, Hashable {
  /// The relation types kept; empty keeps all.
  public var types: Set<RelationType>
  /// The modalities kept; empty keeps all.
  public var modalities: Set<Modality>
  /// The first and last day kept, as typed.
  public var since: String?
  public var until: String?
  /// The least number of distinct documents (inside the window, if any) stating an edge.
  public var minimumDocuments: Int

  public init(
    types: Set<RelationType> = [], modalities: Set<Modality> = [], since: String? = nil, until: String? = nil,
    minimumDocuments: Int = 1
  ) {
    self.types = types
    self.modalities = modalities
    self.since = since
    self.until = until
    self.minimumDocuments = minimumDocuments
  }
}
