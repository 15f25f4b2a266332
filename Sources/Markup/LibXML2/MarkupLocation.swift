/// A place in a document: the file, and the line and column when libxml2 knew them.
public struct MarkupLocation: Sendable, Hashable, CustomStringConvertible {
  public var file: String
  /// 1-based; 0 when unknown.
  public var line: Int
  /// 1-based; 0 when unknown, and left out when the line is.
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, the shape compilers use, so editors can jump to it.
  public var description: String {
    var location = file
    if line > 0 {
      location += ":\(line)"
      if column > 0 { location += ":\(column)" }
    }
    return location
  }
}
