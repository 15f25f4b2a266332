import ScanModel

/// Checks that a snapshot's content holds together before anything is written: the counts add up and
/// every reference points at something the snapshot contains. A snapshot that failed here would be
/// published with a report that lies or a database whose joins lose rows, so the writer refuses it.
struct SnapshotValidator: Sendable {
  let content: SnapshotContent

  init(_ content: SnapshotContent) {
    self.content = content
  }

  /// Why the run's counts do not add up, one sentence per broken equation; empty when they do.
  var countProblems: [String] {
    let counts = content.run.counts
    var problems: [String] = []
    let fromSentences = content.sentencesBeyondUnits
    if counts.unitsMatched + fromSentences != counts.statements + counts.droppedTotal {
      let matched =
        fromSentences == 0
        ? "units matched (\(counts.unitsMatched))"
        : "units matched (\(counts.unitsMatched)) plus sentence statements beyond their units (\(fromSentences))"
      problems.append(
        "\(matched) should equal statements (\(counts.statements)) plus dropped units (\(counts.droppedTotal))"
      )
    }
    if counts.coded != counts.statements {
      problems.append("coded statements (\(counts.coded)) should equal statements (\(counts.statements))")
    }
    if counts.canonicalMitigations != counts.statements - counts.statementsMergedAway {
      problems.append(
        "canonical mitigations (\(counts.canonicalMitigations)) should equal statements "
          + "(\(counts.statements)) minus statements merged away (\(counts.statementsMergedAway))")
    }
    if counts.statements != content.statements.count {
      problems.append(
        "the counts say \(counts.statements) statements but the snapshot holds \(content.statements.count)")
    }
    if counts.canonicalMitigations != content.mitigations.count {
      problems.append(
        "the counts say \(counts.canonicalMitigations) canonical mitigations but the snapshot holds "
          + "\(content.mitigations.count)")
    }
    return problems
  }

  /// References that point nowhere, duplicate keys and values the database cannot store faithfully.
  var referenceProblems: [String] {
    var problems: [String] = []
    let facetCodes = taxonomyCodes(into: &problems)
    let slugs = duplicates(content.frameworks.map(\.manifest.slug), what: "framework", into: &problems)
    let statementIDs = duplicates(content.statements.map(\.id), what: "statement", into: &problems)
    _ = duplicates(content.mitigations.map(\.id), what: "mitigation", into: &problems)
    _ = duplicates(content.run.inputs.map(\.path), what: "input file", into: &problems)
    problems += actionNumberProblems
    problems += frameworkReferenceProblems(slugs: slugs)
    problems += assignmentProblems(statementIDs: statementIDs, facetCodes: facetCodes)
    problems += mitigationProblems(statementIDs: statementIDs)
    problems += edgeProblems(statementIDs: statementIDs)
    problems += retiredMitigationProblems
    return problems
  }

  /// Each facet's codes, noting facets and codes the taxonomy defines twice.
  private func taxonomyCodes(into problems: inout [String]) -> [String: Set<String>] {
    var facetCodes: [String: Set<String>] = [:]
    for facet in content.taxonomy {
      if facetCodes[facet.facet] != nil {
        problems.append("facet \(facet.facet) appears twice in the taxonomy")
      }
      var codes: Set<String> = []
      for code in facet.codes where !codes.insert(code.code).inserted {
        problems.append("code \(code.code) appears twice in facet \(facet.facet)")
      }
      facetCodes[facet.facet] = codes
    }
    return facetCodes
  }

  /// Action numbers below 1 and numbers shared by two statements.
  private var actionNumberProblems: [String] {
    var problems: [String] = []
    var numbers: [Int: String] = [:]
    for (statementID, number) in content.actionNumbers.sorted(by: { $0.key.bytePrecedes($1.key) }) {
      if number < 1 {
        problems.append("statement \(statementID) has action number \(number); numbers start at 1")
      }
      if let other = numbers[number] {
        problems.append("statements \(other) and \(statementID) share action number \(number)")
      }
      numbers[number] = statementID
    }
    return problems
  }

  /// Statements, screening verdicts and dropped units that name a framework outside the run, and
  /// statements without an action number.
  private func frameworkReferenceProblems(slugs: Set<String>) -> [String] {
    var problems: [String] = []
    for statement in content.statements {
      if !slugs.contains(statement.framework) {
        problems.append(
          "statement \(statement.id) names framework \(statement.framework), which is not in the run")
      }
      if content.actionNumbers[statement.id] == nil {
        problems.append("statement \(statement.id) has no action number")
      }
    }
    for verdict in content.screening where !slugs.contains(verdict.framework) {
      problems.append("a screening verdict names framework \(verdict.framework), which is not in the run")
    }
    for unit in content.dropped where !slugs.contains(unit.framework) {
      problems.append("a dropped unit names framework \(unit.framework), which is not in the run")
    }
    return problems
  }

