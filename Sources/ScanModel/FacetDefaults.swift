/// The facet codes a statement takes from its primary mitigation code when its text says nothing about a facet.
public struct FacetDefaults: Sendable, Hashable, Codable {
  public var version: String
  /// Mitigation code to (facet id to codes).
  public var defaults: [String: [String: [String]]]

  public init(version: String, defaults: [String: [String: [String]]]) {
    self.version = version
    self.defaults = defaults
  }
}
