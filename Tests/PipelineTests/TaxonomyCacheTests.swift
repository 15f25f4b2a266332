import Foundation
import ScanModel
import Taxonomy
import TestSupport
import Testing

@testable import Pipeline

@Suite("The taxonomy cache")
struct TaxonomyCacheTests {
  static let shippedTaxonomy = PackagePaths.root.appendingPathComponent("taxonomy")

  /// A copy of the shipped taxonomy and an empty cache, in a temporary folder.
  private func workspace() throws -> (root: URL, taxonomy: URL, cache: TaxonomyCache) {
    let root = try PipelineSupport.temporaryFolder()
    let taxonomy = root.appendingPathComponent("taxonomy")
    try FileManager.default.copyItem(at: Self.shippedTaxonomy, to: taxonomy)
    return (root, taxonomy, TaxonomyCache(directory: root.appendingPathComponent("cache")))
  }

  private func cachedFiles(_ cache: TaxonomyCache) -> [String] {
    let folder = CacheBuild.folder(CacheBuild.taxonomy, in: cache.directory)
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
  }

  @Test func aCachedTaxonomyEqualsTheOneReadFromItsFiles() throws {
    let (root, taxonomy, cache) = try workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let direct = try TaxonomySet.load(from: taxonomy)
    let first = try cache.load(from: taxonomy)
    #expect(cachedFiles(cache).count == 1)
    let second = try cache.load(from: taxonomy)
    #expect(first == direct)
    #expect(second == direct)
    #expect(second.version == direct.version)
    #expect(cachedFiles(cache).count == 1)
  }

  @Test func anEditedFileIsReadAgain() throws {
    let (root, taxonomy, cache) = try workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let before = try cache.load(from: taxonomy)
    let thesaurus = taxonomy.appendingPathComponent("thesaurus.yaml")
    let text = try String(contentsOf: thesaurus, encoding: .utf8)
    let edited = text.replacingOccurrences(
      of: "version: \"\(before.thesaurus.version)\"", with: "version: \"9.9.9\"")
    try #require(edited != text)
    try edited.write(to: thesaurus, atomically: true, encoding: .utf8)
    let after = try cache.load(from: taxonomy)
    #expect(after.thesaurus.version == "9.9.9")
    #expect(after.fileDigests["thesaurus.yaml"] != before.fileDigests["thesaurus.yaml"])
    #expect(after == (try TaxonomySet.load(from: taxonomy)))
    #expect(cachedFiles(cache).count == 2)
  }

  @Test func anErrorInTheFilesIsReportedEvenWhenAnEarlierVersionIsCached() throws {
    let (root, taxonomy, cache) = try workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try cache.load(from: taxonomy)
    let defaults = taxonomy.appendingPathComponent("facet-defaults.yaml")
    let text = try String(contentsOf: defaults, encoding: .utf8)
    try (text + "\nnotAKey: 1\n").write(to: defaults, atomically: true, encoding: .utf8)
    #expect {
      try cache.load(from: taxonomy)
    } throws: { error in
      "\(error)".contains("facet-defaults.yaml") && "\(error)".contains("notAKey")
    }
  }

  @Test func aDamagedCacheFileIsReadPast() throws {
    let (root, taxonomy, cache) = try workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let direct = try cache.load(from: taxonomy)
    let name = try #require(cachedFiles(cache).first)
    let file = CacheBuild.folder(CacheBuild.taxonomy, in: cache.directory).appendingPathComponent(name)
    try Data("{\"not\": \"a taxonomy\"".utf8).write(to: file)
    #expect(try cache.load(from: taxonomy) == direct)
  }
}
