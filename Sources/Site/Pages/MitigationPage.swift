import ScanModel
import Snapshot

/// `mitigations/M0042.html`: everything the snapshot knows about one canonical mitigation, in the order an
/// auditor asks for it: what it is and how it is coded, why, which statements state it and where, who
/// decided what, how its members were merged, and what else its frameworks say.
struct MitigationPage {
  let model: SiteModel
  let mitigation: Mitigation
  let link: SiteLinks

  /// How many other mitigations of each framework the page lists before pointing to the framework's page.
  static let otherLimit = 12

  var index: SnapshotIndex { model.index }

  func render(layout: PageLayout) -> SitePage {
    let path = SitePaths.mitigation(mitigation.id)
    var body = "<p class=\"lede\">\(HTML.escape(mitigation.definition))</p>\n"
    body += summary()
    body += flags()
    body += why()
    body += facets()
    body += members()
    body += decisions()
    body += edges()
    body += history()
    body += others()
    return layout.render(
      path: path, title: "\(mitigation.id) \(mitigation.name)",
      heading: "\(mitigation.id): \(mitigation.name)",
      body: body)
  }

  private var primaryFacet: String { model.primaryFacet }

  private func summary() -> String {
    var rows: [(String, String)] = []
    if let code = mitigation.primaryCode {
      let entry = index.code(code, facet: primaryFacet)
      rows.append(("Primary code", link.code(code, from: .folder)))
      if let entry { rows.append(("Code description", HTML.escape(entry.definition))) }
      if let category = model.category(of: mitigation), category != code {
        rows.append(("Category", link.code(category, from: .folder)))
      }
    } else {
      rows.append(("Primary code", "none"))
    }
    let secondary = (model.facetValuesOfMitigation[mitigation.id]?[primaryFacet] ?? []).filter {
      $0 != mitigation.primaryCode
    }
    if !secondary.isEmpty {
      rows.append(("Secondary codes", secondary.map { link.code($0, from: .folder) }.joined(separator: ", ")))
    }
    let slugs = Array(Set(mitigation.sources)).sorted { $0.bytePrecedes($1) }
    rows.append(("Frameworks", slugs.map { link.framework($0, from: .folder) }.joined(separator: ", ")))
    rows.append(("Members", String(mitigation.members.count)))
    rows.append(("Representative statement", statementLink(mitigation.representativeStatementID)))
    return "<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2>\n"
      + HTML.facts(rows) + "</section>\n"
  }

  private func flags() -> String {
    let flagged = model.flaggedMembers(of: mitigation)
    guard !flagged.isEmpty else { return "" }
    var out = "<section aria-labelledby=\"review\" class=\"flag\"><h2 id=\"review\">Needs review</h2>\n"
    out +=
      "<p>\(flagged.count) of \(mitigation.members.count) member statements have a code the coder was unsure "
    out += "of; record a decision in <code>decisions/codes.csv</code> to settle it.</p>\n<ul>\n"
    for statementID in flagged {
      let facets = (index.assignments[statementID] ?? []).filter(\.needsReview).map { assignment in
        "\(index.facets[assignment.facet]?.name ?? assignment.facet): \(assignment.code) "
          + "(confidence \(DecimalText.fixed(assignment.score)))"
      }
      out += "<li><a href=\"#\(anchor(statementID))\">\(HTML.escape(statementID))</a>: "
      out += HTML.escape(facets.joined(separator: "; ")) + "</li>\n"
    }
    return out + "</ul></section>\n"
  }

