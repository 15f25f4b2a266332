import ScanModel

extension SnapshotContent {
  /// The same content in the order the snapshot stores it. The writer stores this form, so that the bytes
  /// do not depend on the order a stage happened to produce, and the reader gives it back.
  ///
  /// Arrays with a natural key are sorted by it (byte order, as SQLite compares text); the taxonomy and
  /// the warnings keep the order they were given in, because that order means something (the mitigation
  /// taxonomy first, codes in the taxonomy file's order, warnings as the run met them).
  func canonicalized() -> SnapshotContent {
    var copy = self
    copy.run.inputs = run.inputs.sortedCanonically { [.text($0.path), .text($0.role), .text($0.sha256)] }
    copy.frameworks = frameworks.sortedCanonically { [.text($0.manifest.slug)] }
    copy.statements = statements.sortedCanonically { [.text($0.id)] }
    copy.dropped = dropped.sortedCanonically {
      [
        .text($0.framework), .number($0.line), .text($0.locator), .text($0.reason.rawValue), .text($0.detail),
        .text($0.excerpt), .text($0.rule),
      ]
    }
    copy.assignments = assignments.sortedCanonically {
      [.text($0.statementID), .text($0.facet), .number($0.rank), .text($0.code)]
    }
    copy.mitigations = mitigations.map { mitigation in
      var sorted = mitigation
      sorted.sources = mitigation.sources.sortedCanonically { [.text($0)] }
      sorted.members = mitigation.members.sortedCanonically { [.text($0.statementID)] }
      return sorted
    }.sortedCanonically { [.text($0.id)] }
    copy.edges = edges.sortedCanonically { [.text($0.a), .text($0.b)] }
    copy.codeDecisions = codeDecisions.sortedCanonically {
      [
        .text($0.statementID), .text($0.facet), .text($0.code), .text($0.source.file),
        .number($0.source.line ?? 0), .text($0.coder),
      ]
    }
    copy.linkDecisions = linkDecisions.sortedCanonically {
      [
        .text($0.a), .text($0.b), .text($0.kind.rawValue), .text($0.source.file),
        .number($0.source.line ?? 0),
      ]
    }
    copy.identityChanges = identityChanges.sortedCanonically {
      [.text($0.mitigationID), .text($0.kind.rawValue), .text($0.from.joined(separator: " "))]
    }
    copy.issuedMitigationIDs = Array(Set(issuedMitigationIDs)).sortedCanonically { [.text($0)] }
    copy.retiredMitigations = retiredMitigations.sortedCanonically { [.text($0.mitigationID)] }
    copy.screening = screening.sortedCanonically { [.text($0.statementID)] }
    return copy
  }

  /// What the deduplicator needs from this snapshot to keep mitigation ids stable in the next run.
  public var identityLedger: IdentityLedger {
    var memberships: [String: String] = [:]
    for mitigation in mitigations {
      for member in mitigation.members { memberships[member.statementID] = mitigation.id }
    }
    return IdentityLedger(
      memberships: memberships, issued: issuedMitigationIDs, changes: identityChanges,
      retired: retiredMitigations)
  }
}

extension SnapshotContent {
  /// Statements that screening's sentence splitting made beyond one per unit: a unit split into three kept
  /// sentences is one unit matched and three statements, two beyond. The flow adds them back.
  var sentencesBeyondUnits: Int {
    screening.reduce(0) { $0 + max($1.keptSentences.count - 1, 0) }
  }
}
