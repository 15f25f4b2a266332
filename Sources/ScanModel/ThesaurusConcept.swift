/// A concept of the thesaurus: the words that name it and the codes it points to in each facet.
public struct ThesaurusConcept: Sendable, Hashable, Codable {
  public var id: String
  public var label: String
  public var altLabels: [String]?
  public var abbreviations: [String]?
  public var variants: [String]?
  public var broader: String?
  /// Facet id to codes, e.g. `mitigation: ["3.1"]`, `lifecycle: [L4]`.
  public var codes: [String: [String]]?
  /// How strongly finding the concept indicates its mitigation code, 0.1 to 1.
  public var weight: Double?

  public init(
    id: String, label: String, altLabels: [String]? = nil, abbreviations: [String]? = nil,
    variants: [String]? = nil, broader: String? = nil, codes: [String: [String]]? = nil, weight: Double? = nil
  ) {
    self.id = id
    self.label = label
    self.altLabels = altLabels
    self.abbreviations = abbreviations
    self.variants = variants
    self.broader = broader
    self.codes = codes
    self.weight = weight
  }

  /// The label, alternative labels and variants: everything matched on analysed words.
  public var phrases: [String] {
    [label] + (altLabels ?? []) + (variants ?? [])
  }
}

/// The thesaurus file: a version and its concepts.
public struct Thesaurus: Sendable, Hashable, Codable {
  public var version: String
  public var concepts: [ThesaurusConcept]

  public init(version: String, concepts: [ThesaurusConcept]) {
    self.version = version
    self.concepts = concepts
  }
}
