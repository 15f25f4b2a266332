/// One code a statement received in one facet, with how and why.
public struct CodeAssignment: Sendable, Hashable, Codable {
  public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
    /// The trained classifier, with thesaurus concepts among its features.
    case classifier
    /// Thesaurus concepts alone (no model, or a facet without training data).
    case thesaurus
    /// Derived from the statement's primary mitigation code, when nothing in the text speaks to the facet.
    case rule
    /// A person's decision in decisions/codes.csv.
    case human
  }

  public var statementID: String
  public var facet: String
  public var code: String
  /// 1 for the primary (or strongest) code of the facet, then 2, 3 ... by score.
  public var rank: Int
  /// Confidence from 0 to 1.
  public var score: Double
  public var method: Method
  public var reasons: [CodingReason]
  public var needsReview: Bool

  public init(
    statementID: String, facet: String, code: String, rank: Int, score: Double, method: Method,
    reasons: [CodingReason], needsReview: Bool
  ) {
    self.statementID = statementID
    self.facet = facet
    self.code = code
    self.rank = rank
    self.score = score
    self.method = method
    self.reasons = reasons
    self.needsReview = needsReview
  }
}

/// One reason behind a code, written for a person auditing the decision.
public struct CodingReason: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A thesaurus concept found in the text, with the words and where they stand.
    case concept
    /// A classifier feature that weighed for the code.
    case feature
    /// A coded training example close to the statement.
    case example
    /// A rule: a default from the primary code, a fallback, a threshold.
    case rule
    /// A human decision.
    case decision
    /// The runner-up codes, when the choice was close.
    case alternative
  }

  public var kind: Kind
  public var text: String
  public var weight: Double?

  public init(kind: Kind, text: String, weight: Double? = nil) {
    self.kind = kind
    self.text = text
    self.weight = weight
  }
}

/// A person's code for a statement, from decisions/codes.csv; it wins over the machine.
public struct CodeDecision: Sendable, Hashable, Codable {
  public var statementID: String
  public var facet: String
  public var code: String
  public var coder: String
  public var rationale: String
  public var date: String
  /// Where the decision was read from, for messages and the audit trail.
  public var source: SourceLocation

  public init(
    statementID: String, facet: String, code: String, coder: String, rationale: String, date: String,
    source: SourceLocation
  ) {
    self.statementID = statementID
    self.facet = facet
    self.code = code
    self.coder = coder
    self.rationale = rationale
    self.date = date
    self.source = source
  }
}
