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
        throw InputError(
          file: file, element: "recipe.\(field)", "\(error.description.replacing("error: ", with: ""))")
      }
    }
    // All document-wide rules in one call, so that the simple ones share a single walk of the tree.
    let rules = recipe.documentRules
    var results: [[Node]]
    do {
      results = try document.select(rules)
    } catch {
      // Evaluate one by one to name the rule that failed.
      results = try zip(rules.queries, recipe.documentRuleFields).map { try select($0, $1) }
    }
    var cursor = 0
    func next() -> [Node] {
      defer { cursor += 1 }
      return results[cursor]
    }
    units = next()
    var skipped = NodeSet()
    for _ in recipe.skip { skipped.formUnion(next()) }
    self.skipped = skipped
    var textSkips = skipped
    textSkips.formUnion(units)
    self.textSkips = textSkips
    var excluded = NodeSet()
    for _ in recipe.exclude { excluded.formUnion(next()) }
    self.excluded = excluded
    bodyStops = NodeSet(recipe.bodyStop == nil ? [] : next())
    let headings = recipe.sections == nil ? [] : next()
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
    var depth = 0
    var current = heading.parent
    while let node = current {
      depth += 1
      current = node.parent
    }
    return 6 + depth
  }
}
