import Foundation

/// The internal links and resources of an HTML page, found by reading its `href` and `src` attributes:
/// enough for pages this project writes, whose attributes are always double-quoted and escaped.
enum LinkCheck {
  struct Target: Hashable {
    /// The path relative to the site's root, without query or fragment.
    var path: String
    var fragment: String?
  }

  static func targets(of page: String, html: String) -> [Target] {
    var targets: [Target] = []
    for attribute in ["href=\"", "src=\""] {
      var rest = html[...]
      while let start = rest.range(of: attribute) {
        rest = rest[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { break }
        let raw = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
        rest = rest[end...]
        if raw.hasPrefix("http:") || raw.hasPrefix("https:") || raw.hasPrefix("mailto:")
          || raw.hasPrefix("data:")
        {
          continue
        }
        var reference = raw
        var fragment: String?
        if let hash = reference.firstIndex(of: "#") {
          fragment = String(reference[reference.index(after: hash)...])
          reference = String(reference[..<hash])
        }
        if let query = reference.firstIndex(of: "?") { reference = String(reference[..<query]) }
        let path = reference.isEmpty ? page : resolve(reference, from: page)
        targets.append(Target(path: path, fragment: fragment))
      }
    }
    return targets
  }

  /// `../codes/3.1.html` from `mitigations/M0001.html` is `codes/3.1.html`.
  static func resolve(_ reference: String, from page: String) -> String {
    var parts = page.split(separator: "/").dropLast().map(String.init)
    for part in reference.split(separator: "/") {
      switch part {
      case "..": if !parts.isEmpty { parts.removeLast() }
      case ".": continue
      default: parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }

  static func ids(in html: String) -> Set<String> {
    var ids: Set<String> = []
    var rest = html[...]
    while let start = rest.range(of: " id=\"") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(of: "\"") else { break }
      ids.insert(String(rest[..<end]))
      rest = rest[end...]
    }
    return ids
  }
}
