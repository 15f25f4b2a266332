import Foundation
import ScanModel

/// One row of `evscan frameworks`: what a framework folder holds and what its recipe yields.
public struct FrameworkSurvey: Sendable, Codable, Hashable {
  public var slug: String
  public var sourceKey: String?
  public var title: String?
  public var preset: String?
  public var origin: String?
  /// The file the statements were read from, e.g. `document.html` or `original.pdf`.
  public var document: String?
  /// Where the original stands: `in use`, `unverified download`, `not fetched` or `no lock` (see
  /// `originalState`).
  public var original: String?
  public var unitsMatched: Int
  public var statements: Int
  public var dropped: Int
  public var warnings: Int
  /// Set when the folder could not be read or its recipe failed; the other counts are then zero.
  public var error: String?

  /// Reads and extracts every framework under `root`, one row each; a broken folder gives a row with its error.
  public static func survey(root: URL) throws -> [FrameworkSurvey] {
    try FrameworkFolder.list(in: root).map(survey(folder:))
  }

  public static func survey(folder directory: URL) -> FrameworkSurvey {
    var row = FrameworkSurvey(
      slug: directory.lastPathComponent, unitsMatched: 0, statements: 0, dropped: 0, warnings: 0)
    do {
      let folder = try FrameworkFolder(directory: directory)
      row.sourceKey = folder.manifest.sourceKey
      row.title = folder.manifest.citation.title
      row.preset = folder.recipe.recipe.preset
      row.origin = folder.document.origin.rawValue
      row.document = folder.document.file
      row.original = originalState(folder)
      let result = try folder.extract()
      row.unitsMatched = result.unitsMatched
      row.statements = result.statements.count
      row.dropped = result.dropped.count
      row.warnings = result.warnings.count
    } catch {
      row.error = "\(error)"
    }
    return row
  }

  /// In a word or two, where the framework's original stands for the next scan.
  static func originalState(_ folder: FrameworkFolder) -> String {
    if folder.source == .original { return "in use" }
    let original = folder.manifest.original
    let pending = folder.directory.appendingPathComponent(original.fileName + ".unverified")
    if FileManager.default.fileExists(atPath: pending.path) { return "unverified download" }
    return original.sha256 == nil ? "no lock" : "not fetched"
  }
}
