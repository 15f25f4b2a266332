import Snapshot

extension SnapshotDiff {
  /// The diff for a person at a terminal: a summary line per kind, then each change.
  func rendered() -> String {
    var lines: [String] = [
      "Mitigations: \(mitigationsAdded.count) added, \(mitigationsRemoved.count) removed, "
        + "\(mitigationsChanged.count) changed, \(merges.count) merged, \(splits.count) split",
      "Statements: \(statementsAdded.count) added, \(statementsRemoved.count) removed, "
        + "\(statementsChanged.count) changed",
    ]
    if isEmpty {
      lines.append("")
      lines.append("The two snapshots hold the same mitigations and statements.")
      return lines.joined(separator: "\n") + "\n"
    }
    func section(_ title: String, _ body: [String]) {
      guard !body.isEmpty else { return }
      lines.append("")
      lines.append(title)
      lines += body
    }
    section(
      "Added mitigations",
      mitigationsAdded.map {
        "  + \($0.id)  \($0.name)\(Self.codeSuffix($0.primaryCode))  (\($0.members.count) statements)"
      })
    section(
      "Removed mitigations",
      mitigationsRemoved.map {
        "  - \($0.id)  \($0.name)\(Self.codeSuffix($0.primaryCode))  (\($0.members.count) statements)"
      })
    section(
      "Changed mitigations",
      mitigationsChanged.flatMap(Self.lines(of:)))
    section("Merged", merges.map { "  \($0.into) <- \($0.from.joined(separator: " + "))" })
    section("Split", splits.map { "  \($0.from) -> \($0.into.joined(separator: " + "))" })
    section(
      "Added statements",
      statementsAdded.map { "  + \(Self.statementLabel($0.id, $0.actionID))  \(Self.excerpt($0.text))" })
    section(
      "Removed statements",
      statementsRemoved.map { "  - \(Self.statementLabel($0.id, $0.actionID))  \(Self.excerpt($0.text))" })
    section(
      "Changed statements",
      statementsChanged.flatMap(Self.lines(of:)))
    return lines.joined(separator: "\n") + "\n"
  }

  /// A changed mitigation: its fields before and after, and the members it gained and lost.
  private static func lines(of change: MitigationChange) -> [String] {
    var body = ["  ~ \(change.id)  \(change.name)"]
    body += change.fields.map { "      \($0.field): \(quote($0.old)) -> \(quote($0.new))" }
    if !change.membersAdded.isEmpty {
      body.append("      members added: \(change.membersAdded.joined(separator: ", "))")
    }
    if !change.membersRemoved.isEmpty {
      body.append("      members removed: \(change.membersRemoved.joined(separator: ", "))")
    }
    return body
  }

  /// A changed statement: its fields before and after, and the codes it gained and lost.
  private static func lines(of change: StatementChange) -> [String] {
    var body = ["  ~ \(statementLabel(change.id, change.actionID))"]
    body += change.fields.map { "      \($0.field): \(quote($0.old)) -> \(quote($0.new))" }
    if !change.codesAdded.isEmpty {
      body.append("      codes added: \(change.codesAdded.joined(separator: ", "))")
    }
    if !change.codesRemoved.isEmpty {
      body.append("      codes removed: \(change.codesRemoved.joined(separator: ", "))")
    }
    return body
  }

  private static func codeSuffix(_ code: String?) -> String {
    code.map { "  [\($0)]" } ?? ""
  }

  private static func statementLabel(_ id: String, _ actionID: String?) -> String {
    actionID.map { "\($0) (\(id))" } ?? id
  }

  private static func quote(_ text: String?) -> String {
    guard let text else { return "(none)" }
    return "\"\(excerpt(text, limit: 100))\""
  }

  static func excerpt(_ text: String, limit: Int = 80) -> String {
    let flat = Markdown.inline(text)
    return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
  }
}
