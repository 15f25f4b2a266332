import Foundation
import ScanModel

/// One row of `evscan frameworks`: what a framework folder holds and what its recipe yields.
public struct FrameworkSurvey: Sendable, Codable, Hashable {
  public var slug: String
  public var sourceKey: String?
  public var title: String?
  public var preset: String?
  public var origin: String?
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
      row.preset = folder.manifest.recipe.preset
      row.origin = folder.manifest.document.origin.rawValue
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
}
