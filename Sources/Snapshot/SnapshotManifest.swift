import ScanModel

/// `manifest.json`: what a snapshot was made from and what it holds, with a SHA-256 for every other file,
/// so that anyone can check a published snapshot is complete and unaltered.
public struct SnapshotManifest: Sendable, Hashable, Codable {
  public struct OutputFile: Sendable, Hashable, Codable {
    public var bytes: Int
    public var sha256: String

    public init(bytes: Int, sha256: String) {
      self.bytes = bytes
      self.sha256 = sha256
    }
  }

  /// Always `evscan-snapshot`, so that a tool can recognise the file.
  public var format: String
  public var schemaVersion: Int
  public var toolVersion: String
  public var taxonomyVersion: String
  public var modelSHA256: String?
  /// Facet id to the version of the coding scheme the run used.
  public var facets: [String: String]
  public var inputs: [InputFile]
  public var counts: RunCounts
  /// File name to size and digest, for every file of the snapshot but this one.
  public var files: [String: OutputFile]

  public init(
    format: String = "evscan-snapshot", schemaVersion: Int = SnapshotSchema.version, toolVersion: String,
    taxonomyVersion: String, modelSHA256: String?, facets: [String: String], inputs: [InputFile],
    counts: RunCounts, files: [String: OutputFile]
  ) {
    self.format = format
    self.schemaVersion = schemaVersion
    self.toolVersion = toolVersion
    self.taxonomyVersion = taxonomyVersion
    self.modelSHA256 = modelSHA256
    self.facets = facets
    self.inputs = inputs
    self.counts = counts
    self.files = files
  }
}
