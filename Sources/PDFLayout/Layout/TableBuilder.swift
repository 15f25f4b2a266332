/// Gathers the lines of one table, page by page, and turns them into rows: a row ends where a gap
/// opens across all columns, so a label set beside the middle of a multi-line cell stays in its row.
struct TableBuilder {
  private var columns: TableColumns
  private let header: [RichText]
  private let headerKey: [String]
  private let firstHeaderWidth: Double
  private var rows: [LayoutTable.Row] = []
  private let place: PagePlace
  /// The pieces of the current page's lines, by column; `cut` marks a piece cut off the end of a run
  /// that began in an earlier column.
  private var fragments: [Fragment] = []
  /// The fragments of each page the table has been on, in order.
  private var parts: [(page: Int, fragments: [Fragment])] = []
  private var fragmentPage: Int
  private var lastBottom: Double?

  /// Starts a table at a header row.
  init(headerLine: LineAssembler.Line, page: Int) {
    let starts = headerLine.segments.map(\.left)
    let size = headerLine.segments.map(\.fontSize).max() ?? 10
    columns = TableColumns(starts: starts, tolerance: max(0.6 * size, 8))
    header = headerLine.segments.map { RichText($0) }
    headerKey = header.map(\.plainText)
    firstHeaderWidth = headerLine.segments[0].right - headerLine.segments[0].left
    place = PagePlace(page: page, top: headerLine.top, left: headerLine.left)
    fragmentPage = page
    lastBottom = headerLine.bottom
  }

  /// A line that is a header row with the same cells as this table's: a header repeated on a new page.
  func repeatsHeader(_ line: LineAssembler.Line) -> Bool {
    line.segments.count == headerKey.count && line.segments.map { RichText($0).plainText } == headerKey
  }

  /// Takes the line into the table when it fits the columns; false when the table has ended before it.
  mutating func take(_ line: LineAssembler.Line, page: Int) -> Bool {
    if page != fragmentPage {
      closePagePart()
      fragmentPage = page
      lastBottom = nil
    }
    if repeatsHeader(line) { return true }
    let height = max(line.bottom - line.top, 1)
    if let lastBottom, line.top - lastBottom > 2.5 * height { return false }
    // A header may be centred over its column, so the first column's cells can start well left of it.
    if line.left < columns.starts[0] - max(3 * columns.tolerance, firstHeaderWidth) { return false }
    if line.segments.count == 1, line.segments[0].isBold,
      line.segments[0].right > columns.starts[min(1, columns.starts.count - 1)] + columns.tolerance
    {
      return false
    }
    var placed: [Fragment] = []
    for segment in line.segments {
      guard let parts = columns.split(segment) else { return false }
      for (index, part) in parts.enumerated() { placed.append((part.column, part.segment, index > 0)) }
    }
    for part in placed where !part.cut { columns.observe(part.segment) }
    fragments += placed
    lastBottom = max(lastBottom ?? line.bottom, line.bottom)
    return true
  }

  /// The finished table.
  mutating func finish() -> LayoutTable {
    closePagePart()
    buildRows()
    return LayoutTable(header: header, rows: rows, place: place)
  }

  /// Turns the fragments of the current page into rows. A first row whose first cell is empty carries
  /// on the last row of the previous page.
  private mutating func closePagePart() {
    guard !fragments.isEmpty else { return }
    alignCutPieces()
    parts.append(
      (
        fragmentPage,
        fragments.sorted { ($0.segment.top, $0.segment.left) < ($1.segment.top, $1.segment.left) }
      ))
    fragments = []
  }

  /// Turns the page parts into rows, once the whole table is known: whether its rows are told apart
  /// by labels is a property of the table, seen on some pages and needed on all.
  private mutating func buildRows() {
    let labelled = Self.isLabelled(parts.map(\.fragments))
    for (page, ordered) in parts {
      let groups = labelled ? Self.rowsByLabels(ordered) : Self.rowsByGaps(ordered)
      for (index, group) in groups.enumerated() {
        var cells = Array(repeating: TableCell(), count: columns.starts.count)
        for column in cells.indices { cells[column].isParagraphed = labelled }
        for fragment in group {
          cells[fragment.column].append(
            line: fragment.segment.pieces, startsParagraph: labelled && Self.startsBold(fragment.segment))
        }
        let top = group.map(\.segment.top).min() ?? 0
        let left = group.map(\.segment.left).min() ?? 0
        // A page's first row without a first cell (or, in a labelled table, without a label) carries
        // on the last row of the page before.
        let continues =
          labelled ? !group.contains { Self.isLabel($0) } : cells[0].isEmpty
        if index == 0, continues, !rows.isEmpty {
          for column in cells.indices { rows[rows.count - 1].cells[column].append(cells[column]) }
        } else {
          rows.append(LayoutTable.Row(cells: cells, place: PagePlace(page: page, top: top, left: left)))
        }
      }
    }
    parts = []
  }

