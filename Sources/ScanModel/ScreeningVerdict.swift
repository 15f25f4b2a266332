/// Screening's word on one extracted unit: a mitigation statement or not, how sure, and why. Every unit
/// the recipes give has one, kept or not, so that an exclusion can be read, audited and overruled.
public struct ScreeningVerdict: Sendable, Hashable, Codable {
  public enum Decision: String, Sendable, Hashable, Codable, CaseIterable {
    /// The unit (or, for a split unit, some of its sentences) goes on to coding.
    case include
    /// The unit is dropped as `not-a-mitigation`.
    case exclude
  }

  /// Who settled the decision.
  public enum DecidedBy: String, Sendable, Hashable, Codable, CaseIterable {
    /// The screening model's probability against the threshold.
    case model
    /// The recipe: `screening: off`, or a label matching `screening.keepLabels`.
    case recipe
    /// A row of decisions/screening.csv.
    case person
    /// The unit as a whole fell under the threshold, but sentences of it are mitigations and were kept.
    case sentences
  }

  /// The unit's statement id as extraction gave it (`gdpr:article-4-1`), kept or not.
  public var statementID: String
  public var framework: String
  public var decision: Decision
  /// The model's probability that the unit is a mitigation statement (for every unit, even one the recipe
  /// or a person decided, so that a reader sees where the model stood).
  public var probability: Double
  /// The model's threshold: at or above it the model says mitigation.
  public var threshold: Double
  public var decidedBy: DecidedBy
  /// What a person reads: the cues found (`obligation modal: "shall"`, `definition pattern: "means"`),
  /// then the words that weighed most, then a person's rationale or the recipe rule when they decided.
  public var reasons: [String]
  public var label: String?
  public var locator: String
  public var line: Int
  /// The unit's whole text, so that an excluded unit can be read (and included) without the document.
  public var text: String
  /// For a split unit: the ids of the sentence statements kept (`gdpr:article-5-1#s2`).
  public var keptSentences: [String]

  public init(
    statementID: String, framework: String, decision: Decision, probability: Double, threshold: Double,
    decidedBy: DecidedBy,
    reasons: [String], label: String?, locator: String, line: Int, text: String, keptSentences: [String] = []
  ) {
    self.statementID = statementID
    self.framework = framework
    self.decision = decision
    self.probability = probability
    self.threshold = threshold
    self.decidedBy = decidedBy
    self.reasons = reasons
    self.label = label
    self.locator = locator
    self.line = line
    self.text = text
    self.keptSentences = keptSentences
  }
}
