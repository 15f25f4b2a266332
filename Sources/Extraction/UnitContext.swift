import Foundation
import Markup
import ScanModel

/// Everything the recipe's document-wide rules select, evaluated once per document.
struct UnitContext {
  let document: Document
  let units: [Node]
  /// Nodes left out of every text: the skip rules' nodes and, for nested units, the inner units.
  let textSkips: NodeSet
  let skipped: NodeSet
  let excluded: NodeSet
  let bodyStops: NodeSet
  let sectionHeadings: [SectionHeading]

  struct SectionHeading {
    let node: Node
    let level: Int
    let title: String
  }

  init(document: Document, recipe: CompiledRecipe, file: String) throws {
    self.document = document
    let namespaces = recipe.namespaces
    func select(_ query: XPathQuery, _ field: String) throws -> [Node] {
      do {
        return try query.select(in: document, context: nil, namespaces: namespaces)
      } catch let error as MarkupError {
        throw InputError(error, file: file, element: "recipe.\(field)")
      }
    }
    units = try select(recipe.units, "units")
    var skipped = NodeSet()
    for (index, rule) in recipe.skip.enumerated() { skipped.formUnion(try select(rule, "skip[\(index)]")) }
    self.skipped = skipped
    var textSkips = skipped
    textSkips.formUnion(units)
    self.textSkips = textSkips
    var excluded = NodeSet()
    for (index, rule) in recipe.exclude.enumerated() {
      excluded.formUnion(try select(rule, "exclude[\(index)]"))
    }
    self.excluded = excluded
    bodyStops = NodeSet(try recipe.bodyStop.map { try select($0, "bodyStop") } ?? [])
    let headings = try recipe.sections.map { try select($0, "sections") } ?? []
    sectionHeadings = headings.filter { !excluded.containsAncestor(of: $0) }.map { node in
      SectionHeading(node: node, level: Self.level(of: node), title: node.text(skipping: skipped))
    }
  }

  /// h1-h6 give their number; a TEI head gives the depth of its `n` numbering ("3.1" is 2); else the tree depth.
  static func level(of heading: Node) -> Int {
    let name = heading.name.lowercased()
    if name.count == 2, name.first == "h", let digit = name.last?.wholeNumberValue { return digit }
    if let number = heading.attribute("n")?.trimmingCharacters(in: .whitespaces), !number.isEmpty,
      number.first?.isNumber == true
    {
      return number.split(separator: ".", omittingEmptySubsequences: true).count
    }
    return treeLevel(of: heading)
  }

  private static func treeLevel(of heading: Node) -> Int {
    var depth = 0
    var current = heading.parent
    while let node = current {
      depth += 1
      current = node.parent
    }
    return 6 + depth
  }
}
