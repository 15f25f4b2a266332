/// The facet codes a statement takes from its primary mitigation code when its text says nothing about a facet.
public struct FacetDefaults: Sendable, Hashable, Codable {
  public struct Entry: Sendable, Hashable, Codable {
    /// A mitigation code.
    public var code: String
    /// Facet id to the codes a statement with that mitigation code usually has.
    public var facets: [String: [String]]

    public init(code: String, facets: [String: [String]]) {
      self.code = code
      self.facets = facets
    }
  }

  public var version: String
  public var defaults: [Entry]

  public init(version: String, defaults: [Entry]) {
    self.version = version
    self.defaults = defaults
  }

  /// The default codes of `facet` for a statement whose primary code is `mitigationCode`.
  public func codes(for mitigationCode: String, facet: String) -> [String] {
    defaults.first { $0.code == mitigationCode }?.facets[facet] ?? []
  }
}
