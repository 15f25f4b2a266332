/// Where a diagnostic points: a file, and within it a line and column or an element's path.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?
  /// An XPath locator or a key path such as `recipe.units`, when a line is not the right address.
  public var element: String?

  public init(file: String, line: Int? = nil, column: Int? = nil, element: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.element = element
  }

  /// `file:line:column`, followed by the element in brackets when there is one.
  public var description: String {
    var text = file
    if let line, line > 0 {
      text += ":\(line)"
      if let column, column > 0 { text += ":\(column)" }
    }
    if let element { text += " [\(element)]" }
    return text
  }
}
