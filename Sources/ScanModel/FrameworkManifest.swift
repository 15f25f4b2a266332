/// The contents of a framework's `framework.yaml`: the citation facts, the document, and its recipe.
public struct FrameworkManifest: Sendable, Hashable, Codable {
  public struct Citation: Sendable, Hashable, Codable {
    public var title: String
    public var authors: [String]
    public var year: Int
    public var publisher: String
    public var identifier: String?
    public var url: String
    public var licence: String

    public init(
      title: String, authors: [String], year: Int, publisher: String, identifier: String? = nil, url: String,
      licence: String
    ) {
      self.title = title
      self.authors = authors
      self.year = year
      self.publisher = publisher
      self.identifier = identifier
      self.url = url
      self.licence = licence
    }
  }

  public struct Identification: Sendable, Hashable, Codable {
    public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
      case high
      case mediumHigh = "medium-high"
      case medium
      case low
      case unknown
    }

    public var confidence: Confidence
    public var note: String

    public init(confidence: Confidence, note: String) {
      self.confidence = confidence
      self.note = note
    }
  }

  public struct Original: Sendable, Hashable, Codable {
    public var url: String
    public var format: String

    public init(url: String, format: String) {
      self.url = url
      self.format = format
    }
  }

  public struct Document: Sendable, Hashable, Codable {
    public enum Origin: String, Sendable, Hashable, Codable, CaseIterable {
      /// Written for this project in the original's markup.
      case standIn = "stand-in"
      /// A copy of the original document.
      case retrieved
    }

    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
      case html
      case xml
      /// Converted by poppler and rebuilt as XML in reading order (see docs/framework-manifest.md).
      case pdf
    }

    public var file: String
    public var sha256: String
    public var format: Format
    public var origin: Origin
    public var encoding: String?
    public var note: String?

    public init(
      file: String, sha256: String, format: Format, origin: Origin, encoding: String? = nil,
      note: String? = nil
    ) {
      self.file = file
      self.sha256 = sha256
      self.format = format
      self.origin = origin
      self.encoding = encoding
      self.note = note
    }
  }

  public var slug: String
  public var sourceKey: String?
  public var citation: Citation
  public var identification: Identification
  public var original: Original
  public var document: Document
  public var recipe: Recipe

  public init(
    slug: String, sourceKey: String?, citation: Citation, identification: Identification, original: Original,
    document: Document, recipe: Recipe
  ) {
    self.slug = slug
    self.sourceKey = sourceKey
    self.citation = citation
    self.identification = identification
    self.original = original
    self.document = document
    self.recipe = recipe
  }

  /// The key the MIT database writes in `Action Source`; our slug stands in for frameworks without one.
  public var sourceName: String {
    sourceKey ?? slug
  }
}
