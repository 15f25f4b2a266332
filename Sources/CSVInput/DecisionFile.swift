import Foundation
import ScanModel

/// The files of a decisions folder (decisions/ in the project), named in one place, and the one way they are
/// read: a file that is not there yet holds no decisions; one that is there is read whole, as UTF-8 CSV. The
/// readers of each kind (`CodeDecisionReader`, `MergeDecisionsReader`, `ScreeningDecisionReader`) check the
/// columns and values of the rows this gives them.
public enum DecisionFile: String, CaseIterable, Sendable {
  /// People's codes for statements.
  case codes = "codes.csv"
  /// People's must-link and cannot-link decisions on pairs of statements.
  case merges = "merges.csv"
  /// People's include and exclude decisions on units.
  case screening = "screening.csv"

  /// The file's name in a decisions folder.
  public var fileName: String { rawValue }

  /// The file's path in the decisions folder `folder`.
  public func path(in folder: String) -> String {
    folder + "/" + rawValue
  }

  /// The file's URL in the decisions folder `folder`.
  public func url(in folder: URL) -> URL {
    folder.appendingPathComponent(rawValue)
  }

  /// The text of the file at `path`, or nil when no file is there (no decisions yet). `name` (the path by
  /// default) is how errors name the file.
  public func text(path: String, name: String? = nil) throws -> String? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try requiredText(path: path, name: name)
  }

  /// The file at `path` as CSV rows, or nil when no file is there (no decisions yet). `name` (the path by
  /// default) is how errors and the rows name the file.
  public func table(path: String, name: String? = nil) throws -> CSVTable? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try CSVTable.read(path: path, name: name)
  }

  /// The text of a file the user named: a missing file is an error, since they said it is there. The merges
  /// reader checks an empty file itself, naming the header it needs, so it reads text rather than a table;
  /// its errors speak of "the merge decisions", as they always have, where `CSVTable.read`'s say "the file".
  public func requiredText(path: String, name: String? = nil) throws -> String {
    let file = name ?? path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(
        file: file,
        self == .merges
          ? "cannot read the merge decisions; check the path" : "cannot read the file; check the path")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputError(
        file: file,
        self == .merges
          ? "the merge decisions are not UTF-8 text; save the file as UTF-8 CSV"
          : "the file is not UTF-8 text; save it as UTF-8 CSV")
    }
    return text
  }
}
