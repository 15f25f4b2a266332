/// What the extraction stage returns for one framework. Every unit the recipe selected is
/// either a statement or a dropped unit: `unitsMatched == statements.count + dropped.count`.
public struct ExtractionResult: Sendable, Hashable, Codable {
  public var framework: String
  public var documentSHA256: String
  public var unitsMatched: Int
  public var statements: [Statement]
  public var dropped: [DroppedUnit]
  public var warnings: [ScanDiagnostic]

  public init(
    framework: String, documentSHA256: String, unitsMatched: Int, statements: [Statement],
    dropped: [DroppedUnit], warnings: [ScanDiagnostic]
  ) {
    self.framework = framework
    self.documentSHA256 = documentSHA256
    self.unitsMatched = unitsMatched
    self.statements = statements
    self.dropped = dropped
    self.warnings = warnings
  }

  public var isBalanced: Bool {
    unitsMatched == statements.count + dropped.count
  }
}
