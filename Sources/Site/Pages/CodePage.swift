import ScanModel
import Snapshot

/// `codes/3.1.html`: a code of the mitigation taxonomy, what it covers, and every mitigation under it (its
/// own and its subcategories'), grouped by framework.
struct CodePage {
  let model: SiteModel
  let code: TaxonomyFacet.Code
  let link: SiteLinks

  func render(layout: PageLayout) -> SitePage {
    let index = model.index
    let facet = model.primaryFacet
    var body = "<p class=\"lede\">\(HTML.escape(code.definition))</p>\n"
    var rows: [(String, String)] = []
    if let parent = code.parent { rows.append(("Category", link.code(parent, from: .folder))) }
    let children = index.facets[facet]?.codes.filter { $0.parent == code.code } ?? []
    if !children.isEmpty {
      rows.append(
        ("Subcategories", children.map { link.code($0.code, from: .folder) }.joined(separator: "<br>")))
    }
    if let includes = code.includes, !includes.isEmpty {
      rows.append(("Includes", includes.map(HTML.escape).joined(separator: "; ")))
    }
    if let excludes = code.excludes, !excludes.isEmpty {
      rows.append(("Excludes", excludes.map(HTML.escape).joined(separator: "; ")))
    }
    body += HTML.facts(rows)
    let under = model.mitigations.filter { mitigation in
      guard let primary = mitigation.primaryCode else { return false }
      return primary == code.code
        || (code.parent == nil && index.rootCode(of: primary, facet: facet) == code.code)
    }
    body += MitigationList.byFramework(under, model: model, link: link, level: .folder)
    return layout.render(
      path: SitePaths.code(code.code), title: code.display, heading: code.display, body: body)
  }
}
