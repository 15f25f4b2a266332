/// How to find statements in a document: a named format preset and the rules that override it.
/// Every field but `preset` is optional; a missing field takes the preset's value.
public struct Recipe: Sendable, Hashable, Codable {
  public enum Body: String, Sendable, Hashable, Codable, CaseIterable {
    /// The unit element's own text.
    case `self`
    /// The unit is a heading; its text is the siblings after it, up to the next `bodyStop` node.
    case followingSiblings = "following-siblings"
  }

  public enum IdentitySource: String, Sendable, Hashable, Codable, CaseIterable {
    case label
    case attribute
    case locator
  }

  public var preset: String
  public var namespaces: [String: String]?
  public var units: String?
  public var body: Body?
  public var bodyStop: String?
  public var text: String?
  public var sections: String?
  public var label: String?
  public var labelPattern: String?
  /// How the label is written from `labelPattern`'s groups (`$1-$2-$3`), so a misprinted label in the
  /// document ("GV4.3--001") still gives the label its neighbours have; a label rewritten this way is
  /// reported as a warning.
  public var labelFormat: String?
  public var title: String?
  public var titlePattern: String?
  public var skip: [String]?
  public var exclude: [String]?
  public var fields: [String: String]?
  public var identity: [IdentitySource]?
  public var minimumLength: Int?
  public var allowEmpty: Bool?
  /// Whether units outside the page's main content are dropped as navigation: the page's `<main>` (or
  /// `role="main"`, or its one `<article>`), else the part that holds most of its text outside links and
  /// page chrome. The generic preset sets it; see docs/framework-manifest.md, "Main content".
  public var mainContent: Bool?
  /// For flat legal text: the hierarchy read from the paragraphs' labels; see `Recipe.Outline`.
  public var outline: Outline?
  /// Whether screening judges this framework's units, which it always keeps, and whether it splits prose
  /// into sentences; see `Recipe.Screening`. Screening is on when the key is missing.
  public var screening: Screening?

  public init(
    preset: String, namespaces: [String: String]? = nil, units: String? = nil, body: Body? = nil,
    bodyStop: String? = nil, text: String? = nil, sections: String? = nil, label: String? = nil,
    labelPattern: String? = nil, labelFormat: String? = nil, title: String? = nil,
    titlePattern: String? = nil, skip: [String]? = nil,
    exclude: [String]? = nil, fields: [String: String]? = nil, identity: [IdentitySource]? = nil,
    minimumLength: Int? = nil, allowEmpty: Bool? = nil, mainContent: Bool? = nil, outline: Outline? = nil,
    screening: Screening? = nil
  ) {
    self.preset = preset
    self.namespaces = namespaces
    self.units = units
    self.body = body
    self.bodyStop = bodyStop
    self.text = text
    self.sections = sections
    self.label = label
    self.labelPattern = labelPattern
    self.labelFormat = labelFormat
    self.title = title
    self.titlePattern = titlePattern
    self.skip = skip
    self.exclude = exclude
    self.fields = fields
    self.identity = identity
    self.minimumLength = minimumLength
    self.allowEmpty = allowEmpty
    self.mainContent = mainContent
    self.outline = outline
    self.screening = screening
  }

  /// This recipe with every field it leaves out taken from `base`.
  public func filling(from base: Recipe) -> Recipe {
    Recipe(
      preset: preset, namespaces: namespaces ?? base.namespaces, units: units ?? base.units,
      body: body ?? base.body, bodyStop: bodyStop ?? base.bodyStop, text: text ?? base.text,
      sections: sections ?? base.sections, label: label ?? base.label,
      labelPattern: labelPattern ?? base.labelPattern, labelFormat: labelFormat ?? base.labelFormat,
      title: title ?? base.title,
      titlePattern: titlePattern ?? base.titlePattern, skip: skip ?? base.skip,
      exclude: exclude ?? base.exclude,
      fields: fields ?? base.fields, identity: identity ?? base.identity,
      minimumLength: minimumLength ?? base.minimumLength, allowEmpty: allowEmpty ?? base.allowEmpty,
      mainContent: mainContent ?? base.mainContent,
      outline: outline.map { $0.filling(from: base.outline) } ?? base.outline,
      screening: screening.map { $0.filling(from: base.screening) } ?? base.screening)
  }
}
