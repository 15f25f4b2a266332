import ScanModel
import Snapshot

/// Links between pages, written relative to the page they appear on.
struct SiteLinks {
  let index: SnapshotIndex

  /// Where the linking page sits: the root (`index.html`), a folder (`codes/3.1.html`) or a folder in a
  /// folder (`facets/actor/A1.html`).
  enum Level {
    case root
    case folder
    case subfolder

    var prefix: String {
      switch self {
      case .root: return ""
      case .folder: return "../"
      case .subfolder: return "../../"
      }
    }
  }

  func mitigation(_ id: String, from level: Level, text: String? = nil) -> String {
    HTML.link(level.prefix + SitePaths.mitigation(id), text ?? id)
  }

  /// `M0042 Name` with its primary code, as the lists show a mitigation.
  func mitigationWithCode(_ id: String, from level: Level) -> String {
    guard let mitigation = index.mitigations[id] else { return mitigation(id, from: level) }
    var out = HTML.link(level.prefix + SitePaths.mitigation(id), "\(id) \(mitigation.name)")
    if let code = mitigation.primaryCode { out += " <span class=\"code\">\(HTML.escape(code))</span>" }
    return out
  }

  func framework(_ slug: String, from level: Level, text: String? = nil) -> String {
    HTML.link(level.prefix + SitePaths.framework(slug), text ?? index.sourceName(ofFramework: slug))
  }

  func code(_ code: String, from level: Level) -> String {
    HTML.link(level.prefix + SitePaths.code(code), index.display(code, facet: index.primaryFacet))
  }

  func facetValue(_ facet: String, _ code: String, from level: Level) -> String {
    HTML.link(level.prefix + SitePaths.facetValue(facet, code), index.display(code, facet: facet))
  }
}
