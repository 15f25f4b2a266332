import ContentHash
import Foundation
import ScanModel

/// Extraction results keyed by everything that determines them — the document's SHA-256, the full recipe
/// with its preset filled in, and the document's format, in the folder of the evscan build that extracted
/// them (`CacheBuild`) — so that a framework whose inputs have not changed is not extracted again.
struct ExtractionCache: Sendable {
  let directory: URL

  static func key(
    framework: String, documentSHA256: String, recipe: Recipe, format: String, encoding: String?
  )
    -> String
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let recipeJSON = (try? encoder.encode(recipe)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let material = [
      "framework \(framework)",
      "document \(documentSHA256)",
      "format \(format)",
      "encoding \(encoding ?? "-")", "recipe \(recipeJSON)",
    ].joined(separator: "\n")
    return SHA256Digest.hex(material)
  }

  private func url(_ key: String) -> URL {
    CacheBuild.folder(CacheBuild.extraction, in: directory).appendingPathComponent("\(key).json")
  }

  /// The cached result, or nil when there is none or it cannot be read (then it is simply recomputed).
  func load(_ key: String) -> ExtractionResult? {
    guard let data = FileManager.default.contents(atPath: url(key).path) else { return nil }
    return try? JSONDecoder().decode(ExtractionResult.self, from: data)
  }

  /// Stores a result; a cache that cannot be written only costs time, so failures are ignored.
  func store(_ result: ExtractionResult, key: String) {
    let target = url(key)
    do {
      try FileManager.default.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      try encoder.encode(result).write(to: target, options: .atomic)
    } catch {
      return
    }
  }
}
