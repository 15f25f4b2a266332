import Foundation
import Markup
import ScanModel

/// A recipe's `outline` with its expressions compiled, so that a bad one is reported with its manifest key
/// before any document is read.
struct CompiledOutline {
  static let defaultLabel = #"\(([A-Za-z0-9]{1,8})\)"#

  let number: XPathQuery?
  let label: NSRegularExpression
  let indent: XPathQuery?
  /// The nodes whose number is a unit's depth, used as its indentation.
  let depth: XPathQuery?
  let leadIns: Recipe.Outline.LeadIns
  let definitions: NSRegularExpression?

  /// - Parameters:
  ///   - query: compiles an XPath expression, naming the manifest key in its error.
  ///   - pattern: compiles a regular expression, naming the manifest key in its error.
  init(
    _ outline: Recipe.Outline, file: String,
    query: (String?, String) throws -> XPathQuery?,
    pattern: (String?, String) throws -> RecipePattern?
  ) throws {
    number = try query(outline.number, "outline.number")
    indent = try query(outline.indent, "outline.indent")
    depth = try query(outline.depth, "outline.depth")
    if indent != nil && depth != nil {
      throw InputError(
        file: file, element: "recipe.outline.depth",
        "`indent` and `depth` both give the paragraphs' indentation; keep one of them")
    }
    let labelSource = outline.label ?? Self.defaultLabel
    guard let label = try pattern(labelSource, "outline.label")?.expression else {
      preconditionFailure("a pattern is compiled from a non-nil expression")
    }
    if label.numberOfCaptureGroups < 1 {
      throw InputError(
        file: file, element: "recipe.outline.label",
        "the pattern \"\(labelSource)\" has no group; put parentheses around the label's token, "
          + #"as in "\\(([a-z0-9]+)\\)" for (a) or (12)"#)
    }
    let empty = ""
    if label.firstMatch(in: empty, options: .anchored, range: NSRange(location: 0, length: 0)) != nil {
      throw InputError(
        file: file, element: "recipe.outline.label",
        "the pattern \"\(labelSource)\" matches an empty text, so it would find a label everywhere; "
          + "make it match a label such as (a) and nothing shorter")
    }
    self.label = label
    leadIns = outline.leadIns ?? .join
    definitions = try pattern(outline.definitions, "outline.definitions")?.expression
  }
}
