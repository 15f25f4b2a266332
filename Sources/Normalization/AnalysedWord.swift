/// A word of a statement as concept matching and the classifier see it: where it is, and what the
/// analyser made of it, reduced to small integers so that the per-word work is array look-ups.
struct AnalysedWord: Sendable {
  /// What a word is, whatever its position; the same for every occurrence of the same lower-cased word.
  struct Meaning: Sendable {
    /// The matcher's id of the word's stem, or -1 when no thesaurus phrase uses that stem.
    var matchKey: Int32
    /// The matcher's id of the word as an agent noun (`=deployer`), or -1.
    var agentKey: Int32
    /// The classifier's id of the stem, or -1 when no feature of the model uses it.
    var featureStem: Int32
    var isStopWord: Bool
    /// "a", "an", "the": skipped by concept matching.
    var isArticle: Bool
    /// Whether the word might be written as one of the thesaurus's abbreviations; only then is the
    /// (case-sensitive) abbreviation table consulted.
    var mayBeAbbreviation: Bool
  }

  var meaning: Meaning
  /// Byte offsets of the word in the text's UTF-8.
  var range: Range<Int>
}
