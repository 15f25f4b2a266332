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

  /// The document each framework's statements were read from: a stand-in written for the project, or a
  /// retrieved copy of the original (`evscan fetch`).
  public struct DocumentRead: Sendable, Hashable, Codable {
    public var framework: String
    /// Relative to the frameworks folder, e.g. `nist-2024/original.pdf`.
    public var path: String
    public var sha256: String
    /// html, xml or pdf.
    public var format: String
    /// `stand-in` or `retrieved`.
    public var origin: String

    public init(framework: String, path: String, sha256: String, format: String, origin: String) {
      self.framework = framework
      self.path = path
      self.sha256 = sha256
      self.format = format
      self.origin = origin
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
  /// Sorted by framework.
  public var documents: [DocumentRead]
  public var counts: RunCounts
  /// File name to size and digest, for every file of the snapshot but this one.
  public var files: [String: OutputFile]

  init(
    format: String = "evscan-snapshot", schemaVersion: Int = SnapshotSchema.version, toolVersion: String,
    taxonomyVersion: String, modelSHA256: String?, facets: [String: String], inputs: [InputFile],
    documents: [DocumentRead] = [], counts: RunCounts, files: [String: OutputFile]
  ) {
    self.format = format
    self.schemaVersion = schemaVersion
    self.toolVersion = toolVersion
    self.taxonomyVersion = taxonomyVersion
    self.modelSHA256 = modelSHA256
    self.facets = facets
    self.inputs = inputs
    self.documents = documents
    self.counts = counts
    self.files = files
  }
}
