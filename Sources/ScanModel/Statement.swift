/// One mitigation statement as extracted from a framework document, with its provenance.
public struct Statement: Sendable, Hashable, Codable {
  /// `<framework slug>:<key>`; the key comes from the unit's label, id attribute or locator, never from order.
  public var id: String
  /// The framework's slug.
  public var framework: String
  /// The label the document gives the unit, such as `Measure II.4.3`, `GV-1.1-001` or `(b)`.
  public var label: String?
  /// A short name: the unit's bold lead-in or heading title, when it has one.
  public var title: String?
  /// The headings above the unit, outermost first.
  public var sectionPath: [String]
  /// The unit's text with inline markup flattened and footnote markers removed.
  public var text: String
  /// The XPath path of the unit's element in the document.
  public var locator: String
  /// The line of the unit's start tag.
  public var line: Int
  /// The SHA-256 of the document the statement was read from.
  public var sourceSHA256: String
  /// The recipe rule that selected the unit.
  public var rule: String
  /// Extra values the recipe's `fields` asked for (for example the risks a NIST action addresses).
  public var fields: [String: String]
  /// For a statement read from a PDF: the page it starts on and where on it. `line` and `locator` then
  /// point into the XML rebuilt from the PDF (`evscan extract --layout` prints it).
  public var page: PagePosition?

  public init(
    id: String, framework: String, label: String?, title: String?, sectionPath: [String], text: String,
    locator: String, line: Int, sourceSHA256: String, rule: String, fields: [String: String] = [:],
    page: PagePosition? = nil
  ) {
    self.id = id
    self.framework = framework
    self.label = label
    self.title = title
    self.sectionPath = sectionPath
    self.text = text
    self.locator = locator
    self.line = line
    self.sourceSHA256 = sourceSHA256
    self.rule = rule
    self.fields = fields
    self.page = page
  }
}

/// Where a statement starts in a PDF: the page (from 1) and the position of its first line, in points
/// from the page's top-left corner.
public struct PagePosition: Sendable, Hashable, Codable, CustomStringConvertible {
  public var number: Int
  public var top: Int
  public var left: Int

  public init(number: Int, top: Int, left: Int) {
    self.number = number
    self.top = top
    self.left = left
  }

  public var description: String { "page \(number) (\(left), \(top) pt from the top left)" }
}
