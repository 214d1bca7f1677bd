/// A Penn Treebank part-of-speech tag.
///
/// The cases are the tagset of the Brill lexicon (`Resources/Language/lexicon.txt`), plus `HYPH`
/// (OntoNotes) for a hyphen that joins two words with no space ("US-backed" → US/NNP -/HYPH
/// backed/VBN). Punctuation tags are named after their token: `comma` is `,`, `period` is `.`.
public enum Tag: UInt8, Sendable, CaseIterable, CustomStringConvertible {
  case CC, CD, DT, EX, FW, IN, JJ, JJR, JJS, LS, MD, NN, NNS, NNP, NNPS, PDT, POS, PRP
  /// `PRP$`, a possessive pronoun ("its", "their").
  case PRPS
  case RB, RBR, RBS, RP, SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP
  /// `WP$` ("whose").
  case WPS
  case WRB
  case comma, period, colon, leftParen, rightParen, openQuote, closeQuote, hash, dollar
  /// A hyphen inside a compound ("al-Sham", "Iran-backed").
  case HYPH

  /// The tag as the Penn Treebank writes it (`PRP$`, `,`, `` ` ` ``).
  public var description: String { Tag.names[Int(rawValue)] }

  /// The tag written `name` (`"NNP"`, `"PRP$"`, `","`), or nil.
  public init?(name: some StringProtocol) {
    guard let index = Tag.names.firstIndex(where: { $0 == name }) else {
      if name == "\"" {
        self = .closeQuote
        return
      }
      return nil
    }
    self.init(rawValue: UInt8(index))
  }

  static let names: [String] = [
    "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS", "PDT", "POS",
    "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP",
    "WP$", "WRB", ",", ".", ":", "(", ")", "``", "''", "#", "$", "HYPH",
  ]

  /// NN, NNS, NNP, NNPS.
  @inlinable public var isNoun: Bool { self == .NN || self == .NNS || self == .NNP || self == .NNPS }
  /// NNP, NNPS.
  @inlinable public var isProperNoun: Bool { self == .NNP || self == .NNPS }
  /// VB, VBD, VBG, VBN, VBP, VBZ.
  @inlinable public var isVerb: Bool { rawValue >= Tag.VB.rawValue && rawValue <= Tag.VBZ.rawValue }
  /// JJ, JJR, JJS.
  @inlinable public var isAdjective: Bool { self == .JJ || self == .JJR || self == .JJS }
  /// RB, RBR, RBS.
  @inlinable public var isAdverb: Bool { self == .RB || self == .RBR || self == .RBS }
  /// Punctuation, brackets and quotes.
  @inlinable public var isPunctuation: Bool { rawValue >= Tag.comma.rawValue && rawValue <= Tag.closeQuote.rawValue }
}
