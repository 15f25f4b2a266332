import ScanModel
import Snapshot

extension Explanation {
  /// The explanation for a person at a terminal, wrapped to `width` columns.
  func rendered(width: Int = 100) -> String {
    var out = TextBlock(width: width)
    renderSubject(into: &out)
    for trail in statements {
      out.blank()
      render(trail, into: &out)
    }
    if !edges.isEmpty {
      out.blank()
      out.line("How the members were joined")
      for edge in edges { render(edge, into: &out) }
    }
    if !nearbyEdges.isEmpty {
      out.blank()
      out.line("Close pairs with statements outside the mitigation")
      for edge in nearbyEdges { render(edge, into: &out) }
    }
    if !linkDecisions.isEmpty {
      out.blank()
      out.line("Human link decisions applied")
      for decision in linkDecisions {
        out.wrapped(
          "\(decision.kind.rawValue) \(decision.a) — \(decision.b) by \(decision.coder): \(decision.reason) "
            + "(\(decision.source))", indent: 2)
      }
    }
    if !identityChanges.isEmpty {
      out.blank()
      out.line("Identity: the latest change of each id concerned")
      for change in identityChanges {
        let from = change.from.isEmpty ? "" : " from \(change.from.joined(separator: ", "))"
        out.line("  \(change.kind.rawValue) \(change.mitigationID)\(from)")
      }
    }
    return out.text
  }

  /// The mitigation explained, or the retired id's history, or a statement's lack of one.
  private func renderSubject(into out: inout TextBlock) {
    if let retired {
      out.line("Mitigation \(retired.mitigationID) is retired: \(retired.summary).")
      out.line("Its id is kept so that it is never given to anything else.")
      out.field("statements", String(retired.statements.count))
      for member in formerMembers {
        let now = member.mitigationID.map { "now in \($0)" } ?? "no longer scanned"
        out.line("    \((member.actionID ?? "-").padded(to: 24)) \(member.statementID.padded(to: 30)) \(now)")
      }
    } else if let mitigation {
      out.line("Mitigation \(mitigation.id): \(mitigation.name)")
      if let code = mitigation.primaryCode {
        out.field(
          "primary code", [code, mitigation.primaryCodeName].compactMap { $0 }.joined(separator: " "))
      }
      out.field("definition", "\"\(mitigation.definition)\"")
      out.field("frameworks", "\(mitigation.sources.count): \(mitigation.sources.joined(separator: ", "))")
      out.field("members", String(mitigation.members.count))
      for member in mitigation.members {
        let marker = member.statementID == mitigation.representativeStatementID ? "*" : " "
        let columns = [
          "\(marker) \((member.actionID ?? "-").padded(to: 24))", member.statementID.padded(to: 30),
          member.joinedBy.padded(to: 14), DecimalText.fixed(member.similarityToRepresentative),
        ]
        out.line("    " + columns.joined(separator: " "))
      }
      out.line("    (* the representative statement; the number is its similarity to the representative)")
    } else if kind != .mitigation && kind != .retired {
      out.line("This statement belongs to no mitigation in this snapshot.")
    }
  }

  private func render(_ trail: StatementTrail, into out: inout TextBlock) {
    let heading = trail.actionID.map { "\($0) (\(trail.statementID))" } ?? trail.statementID
    out.line("Statement \(heading): \(trail.actionName)")
    if let framework = trail.framework {
      out.field(
        "framework",
        "\(framework.sourceName): \(framework.title) (\(framework.year), \(framework.publisher)); "
          + "\(framework.documentOrigin) document")
    }
    out.field("document", trail.document.path)
    out.field("", "sha256 \(trail.document.sha256)")
    if !trail.sectionPath.isEmpty { out.field("section", trail.sectionPath.joined(separator: " > ")) }
    if let page = trail.page {
      out.field("page", page.description)
      out.field("location", "line \(trail.line) of the layout rebuilt from the PDF, \(trail.locator)")
    } else {
      out.field("location", "line \(trail.line), \(trail.locator)")
    }
    out.field("rule", trail.rule)
    if let label = trail.label { out.field("label", label) }
    if let title = trail.title { out.field("title", title) }
    out.field("text", "\"\(trail.text)\"")
    for (key, value) in trail.fields.sorted(by: { $0.key.bytePrecedes($1.key) }) {
      out.field(key, value)
    }
    render(trail.facets, into: &out)
    if !trail.codeDecisions.isEmpty {
      out.line("  human code decisions applied")
      for decision in trail.codeDecisions {
        out.wrapped(
          "\(decision.facet) \(decision.code) by \(decision.coder) on \(decision.date): \(decision.rationale) "
            + "(\(decision.source))", indent: 4)
      }
    }
  }

  /// Each facet's codes with rank, score, method and the reasons behind them.
  private func render(_ facets: [FacetCodes], into out: inout TextBlock) {
    guard !facets.isEmpty else { return }
    out.line("  codes")
    for facet in facets {
      out.line("    \(facet.name) (\(facet.facet))")
      for code in facet.codes {
        var parts = [
          ([code.code, code.name].compactMap { $0 }.joined(separator: " ")).padded(to: 36),
          "rank \(code.rank)", "score \(DecimalText.fixed(code.score))", code.method.rawValue,
        ]
        if code.needsReview { parts.append("needs review") }
        out.line("      " + parts.joined(separator: "  "))
        for reason in code.reasons {
          let weight = reason.weight.map { " (\(DecimalText.format($0)))" } ?? ""
          out.wrapped("\(reason.kind.rawValue): \(reason.text)\(weight)", indent: 10)
        }
      }
    }
  }

  private func render(_ edge: SimilarityEdge, into out: inout TextBlock) {
    let components = edge.components.sorted { $0.key.bytePrecedes($1.key) }
      .map { "\($0.key) \(DecimalText.fixed($0.value))" }.joined(separator: ", ")
    out.line("  \(edge.a) — \(edge.b)")
    out.wrapped(
      "score \(DecimalText.fixed(edge.score)) \(edge.verdict.rawValue)"
        + (components.isEmpty ? "" : " (\(components))") + ": \(edge.reason)", indent: 6)
  }
}