  /// Rows led by a bold label in the first column (a category beside its subcategories), set without
  /// the space between rows that the gaps need. Either what the gaps call one row holds two labels, or
  /// some of what they call rows start in the first column without a label (the lines of a labelled
  /// row): then the labels tell the rows.
  private static func isLabelled(_ parts: [[Fragment]]) -> Bool {
    var labels = 0
    var unlabelledStarts = 0
    var rowWithTwoLabels = false
    for ordered in parts {
      labels += ordered.filter { isLabel($0) }.count
      for group in rowsByGaps(ordered) {
        if let first = group.first(where: { $0.column == 0 }), !startsBold(first.segment) {
          unlabelledStarts += 1
        }
        if group.filter({ isLabel($0) }).count >= 2 { rowWithTwoLabels = true }
      }
    }
    return labels >= 2 && (unlabelledStarts >= 2 || rowWithTwoLabels)
  }

  private static func isLabel(_ fragment: Fragment) -> Bool {
    fragment.column == 0 && !fragment.cut && startsBold(fragment.segment)
  }

  typealias Fragment = (column: Int, segment: TextSegment, cut: Bool)

  /// Rows that end where a gap opens across all columns.
  private static func rowsByGaps(_ ordered: [Fragment]) -> [[Fragment]] {
    let heights = ordered.map(\.segment.height).sorted()
    let gap = 0.35 * heights[heights.count / 2]
    var groups: [[Fragment]] = []
    var bottom = -Double.infinity
    for fragment in ordered {
      if fragment.segment.top > bottom + gap || groups.isEmpty {
        groups.append([])
      }
      groups[groups.count - 1].append(fragment)
      bottom = max(bottom, fragment.segment.bottom)
    }
    return groups
  }

  /// Rows that start at each label of the first column; what comes before the first label (the rest of
  /// a row begun on the page before) is a row of its own.
  private static func rowsByLabels(_ ordered: [Fragment]) -> [[Fragment]] {
    let anchors = ordered.filter { isLabel($0) }
    let starts = anchors.map { $0.segment.top - 0.5 * $0.segment.height }
    var groups = Array(repeating: [Fragment](), count: starts.count + 1)
    for fragment in ordered {
      let row = starts.lastIndex { $0 <= fragment.segment.top }.map { $0 + 1 } ?? 0
      groups[row].append(fragment)
    }
    return groups.filter { !$0.isEmpty }
  }

  /// Whether the segment starts with a label: bold text that ends in a colon or a full stop, or holds a
  /// number ("GOVERN 1:", "1.2", "Step 3."). A bold word that merely starts a line ("MAP and MEASURE
  /// functions …") is emphasis, not a label.
  private static func startsBold(_ segment: TextSegment) -> Bool {
    guard let first = segment.runs.firstIndex(where: { $0.piece.text.contains { !$0.isWhitespace } }),
      segment.runs[first].piece.style == .bold
    else { return false }
    let bold = segment.runs[first...].prefix { $0.piece.style == .bold }.map(\.piece.text).joined()
      .trimmingCharacters(in: .whitespaces)
    return bold.hasSuffix(":") || bold.hasSuffix(".") || bold.contains(where: \.isNumber)
  }

  /// poppler sometimes runs a cell's label and the first line of the next cell together as one run,
  /// placed on the label's line ("-001  Protocols are put in place" beside a label centred in its row),
  /// while the rest of that first line is a run of its own a few pixels higher. A piece cut off such a
  /// run takes the line of the run that continues it on the right, so the cell reads in order.
  private mutating func alignCutPieces() {
    for index in fragments.indices where fragments[index].cut {
      let piece = fragments[index]
      guard
        let next = fragments.first(where: { other in
          other.column == piece.column && !other.cut && abs(other.segment.left - piece.segment.right) <= 3
            && abs(other.segment.top - piece.segment.top) < piece.segment.height
        })
      else { continue }
      fragments[index].segment.top = next.segment.top
      fragments[index].segment.bottom = next.segment.bottom
    }
  }
}
