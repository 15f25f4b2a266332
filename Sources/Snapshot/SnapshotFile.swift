/// The files of a snapshot folder. The names are part of the published format: scripts, the README and
/// `evscan diff` rely on them, so they change only with a new schema version.
enum SnapshotFile: String, Sendable, Hashable, CaseIterable, Codable {
  case database = "mitigations.sqlite"
  case csv = "mitigations.csv"
  case json = "mitigations.json"
  case sssom = "mappings.sssom.tsv"
  case report = "report.md"
  case manifest = "manifest.json"

  var fileName: String { rawValue }
}
