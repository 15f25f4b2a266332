import ScanModel

/// A person's screening decision, a row of decisions/screening.csv: it wins over the model and the recipe.
public struct ScreeningDecision: Sendable, Hashable {
  public var statementID: String
  public var decision: ScreeningVerdict.Decision
  public var coder: String
  public var reason: String
  /// YYYY-MM-DD.
  public var date: String
  public var source: SourceLocation

  public init(
    statementID: String, decision: ScreeningVerdict.Decision, coder: String, reason: String, date: String,
    source: SourceLocation
  ) {
    self.statementID = statementID
    self.decision = decision
    self.coder = coder
    self.reason = reason
    self.date = date
    self.source = source
  }
}
