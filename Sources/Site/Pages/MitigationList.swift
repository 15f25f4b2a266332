import ScanModel
import Snapshot

/// The list of mitigations the code and facet pages share: one section per framework, in slug order.
enum MitigationList {
  static func byFramework(
    _ mitigations: [Mitigation], model: SiteModel, link: SiteLinks, level: SiteLinks.Level
  ) -> String {
    var out = "<section aria-labelledby=\"list\"><h2 id=\"list\">\(mitigations.count) mitigation"
    out += "\(mitigations.count == 1 ? "" : "s"), by framework</h2>\n"
    guard !mitigations.isEmpty else { return out + "<p>None in this snapshot.</p></section>\n" }
    var bySlug: [String: [Mitigation]] = [:]
    for mitigation in mitigations {
      for slug in Set(mitigation.sources) { bySlug[slug, default: []].append(mitigation) }
    }
    for record in model.frameworks {
      let slug = record.manifest.slug
      guard let list = bySlug[slug] else { continue }
      out +=
        "<h3>" + link.framework(slug, from: level) + " <span class=\"note\">(\(list.count))</span></h3>\n"
      out += "<ul class=\"mitigations\">\n"
      for mitigation in list {
        out += "<li>" + link.mitigationWithCode(mitigation.id, from: level) + "</li>\n"
      }
      out += "</ul>\n"
    }
    return out + "</section>\n"
  }
}
