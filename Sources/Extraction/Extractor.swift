import Markup
import PDFLayout
import ScanModel

/// The extraction stage: applies a compiled recipe to a document's bytes and returns every unit the
/// recipe selected, as a statement or as a dropped unit with its reason.
public struct Extractor {
  public let framework: String
  public let recipe: CompiledRecipe
  /// The document's format as the manifest gives it; a PDF is rebuilt as XML before the recipe runs.
  public let documentFormat: FrameworkManifest.Document.Format
  public let encoding: String?
  public let sizeLimit: Int
  /// What converting a PDF may cost (the manifest's `pdf:` block, or the defaults).
  public var pdfLimits = PDFConversionLimits.default

  /// The markup the recipe runs on: the document's own, or for a PDF the rebuilt XML.
  public var format: MarkupFormat { documentFormat == .html ? .html : .xml }

  public init(
    framework: String, recipe: CompiledRecipe, documentFormat: FrameworkManifest.Document.Format,
    encoding: String? = nil, sizeLimit: Int = ParseOptions.defaultSizeLimit
  ) {
    self.framework = framework
    self.recipe = recipe
    self.documentFormat = documentFormat
    self.encoding = encoding
    self.sizeLimit = sizeLimit
  }

  public init(
    framework: String, recipe: CompiledRecipe, format: MarkupFormat, encoding: String? = nil,
    sizeLimit: Int = ParseOptions.defaultSizeLimit
  ) {
    self.init(
      framework: framework, recipe: recipe, documentFormat: format == .xml ? .xml : .html, encoding: encoding,
      sizeLimit: sizeLimit)
  }

  /// The markup the recipe runs on: the document's bytes, or for a PDF the XML rebuilt from its layout
  /// (with what the rebuild noticed). `evscan extract --layout` prints it.
  public func markup(of bytes: [UInt8], file: String) throws -> (bytes: [UInt8], warnings: [ScanDiagnostic]) {
    guard documentFormat == .pdf else { return (bytes, []) }
    let rebuilt = try PDFLayoutDocument.rebuild(pdf: bytes, file: file, limits: pdfLimits)
    return (rebuilt.xml, rebuilt.warnings)
  }

  /// - Parameters:
  ///   - bytes: the document.
  ///   - file: the document's path, for diagnostics.
  ///   - sha256: the document's digest, recorded in every statement.
  public func extract(_ bytes: [UInt8], file: String, sha256: String) throws -> ExtractionResult {
    let (markup, layoutWarnings) = try self.markup(of: bytes, file: file)
    let document: Document
    do {
      document = try Document.parse(
        markup,
        options: ParseOptions(
          format: format, sourceName: file, encoding: documentFormat == .pdf ? "UTF-8" : encoding,
          sizeLimit: documentFormat == .pdf ? max(sizeLimit, markup.count) : sizeLimit))
    } catch let error as MarkupError {
      throw InputError(error, file: file)
    }
    var warnings = layoutWarnings
    warnings += document.diagnostics.filter { !$0.isUnknownHTMLTag }.map { diagnostic in
      ScanDiagnostic(
        severity: .warning,
        location: SourceLocation(
          file: file, line: diagnostic.line > 0 ? diagnostic.line : nil,
          column: diagnostic.column > 0 ? diagnostic.column : nil),
        message: diagnostic.message)
    }
    let context = try UnitContext(document: document, recipe: recipe, file: file)
    var builder = StatementBuilder(
      framework: framework, recipe: recipe, sha256: sha256, context: context, file: file)
    builder.readsPages = documentFormat == .pdf
    let (statements, dropped) = try builder.build()
    warnings += builder.notes.warnings
    if statements.isEmpty {
      let reasons = Dictionary(grouping: dropped, by: \.reason).map { "\($0.value.count) \($0.key.rawValue)" }
      let detail =
        context.units.isEmpty
        ? "no unit matched \(recipe.unitRule)"
        : "all \(context.units.count) units were dropped (\(reasons.sorted().joined(separator: ", ")))"
      if !recipe.allowEmpty {
        throw InputError(
          file: file, element: "recipe.units",
          "the recipe yields no statements: \(detail); adjust the recipe, or set `allowEmpty: true`")
      }
      warnings.append(
        ScanDiagnostic(location: SourceLocation(file: file, element: "recipe.units"), message: detail))
    }
    return ExtractionResult(
      framework: framework, documentSHA256: sha256, unitsMatched: context.units.count,
      statements: statements, dropped: dropped, warnings: warnings)
  }
}
