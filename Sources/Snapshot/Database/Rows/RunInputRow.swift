import GRDB
import ScanModel

/// A row of `run_inputs`: a file the run read, with its SHA-256.
struct RunInputRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "run_inputs"

  var path: String
  var sha256: String
  var role: String

  init(_ input: InputFile) {
    path = input.path
    sha256 = input.sha256
    role = input.role
  }

  var model: InputFile { InputFile(path: path, sha256: sha256, role: role) }
}
