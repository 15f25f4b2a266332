import ScanModel
import Snapshot

/// The search page's data, written as JavaScript files that call a function of the page: a page opened from
/// disk (file://) may not fetch() files beside it, but it may load them as scripts. The records are split
/// into shards of `shardSize`, so a site of 100,000 mitigations loads in pieces and the page can answer
/// from the first shards while the rest arrive.
struct SearchIndex {
  let model: SiteModel
  var shardSize = 2_000

  /// Each value's position in the lists of `meta.js`, by which the records name categories, primary codes,
  /// frameworks and the other facets' values.
  private struct Numbers {
    var category: [String: Int]
    var framework: [String: Int]
    var code: [String: Int]
    var facetValue: [String: [String: Int]]
  }

  /// `search/meta.js` and `search/records-000.js` ...
  func files() -> [SitePage] {
    let index = model.index
    let codes = index.facets[model.primaryFacet]?.codes ?? []
    var facetValues: [(facet: Int, code: TaxonomyFacet.Code)] = []
    var facetValueIndex: [String: [String: Int]] = [:]
    for (number, other) in index.otherFacets.enumerated() {
      for code in other.codes {
        facetValueIndex[other.facet, default: [:]][code.code] = facetValues.count
        facetValues.append((number, code))
      }
    }
    let numbers = Numbers(
      category: Dictionary(model.categories.enumerated().map { ($1.code, $0) }, uniquingKeysWith: min),
      framework: Dictionary(
        model.frameworks.enumerated().map { ($1.manifest.slug, $0) }, uniquingKeysWith: min),
      code: Dictionary(codes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: min),
      facetValue: facetValueIndex)

    let shardCount = max(1, (model.mitigations.count + shardSize - 1) / shardSize)
    var pages = [
      SitePage(
        path: SitePaths.searchMeta, text: meta(shardCount: shardCount, codes: codes, facetValues: facetValues)
      )
    ]
    for shard in 0..<shardCount {
      pages.append(
        SitePage(path: SitePaths.searchShard(shard), text: records(shard: shard, numbers: numbers)))
    }
    return pages
  }

  /// `meta.js`: the number of shards and records, and the lists the records refer to by number.
  private func meta(
    shardCount: Int, codes: [TaxonomyFacet.Code], facetValues: [(facet: Int, code: TaxonomyFacet.Code)]
  ) -> String {
    let index = model.index
    var meta = "window.EVSCAN_META = {\n"
    meta += "\"shards\": \(shardCount),\n\"count\": \(model.mitigations.count),\n"
    meta +=
      "\"categories\": [" + model.categories.map { "[\(js($0.code)),\(js($0.name))]" }.joined(separator: ",")
    meta += "],\n\"codes\": [" + codes.map { "[\(js($0.code)),\(js($0.name))]" }.joined(separator: ",")
    meta += "],\n\"frameworks\": ["
    meta += model.frameworks.map { "[\(js($0.manifest.slug)),\(js($0.manifest.sourceName))]" }
      .joined(separator: ",")
    meta +=
      "],\n\"facets\": ["
      + index.otherFacets.map { "[\(js($0.facet)),\(js($0.name))]" }
      .joined(separator: ",")
    meta += "],\n\"facetValues\": ["
    meta += facetValues.map { "[\($0.facet),\(js($0.code.code)),\(js($0.code.name))]" }.joined(separator: ",")
    meta += "]\n};\n"
    return meta
  }

  /// `records-NNN.js`: one record per mitigation of the shard, its values given by number.
  private func records(shard: Int, numbers: Numbers) -> String {
    let slice = model.mitigations.dropFirst(shard * shardSize).prefix(shardSize)
    var out = "EVSCAN_RECORDS(\(shard), [\n"
    var first = true
    for mitigation in slice {
      let frameworks = Array(Set(mitigation.sources)).compactMap { numbers.framework[$0] }.sorted()
      let values = model.facetValuesOfMitigation[mitigation.id] ?? [:]
      var valueNumbers: [Int] = []
      for other in model.index.otherFacets {
        for code in values[other.facet] ?? [] {
          if let number = numbers.facetValue[other.facet]?[code] { valueNumbers.append(number) }
        }
      }
      let code = mitigation.primaryCode.flatMap { numbers.code[$0] } ?? -1
      let category = model.category(of: mitigation).flatMap { numbers.category[$0] } ?? -1
      let review = model.flaggedMembers(of: mitigation).isEmpty ? 0 : 1
      if !first { out += ",\n" }
      first = false
      out +=
        "[\(js(mitigation.id)),\(js(mitigation.name)),\(js(mitigation.definition)),\(code),\(category),"
      out += "[\(frameworks.map(String.init).joined(separator: ","))],"
      out += "[\(valueNumbers.map(String.init).joined(separator: ","))],\(review)]"
    }
    return out + "\n]);\n"
  }

  /// A JavaScript string literal; `<` is escaped as well so that the text can never close a script element.
  func js(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<": out += "\\u003c"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
