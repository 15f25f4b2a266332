/// A unit a recipe selected but that did not become a statement, kept so that nothing is lost silently.
public struct DroppedUnit: Sendable, Hashable, Codable {
  public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The unit has no text.
    case empty
    /// The unit's text is shorter than the recipe's minimum length.
    case tooShort = "too-short"
    /// The unit lies inside a region the recipe excludes (navigation, contents, references).
    case navigation
    /// Another unit of the framework already has this id.
    case duplicateID = "duplicate-id"
    /// Another statement of the framework has exactly this text (a summary repeating the body).
    case duplicateText = "duplicate-text"
    /// A paragraph that introduces a list ("... all of the following:"); its text starts each item's text.
    case leadIn = "lead-in"
    /// A definition of a term, or a paragraph under one, found by the recipe's `outline.definitions`.
    case definition
    /// Screening judged the unit not to be a mitigation statement (a definition, finding, scope clause,
    /// penalty ...); its verdict, probability and reasons are in the snapshot's `screening` table.
    case notAMitigation = "not-a-mitigation"
  }

  public var framework: String
  public var reason: Reason
  /// What the reason refers to, such as the id of the statement this one repeats.
  public var detail: String
  /// The start of the unit's text, for a person reading the report.
  public var excerpt: String
  public var locator: String
  public var line: Int
  public var rule: String

  public init(
    framework: String, reason: Reason, detail: String, excerpt: String, locator: String, line: Int,
    rule: String
  ) {
    self.framework = framework
    self.reason = reason
    self.detail = detail
    self.excerpt = excerpt
    self.locator = locator
    self.line = line
    self.rule = rule
  }
}
