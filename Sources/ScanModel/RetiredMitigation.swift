/// What became of a mitigation id that no longer names a mitigation. Kept in every later snapshot, so that
/// an id someone cited can always be followed to where its statements went.
public struct RetiredMitigation: Sendable, Hashable, Codable {
  public enum Fate: String, Sendable, Hashable, Codable, CaseIterable {
    /// Its statements that are still scanned all went into one mitigation that kept another id.
    case merged
    /// Its statements went into several mitigations, none of which kept its id.
    case split
    /// None of its statements is scanned any more.
    case removed
  }

  public var mitigationID: String
  public var fate: Fate
  /// The mitigations its statements went to when it was retired, sorted by id.
  public var into: [String]
  /// Its members in the last snapshot that had it, sorted.
  public var statements: [String]
  /// Those of `statements` that the scan that retired it no longer held, sorted.
  public var removedStatements: [String]

  public init(
    mitigationID: String, fate: Fate, into: [String], statements: [String], removedStatements: [String]
  ) {
    self.mitigationID = mitigationID
    self.fate = fate
    self.into = into
    self.statements = statements
    self.removedStatements = removedStatements
  }

  /// "merged into M0005", "split into M0005, M0431", "removed with its 2 statements".
  public var summary: String {
    var text: String
    switch fate {
    case .merged: text = "merged into \(into.joined(separator: ", "))"
    case .split: text = "split into \(into.joined(separator: ", "))"
    case .removed:
      text = "removed with its \(statements.count == 1 ? "statement" : "\(statements.count) statements")"
    }
    if fate != .removed && !removedStatements.isEmpty {
      text += "; \(removedStatements.count) of its statements removed"
    }
    return text
  }
}
