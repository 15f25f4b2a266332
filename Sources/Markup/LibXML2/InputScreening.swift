#if canImport(Glibc)
  import Glibc
#endif

/// Checks raw bytes before libxml2 sees them: refuses what is not markup, defuses what would confuse the parser.
struct InputScreening {
  var bytes: [UInt8]
  var warnings: [String] = []

  /// File signatures of formats people mistake for HTML; checked before any parsing.
  private static let signatures: [(prefix: [UInt8], kind: String)] = [
    (Array("%PDF-".utf8), "a PDF file"),
    ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
    ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a DOCX/XLSX/EPUB file)"),
    ([0x1F, 0x8B], "a gzip-compressed file"),
    ([0xFF, 0xD8, 0xFF], "a JPEG image"),
    (Array("GIF87a".utf8), "a GIF image"),
    (Array("GIF89a".utf8), "a GIF image"),
    ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "a legacy Microsoft Office file"),
    ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF) file"),
  ]

  static func screen(_ input: [UInt8], options: ParseOptions) throws -> InputScreening {
    let file = options.sourceName
    if input.count > options.sizeLimit {
      throw MarkupError.tooLarge(file: file, size: input.count, limit: options.sizeLimit)
    }
    let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    if input.allSatisfy(isSpace) {
      throw MarkupError.empty(file: file)
    }
    // Blank lines before a signature (a PDF saved by a web server, say) must not let binary through.
    let start = input.firstIndex { !isSpace($0) } ?? 0
    for signature in signatures where input[start...].starts(with: signature.prefix) {
      throw MarkupError.binary(file: file, kind: signature.kind)
    }
    var screening = InputScreening(bytes: input)
    if screening.isWideEncoding {
      return screening
    }
    let head = input.prefix(4096)
    let nulCount = head.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
    if nulCount * 10 > head.count {
      throw MarkupError.binary(
        file: file, kind: "binary data (\(nulCount) NUL bytes in its first \(head.count))")
    }
    let removed = screening.removeNULBytes()
    if removed > 0 {
      screening.warnings.append("removed \(removed) NUL bytes, which are not allowed in HTML or XML text")
    }
    return screening
  }

  /// UTF-16 and UTF-32 legitimately contain NUL bytes; libxml2 decodes them after reading the byte-order mark.
  private var isWideEncoding: Bool {
    bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
      || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
  }

  private mutating func removeNULBytes() -> Int {
    // memchr scans gigabytes a second; the generic `contains` would cost more than parts of the parse.
    let hasNUL = bytes.withUnsafeBytes { buffer in
      buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
    }
    guard hasNUL else { return 0 }
    let before = bytes.count
    bytes.removeAll { $0 == 0 }
    return before - bytes.count
  }
}
