/// Cross-validated figures of the screening model: how often a unit it keeps is a mitigation (precision)
/// and how many mitigations it keeps (recall), at the threshold it ships with and at others.
public struct ScreeningEvaluation: Sendable, Codable, Hashable {
  /// `5-fold, grouped by source document`: a document's units are never split between training and test.
  public var method: String
  public var examples: Int
  public var points: [Point]
  /// Per held-out group (a labelled document, the MIT statements, a shipped framework) at the threshold.
  public var groups: [Group]

  public struct Point: Sendable, Codable, Hashable {
    public var threshold: Double
    public var precision: Double
    public var recall: Double
    /// The lowest recall of any held-out document with mitigations in it (the MIT file's parts together):
    /// a pooled recall can hide one kind of document losing many of its mitigations.
    public var worstDocumentRecall: Double
    public var worstDocument: String
    public var kept: Int
    public var excluded: Int
  }

  public struct Group: Sendable, Codable, Hashable {
    public var name: String
    public var positives: Int
    public var negatives: Int
    public var positivesKept: Int
    public var negativesExcluded: Int
  }

  public init(method: String, examples: Int, points: [Point], groups: [Group]) {
    self.method = method
    self.examples = examples
    self.points = points
    self.groups = groups
  }
}
