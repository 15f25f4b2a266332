import Foundation
import ScanModel
import Testing

@testable import Pipeline

@Suite("The extraction cache")
struct ExtractionCacheTests {
  let sha = String(repeating: "a", count: 64)
  var result: ExtractionResult {
    ExtractionResult(
      framework: "f", documentSHA256: sha, unitsMatched: 0, statements: [], dropped: [], warnings: [])
  }

  @Test func theKeyChangesWithEveryInputThatChangesTheResult() {
    let base = ExtractionCache.key(
      framework: "f", documentSHA256: sha, recipe: Recipe(preset: "generic"), format: "html", encoding: nil)
    let variants = [
      ExtractionCache.key(
        framework: "g", documentSHA256: sha, recipe: Recipe(preset: "generic"), format: "html", encoding: nil),
      ExtractionCache.key(
        framework: "f", documentSHA256: String(repeating: "b", count: 64), recipe: Recipe(preset: "generic"),
        format: "html",
        encoding: nil),
      ExtractionCache.key(
        framework: "f", documentSHA256: sha, recipe: Recipe(preset: "generic", units: "//p"), format: "html",
        encoding: nil),
      ExtractionCache.key(
        framework: "f", documentSHA256: sha, recipe: Recipe(preset: "generic"), format: "xml", encoding: nil),
      ExtractionCache.key(
        framework: "f", documentSHA256: sha, recipe: Recipe(preset: "generic"), format: "html",
        encoding: "latin1"),
    ]
    #expect(Set(variants).count == variants.count)
    #expect(!variants.contains(base))
    #expect(
      base
        == ExtractionCache.key(
          framework: "f", documentSHA256: sha, recipe: Recipe(preset: "generic"), format: "html",
          encoding: nil))
  }

  @Test func storedResultsComeBackAndDamagedOnesAreMisses() throws {
    let folder = try PipelineSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = ExtractionCache(directory: folder)
    cache.store(result, key: "k")
    #expect(cache.load("k") == result)
    #expect(cache.load("other") == nil)
    try Data("{not json".utf8).write(
      to: CacheBuild.folder(CacheBuild.extraction, in: folder).appendingPathComponent("k.json"))
    #expect(cache.load("k") == nil)
  }

  /// Another build can never hit what it did not write; its entries, and the loose files of caches from
  /// before builds had folders, go, while this build's stay.
  @Test func otherBuildsEntriesAreRemoved() throws {
    let folder = try PipelineSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = ExtractionCache(directory: folder)
    cache.store(result, key: "k")
    let kinds = folder.appendingPathComponent(CacheBuild.extraction)
    let otherBuild = kinds.appendingPathComponent("0123456789abcdef")
    try FileManager.default.createDirectory(at: otherBuild, withIntermediateDirectories: true)
    try Data("{}".utf8).write(to: otherBuild.appendingPathComponent("k.json"))
    try Data("{}".utf8).write(to: kinds.appendingPathComponent("loose.json"))

    CacheBuild.removeOtherBuilds(in: folder)

    #expect(try FileManager.default.contentsOfDirectory(atPath: kinds.path) == [CacheBuild.name])
    #expect(cache.load("k") == result)
  }
}
