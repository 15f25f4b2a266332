import ScanModel
import Snapshot

/// `facets/<facet>/<code>.html`: a value of a facet (a lifecycle stage, an actor, an AI RMF function, a risk
/// domain), its description, and the mitigations any member of which has it.
struct FacetValuePage {
  let model: SiteModel
  let facet: TaxonomyFacet
  let code: TaxonomyFacet.Code
  let link: SiteLinks

  func render(layout: PageLayout) -> SitePage {
    var body = "<p class=\"lede\">\(HTML.escape(code.definition))</p>\n"
    body += HTML.facts([
      ("Facet", HTML.escape("\(facet.name) (\(facet.facet), version \(facet.version))")),
      ("Parent", code.parent.map { link.facetValue(facet.facet, $0, from: .subfolder) } ?? ""),
    ])
    let ids = model.mitigationsOfFacetValue[facet.facet]?[code.code] ?? []
    let mitigations = ids.compactMap { model.index.mitigations[$0] }
    body += MitigationList.byFramework(mitigations, model: model, link: link, level: .subfolder)
    return layout.render(
      path: SitePaths.facetValue(facet.facet, code.code), title: "\(facet.name): \(code.display)",
      heading: "\(facet.name): \(code.display)", body: body)
  }
}
