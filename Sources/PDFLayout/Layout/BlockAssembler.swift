/// Turns the lines of every page, in order, into blocks: headings from font size and weight, paragraphs
/// from lines that follow each other closely (across a page break when the sentence runs on), list
/// items from their bullets or numbers, tables from header rows, and footnotes from the foot of a page.
struct BlockAssembler {
  /// The body text's font size.
  let bodySize: Double
  /// The heading level for each font size larger than the body's.
  let levelBySize: [Double: Int]
  /// The usual distance from one line's top to the next line's within a paragraph, by font size.
  let linePitch: [Double: Double]

  private(set) var blocks: [LayoutBlock] = []
  private(set) var footnotes: [LayoutBlock] = []
  private var table: TableBuilder?
  private var open: OpenBlock?
  private var openFootnote: OpenBlock?
  private var previousLine: LineAssembler.Line?

  /// A paragraph, list item or footnote still taking lines.
  private struct OpenBlock {
    enum Kind {
      case paragraph
      case listItem(marker: String)
      case footnote(marker: String)
    }

    var kind: Kind
    var text: RichText
    var place: PagePlace
    var fontSize: Double
    /// Where the block's text lines start (after a bullet, for a list item).
    var textLeft: Double
    var lastLine: LineAssembler.Line
    var page: Int
    var widest: Double
  }

  init(bodySize: Double, headingSizes: [Double], linePitch: [Double: Double]) {
    self.bodySize = bodySize
    self.linePitch = linePitch
    var levels: [Double: Int] = [:]
    for (index, size) in headingSizes.sorted(by: >).enumerated() { levels[size] = min(index + 1, 5) }
    levelBySize = levels
  }

  mutating func add(_ line: LineAssembler.Line, page: PositionedPage) {
    if PageChrome.isContinuationNote(line) { return }
    defer { previousLine = line }
    let level = runningHeadingLevel(line, page: page.number)
    // Footnotes first: a table interrupted by the foot of its page carries on at the top of the next.
    if takeFootnoteLine(line, page: page) { return }
    closeFootnote()
    if takeTableRow(line, level: level, page: page.number) { return }
    if let level {
      closeOpen()
      addHeading(line, level: level, page: page.number)
      return
    }
    if isHeaderRow(line) {
      closeOpen()
      table = TableBuilder(headerLine: line, page: page.number)
      return
    }
    if let (marker, text, textLeft) = Self.listMarker(line) {
      closeOpen()
      open = OpenBlock(
        kind: .listItem(marker: marker), text: text, place: place(line, page.number),
        fontSize: line.fontSize,
        textLeft: textLeft, lastLine: line, page: page.number, widest: line.right)
      return
    }
    if var current = open, continues(current, with: line, page: page.number) {
      current.text.append(line: line.pieces)
      current.lastLine = line
      current.page = page.number
      current.widest = max(current.widest, line.right)
      open = current
      return
    }
    closeOpen()
    open = OpenBlock(
      kind: .paragraph, text: RichText(lineOf: line), place: place(line, page.number),
      fontSize: line.fontSize,
      textLeft: line.left, lastLine: line, page: page.number, widest: line.right)
  }

  /// The line's heading level, except for a bold line running on from a bold line above: that line's
  /// continuation, not a heading.
  private func runningHeadingLevel(_ line: LineAssembler.Line, page: Int) -> Int? {
    let level = headingLevel(line)
    if level != nil, levelBySize[line.fontSize] == nil, let current = open,
      current.lastLine.segments.allSatisfy(\.isBold),
      continues(current, with: line, page: page)
    {
      return nil
    }
    return level
  }