  /// A short sentence first (how many members got the code, how, how sure), then the reasons `explain`
  /// gives for the strongest member: concepts found, features that weighed most, nearest coded examples.
  private func why() -> String {
    guard let code = mitigation.primaryCode else { return "" }
    let primaries = mitigation.members.compactMap { index.primaryAssignment(of: $0.statementID) }
    let agreeing = primaries.filter { $0.code == code }
    let methods = Array(Set(agreeing.map(\.method.rawValue))).sorted { $0.bytePrecedes($1) }
    let best = agreeing.max { left, right in
      left.score != right.score ? left.score < right.score : right.statementID.bytePrecedes(left.statementID)
    }
    var out = "<section aria-labelledby=\"why\"><h2 id=\"why\">Why this code</h2>\n<p>"
    out += "\(agreeing.count) of \(mitigation.members.count) member statements were coded "
    out += HTML.escape(index.display(code, facet: primaryFacet))
    if !methods.isEmpty { out += " by " + HTML.escape(methods.joined(separator: " and ")) }
    if let best {
      out +=
        "; the strongest, \(HTML.escape(best.statementID)), with confidence \(DecimalText.fixed(best.score))"
      let concepts = best.reasons.filter { $0.kind == .concept }.count
      if concepts > 0 {
        out += " and \(concepts) thesaurus concept\(concepts == 1 ? "" : "s") pointing to it"
      }
    }
    out += ".</p>\n"
    guard let best else { return out + "</section>\n" }
    let groups: [(CodingReason.Kind, String)] = [
      (.decision, "Human decision"), (.concept, "Concepts found"), (.feature, "Strongest features"),
      (.example, "Nearest coded examples"), (.alternative, "Runner-up codes"), (.rule, "Rules"),
    ]
    for (kind, title) in groups {
      let reasons = best.reasons.filter { $0.kind == kind }
      guard !reasons.isEmpty else { continue }
      out += "<h3>\(HTML.escape(title))</h3>\n<ul class=\"reasons\">\n"
      for reason in reasons {
        let weight = reason.weight.map { " <span class=\"weight\">(\(DecimalText.format($0)))</span>" } ?? ""
        out += "<li>\(HTML.escape(reason.text))\(weight)</li>\n"
      }
      out += "</ul>\n"
    }
    return out + "</section>\n"
  }

  private func facets() -> String {
    let values = model.facetValuesOfMitigation[mitigation.id] ?? [:]
    var out = "<section aria-labelledby=\"facets\"><h2 id=\"facets\">Facets</h2>\n"
    var any = false
    for facet in index.otherFacets {
      let codes = values[facet.facet] ?? []
      guard !codes.isEmpty else { continue }
      any = true
      out += "<h3>\(HTML.escape(facet.name))</h3>\n<ul class=\"codes\">\n"
      for code in codes {
        let entry = index.code(code, facet: facet.facet)
        out += "<li>" + link.facetValue(facet.facet, code, from: .folder)
        if let entry { out += "<br><span class=\"note\">\(HTML.escape(entry.definition))</span>" }
        out += "</li>\n"
      }
      out += "</ul>\n"
    }
    if !any { out += "<p>No facet codes.</p>\n" }
    return out + "</section>\n"
  }

