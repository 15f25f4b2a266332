/// One coding scheme: the mitigation taxonomy, or a facet such as lifecycle stage or actor.
public struct TaxonomyFacet: Sendable, Hashable, Codable {
  public enum Cardinality: String, Sendable, Hashable, Codable {
    /// One primary code per statement (the mitigation taxonomy).
    case primary
    /// Any number of codes per statement.
    case multiple
  }

  public struct Code: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var definition: String
    public var parent: String?
    public var includes: [String]?
    public var excludes: [String]?

    public init(
      code: String, name: String, definition: String, parent: String? = nil, includes: [String]? = nil,
      excludes: [String]? = nil
    ) {
      self.code = code
      self.name = name
      self.definition = definition
      self.parent = parent
      self.includes = includes
      self.excludes = excludes
    }

    /// "3.1 Testing & Auditing", the form of the MIT export's MitigationCode column.
    public var display: String { "\(code) \(name)" }
  }

  public var facet: String
  public var name: String
  public var version: String
  public var source: String
  public var cardinality: Cardinality
  public var codes: [Code]

  public init(
    facet: String, name: String, version: String, source: String, cardinality: Cardinality, codes: [Code]
  ) {
    self.facet = facet
    self.name = name
    self.version = version
    self.source = source
    self.cardinality = cardinality
    self.codes = codes
  }

  public func code(_ value: String) -> Code? {
    codes.first { $0.code == value }
  }

  /// Codes that have children are categories; the leaves are what statements get.
  public var leafCodes: [Code] {
    let parents = Set(codes.compactMap(\.parent))
    return codes.filter { !parents.contains($0.code) }
  }
}
