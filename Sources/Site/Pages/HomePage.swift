import ScanModel
import Snapshot

/// `index.html`: the scan's flow (the report's PRISMA counts), a framework-by-category matrix whose cells
/// open the search page filtered to that cell, the practices most frameworks share, and the facets.
struct HomePage {
  let model: SiteModel
  let link: SiteLinks
  /// How many shared practices the page lists, as report.md does.
  var sharedLimit = 15

  func render(layout: PageLayout) -> SitePage {
    var body = "<p class=\"lede\">A snapshot of \(model.frameworks.count) AI risk mitigation frameworks: "
    body += "\(model.content.statements.count) statements extracted, coded against the "
    body +=
      "\(HTML.escape(model.index.facets[model.primaryFacet]?.name ?? "mitigation taxonomy")) and merged into "
    body += "\(model.mitigations.count) canonical mitigations. "
    body += HTML.link(SitePaths.search, "Search and filter the mitigations") + ".</p>\n"
    body += flow()
    body += matrix()
    body += shared()
    body += facets()
    body += retired()
    return layout.render(
      path: SitePaths.home, title: "Overview", heading: "AI risk mitigations: the scan", body: body)
  }

  private func flow() -> String {
    let counts = model.content.run.counts
    var rows: [[String]] = [
      ["Frameworks", String(counts.frameworks)], ["Documents read", String(counts.documents)],
      ["Units matched by the recipes", String(counts.unitsMatched)],
    ]
    let known = DroppedUnit.Reason.allCases.map(\.rawValue)
    let others = counts.dropped.keys.filter { !known.contains($0) }.sorted { $0.bytePrecedes($1) }
    for reason in known + others {
      guard let number = counts.dropped[reason], number != 0 else { continue }
      rows.append(["− dropped: \(HTML.escape(reason))", String(number)])
    }
    rows += [
      ["Statements", String(counts.statements)], ["Statements coded", String(counts.coded)],
      ["… of which need review", String(counts.needingReview)],
      ["− statements merged into another statement's mitigation", String(counts.statementsMergedAway)],
      ["Canonical mitigations", String(counts.canonicalMitigations)],
      ["Statement pairs waiting for review", String(counts.reviewPairs)],
    ]
    return "<section aria-labelledby=\"flow\"><h2 id=\"flow\">Flow of the scan</h2>\n"
      + HTML.table(
        caption: "Counts at each step of the scan", headers: ["Step", "Count"], rows: rows, numeric: [1])
      + "</section>\n"
  }

  /// Mitigations per framework and category; a mitigation stated by several frameworks counts in each row.
  private func matrix() -> String {
    let categories = model.categories
    var cells: [String: [String: Int]] = [:]
    for mitigation in model.mitigations {
      guard let category = model.category(of: mitigation) else { continue }
      for slug in Set(mitigation.sources) { cells[slug, default: [:]][category, default: 0] += 1 }
    }
    let rows = model.frameworks.map { record -> [String] in
      let slug = record.manifest.slug
      var row = [link.framework(slug, from: .root)]
      for category in categories {
        let count = cells[slug]?[category.code] ?? 0
        row.append(
          count == 0
            ? "0"
            : "<a href=\"\(SitePaths.search)?framework=\(percent(slug))&amp;category=\(percent(category.code))\" "
              + "aria-label=\"\(count) mitigations of \(HTML.escape(record.manifest.sourceName)) in "
              + "\(HTML.escape(category.name))\">\(count)</a>")
      }
      row.append(
        "<a href=\"\(SitePaths.search)?framework=\(percent(slug))\">\(model.mitigationsOfFramework[slug]?.count ?? 0)</a>"
      )
      return row
    }
    var out =
      "<section aria-labelledby=\"matrix\"><h2 id=\"matrix\">Mitigations by framework and category</h2>\n"
    out +=
      "<p>A mitigation stated by several frameworks counts once in each of their rows. Each number opens "
    out += "the list of those mitigations.</p>\n"
    out += HTML.table(
      caption: "Mitigations per framework (rows) and category (columns)",
      headers: ["Framework"] + categories.map { "\($0.code) \($0.name)" } + ["All"], rows: rows,
      numeric: Set(1...(categories.count + 1)))
    out += "<ul class=\"inline\">"
    for category in categories { out += "<li>" + link.code(category.code, from: .root) + "</li>" }
    return out + "</ul>\n</section>\n"
  }

