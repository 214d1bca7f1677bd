/// A contextual rule of Brill's tagger: change `from` to `to` when the neighbourhood matches.
///
/// `x` and `y` are tag raw values (or `LanguageResources.boundary`) or word ids, as the command
/// says.
struct ContextRule: Sendable {
  enum Command: String, Sendable {
    case prevtag, nexttag, prev2tag, next2tag, prev1or2tag, next1or2tag, prev1or2or3tag, next1or2or3tag
    case surroundtag, curwd, prevwd, nextwd, prev1or2wd, next1or2wd, next1or2or3wd, prev1or2or3wd
    case prevwdtag, nextwdtag, wdprevtag, wdnexttag, wdand2aft, wdand2tagbfr, wdand2tagaft
    case lbigram, rbigram, prevbigram, nextbigram

    /// Whether the rule names the current word, as `x` or as `y`.
    var currentWordIsX: Bool {
      switch self {
      case .curwd, .wdnexttag, .wdand2aft, .wdand2tagaft, .rbigram: true
      default: false
      }
    }
    var currentWordIsY: Bool {
      switch self {
      case .wdprevtag, .wdand2tagbfr, .lbigram: true
      default: false
      }
    }

    var xIsWord: Bool {
      switch self {
      case .curwd, .prevwd, .nextwd, .prev1or2wd, .next1or2wd, .next1or2or3wd, .prev1or2or3wd, .prevwdtag,
        .nextwdtag, .wdnexttag, .wdand2aft, .wdand2tagaft, .lbigram, .rbigram:
        true
      default: false
      }
    }

    var hasY: Bool {
      switch self {
      case .surroundtag, .prevwdtag, .nextwdtag, .wdprevtag, .wdnexttag, .wdand2aft, .wdand2tagbfr, .wdand2tagaft,
        .lbigram, .rbigram, .prevbigram, .nextbigram:
        true
      default: false
      }
    }

    var yIsWord: Bool {
      switch self {
      case .wdprevtag, .wdand2aft, .wdand2tagbfr, .lbigram, .rbigram: true
      default: false
      }
    }
  }

  /// The tag the rule changes, or `LanguageResources.noTag` for any.
  var from: UInt8
  var to: UInt8
  var command: Command
  var x: Int32
  var y: Int32

  /// The word id the rule requires of the current token, if it names one.
  var currentWord: Int32? { command.currentWordIsX ? x : command.currentWordIsY ? y : nil }
}

/// A lexical rule of Brill's tagger, guessing the tag of a word the lexicon lacks from its form.
struct MorphologyRule: Sendable {
  enum Command: String, Sendable {
    case char, haspref, hassuf, addpref, addsuf, deletepref, deletesuf, goodleft, goodright
  }

  /// The tag the word must have so far, or nil for any.
  var required: UInt8?
  var command: Command
  var affix: [UInt8]
  /// The word id of `affix` for `goodleft`/`goodright`.
  var affixWord: Int32
  var to: Tag
}
