/// One labelled unit to train or evaluate on. Its text is read at training time from where the label points
/// (the MIT file, a shipped framework, a corpus document) and never stored in the project.
public struct ScreeningExample: Sendable, Hashable {
  /// Where the label names it: a statement id, `M<row>` for the MIT file, or `<sha256 prefix>:<locator>`.
  public var id: String
  /// The document (or file) it comes from; cross-validation keeps a group's examples together.
  public var group: String
  public var text: String
  public var isMitigation: Bool

  public init(id: String, group: String, text: String, isMitigation: Bool) {
    self.id = id
    self.group = group
    self.text = text
    self.isMitigation = isMitigation
  }
}
