import ScanModel
import Utilities

/// Every row of the snapshot's database, built from the content before the database is opened.
///
/// Building the rows, their JSON columns above all, is most of the database's writing time, and unlike
/// the inserts it need not happen on the connection's thread: the code assignments, half the work, are
/// built on one core while the other tables' rows are built on the other.
struct SnapshotRows {
  var facets: [FacetRow] = []
  var codes: [CodeRow] = []
  var frameworks: [FrameworkRow] = []
  var documents: [DocumentRow] = []
  var statements: [StatementRow] = []
  var actionNumbers: [ActionNumberRow] = []
  var droppedUnits: [DroppedUnitRow] = []
  var assignments: [CodeAssignmentRow] = []
  var mitigations: [MitigationRow] = []
  var members: [MitigationMemberRow] = []
  var edges: [EdgeRow] = []
  var codeDecisions: [CodeDecisionRow] = []
  var linkDecisions: [LinkDecisionRow] = []
  var identityChanges: [IdentityChangeRow] = []
  var issuedIDs: [IssuedIDRow] = []
  var retiredMitigations: [RetiredMitigationRow] = []
  var run: RunRow
  var runDropped: [RunDroppedRow] = []
  var runInputs: [RunInputRow] = []
  var warnings: [WarningRow] = []
  var screening: [ScreeningVerdictRow] = []

  init(_ content: SnapshotContent, index: SnapshotIndex) throws {
    let (others, assignments) = Parallel.both(
      { try SnapshotRows(allButAssignmentsOf: content, index: index) },
      { try content.assignments.map { try CodeAssignmentRow($0) } })
    self = try others.get()
    self.assignments = try assignments.get()
  }

  private init(allButAssignmentsOf content: SnapshotContent, index: SnapshotIndex) throws {
    run = RunRow(content.run)
    for (position, facet) in content.taxonomy.enumerated() {
      facets.append(FacetRow(facet, position: position + 1))
      for (codePosition, code) in facet.codes.enumerated() {
        codes.append(try CodeRow(code, facet: facet.facet, position: codePosition + 1))
      }
    }
    frameworks = try content.frameworks.map { try FrameworkRow($0.manifest) }
    documents = content.frameworks.map(DocumentRow.init)
    statements = try content.statements.map { statement in
      // The validator has checked that every statement has a number and a framework.
      try StatementRow(
        statement, actionNumber: content.actionNumbers[statement.id] ?? 0,
        actionID: index.actionID(of: statement.id) ?? "", actionName: index.actionName(of: statement))
    }
    actionNumbers = content.actionNumbers.sorted { $0.key.bytePrecedes($1.key) }.map {
      ActionNumberRow(statementID: $0.key, actionNumber: $0.value)
    }
    droppedUnits = content.dropped.enumerated().map { DroppedUnitRow($1, id: $0 + 1) }
    mitigations = try content.mitigations.map { try MitigationRow($0) }
    members = content.mitigations.flatMap { mitigation in
      mitigation.members.map { MitigationMemberRow($0, mitigationID: mitigation.id) }
    }
    edges = try content.edges.map { try EdgeRow($0) }
    codeDecisions = content.codeDecisions.enumerated().map { CodeDecisionRow($1, id: $0 + 1) }
    linkDecisions = content.linkDecisions.enumerated().map { LinkDecisionRow($1, id: $0 + 1) }
    identityChanges = try content.identityChanges.enumerated().map { try IdentityChangeRow($1, id: $0 + 1) }
    issuedIDs = content.issuedMitigationIDs.map { IssuedIDRow(mitigationID: $0) }
    retiredMitigations = try content.retiredMitigations.map { try RetiredMitigationRow($0) }
    runDropped = content.run.counts.dropped.sorted { $0.key.bytePrecedes($1.key) }.map {
      RunDroppedRow(reason: $0.key, units: $0.value)
    }
    runInputs = content.run.inputs.map(RunInputRow.init)
    warnings = content.warnings.enumerated().map { WarningRow($1, id: $0 + 1) }
    screening = try content.screening.map { try ScreeningVerdictRow($0) }
  }
}
