import ScanModel

/// A PDF rebuilt as an XML document in reading order, for the recipe and XPath machinery to run on.
public struct PDFLayoutDocument: Sendable {
  /// The rebuilt document (UTF-8 XML); docs/framework-manifest.md describes its elements.
  public let xml: [UInt8]
  /// What the rebuild noticed and recovered from, such as pages with no text.
  public let warnings: [ScanDiagnostic]
  public let pageCount: Int

  public init(xml: [UInt8], warnings: [ScanDiagnostic], pageCount: Int) {
    self.xml = xml
    self.warnings = warnings
    self.pageCount = pageCount
  }

  /// Converts `pdf` with poppler within `limits` and rebuilds its reading order. `file` names it in errors.
  public static func rebuild(
    pdf: [UInt8], file: String, limits: PDFConversionLimits = .default
  ) throws -> PDFLayoutDocument {
    let positioned = try PDFConverter.positionedText(pdf: pdf, file: file, limits: limits)
    return try rebuild(positionedText: positioned, file: file)
  }

  /// Rebuilds the reading order from poppler's positioned text (`pdftohtml -xml`).
  public static func rebuild(positionedText: [UInt8], file: String) throws -> PDFLayoutDocument {
    let pages = try PositionedTextReader.read(positionedText, file: file)
    let bodySize = Self.bodySize(pages)
    let assembler = LineAssembler(bodySize: bodySize)
    let lined = pages.map { (page: $0, lines: assembler.lines(of: $0.runs)) }
    let chrome = PageChrome(pages: lined)
    let content = lined.map { entry in
      (page: entry.page, lines: entry.lines.filter { !chrome.isChrome($0, on: entry.page) })
    }
    var blocks = BlockAssembler(
      bodySize: bodySize, headingSizes: headingSizes(content, bodySize: bodySize),
      linePitch: linePitch(content))
    var warnings: [ScanDiagnostic] = []
    for (page, lines) in content {
      if page.runs.isEmpty {
        warnings.append(
          ScanDiagnostic(
            location: SourceLocation(file: file, element: "page \(page.number)"),
            message: "page \(page.number) has no text layer; its content (if any) is not read"))
      }
      for line in lines { blocks.add(line, page: page) }
    }
    let xml = LayoutXMLWriter.write(blocks.finish(), pageCount: pages.count, breaks: WordBreaks(pages: pages))
    return PDFLayoutDocument(xml: xml, warnings: warnings, pageCount: pages.count)
  }

  /// For each font size, the most common distance between the tops of consecutive lines that start at
  /// the same left edge: the pitch of a paragraph's lines. Sizes seen on too few lines have none.
  static func linePitch(_ pages: [(page: PositionedPage, lines: [LineAssembler.Line])]) -> [Double: Double] {
    var pitches: [Double: Tally] = [:]
    for (_, lines) in pages {
      for (previous, line) in zip(lines, lines.dropFirst())
      where line.segments.count == 1 && previous.segments.count == 1 && abs(line.left - previous.left) <= 1 {
        let size = line.segments[0].fontSize
        guard size == previous.segments[0].fontSize else { continue }
        let step = ((line.top - previous.top) * 2).rounded() / 2
        let height = line.bottom - line.top
        guard step >= 0.8 * height, step <= 2.5 * height else { continue }
        pitches[size, default: Tally()].add(step)
      }
    }
    return pitches.compactMapValues { steps in steps.total >= 5 ? steps.mostCommon : nil }
  }

  /// The font size most characters are set in.
  static func bodySize(_ pages: [PositionedPage]) -> Double {
    var sizes = Tally()
    for page in pages {
      for run in page.runs { sizes.add(run.fontSize, weight: run.text.count) }
    }
    return sizes.mostCommon ?? 10
  }

  /// Sizes clearly larger than the body's that some short lines are set in, largest first (at most five).
  static func headingSizes(_ pages: [(page: PositionedPage, lines: [LineAssembler.Line])], bodySize: Double)
    -> [Double]
  {
    var sizes: Set<Double> = []
    for (_, lines) in pages {
      for line in lines {
        guard line.text.count <= 200, line.text.contains(where: \.isLetter) else { continue }
        for segment in line.segments where segment.fontSize >= bodySize * 1.15 {
          sizes.insert(segment.fontSize)
        }
      }
    }
    return Array(sizes.sorted(by: >).prefix(5))
  }
}
