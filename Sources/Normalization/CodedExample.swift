/// A statement with the mitigation code a person gave it: what the classifier learns from.
public struct CodedExample: Sendable, Hashable, Codable {
  public var id: String
  public var name: String
  public var text: String
  public var code: String
  /// Where it came from, e.g. `mit-coded-dev.csv:12` or `taxonomy:3.1`.
  public var origin: String
  /// Where the statement sits in its document, when known: its section headings and the framework's
  /// own fields. Joined from the real document (`ContextJoin`), never read from the CSV.
  public var context: StatementContext?

  public init(
    id: String, name: String, text: String, code: String, origin: String, context: StatementContext? = nil
  ) {
    self.id = id
    self.name = name
    self.text = text
    self.code = code
    self.origin = origin
    self.context = context
  }
}
