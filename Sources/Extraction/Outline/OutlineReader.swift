import Foundation
import Markup
import ScanModel

/// Reads the outline of flat legal text: for each paragraph (unit) in document order, its place in the
/// hierarchy of labels, its label and section path, its text with the lead-ins above it, and whether it is
/// a lead-in or a definition rather than a statement.
struct OutlineReader {
  /// One unit as the statement builder has it.
  struct Paragraph {
    let node: Node
    /// The unit's text, with the recipe's skip rules applied.
    let text: String
    /// The section path the recipe's `sections` headings give it.
    let headingPath: [String]
  }

  /// What the outline makes of one paragraph.
  struct Entry: Equatable {
    /// The number and labels written together, such as `22603(a)(3)(A)`; nil for a paragraph with neither.
    let label: String?
    /// The heading path, then the number, then the labels: `["22603", "(a)", "(3)", "(A)"]`.
    let sectionPath: [String]
    /// With `leadIns: join`, the lead-ins above the paragraph and its own text, joined by spaces.
    let text: String
    /// Why the paragraph is not a statement, when the outline decides it is not.
    let drop: DroppedUnit.Reason?
    let dropDetail: String
  }

  let outline: CompiledOutline
  let namespaces: [String: String]
  let skipped: NodeSet
  let file: String

  /// What one paragraph says about itself, before its neighbours decide whether it is a lead-in.
  private struct Reading {
    let group: Int
    let depth: Int
    let label: String?
    let sectionPath: [String]
    let ownText: String
    let leadIns: [String]
    let definedAt: String?
    var endsWithColon: Bool { ownText.hasSuffix(":") }
  }

  /// What the paragraphs read so far leave open at one depth: depth 0 is the section (its number or
  /// heading), depth n the nth label of the chain.
  private struct Open {
    /// The text of the paragraph at this depth, when it ends in a colon.
    var leadIn: String?
    /// The label of the definition this depth is part of.
    var definedAt: String?
  }

  /// - Returns: one entry per paragraph, in the same order.
  func read(_ paragraphs: [Paragraph]) throws -> [Entry] {
    var walk = Walk()
    let readings = try paragraphs.map { try walk.read($0, with: self) }
    return readings.indices.map { entry(at: $0, of: readings) }
  }

  /// The state carried from one paragraph to the next, in document order.
  private struct Walk {
    var stack = OutlineStack()
    var open: [Open] = [Open()]
    var number: String?
    /// The node the current number was read from: a unit whose number comes from the same node (every
    /// paragraph of an EUR-Lex article finds the article's heading) continues the outline.
    var numberNode: Node?
    /// Counts the fresh starts (a new number or heading path): lead-ins never reach across one.
    var group = 0
    var previousHeadings: [String]?
    var previousEndedWithColon = false

    mutating func startAfresh(number: String?, from node: Node? = nil) {
      (stack, open, self.number, numberNode, group) = (OutlineStack(), [Open()], number, node, group + 1)
    }

    mutating func read(_ paragraph: Paragraph, with reader: OutlineReader) throws -> Reading {
      var text = paragraph.text
      if paragraph.headingPath != previousHeadings {
        previousHeadings = paragraph.headingPath
        startAfresh(number: nil)
      }
      var hasOwnNumber = false
      if let (found, written, node) = try reader.number(of: paragraph.node) {
        if node != numberNode {
          startAfresh(number: found, from: node)
          hasOwnNumber = true
        }
        text = StatementText.removingLead(written, from: text) ?? (text == written ? "" : text)
      }
      let (labels, ownText) = reader.labels(in: text)
      let indent = try reader.indent(of: paragraph.node)
      if !labels.isEmpty {
        stack.place(labels, indent: indent, afterLeadIn: previousEndedWithColon)
      } else if reader.outline.depth != nil, let indent {
        // With the depth read from the markup's nesting, a paragraph without labels after the points
        // (a subparagraph) belongs to the level it is nested in, not to the last point.
        stack.close(deeperThan: indent)
      }
      previousEndedWithColon = ownText.hasSuffix(":")
      // A paragraph without labels continues the item above it, or is the section's own text (depth 0).
      let depth = stack.levels.count
      let firstNew = depth - labels.count + 1
      open = Array(open.prefix(firstNew)) + Array(repeating: Open(), count: depth + 1 - firstNew)
      let written = (number ?? "") + stack.chain.map(Self.citationForm).joined()
      // Only a paragraph with labels or a number of its own is named by them; a paragraph that continues
      // an item would otherwise share the item's label.
      let label = (labels.isEmpty && !hasOwnNumber) || written.isEmpty ? nil : written
      let inherited = open.prefix(depth)
      let ownDefinition =
        reader.isDefinition(ownText)
        ? (label ?? (written.isEmpty ? "an unlabelled paragraph" : written)) : nil
      let continued = labels.isEmpty && !hasOwnNumber ? open[depth].definedAt : nil
      let definedAt = inherited.compactMap(\.definedAt).first ?? continued ?? ownDefinition
      open[depth] = Open(leadIn: ownText.hasSuffix(":") ? ownText : nil, definedAt: definedAt)
      return Reading(
        group: group, depth: depth, label: label,
        sectionPath: paragraph.headingPath + numberInPath(after: paragraph.headingPath) + stack.chain,
        ownText: ownText, leadIns: inherited.compactMap(\.leadIn), definedAt: definedAt)
    }

