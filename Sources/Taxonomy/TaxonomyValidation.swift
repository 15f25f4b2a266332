import ScanModel
import StrictYAML
import Yams

/// Checks that go beyond the YAML's shape: unique codes, known parents, links to codes that exist.
enum TaxonomyValidation {
  static func check(_ facet: TaxonomyFacet, text: String, file: String) throws {
    let locate = Locator(text: text, file: file)
    var seen: Set<String> = []
    for (index, code) in facet.codes.enumerated() {
      if code.code.trimmingCharacters(in: .whitespaces).isEmpty || code.name.isEmpty {
        throw locate.error(["codes", index], "a code and its name cannot be empty")
      }
      if !seen.insert(code.code).inserted {
        throw locate.error(
          ["codes", index, "code"], "the code `\(code.code)` appears twice in facet `\(facet.facet)`")
      }
    }
    for (index, code) in facet.codes.enumerated() {
      if let parent = code.parent, !seen.contains(parent) {
        throw locate.error(
          ["codes", index, "parent"], "the parent `\(parent)` of `\(code.code)` is not a code of this file")
      }
    }
    if facet.codes.isEmpty {
      throw InputError(file: file, element: "codes", "the facet has no codes")
    }
  }

  static func check(_ thesaurus: Thesaurus, against set: TaxonomySet, text: String, file: String) throws {
    let locate = Locator(text: text, file: file)
    var ids: Set<String> = []
    let facetCodes = Dictionary(
      uniqueKeysWithValues: set.allFacets.map { ($0.facet, Set($0.codes.map(\.code))) })
    for (index, concept) in thesaurus.concepts.enumerated() {
      if !ids.insert(concept.id).inserted {
        throw locate.error(["concepts", index, "id"], "the concept id `\(concept.id)` appears twice")
      }
      if concept.label.trimmingCharacters(in: .whitespaces).isEmpty {
        throw locate.error(["concepts", index, "label"], "concept `\(concept.id)` has an empty label")
      }
      if let weight = concept.weight, !(0...1).contains(weight) {
        throw locate.error(
          ["concepts", index, "weight"], "weight \(weight) of `\(concept.id)` is outside 0 to 1")
      }
      for (facet, codes) in (concept.codes ?? [:]).sorted(by: { $0.key < $1.key }) {
        guard let known = facetCodes[facet] else {
          throw locate.error(
            ["concepts", index, "codes", facet],
            "concept `\(concept.id)` links to the unknown facet `\(facet)`; the facets are "
              + facetCodes.keys.sorted().joined(separator: ", "))
        }
        for code in codes where !known.contains(code) {
          throw locate.error(
            ["concepts", index, "codes", facet],
            "concept `\(concept.id)` links to `\(code)`, which facet `\(facet)` does not have")
        }
      }
    }
    for (index, concept) in thesaurus.concepts.enumerated() {
      if let broader = concept.broader, !ids.contains(broader) {
        throw locate.error(
          ["concepts", index, "broader"], "`broader: \(broader)` of `\(concept.id)` is not a concept id")
      }
    }
  }

  static func check(_ defaults: FacetDefaults, against set: TaxonomySet, text: String, file: String) throws {
    let locate = Locator(text: text, file: file)
    var seen: Set<String> = []
    for (index, entry) in defaults.defaults.enumerated() {
      guard set.mitigation.code(entry.code) != nil else {
        throw locate.error(
          ["defaults", index, "code"], "`\(entry.code)` is not a code of the mitigation taxonomy")
      }
      guard seen.insert(entry.code).inserted else {
        throw locate.error(["defaults", index, "code"], "`\(entry.code)` has defaults twice")
      }
      for (facetID, codes) in entry.facets.sorted(by: { $0.key < $1.key }) {
        guard let facet = set.facet(facetID), facetID != set.mitigation.facet else {
          throw locate.error(
            ["defaults", index, "facets", facetID], "`\(facetID)` is not one of the other facets")
        }
        for code in codes where facet.code(code) == nil {
          throw locate.error(
            ["defaults", index, "facets", facetID], "facet `\(facetID)` has no code `\(code)`")
        }
      }
    }
  }

  /// Finds the line of a value by its path in the YAML, for errors found after decoding.
  struct Locator {
    let root: Node?
    let file: String

    init(text: String, file: String) {
      root = try? Yams.compose(yaml: text)
      self.file = file
    }

    func error(_ path: [any PathComponent], _ message: String) -> InputError {
      var node = root
      for component in path {
        if let index = component as? Int {
          node = node?.sequence.flatMap { index < $0.count ? $0[index] : nil }
        } else if let key = component as? String {
          node = node?.mapping?[key]
        }
      }
      let element = path.map { "\($0)" }.joined(separator: ".")
      return InputError(
        file: file, line: node?.mark?.line, column: node?.mark?.column, element: element, message)
    }
  }
}

protocol PathComponent: CustomStringConvertible {}
extension Int: PathComponent {}
extension String: PathComponent {}