  private func shared() -> String {
    let ranked = model.mitigations.filter { Set($0.sources).count > 1 }.sorted { left, right in
      let (l, r) = (Set(left.sources).count, Set(right.sources).count)
      if l != r { return l > r }
      if left.members.count != right.members.count { return left.members.count > right.members.count }
      return left.id.bytePrecedes(right.id)
    }
    var out =
      "<section aria-labelledby=\"shared\"><h2 id=\"shared\">Practices the most frameworks share</h2>\n"
    guard !ranked.isEmpty else {
      return out + "<p>No mitigation is stated by more than one framework.</p></section>\n"
    }
    let rows = ranked.prefix(sharedLimit).map { mitigation -> [String] in
      [
        link.mitigation(mitigation.id, from: .root), HTML.escape(mitigation.name),
        mitigation.primaryCode.map { link.code($0, from: .root) } ?? "",
        String(Set(mitigation.sources).count),
        Array(Set(mitigation.sources)).sorted { $0.bytePrecedes($1) }.map { link.framework($0, from: .root) }
          .joined(separator: ", "),
      ]
    }
    out += HTML.table(
      caption: "Mitigations stated by the most frameworks",
      headers: ["Mitigation", "Name", "Code", "Frameworks", "Which"], rows: Array(rows), numeric: [3])
    if ranked.count > sharedLimit {
      out +=
        "<p>\(ranked.count) mitigations are stated by more than one framework; the table shows the first "
      out += "\(sharedLimit).</p>\n"
    }
    return out + "</section>\n"
  }

  /// Ids with no mitigation any more keep their pages; the list of them is one link away.
  private func retired() -> String {
    guard !model.retired.isEmpty else { return "" }
    return "<p>" + HTML.link(SitePaths.retired, "\(model.retired.count) retired mitigation ids")
      + ": ids issued by earlier scans whose statements now belong to other mitigations; their pages stay.</p>\n"
  }

  /// `retired.html`: every retired id, linking to its page.
  func retiredList(layout: PageLayout) -> SitePage {
    var body =
      "<p class=\"lede\">Mitigation ids issued by earlier scans that have no statements now. Ids are "
    body += "never reused; each page says where its statements went when the snapshot records it.</p>\n"
    body += "<ul class=\"inline\">"
    for entry in model.retired { body += "<li>" + link.mitigation(entry.id, from: .root) + "</li>" }
    body += "</ul>\n"
    return layout.render(
      path: SitePaths.retired, title: "Retired ids", heading: "Retired mitigation ids", body: body)
  }

  private func facets() -> String {
    var out = "<section aria-labelledby=\"facet-list\"><h2 id=\"facet-list\">Facets</h2>\n"
    for facet in model.index.otherFacets {
      out += "<h3>\(HTML.escape(facet.name))</h3>\n<ul class=\"inline\">"
      for code in facet.codes {
        let count = model.mitigationsOfFacetValue[facet.facet]?[code.code]?.count ?? 0
        out +=
          "<li>" + link.facetValue(facet.facet, code.code, from: .root)
          + " <span class=\"note\">(\(count))</span></li>"
      }
      out += "</ul>\n"
    }
    return out + "</section>\n"
  }
}

/// Percent-encoding for a query value: anything but unreserved characters.
func percent(_ value: String) -> String {
  var out = ""
  for byte in value.utf8 {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: "~"):
      out.unicodeScalars.append(UnicodeScalar(byte))
    default:
      let hex = String(byte, radix: 16, uppercase: true)
      out += "%" + (hex.count == 1 ? "0" + hex : hex)
    }
  }
  return out
}
