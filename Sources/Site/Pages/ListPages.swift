import ScanModel
import Snapshot

/// `frameworks/index.html` and `codes/index.html`: the lists the navigation opens.
struct ListPages {
  let model: SiteModel
  let link: SiteLinks

  func frameworks(layout: PageLayout) -> SitePage {
    let rows = model.frameworks.map { record -> [String] in
      let slug = record.manifest.slug
      return [
        link.framework(slug, from: .folder), HTML.escape(record.manifest.citation.title),
        String(record.manifest.citation.year), HTML.escape(record.manifest.document.origin.rawValue),
        HTML.escape(record.manifest.identification.confidence.rawValue),
        String(model.statementsOfFramework[slug]?.count ?? 0),
        String(model.mitigationsOfFramework[slug]?.count ?? 0),
      ]
    }
    let body = HTML.table(
      caption: "Frameworks in this snapshot",
      headers: ["Source", "Title", "Year", "Document", "Identification", "Statements", "Mitigations"],
      rows: rows, numeric: [2, 5, 6])
    return layout.render(path: SitePaths.frameworks, title: "Frameworks", heading: "Frameworks", body: body)
  }

  func codes(layout: PageLayout) -> SitePage {
    let facet = model.primaryFacet
    var counts: [String: Int] = [:]
    for mitigation in model.mitigations {
      guard let code = mitigation.primaryCode else { continue }
      counts[code, default: 0] += 1
      let root = model.index.rootCode(of: code, facet: facet)
      if root != code { counts[root, default: 0] += 1 }
    }
    var body = "<p class=\"lede\">\(HTML.escape(model.index.facets[facet]?.source ?? ""))</p>\n"
    for category in model.categories {
      body += "<h2>" + link.code(category.code, from: .folder)
      body += " <span class=\"note\">(\(counts[category.code] ?? 0))</span></h2>\n<ul class=\"codes\">\n"
      for code in model.index.facets[facet]?.codes.filter({ $0.parent == category.code }) ?? [] {
        body += "<li>" + link.code(code.code, from: .folder)
        body += " <span class=\"note\">(\(counts[code.code] ?? 0))</span></li>\n"
      }
      body += "</ul>\n"
    }
    let title = model.index.facets[facet]?.name ?? "Codes"
    return layout.render(path: SitePaths.codes, title: title, heading: title, body: body)
  }
}
