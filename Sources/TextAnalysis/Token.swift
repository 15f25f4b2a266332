/// A word of a text after analysis, with where it stands in the original.
public struct Token: Sendable, Hashable {
  /// The word lower-cased, diacritics folded, British spelling mapped to American: "organisation's" and
  /// "Organization's" are both "organization's".
  public var word: String
  /// The Porter2 stem of `word`.
  public var stem: String
  /// The word as written, for case-sensitive matches such as abbreviations.
  public var surface: String
  /// Byte offsets of the word in the original text's UTF-8.
  public var utf8Range: Range<Int>
  public var isStopWord: Bool

  public init(word: String, stem: String, surface: String, utf8Range: Range<Int>, isStopWord: Bool) {
    self.word = word
    self.stem = stem
    self.surface = surface
    self.utf8Range = utf8Range
    self.isStopWord = isStopWord
  }
}
