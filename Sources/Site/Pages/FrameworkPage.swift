import ScanModel
import Snapshot

/// `frameworks/<slug>.html`: the citation, how sure the identification is, which document was read, every
/// statement in document order with its codes and mitigation, and the units dropped with their reasons.
struct FrameworkPage {
  let model: SiteModel
  let record: FrameworkRecord
  let link: SiteLinks

  func render(layout: PageLayout) -> SitePage {
    let manifest = record.manifest
    let statements = model.statementsOfFramework[manifest.slug] ?? []
    let dropped = model.droppedOfFramework[manifest.slug] ?? []
    let body =
      citationSection(statements: statements, dropped: dropped) + statementsSection(statements)
      + droppedSection(dropped)
    return layout.render(
      path: SitePaths.framework(manifest.slug), title: manifest.sourceName, heading: manifest.citation.title,
      body: body)
  }

  /// The citation, the identification's confidence, the document read and the count of units.
  private func citationSection(statements: [Statement], dropped: [DroppedUnit]) -> String {
    let manifest = record.manifest
    let citation = manifest.citation
    var rows: [(String, String)] = [
      ("Source", HTML.escape(manifest.sourceName)),
      ("Authors", HTML.escape(citation.authors.joined(separator: "; "))),
      ("Year", String(citation.year)),
      ("Publisher", HTML.escape(citation.publisher)),
    ]
    if let identifier = citation.identifier { rows.append(("Identifier", HTML.escape(identifier))) }
    if !citation.url.isEmpty { rows.append(("Address", HTML.link(citation.url, citation.url))) }
    rows.append(("Licence", HTML.escape(citation.licence)))
    rows.append(
      (
        "Identification",
        "\(HTML.escape(manifest.identification.confidence.rawValue)) confidence"
          + (manifest.identification.note.isEmpty ? "" : ": \(HTML.escape(manifest.identification.note))")
      ))
    let origin =
      manifest.document.origin == .standIn
      ? "a stand-in written for this project in the markup of the original, with statements in its own words"
      : "a retrieved copy of the original"
    rows.append(("Document", "<code>\(HTML.escape(record.documentPath))</code>, \(HTML.escape(origin))"))
    rows.append(("Document SHA-256", "<code class=\"hash\">\(HTML.escape(manifest.document.sha256))</code>"))
    rows.append(
      ("Units", "\(record.unitsMatched) matched: \(statements.count) statements, \(dropped.count) dropped"))
    return "<section aria-labelledby=\"citation\"><h2 id=\"citation\">Citation</h2>\n" + HTML.facts(rows)
      + "</section>\n"
  }

  /// Every statement in document order with its action id, place, primary code and mitigation.
  private func statementsSection(_ statements: [Statement]) -> String {
    let index = model.index
    var body =
      "<section aria-labelledby=\"statements\"><h2 id=\"statements\">Statements in document order</h2>\n"
    let tableRows = statements.map { statement -> [String] in
      let mitigation = index.mitigationOfStatement[statement.id]
      let code = index.primaryAssignment(of: statement.id)
      let place = statement.page.map { "p. \($0.number)" } ?? "line \(statement.line)"
      var text = HTML.escape(statement.text)
      if let label = statement.label { text = "<strong>\(HTML.escape(label))</strong> " + text }
      return [
        HTML.escape(index.actionID(of: statement.id) ?? statement.id),
        text,
        HTML.escape(place),
        code.map {
          link.code($0.code, from: .folder)
            + ($0.needsReview ? " <span class=\"flag-tag\">review</span>" : "")
        }
          ?? "none",
        mitigation.map { HTML.link("../" + SitePaths.mitigation($0) + "#" + anchor(statement.id), $0) } ?? "",
      ]
    }
    body += HTML.table(
      caption: "Statements of \(record.manifest.sourceName)",
      headers: ["Action", "Statement", "Where", "Code", "Mitigation"], rows: tableRows)
    return body + "</section>\n"
  }

  /// The units the recipe matched that did not become statements, with their reasons.
  private func droppedSection(_ dropped: [DroppedUnit]) -> String {
    var body = "<section aria-labelledby=\"dropped\"><h2 id=\"dropped\">Dropped units</h2>\n"
    if dropped.isEmpty {
      body += "<p>None: every unit the recipe matched became a statement.</p>\n"
    } else {
      let droppedRows = dropped.map { unit in
        [
          HTML.escape(unit.reason.rawValue), HTML.escape(unit.detail), HTML.escape(unit.excerpt),
          "line \(unit.line)",
        ]
      }
      body += HTML.table(
        caption: "Units the recipe matched that did not become statements",
        headers: ["Reason", "Detail", "Start of the text", "Where"], rows: droppedRows)
    }
    return body + "</section>\n"
  }
}
