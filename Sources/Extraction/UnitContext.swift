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
    asciiLevel(of: heading, name: heading.name, number: heading.attribute("n"))
      ?? levelByCharacters(of: heading)
  }

  /// The definition of `level(of:)`, in Character and Foundation operations.
  static func levelByCharacters(of heading: Node) -> Int {
    let name = heading.name.lowercased()
    if name.count == 2, name.first == "h", let digit = name.last?.wholeNumberValue { return digit }
    if let number = heading.attribute("n")?.trimmingCharacters(in: .whitespaces), !number.isEmpty,
      number.first?.isNumber == true
    {
      return number.split(separator: ".", omittingEmptySubsequences: true).count
    }
    return treeLevel(of: heading)
  }

  /// `levelByCharacters(of:)` read from the bytes when the name and `n` are ASCII (nil otherwise): Character
  /// operations and Foundation's trimming cost more per heading than the rest of reading it.
  private static func asciiLevel(of heading: Node, name: String, number: String?) -> Int? {
    let letters = name.utf8
    guard !letters.contains(where: { $0 >= 0x80 }) else { return nil }
    if letters.count == 2, let first = letters.first, let last = letters.last, first | 0x20 == 0x68,
      last &- 0x30 < 10
    {
      return Int(last &- 0x30)
    }
    guard let digits = number?.utf8 else { return treeLevel(of: heading) }
    guard !digits.contains(where: { $0 >= 0x80 }) else { return nil }
    // CharacterSet.whitespaces holds two ASCII scalars, space and tab; the rest of it is not ASCII.
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    guard let first = digits.firstIndex(where: { !isSpace($0) }), digits[first] &- 0x30 < 10,
      let last = digits.lastIndex(where: { !isSpace($0) })
    else { return treeLevel(of: heading) }
    var count = 0
    var inSegment = false
    for byte in digits[first...last] {
      if byte == UInt8(ascii: ".") {
        inSegment = false
      } else if !inSegment {
        inSegment = true
        count += 1
      }
    }
    return count
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
