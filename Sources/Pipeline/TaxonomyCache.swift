import ContentHash
import Foundation
import ScanModel
import Taxonomy

/// The taxonomy as decoded and checked values, in the evscan build's folder (`CacheBuild`), keyed by the
/// SHA-256 of every taxonomy file.
/// Decoding and checking the YAML (the thesaurus above all) is most of an otherwise quick scan, and the files
/// rarely change between scans; JSON of the checked values reads back in a fraction of the time.
public struct TaxonomyCache {
  public let directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  /// The taxonomy in `folder`, from the cache when its files are unchanged, otherwise read, checked and
  /// stored. Errors in the files are reported by the full read, never hidden by the cache.
  public func load(from folder: URL) throws -> TaxonomySet {
    guard let digests = TaxonomySet.digests(in: folder) else { return try TaxonomySet.load(from: folder) }
    let material = digests.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    let file = CacheBuild.folder(CacheBuild.taxonomy, in: directory)
      .appendingPathComponent("\(SHA256Digest.hex(material.joined(separator: "\n"))).json")
    if let data = FileManager.default.contents(atPath: file.path),
      let cached = try? JSONDecoder().decode(TaxonomySet.self, from: data), cached.fileDigests == digests
    {
      return cached
    }
    let taxonomy = try TaxonomySet.load(from: folder)
    // A cache that cannot be written only costs time on the next scan.
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? JSONEncoder().encode(taxonomy).write(to: file, options: .atomic)
    return taxonomy
  }
}