  private func members() -> String {
    var out = "<section aria-labelledby=\"members\"><h2 id=\"members\">Member statements</h2>\n"
    for member in mitigation.members {
      guard let statement = index.statements[member.statementID] else { continue }
      let actionID = index.actionID(of: statement.id)
      let heading = (actionID.map { "\($0) · " } ?? "") + statement.id
      out +=
        "<article class=\"member\" id=\"\(anchor(statement.id))\" aria-label=\"\(HTML.escape(heading))\">\n"
      out += "<h3>\(HTML.escape(heading))</h3>\n"
      out += "<blockquote>\(HTML.escape(statement.text))</blockquote>\n"
      var rows: [(String, String)] = [
        ("Framework", link.framework(statement.framework, from: .folder))
      ]
      if !statement.sectionPath.isEmpty {
        rows.append(("Section", HTML.escape(statement.sectionPath.joined(separator: " › "))))
      }
      if let label = statement.label { rows.append(("Label", HTML.escape(label))) }
      if let title = statement.title { rows.append(("Title", HTML.escape(title))) }
      if let page = statement.page {
        rows.append(("Page", "\(page.number) (line \(statement.line) of the layout rebuilt from the PDF)"))
      } else {
        rows.append(("Line", String(statement.line)))
      }
      rows.append(("Locator", "<code>\(HTML.escape(statement.locator))</code>"))
      rows.append(("Document SHA-256", "<code class=\"hash\">\(HTML.escape(statement.sourceSHA256))</code>"))
      let joined =
        member.statementID == mitigation.representativeStatementID
        ? "representative"
        : "\(member.joinedBy), similarity \(DecimalText.fixed(member.similarityToRepresentative))"
      rows.append(("Joined", HTML.escape(joined)))
      // In the taxonomy's order, the mitigation code first, as `explain` lists them.
      let order = Dictionary(
        model.content.taxonomy.enumerated().map { ($1.facet, $0) }, uniquingKeysWith: { first, _ in first })
      let ranked = (index.assignments[statement.id] ?? []).filter { $0.rank == 1 }
        .sorted { (order[$0.facet] ?? Int.max) < (order[$1.facet] ?? Int.max) }
      let codes = ranked.map { assignment in
        let name = index.facets[assignment.facet]?.name ?? assignment.facet
        let review = assignment.needsReview ? ", needs review" : ""
        return "\(HTML.escape(name)): \(HTML.escape(assignment.code)) "
          + "(\(assignment.method.rawValue) \(DecimalText.fixed(assignment.score))\(review))"
      }
      rows.append(("Codes (rank 1)", codes.joined(separator: "; ")))
      for (key, value) in statement.fields.sorted(by: { $0.key.bytePrecedes($1.key) }) {
        rows.append((key, HTML.escape(value)))
      }
      out += HTML.facts(rows) + "</article>\n"
    }
    return out + "</section>\n"
  }

  private func decisions() -> String {
    let codeDecisions = mitigation.members.flatMap { index.codeDecisions[$0.statementID] ?? [] }
    let links = model.linkDecisionsOfMitigation[mitigation.id] ?? []
    var out = "<section aria-labelledby=\"decisions\"><h2 id=\"decisions\">Human decisions</h2>\n"
    guard !codeDecisions.isEmpty || !links.isEmpty else {
      return out + "<p>No human decision applies to these statements.</p></section>\n"
    }
    out += "<ul>\n"
    for decision in codeDecisions {
      out += "<li>Code \(HTML.escape(decision.facet)) \(HTML.escape(decision.code)) for "
      out +=
        "\(HTML.escape(decision.statementID)) by \(HTML.escape(decision.coder)) on \(HTML.escape(decision.date)): "
      out +=
        "\(HTML.escape(decision.rationale)) <span class=\"note\">(\(HTML.escape("\(decision.source)")))</span></li>\n"
    }
    for decision in links {
      out += "<li><strong>\(decision.kind.rawValue)</strong> \(statementLink(decision.a)) and "
      out +=
        "\(statementLink(decision.b)) by \(HTML.escape(decision.coder)): \(HTML.escape(decision.reason)) "
      out += "<span class=\"note\">(\(HTML.escape("\(decision.source)")))</span></li>\n"
    }
    return out + "</ul></section>\n"
  }

  private func edges() -> String {
    let members = Set(mitigation.members.map(\.statementID))
    let all = model.edgesOfMitigation[mitigation.id] ?? []
    let inside = all.filter { members.contains($0.a) && members.contains($0.b) }
    let outside = all.filter { !(members.contains($0.a) && members.contains($0.b)) }
    var out = "<section aria-labelledby=\"edges\"><h2 id=\"edges\">How the members were merged</h2>\n"
    if inside.isEmpty {
      out += "<p>No scored pair joins these statements (a mitigation of one statement).</p>\n"
    } else {
      out += edgeTable(inside, caption: "Scored pairs between members")
    }
    if !outside.isEmpty {
      out += "<h3>Close pairs with other mitigations</h3>\n"
      out += edgeTable(outside, caption: "Scored pairs with statements of other mitigations")
    }
    return out + "</section>\n"
  }

