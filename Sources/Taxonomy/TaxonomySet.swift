import ContentHash
import Foundation
import ScanModel
import StrictYAML

/// The coding schemes and the thesaurus a run codes against, read from `taxonomy/` and checked.
public struct TaxonomySet: Sendable, Codable, Equatable {
  public static let mitigationFacet = "mitigation"

  public let mitigation: TaxonomyFacet
  /// The other facets, in the order their files sort.
  public let facets: [TaxonomyFacet]
  public let thesaurus: Thesaurus
  public let facetDefaults: FacetDefaults
  /// SHA-256 of every file read, by path relative to the taxonomy folder.
  public let fileDigests: [String: String]

  public init(
    mitigation: TaxonomyFacet, facets: [TaxonomyFacet], thesaurus: Thesaurus, facetDefaults: FacetDefaults,
    fileDigests: [String: String]
  ) {
    self.mitigation = mitigation
    self.facets = facets
    self.thesaurus = thesaurus
    self.facetDefaults = facetDefaults
    self.fileDigests = fileDigests
  }

  public var allFacets: [TaxonomyFacet] { [mitigation] + facets }

  public func facet(_ id: String) -> TaxonomyFacet? {
    allFacets.first { $0.facet == id }
  }

  /// The version recorded in snapshots: the mitigation taxonomy's and the thesaurus's versions, and a
  /// short digest of all files, so that an edited definition shows as a different taxonomy.
  public var version: String {
    let combined = fileDigests.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
      separator: "\n")
    return
      "mitigation \(mitigation.version), thesaurus \(thesaurus.version), files \(SHA256Digest.hex(combined).prefix(12))"
  }

  /// The files `load(from:)` reads, relative to the taxonomy folder, in the order it reads them.
  public static func files(in directory: URL) -> [String] {
    let facetFolder = directory.appendingPathComponent("facets")
    let facetFiles = (try? FileManager.default.contentsOfDirectory(atPath: facetFolder.path)) ?? []
    return ["mitigation.yaml"] + facetFiles.filter { $0.hasSuffix(".yaml") }.sorted().map { "facets/\($0)" }
      + ["thesaurus.yaml", "facet-defaults.yaml"]
  }

  /// SHA-256 of every file `load(from:)` would read, as `fileDigests` records them; nil when one cannot be
  /// read (loading then says which).
  public static func digests(in directory: URL) -> [String: String]? {
    var digests: [String: String] = [:]
    for relative in files(in: directory) {
      guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path)
      else { return nil }
      digests[relative] = SHA256Digest.hex(data)
    }
    return digests
  }

  /// Reads `directory/mitigation.yaml`, `directory/facets/*.yaml`, `directory/thesaurus.yaml` and
  /// `directory/facet-defaults.yaml`.
  public static func load(from directory: URL) throws -> TaxonomySet {
    var digests: [String: String] = [:]
    func read(_ relative: String) throws -> (text: String, path: String) {
      let url = directory.appendingPathComponent(relative)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw InputError(
          file: url.path, "cannot read this taxonomy file; is --taxonomy pointing at the right folder?")
      }
      digests[relative] = SHA256Digest.hex(data)
      return (String(decoding: data, as: UTF8.self), url.path)
    }
    let decoder = StrictYAMLDecoder(
      documentationHint: "docs/taxonomy.md lists the keys a taxonomy file takes")
    func facet(_ relative: String) throws -> TaxonomyFacet {
      let (text, path) = try read(relative)
      let value = try decoder.decode(TaxonomyFacet.self, from: text, file: path)
      try TaxonomyValidation.check(value, text: text, file: path)
      return value
    }
    let mitigation = try facet("mitigation.yaml")
    guard mitigation.facet == mitigationFacet, mitigation.cardinality == .primary else {
      throw InputError(
        file: directory.appendingPathComponent("mitigation.yaml").path, element: "facet",
        "the mitigation taxonomy must say `facet: mitigation` and `cardinality: primary`")
    }
    let facetFiles = files(in: directory).filter { $0.hasPrefix("facets/") }
    let facets = try facetFiles.map { try facet($0) }
    var seen: [String: String] = [mitigation.facet: "mitigation.yaml"]
    for (facet, file) in zip(facets, facetFiles) {
      if let other = seen[facet.facet] {
        throw InputError(
          file: directory.appendingPathComponent(file).path, element: "facet",
          "the facet id `\(facet.facet)` is used by \(other) too; facet ids must be unique")
      }
      seen[facet.facet] = file
    }
    let (thesaurusText, thesaurusPath) = try read("thesaurus.yaml")
    let thesaurus = try decoder.decode(Thesaurus.self, from: thesaurusText, file: thesaurusPath)
    let (defaultsText, defaultsPath) = try read("facet-defaults.yaml")
    let defaults = try decoder.decode(FacetDefaults.self, from: defaultsText, file: defaultsPath)
    let set = TaxonomySet(
      mitigation: mitigation, facets: facets, thesaurus: thesaurus, facetDefaults: defaults,
      fileDigests: digests)
    try TaxonomyValidation.check(thesaurus, against: set, text: thesaurusText, file: thesaurusPath)
    try TaxonomyValidation.check(defaults, against: set, text: defaultsText, file: defaultsPath)
    return set
  }
}