  /// Starts a footnote with the line, or adds the line to the footnote open on its page; false when
  /// the line is no footnote's.
  private mutating func takeFootnoteLine(_ line: LineAssembler.Line, page: PositionedPage) -> Bool {
    if startsFootnote(line, page: page) {
      closeFootnote()
      let (marker, text) = Self.splitMarker(line)
      openFootnote = OpenBlock(
        kind: .footnote(marker: marker), text: text, place: place(line, page.number),
        fontSize: line.fontSize, textLeft: line.left, lastLine: line, page: page.number, widest: line.right)
      return true
    }
    if var footnote = openFootnote, footnote.page == page.number,
      continues(footnote, with: line, page: page.number)
    {
      footnote.text.append(line: line.pieces)
      footnote.lastLine = line
      openFootnote = footnote
      return true
    }
    return false
  }

  /// Adds the line to the open table as a row; a heading or a line the table does not take ends it.
  private mutating func takeTableRow(_ line: LineAssembler.Line, level: Int?, page: Int) -> Bool {
    guard var current = table else { return false }
    if level == nil, current.take(line, page: page) {
      table = current
      return true
    }
    blocks.append(.table(current.finish()))
    table = nil
    return false
  }

  /// The blocks, the footnotes last.
  mutating func finish() -> [LayoutBlock] {
    if var current = table {
      blocks.append(.table(current.finish()))
      table = nil
    }
    closeOpen()
    closeFootnote()
    return blocks + footnotes
  }

  // MARK: - Kinds of line

  private func headingLevel(_ line: LineAssembler.Line) -> Int? {
    let text = line.text
    guard !text.isEmpty, text.count <= 200, text.contains(where: \.isLetter) else { return nil }
    let size = line.fontSize
    if let level = levelBySize[size] { return level }
    // A short line all in bold at the body's size, not ending like a sentence, heads what follows.
    // "2.1." and its title may stand apart on the line, in two bold segments.
    let numbered =
      line.segments.count == 2 && line.segments[0].trimmedText.allSatisfy { $0.isNumber || $0 == "." }
    if line.segments.count == 1 || numbered, line.segments.allSatisfy(\.isBold), size >= bodySize - 0.5,
      text.count <= 100,
      !text.hasSuffix("."), !text.hasSuffix(","), !text.hasSuffix(";"),
      // "Label: value" in bold is a labelled line, not a heading.
      !(text.dropLast().contains(": "))
    {
      return min(levelBySize.count + 1, 6)
    }
    return nil
  }

  /// Two or more short bold cells set apart on one line: the header of a table.
  private func isHeaderRow(_ line: LineAssembler.Line) -> Bool {
    line.segments.count >= 2
      && line.segments.allSatisfy {
        $0.isBold && $0.trimmedText.count <= 40 && !$0.trimmedText.hasSuffix(".")
      }
  }

  /// A line in the lower part of the page that starts with a marker and is set smaller than the body.
  private func startsFootnote(_ line: LineAssembler.Line, page: PositionedPage) -> Bool {
    guard page.height > 0, line.top > page.height * 0.6, let first = line.segments.first?.pieces.first
    else { return false }
    return first.style == .marker && (line.fontSize < bodySize - 0.5 || line.top > page.height * 0.75)
  }

  /// A bullet or an enumerator (1. 2) (a) a. (iv)) at the start of a line, and the text after it.
  static func listMarker(_ line: LineAssembler.Line) -> (String, RichText, Double)? {
    guard let first = line.segments.first else { return nil }
    let text = first.text.drop(while: \.isWhitespace)
    if let character = text.first, LineAssembler.isBullet(String(character)),
      text.dropFirst().first?.isWhitespace ?? true,
      // A dash or a letter o starting a line is a bullet only when set apart from the text after it.
      LineAssembler.isUnambiguousBullet(character)
        || first.trimmedText.count == 1
          && line.segments.count > 1
    {
      var segments = line.segments
      segments[0].runs = dropCharacters(first.runs, count: first.text.count - text.count + 1)
      let textLeft =
        line.segments.count > 1 && first.trimmedText.count == 1 ? line.segments[1].left : first.left
      if segments[0].text.allSatisfy(\.isWhitespace) { segments.removeFirst() }
      guard !segments.isEmpty else { return nil }
      return (String(character), RichText(lineOf: LineAssembler.Line(segments: segments)), textLeft)
    }
    return nil
  }

