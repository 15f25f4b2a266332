import ScanModel

/// What changed between two snapshots, for `evscan diff OLD NEW`: mitigations added, removed, changed,
/// merged and split, and statements added, removed and changed.
///
/// Merges and splits are read from the members, not from the ids: a new mitigation whose members came
/// from several old mitigations is a merge, an old mitigation whose members went to several new ones is
/// a split, whatever ids the deduplicator kept.
public struct SnapshotDiff: Sendable, Hashable, Codable {
  /// A mitigation as a line of the diff.
  public struct MitigationSummary: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var primaryCode: String?
    public var members: [String]
  }

  /// One field of a mitigation or a statement, before and after.
  public struct FieldChange: Sendable, Hashable, Codable {
    public var field: String
    public var old: String?
    public var new: String?
  }

  public struct MitigationChange: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var fields: [FieldChange]
    public var membersAdded: [String]
    public var membersRemoved: [String]
  }

  /// Members of several old mitigations now together in one new mitigation.
  public struct Merge: Sendable, Hashable, Codable {
    public var into: String
    public var from: [String]
  }

  /// Members of one old mitigation now spread over several new ones.
  public struct Split: Sendable, Hashable, Codable {
    public var from: String
    public var into: [String]
  }

  public struct StatementSummary: Sendable, Hashable, Codable {
    public var id: String
    public var actionID: String?
    public var framework: String
    public var text: String
  }

  public struct StatementChange: Sendable, Hashable, Codable {
    public var id: String
    public var actionID: String?
    public var fields: [FieldChange]
    /// `facet code`, e.g. `mitigation 3.1`.
    public var codesAdded: [String]
    public var codesRemoved: [String]
  }

  public var mitigationsAdded: [MitigationSummary]
  public var mitigationsRemoved: [MitigationSummary]
  public var mitigationsChanged: [MitigationChange]
  public var merges: [Merge]
  public var splits: [Split]
  public var statementsAdded: [StatementSummary]
  public var statementsRemoved: [StatementSummary]
  public var statementsChanged: [StatementChange]

  public var isEmpty: Bool {
    mitigationsAdded.isEmpty && mitigationsRemoved.isEmpty && mitigationsChanged.isEmpty && merges.isEmpty
      && splits.isEmpty && statementsAdded.isEmpty && statementsRemoved.isEmpty && statementsChanged.isEmpty
  }

  public init(old: SnapshotContent, new: SnapshotContent) {
    let before = SnapshotIndex(old.canonicalized())
    let after = SnapshotIndex(new.canonicalized())

    mitigationsAdded = after.content.mitigations.filter { before.mitigations[$0.id] == nil }.map(Self.summary)
    mitigationsRemoved = before.content.mitigations.filter { after.mitigations[$0.id] == nil }.map(
      Self.summary)
    mitigationsChanged = after.content.mitigations.compactMap { mitigation in
      guard let previous = before.mitigations[mitigation.id] else { return nil }
      return Self.change(from: previous, to: mitigation, before: before, after: after)
    }
    merges = after.content.mitigations.compactMap { mitigation in
      let origins = Set(mitigation.members.compactMap { before.mitigationOfStatement[$0.statementID] })
      guard origins.count > 1 else { return nil }
      return Merge(into: mitigation.id, from: origins.sorted { $0.bytePrecedes($1) })
    }
    splits = before.content.mitigations.compactMap { mitigation in
      let destinations = Set(mitigation.members.compactMap { after.mitigationOfStatement[$0.statementID] })
      guard destinations.count > 1 else { return nil }
      return Split(from: mitigation.id, into: destinations.sorted { $0.bytePrecedes($1) })
    }

    statementsAdded = after.content.statements.filter { before.statements[$0.id] == nil }.map {
      Self.summary($0, index: after)
    }
    statementsRemoved = before.content.statements.filter { after.statements[$0.id] == nil }.map {
      Self.summary($0, index: before)
    }
    statementsChanged = after.content.statements.compactMap { statement in
      guard let previous = before.statements[statement.id] else { return nil }
      return Self.change(from: previous, to: statement, before: before, after: after)
    }
  }

  private static func summary(_ mitigation: Mitigation) -> MitigationSummary {
    MitigationSummary(
      id: mitigation.id, name: mitigation.name, primaryCode: mitigation.primaryCode,
      members: mitigation.members.map(\.statementID))
  }

  private static func summary(_ statement: Statement, index: SnapshotIndex) -> StatementSummary {
    StatementSummary(
      id: statement.id, actionID: index.actionID(of: statement.id), framework: statement.framework,
      text: statement.text)
  }

  private static func change(
    from old: Mitigation, to new: Mitigation, before: SnapshotIndex, after: SnapshotIndex
  ) -> MitigationChange? {
    var fields: [FieldChange] = []
    if old.name != new.name { fields.append(FieldChange(field: "name", old: old.name, new: new.name)) }
    if old.definition != new.definition {
      fields.append(FieldChange(field: "definition", old: old.definition, new: new.definition))
    }
    if old.primaryCode != new.primaryCode {
      fields.append(
        FieldChange(
          field: "primary code", old: old.primaryCode.map { before.display($0, facet: before.primaryFacet) },
          new: new.primaryCode.map { after.display($0, facet: after.primaryFacet) }))
    }
    if old.representativeStatementID != new.representativeStatementID {
      fields.append(
        FieldChange(
          field: "representative", old: old.representativeStatementID, new: new.representativeStatementID))
    }
    let oldMembers = Set(old.members.map(\.statementID))
    let newMembers = Set(new.members.map(\.statementID))
    let added = newMembers.subtracting(oldMembers).sorted { $0.bytePrecedes($1) }
    let removed = oldMembers.subtracting(newMembers).sorted { $0.bytePrecedes($1) }
    guard !fields.isEmpty || !added.isEmpty || !removed.isEmpty else { return nil }
    return MitigationChange(
      id: new.id, name: new.name, fields: fields, membersAdded: added, membersRemoved: removed)
  }

  private static func change(
    from old: Statement, to new: Statement, before: SnapshotIndex, after: SnapshotIndex
  ) -> StatementChange? {
    var fields: [FieldChange] = []
    if old.text != new.text { fields.append(FieldChange(field: "text", old: old.text, new: new.text)) }
    let oldPrimary = before.primaryAssignment(of: old.id).map { before.display($0.code, facet: $0.facet) }
    let newPrimary = after.primaryAssignment(of: new.id).map { after.display($0.code, facet: $0.facet) }
    if oldPrimary != newPrimary {
      fields.append(FieldChange(field: "primary code", old: oldPrimary, new: newPrimary))
    }
    let oldCodes = Set((before.assignments[old.id] ?? []).map { "\($0.facet) \($0.code)" })
    let newCodes = Set((after.assignments[new.id] ?? []).map { "\($0.facet) \($0.code)" })
    let added = newCodes.subtracting(oldCodes).sorted { $0.bytePrecedes($1) }
    let removed = oldCodes.subtracting(newCodes).sorted { $0.bytePrecedes($1) }
    guard !fields.isEmpty || !added.isEmpty || !removed.isEmpty else { return nil }
    return StatementChange(
      id: new.id, actionID: after.actionID(of: new.id), fields: fields, codesAdded: added,
      codesRemoved: removed)
  }
}
