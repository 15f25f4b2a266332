import GRDB
import ScanModel

/// A row of `documents`: the document a framework's statements were read from.
struct DocumentRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "documents"

  var framework: String
  var path: String
  var file: String
  var sha256: String
  var bytes: Int
  var format: String
  var origin: String
  var encoding: String?
  var note: String?
  var unitsMatched: Int

  enum CodingKeys: String, CodingKey {
    case framework, path, file, sha256, bytes, format, origin, encoding, note
    case unitsMatched = "units_matched"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.framework, framework.databaseValue),
      (.path, path.databaseValue),
      (.file, file.databaseValue),
      (.sha256, sha256.databaseValue),
      (.bytes, bytes.databaseValue),
      (.format, format.databaseValue),
      (.origin, origin.databaseValue),
      (.encoding, encoding.databaseValue),
      (.note, note.databaseValue),
      (.unitsMatched, unitsMatched.databaseValue),
    ]
  }

  init(_ record: FrameworkRecord) {
    let document = record.manifest.document
    framework = record.manifest.slug
    path = record.documentPath
    file = document.file
    sha256 = document.sha256
    bytes = record.documentBytes
    format = document.format.rawValue
    origin = document.origin.rawValue
    encoding = document.encoding
    note = document.note
    unitsMatched = record.unitsMatched
  }

  func document() throws -> FrameworkManifest.Document {
    FrameworkManifest.Document(
      file: file, sha256: sha256, format: try RowValue.enumeration(format, column: "documents.format"),
      origin: try RowValue.enumeration(origin, column: "documents.origin"), encoding: encoding, note: note)
  }
}
