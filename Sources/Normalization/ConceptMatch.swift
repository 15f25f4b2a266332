/// A thesaurus concept found in a text, with the words that named it.
public struct ConceptMatch: Sendable, Hashable, Codable {
  public var conceptID: String
  /// `title` or `text`: which part of the statement the words are in.
  public var field: String
  /// The words as written in the text.
  public var words: String
  /// Character offsets of the words in the text, end exclusive.
  public var start: Int
  public var end: Int
  /// The concept's position in the thesaurus, so that the coder need not look it up by id again.
  var conceptIndex: Int = -1

  private enum CodingKeys: String, CodingKey {
    case conceptID, field, words, start, end
  }

  public init(conceptID: String, field: String = "text", words: String, start: Int, end: Int) {
    self.conceptID = conceptID
    self.field = field
    self.words = words
    self.start = start
    self.end = end
  }
}