  /// Codes assigned to unknown statements or undefined codes, assigned twice, or scored with a number
  /// that is not finite.
  private func assignmentProblems(statementIDs: Set<String>, facetCodes: [String: Set<String>]) -> [String] {
    var problems: [String] = []
    var assigned: Set<String> = []
    for assignment in content.assignments {
      let key = "\(assignment.statementID) \(assignment.facet) \(assignment.code)"
      if !statementIDs.contains(assignment.statementID) {
        problems.append(
          "a code is assigned to statement \(assignment.statementID), which is not in the snapshot")
      }
      if facetCodes[assignment.facet]?.contains(assignment.code) != true {
        problems.append(
          "statement \(assignment.statementID) has code \(assignment.code) of facet \(assignment.facet), "
            + "which the snapshot's taxonomy does not define")
      }
      if !assigned.insert(key).inserted {
        problems.append(
          "statement \(assignment.statementID) has code \(assignment.code) of \(assignment.facet) twice")
      }
      if !assignment.score.isFinite || assignment.reasons.contains(where: { $0.weight?.isFinite == false }) {
        problems.append("statement \(assignment.statementID) has a score that is not a finite number")
      }
    }
    return problems
  }

  /// Mitigations whose representative or members are unknown, statements in two mitigations, and
  /// similarities that are not finite.
  private func mitigationProblems(statementIDs: Set<String>) -> [String] {
    var problems: [String] = []
    var memberOf: [String: String] = [:]
    for mitigation in content.mitigations {
      if !statementIDs.contains(mitigation.representativeStatementID) {
        problems.append(
          "mitigation \(mitigation.id) is represented by \(mitigation.representativeStatementID), "
            + "which is not in the snapshot")
      }
      for member in mitigation.members {
        if !statementIDs.contains(member.statementID) {
          problems.append(
            "mitigation \(mitigation.id) lists \(member.statementID), which is not in the snapshot")
        }
        if let other = memberOf[member.statementID] {
          problems.append("statement \(member.statementID) belongs to both \(other) and \(mitigation.id)")
        }
        memberOf[member.statementID] = mitigation.id
        if !member.similarityToRepresentative.isFinite {
          problems.append(
            "member \(member.statementID) of \(mitigation.id) has a similarity that is not finite")
        }
      }
    }
    return problems
  }

  /// Edges joining unknown statements, pairs with two edges, and scores that are not finite.
  private func edgeProblems(statementIDs: Set<String>) -> [String] {
    var problems: [String] = []
    var pairs: Set<String> = []
    for edge in content.edges {
      for end in [edge.a, edge.b] where !statementIDs.contains(end) {
        problems.append("an edge joins \(end), which is not in the snapshot")
      }
      if !pairs.insert("\(edge.a) \(edge.b)").inserted {
        problems.append("the pair \(edge.a) and \(edge.b) has two edges")
      }
      if !edge.score.isFinite || edge.components.values.contains(where: { !$0.isFinite }) {
        problems.append("the edge \(edge.a) – \(edge.b) has a score that is not finite")
      }
    }
    return problems
  }

  // A retired id's record is its history: it must be an issued id that names no mitigation now.
  private var retiredMitigationProblems: [String] {
    var problems: [String] = []
    let issued = Set(content.issuedMitigationIDs)
    let live = Set(content.mitigations.map(\.id))
    for record in content.retiredMitigations {
      if !issued.contains(record.mitigationID) || live.contains(record.mitigationID) {
        problems.append(
          "retired mitigation \(record.mitigationID) is \(live.contains(record.mitigationID) ? "live" : "not issued")"
        )
      }
    }
    return problems
  }

  private func duplicates(_ keys: [String], what: String, into problems: inout [String]) -> Set<String> {
    var seen: Set<String> = []
    for key in keys where !seen.insert(key).inserted {
      problems.append("\(what) \(key) appears twice")
    }
    return seen
  }

  /// A list of problems as one readable sentence, shortened when there are many.
  static func summary(_ problems: [String], limit: Int = 8) -> String {
    let shown = problems.prefix(limit).joined(separator: "; ")
    return problems.count > limit ? "\(shown); and \(problems.count - limit) more" : shown
  }
}