    /// The number, unless the headings already end with it (a heading that is also the number, as an
    /// EUR-Lex article's "Article 24").
    private func numberInPath(after headings: [String]) -> [String] {
      guard let number, headings.last != number else { return [] }
      return [number]
    }

    /// A label as a statement's label writes it: in brackets, as legal citations do (`Article 24(1)(a)`),
    /// when the document writes it with a period (`1.`); as written otherwise.
    static func citationForm(_ written: String) -> String {
      guard written.hasSuffix("."), !written.hasPrefix("(") else { return written }
      return "(" + written.dropLast() + ")"
    }
  }

  /// Decides what one paragraph is, now that the paragraphs after it are known.
  private func entry(at index: Int, of readings: [Reading]) -> Entry {
    let reading = readings[index]
    let join = outline.leadIns == .join
    let text = join ? (reading.leadIns + [reading.ownText]).joined(separator: " ") : reading.ownText
    var drop: DroppedUnit.Reason?
    var detail = ""
    let name = reading.label ?? "the paragraph"
    if reading.ownText.isEmpty {
      drop = .empty
      detail = "the paragraph has no text after its labels"
    } else if let definedAt = reading.definedAt {
      drop = .definition
      detail =
        definedAt == reading.label
        ? "a definition (the recipe's `outline.definitions`)"
        : "part of the definitions at \(definedAt) (the recipe's `outline.definitions`)"
    } else if join && reading.endsWithColon {
      let items = readings[(index + 1)...].prefix {
        $0.group == reading.group && $0.depth > reading.depth
      }
      if !items.isEmpty {
        drop = .leadIn
        detail = "introduces the \(items.count) units under \(name); its text starts each of theirs"
      }
    }
    return Entry(
      label: reading.label, sectionPath: reading.sectionPath, text: text, drop: drop, dropDetail: detail)
  }

  /// The section number the paragraph starts with (trailing period dropped), the text it is written as,
  /// and the node it was read from.
  private func number(of node: Node) throws -> (number: String, written: String, node: Node)? {
    guard let query = outline.number, let found = try first(query, of: node, key: "number") else {
      return nil
    }
    let written = found.text(skipping: skipped).trimmingSpaces()
    var number = Substring(written)
    while number.last == "." || number.last == " " { number = number.dropLast() }
    return number.isEmpty ? nil : (String(number), written, found)
  }

  /// The labels at the start of a text, and the text after them.
  func labels(in text: String) -> (labels: [OutlineLabel], rest: String) {
    var labels: [OutlineLabel] = []
    var rest = Substring(text)
    while true {
      rest = rest.drop { $0 == " " }
      let string = String(rest)
      let whole = NSRange(string.startIndex..<string.endIndex, in: string)
      guard let match = outline.label.firstMatch(in: string, options: .anchored, range: whole),
        match.range.length > 0,
        let matched = Range(match.range, in: string),
        let tokenRange = Range(match.range(at: 1), in: string)
      else { break }
      labels.append(
        OutlineLabel(
          written: string[matched].trimmingCharacters(in: .whitespaces), token: String(string[tokenRange])))
      rest = Substring(string[matched.upperBound...])
    }
    return (labels, String(rest.drop { $0 == " " }))
  }

  /// The paragraph's indentation, when the recipe has `indent`: a number, or the `margin-left` or
  /// `padding-left` of a CSS style (in whatever unit it is written); 0 when there is none.
  private func indent(of node: Node) throws -> Double? {
    if let depth = outline.depth {
      do {
        return Double(try node.select(depth, namespaces: namespaces).count)
      } catch let error as MarkupError {
        throw InputError(error, file: file, element: "recipe.outline.depth")
      }
    }
    guard let query = outline.indent else { return nil }
    guard let value = try first(query, of: node, key: "indent")?.text() else { return 0 }
    return Self.indentation(in: value)
  }

  static func indentation(in value: String) -> Double {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if let plain = Double(trimmed) { return plain }
    let style = trimmed.lowercased()
    for property in ["margin-left", "padding-left"] {
      guard let found = style.range(of: property, options: .backwards) else { continue }
      let after = style[found.upperBound...].drop { $0 == " " || $0 == ":" }
      let digits = after.prefix { $0.isNumber || $0 == "." || $0 == "-" }
      if let amount = Double(digits) { return amount }
    }
    return 0
  }

  private func isDefinition(_ text: String) -> Bool {
    guard let pattern = outline.definitions else { return false }
    return pattern.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
  }

  private func first(_ query: XPathQuery, of node: Node, key: String) throws -> Node? {
    do {
      return try node.first(query, namespaces: namespaces)
    } catch let error as MarkupError {
      throw InputError(error, file: file, element: "recipe.outline.\(key)")
    }
  }
}
