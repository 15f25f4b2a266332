/// How a document is parsed. The defaults are the safe ones: nothing is fetched, entities stay unexpanded.
public struct ParseOptions: Sendable, Equatable {
  /// Documents larger than this are refused before libxml2 sees them.
  public static let defaultSizeLimit = 64 * 1024 * 1024

  public var format: MarkupFormat
  /// Shown in diagnostics; usually the file's path.
  public var sourceName: String
  /// The charset to decode with; `nil` lets libxml2 read it from the document (BOM, XML declaration, meta tag).
  public var encoding: String?
  public var sizeLimit: Int

  public init(
    format: MarkupFormat,
    sourceName: String = "<input>",
    encoding: String? = nil,
    sizeLimit: Int = ParseOptions.defaultSizeLimit
  ) {
    self.format = format
    self.sourceName = sourceName
    self.encoding = encoding
    self.sizeLimit = sizeLimit
  }
}