  private func edgeTable(_ edges: [SimilarityEdge], caption: String) -> String {
    let rows = edges.map { edge -> [String] in
      let components = edge.components.sorted { $0.key.bytePrecedes($1.key) }
        .map { "\($0.key) \(DecimalText.fixed($0.value))" }.joined(separator: ", ")
      return [
        statementLink(edge.a), statementLink(edge.b), DecimalText.fixed(edge.score), edge.verdict.rawValue,
        HTML.escape(components), HTML.escape(edge.reason),
      ]
    }
    return HTML.table(
      caption: caption, headers: ["Statement", "Statement", "Score", "Verdict", "Components", "Reason"],
      rows: rows, numeric: [2])
  }

  private func history() -> String {
    let changes = (model.identityChanges[mitigation.id] ?? []).filter {
      $0.mitigationID == mitigation.id && $0.kind != .kept
    }
    guard !changes.isEmpty else { return "" }
    var out =
      "<section aria-labelledby=\"history\"><h2 id=\"history\">Identity since the previous snapshot</h2><ul>\n"
    for change in changes {
      let from = change.from.map { link.mitigation($0, from: .folder) }.joined(separator: ", ")
      out += "<li>\(change.kind.rawValue)\(from.isEmpty ? "" : " from \(from)")</li>\n"
    }
    return out + "</ul></section>\n"
  }

  private func others() -> String {
    var out =
      "<section aria-labelledby=\"others\"><h2 id=\"others\">Other mitigations of the same frameworks</h2>\n"
    let slugs = Array(Set(mitigation.sources)).sorted { $0.bytePrecedes($1) }
    for slug in slugs {
      let all = model.mitigationsOfFramework[slug] ?? []
      out += "<h3>\(HTML.escape(index.sourceName(ofFramework: slug)))</h3>\n"
      guard all.count > 1 else {
        out += "<p>None.</p>\n"
        continue
      }
      // Those with the same primary code first: the neighbours a reader compares this one with. Taken from
      // the front of precomputed lists, so a page costs the same in a site of 300 or 100,000 mitigations.
      let sameCode = (model.mitigationsOfFrameworkAndCode[slug]?[mitigation.primaryCode ?? ""] ?? [])
        .lazy.filter { $0 != mitigation.id }.prefix(Self.otherLimit)
      var shown = Array(sameCode)
      for id in all where shown.count < Self.otherLimit {
        if id != mitigation.id && index.mitigations[id]?.primaryCode != mitigation.primaryCode {
          shown.append(id)
        }
      }
      out += "<ul class=\"mitigations\">\n"
      for id in shown {
        out += "<li>" + link.mitigationWithCode(id, from: .folder) + "</li>\n"
      }
      out += "</ul>\n"
      if all.count - 1 > Self.otherLimit {
        out +=
          "<p>" + link.framework(slug, from: .folder, text: "All \(all.count - 1) on the framework's page")
          + "</p>\n"
      }
    }
    return out + "</section>\n"
  }

  private func statementLink(_ statementID: String) -> String {
    guard let owner = index.mitigationOfStatement[statementID] else { return HTML.escape(statementID) }
    if owner == mitigation.id { return "<a href=\"#\(anchor(statementID))\">\(HTML.escape(statementID))</a>" }
    return "<a href=\"\(HTML.escape(SitePaths.fileName(owner))).html#\(anchor(statementID))\">"
      + "\(HTML.escape(statementID))</a> <span class=\"note\">(\(HTML.escape(owner)))</span>"
  }
}

/// The fragment id of a statement on its mitigation's page.
func anchor(_ statementID: String) -> String {
  "s-" + SitePaths.fileName(statementID)
}