  // MARK: - Blocks

  private func continues(_ block: OpenBlock, with line: LineAssembler.Line, page: Int) -> Bool {
    guard abs(line.fontSize - block.fontSize) <= 1 else { return false }
    let previous = block.lastLine
    if page != block.page {
      // Across a page break the sentence must visibly run on: the new page starts in lower case, or the
      // last one ended in a comma.
      let first = line.segments.first?.trimmedText.first
      let runsOn = first?.isLowercase == true || block.text.lastVisibleCharacter == ","
      return runsOn && !block.text.endsSentence && line.left >= block.textLeft - 2 * bodySize
    }
    let height = max(previous.bottom - previous.top, 1)
    guard line.top > previous.top + 0.5 * height else { return false }
    // The next line of a paragraph is one line pitch down; a paragraph break adds space. Where the
    // document's pitch for the size is unknown, the gap between the lines' boxes decides.
    if let pitch = linePitch[block.fontSize] {
      guard line.top - previous.top <= 1.2 * pitch else { return false }
    } else {
      guard line.top - previous.bottom <= 0.3 * height else { return false }
    }
    guard line.left >= block.textLeft - 0.6 * bodySize, line.left <= block.textLeft + 3 * bodySize else {
      return false
    }
    // A short line that ends a sentence ends its paragraph.
    if block.text.endsSentence, previous.right < block.widest - 3 * bodySize { return false }
    return true
  }

  private mutating func addHeading(_ line: LineAssembler.Line, level: Int, page: Int) {
    if case .heading(let lastLevel, var text, let place) = blocks.last, lastLevel == level,
      let previousLine, place.page == page, line.top - previousLine.bottom <= 0.5 * (line.bottom - line.top)
    {
      text.append(line: line.pieces)
      blocks[blocks.count - 1] = .heading(level: level, text: text, place: place)
      return
    }
    blocks.append(.heading(level: level, text: RichText(lineOf: line), place: place(line, page)))
  }

  private mutating func closeOpen() {
    if let block = open { close(block) }
    open = nil
  }

  private mutating func closeFootnote() {
    if let block = openFootnote { close(block) }
    openFootnote = nil
  }

  private mutating func close(_ block: OpenBlock) {
    switch block.kind {
    case .paragraph:
      blocks.append(.paragraph(text: block.text, place: block.place))
    case .listItem(let marker):
      blocks.append(.listItem(marker: marker, text: block.text, place: block.place))
    case .footnote(let marker):
      footnotes.append(.footnote(marker: marker, text: block.text, place: block.place))
    }
  }

  // MARK: - Helpers

  private func place(_ line: LineAssembler.Line, _ page: Int) -> PagePlace {
    PagePlace(page: page, top: line.top, left: line.left)
  }

  /// A footnote's leading marker and the rest of its first line.
  static func splitMarker(_ line: LineAssembler.Line) -> (String, RichText) {
    var pieces = line.pieces
    let marker =
      pieces.first?.style == .marker ? pieces.removeFirst().text.trimmingCharacters(in: .whitespaces) : ""
    var text = RichText()
    text.append(line: pieces)
    return (marker, text)
  }

  private static func dropCharacters(_ runs: [TextSegment.PlacedRun], count: Int) -> [TextSegment.PlacedRun] {
    var remaining = count
    var result: [TextSegment.PlacedRun] = []
    for run in runs {
      if remaining >= run.piece.text.count {
        remaining -= run.piece.text.count
        continue
      }
      var kept = run
      kept.piece.text = String(run.piece.text.dropFirst(remaining))
      result.append(kept)
      remaining = 0
    }
    return result
  }
}

extension RichText {
  init(lineOf line: LineAssembler.Line) {
    self.init()
    append(line: line.pieces)
  }
}
