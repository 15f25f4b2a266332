/// A problem with a user's input that stops the work, written for the user: where, what, and what to do.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(_ location: SourceLocation, _ message: String) {
    self.location = location
    self.message = message
  }

  public init(file: String, line: Int? = nil, column: Int? = nil, element: String? = nil, _ message: String) {
    self.init(SourceLocation(file: file, line: line, column: column, element: element), message)
  }

  public var description: String {
    "\(location): error: \(message)"
  }
}
