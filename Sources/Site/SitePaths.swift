/// Every page's path, derived from ids only, so that a link made today still works after the next scan.
enum SitePaths {
  static let home = "index.html"
  static let search = "search.html"
  static let frameworks = "frameworks/index.html"
  static let codes = "codes/index.html"
  static let retired = "retired.html"
  static let stylesheet = "assets/site.css"
  static let searchScript = "assets/search.js"
  static let searchMeta = "search/meta.js"

  static func mitigation(_ id: String) -> String { "mitigations/\(fileName(id)).html" }
  static func framework(_ slug: String) -> String { "frameworks/\(fileName(slug)).html" }
  static func code(_ code: String) -> String { "codes/\(fileName(code)).html" }
  static func facetValue(_ facet: String, _ code: String) -> String {
    "facets/\(fileName(facet))/\(fileName(code)).html"
  }
  static func searchShard(_ number: Int) -> String {
    let digits = String(number)
    return "search/records-\(String(repeating: "0", count: max(0, 3 - digits.count)))\(digits).js"
  }

  /// Ids become file names as they are when they are plain (`M0042`, `3.1`, `nist-2024`); any other
  /// character becomes `_` followed by its code point in hex, which keeps distinct ids distinct.
  static func fileName(_ id: String) -> String {
    var out = ""
    for scalar in id.unicodeScalars {
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", "-", ".":
        out.unicodeScalars.append(scalar)
      default:
        out += "_" + String(scalar.value, radix: 16)
      }
    }
    if out.isEmpty || out.hasPrefix(".") { out = "_" + out }
    return out
  }

  /// The way from a page up to the site's root: `""` for `index.html`, `"../"` for `codes/3.1.html`.
  static func root(of path: String) -> String {
    String(repeating: "../", count: path.split(separator: "/").count - 1)
  }
}
