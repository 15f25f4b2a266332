import Foundation
import Markup
import ScanModel

/// A recipe with its preset filled in and every expression compiled, so that a bad XPath or pattern is
/// reported with the manifest field it came from before any document is read.
public struct CompiledRecipe {
  public let recipe: Recipe
  let namespaces: [String: String]
  let units: XPathQuery
  let body: Recipe.Body
  let bodyStop: XPathQuery?
  let text: XPathQuery?
  let sections: XPathQuery?
  let label: XPathQuery?
  let labelPattern: RecipePattern?
  let labelFormat: String?
  let title: XPathQuery?
  let titlePattern: RecipePattern?
  let skip: [XPathQuery]
  let exclude: [XPathQuery]
  let fields: [(name: String, query: XPathQuery)]
  let identity: [Recipe.IdentitySource]
  let minimumLength: Int
  public let allowEmpty: Bool
  /// Whether units outside the page's main content (`MainContent`) are dropped as navigation.
  let mainContent: Bool
  /// For flat legal text: labels, section paths, lead-ins and definitions read from the labels' hierarchy.
  let outline: CompiledOutline?
  /// Whether `units` came from the manifest rather than the preset, for the rule a statement records.
  let unitsFromManifest: Bool
  /// How a statement names the rule that selected it.
  let unitRule: String

  /// - Parameter file: the manifest's path, named in errors.
  public init(_ recipe: Recipe, file: String) throws {
    let full = try Self.filled(recipe, file: file)
    self.recipe = full
    let query = { (expression: String?, field: String) in try Self.query(expression, field, file: file) }
    let pattern = { (expression: String?, field: String) in try Self.pattern(expression, field, file: file) }
    guard let units = try query(full.units, "units") else {
      throw InputError(file: file, element: "recipe.units", "the recipe selects no units; set `units`")
    }
    self.units = units
    namespaces = full.namespaces ?? [:]
    body = full.body ?? .self
    bodyStop = try query(full.bodyStop, "bodyStop")
    if body == .followingSiblings && bodyStop == nil {
      throw InputError(
        file: file, element: "recipe.bodyStop",
        "`body: following-siblings` needs `bodyStop`, the nodes where a unit's text ends")
    }
    text = try query(full.text, "text")
    sections = try query(full.sections, "sections")
    label = try query(full.label, "label")
    labelPattern = try pattern(full.labelPattern, "labelPattern")
    labelFormat = full.labelFormat
    if labelFormat != nil && labelPattern == nil {
      throw InputError(
        file: file, element: "recipe.labelFormat",
        "`labelFormat` writes the label from `labelPattern`'s groups; set `labelPattern` too")
    }
    title = try query(full.title, "title")
    titlePattern = try pattern(full.titlePattern, "titlePattern")
    skip = try (full.skip ?? []).enumerated().map { try query($1, "skip[\($0)]")! }
    exclude = try (full.exclude ?? []).enumerated().map { try query($1, "exclude[\($0)]")! }
    fields = try (full.fields ?? [:]).sorted { $0.key < $1.key }.map {
      ($0.key, try query($0.value, "fields.\($0.key)")!)
    }
    identity = try Self.identity(of: full, file: file)
    minimumLength = full.minimumLength ?? 20
    if minimumLength < 0 {
      throw InputError(file: file, element: "recipe.minimumLength", "`minimumLength` cannot be negative")
    }
    allowEmpty = full.allowEmpty ?? false
    mainContent = full.mainContent ?? false
    outline = try Self.outline(of: full, file: file)
    // Screening applies the pattern later; a broken one is the manifest's error, found when it is read.
    _ = try pattern(full.screening?.keepLabels, "screening.keepLabels")
    unitsFromManifest = recipe.units != nil
    unitRule = "units \(full.units ?? "") (\(unitsFromManifest ? "manifest" : "preset \(full.preset)"))"
  }

  /// The recipe with what it leaves out taken from its preset.
  private static func filled(_ recipe: Recipe, file: String) throws -> Recipe {
    guard let preset = FormatPreset.all[recipe.preset] else {
      throw InputError(
        file: file, element: "recipe.preset",
        "unknown preset `\(recipe.preset)`; the presets are \(FormatPreset.names.joined(separator: ", "))")
    }
    return recipe.filling(from: preset)
  }

  /// What a statement's id is made from, by default its label, then an attribute, then its locator.
  private static func identity(of recipe: Recipe, file: String) throws -> [Recipe.IdentitySource] {
    let identity = recipe.identity ?? [.label, .attribute, .locator]
    if identity.isEmpty {
      throw InputError(
        file: file, element: "recipe.identity", "`identity` needs at least one of label, attribute, locator")
    }
    return identity
  }

  /// `expression` compiled, or nil when the recipe leaves `field` out.
  private static func query(_ expression: String?, _ field: String, file: String) throws -> XPathQuery? {
    guard let expression else { return nil }
    do {
      return try XPathQuery(expression)
    } catch let error as MarkupError {
      // Compiling reads no document, so libxml2's reason for refusing the expression is all there is.
      guard case .invalidXPath(_, let reason) = error else {
        throw InternalError("compiling an XPath expression failed otherwise than by refusing it: \(error)")
      }
      throw InputError(
        file: file, element: "recipe.\(field)",
        "the XPath expression \"\(expression)\" does not compile (\(reason)); check its brackets and quotes"
      )
    }
  }

  /// `expression` compiled as a regular expression, or nil when the recipe leaves `field` out.
  private static func pattern(_ expression: String?, _ field: String, file: String) throws -> RecipePattern? {
    guard let expression else { return nil }
    do {
      return try RecipePattern(expression)
    } catch {
      throw InputError(
        file: file, element: "recipe.\(field)",
        "the regular expression \"\(expression)\" does not compile as an ICU (NSRegularExpression) "
          + "pattern; check its groups, brackets and escapes")
    }
  }

  /// The recipe's outline compiled, when it has one and no label of its own beside it.
  private static func outline(of recipe: Recipe, file: String) throws -> CompiledOutline? {
    guard let outline = recipe.outline else { return nil }
    if recipe.label != nil || recipe.labelPattern != nil {
      throw InputError(
        file: file, element: "recipe.outline",
        "`outline` gives each unit its label from the hierarchy of labels, so `label` and `labelPattern` "
          + "cannot be set beside it; remove them, or remove `outline`")
    }
    return try CompiledOutline(
      outline, file: file, query: { try query($0, $1, file: file) },
      pattern: { try pattern($0, $1, file: file) })
  }
}
