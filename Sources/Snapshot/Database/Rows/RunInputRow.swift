import GRDB
import ScanModel

/// A row of `run_inputs`: a file the run read, with its SHA-256.
struct RunInputRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "run_inputs"

  var path: String
  var sha256: String
  var role: String

  enum CodingKeys: String, CodingKey {
    case path, sha256, role
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.path, path.databaseValue),
      (.sha256, sha256.databaseValue),
      (.role, role.databaseValue),
    ]
  }

  init(_ input: InputFile) {
    path = input.path
    sha256 = input.sha256
    role = input.role
  }

  var model: InputFile { InputFile(path: path, sha256: sha256, role: role) }
}
