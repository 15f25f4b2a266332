/// How well coding agrees with human coders on a set of coded examples.
public struct EvaluationReport: Sendable, Codable, Hashable {
  public struct CodeScore: Sendable, Codable, Hashable {
    public var code: String
    public var name: String
    /// Examples whose human code is this one.
    public var support: Int
    /// Examples the machine gave this code.
    public var predicted: Int
    public var precision: Double
    public var recall: Double
    public var f1: Double
  }

  public struct Confusion: Sendable, Codable, Hashable {
    public var expected: String
    public var predicted: String
    public var count: Int
  }

  /// `cross-validation`, `train-test` or `thesaurus`.
  public var mode: String
  public var folds: Int?
  public var n: Int
  public var top1: Double
  public var top3: Double
  public var macroF1: Double
  /// Agreement on the category (1 to 4, X) alone.
  public var categoryAccuracy: Double
  /// Cohen's kappa between the machine's primary codes and the human codes.
  public var kappa: Double
  /// Statements the coder flagged for review, and its accuracy on the ones it did not flag.
  public var flaggedForReview: Int
  public var top1WhenNotFlagged: Double?
  public var perCode: [CodeScore]
  /// The most frequent disagreements, most frequent first.
  public var confusions: [Confusion]
}
