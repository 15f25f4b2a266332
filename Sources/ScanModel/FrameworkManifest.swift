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

  /// The framework's original document, which cannot be shipped: where to download it, the SHA-256 of the
  /// copy someone reviewed (the lock), and the recipe that reads it. `evscan fetch` puts it in the folder;
  /// a scan then reads it instead of the stand-in when it matches the lock.
  public struct Original: Sendable, Hashable, Codable {
    /// Where the original is published, e.g. `https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf`.
    public var url: String
    /// The original's format, as `document.format`: html, xml or pdf.
    public var format: Document.Format
    /// Its name in the framework's folder; nil means `original.<format>`, a name .gitignore keeps out of git.
    public var file: String?
    /// The lock: the SHA-256 of a reviewed copy. Nil until someone has verified one (`evscan fetch --update`).
    public var sha256: String?
    /// The recipe for the original; nil means the top-level `recipe` (right when the stand-in copies the
    /// original's markup, as the EU stand-in does).
    public var recipe: Recipe?
    /// What the original is, e.g. "arXiv HTML (LaTeXML)" or "PDF; the stand-in models its action tables".
    public var note: String?

    public init(
      url: String, format: Document.Format, file: String? = nil, sha256: String? = nil, recipe: Recipe? = nil,
      note: String? = nil
    ) {
      self.url = url
      self.format = format
      self.file = file
      self.sha256 = sha256
      self.recipe = recipe
      self.note = note
    }

    /// The file name in the framework's folder.
    public var fileName: String { file ?? "original.\(format.rawValue)" }

    enum CodingKeys: String, CodingKey {
      case url, format, file, sha256, recipe, note
    }

    /// Decodes `format` with a message that helps a manifest written before formats were an enum: the free
    /// text ("arXiv HTML (LaTeXML)") belongs in `note` now.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      url = try container.decode(String.self, forKey: .url)
      let formatName = try container.decode(String.self, forKey: .format)
      guard let format = Document.Format(rawValue: formatName) else {
        let names = Document.Format.allCases.map(\.rawValue).joined(separator: ", ")
        throw DecodingError.dataCorruptedError(
          forKey: .format, in: container,
          debugDescription: "`\(formatName)` is not a format; write one of \(names), and put a description "
            + "of the original in `original.note`")
      }
      self.format = format
      file = try container.decodeIfPresent(String.self, forKey: .file)
      sha256 = try container.decodeIfPresent(String.self, forKey: .sha256)
      recipe = try container.decodeIfPresent(Recipe.self, forKey: .recipe)
      note = try container.decodeIfPresent(String.self, forKey: .note)
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
  /// Limits for converting this framework's PDF (stand-in or original); nil keeps evscan's defaults.
  public var pdf: PDFLimitSettings?

  public init(
    slug: String, sourceKey: String?, citation: Citation, identification: Identification, original: Original,
    document: Document, recipe: Recipe, pdf: PDFLimitSettings? = nil
  ) {
    self.slug = slug
    self.sourceKey = sourceKey
    self.citation = citation
    self.identification = identification
    self.original = original
    self.document = document
    self.recipe = recipe
    self.pdf = pdf
  }

  /// The key the MIT database writes in `Action Source`; our slug stands in for frameworks without one.
  public var sourceName: String {
    sourceKey ?? slug
  }
}
