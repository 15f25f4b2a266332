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

  /// Scores on a subset of the statements.
  public struct SubsetScore: Sendable, Codable, Hashable {
    public var n: Int
    public var top1: Double
    public var top3: Double
    public var kappa: Double
    public var categoryAccuracy: Double
  }

  /// `cross-validation`, `train-test` or `thesaurus`.
  public var mode: String
  public var folds: Int?
  /// The folds' seed (a decimal string: JSON numbers cannot hold every 64-bit value).
  public var seed: String? = nil
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
  /// `flaggedForReview` as a share of `n`.
  public var flaggedShare: Double
  /// The calibrated probability of being right under which a code is flagged, as each trained model
  /// chose it (one per fold; none for the thesaurus).
  public var reviewThresholds: [Double]? = nil
  /// Stated confidence (the primary code's score) against observed accuracy, in ten equal bins.
  public var reliability: [CalibrationMeasures.ReliabilityBin]
  public var expectedCalibrationError: Double
  /// Share left unflagged and their accuracy, were the review threshold each of 0, 0.05 ... 0.95.
  public var coverage: [CalibrationMeasures.CoveragePoint]
  /// Whether the examples' joined context was used, and the scores on the rows that have it.
  public var contextUsed: Bool? = nil
  public var rowsWithContext: SubsetScore? = nil
  public var perCode: [CodeScore]
  /// The most frequent disagreements, most frequent first.
  public var confusions: [Confusion]
}
