import ScanModel

/// What screening hands on: the statements that go to coding, a verdict for every unit, and the units
/// excluded as `not-a-mitigation` for the dropped-units listing.
public struct ScreeningOutcome: Sendable {
  /// Sorted by id.
  public var statements: [Statement]
  /// One per unit screened, sorted by statement id.
  public var verdicts: [ScreeningVerdict]
  public var dropped: [DroppedUnit]

  public init(statements: [Statement], verdicts: [ScreeningVerdict], dropped: [DroppedUnit]) {
    self.statements = statements
    self.verdicts = verdicts
    self.dropped = dropped
  }
}
