/// A table cell's text, as paragraphs: in a table whose rows are led by bold labels (a category and its
/// numbered subcategories, each set as a bold label and its text), each label starts a paragraph of
/// its own; elsewhere a cell is one paragraph.
struct TableCell: Sendable {
  private(set) var paragraphs: [RichText] = [RichText()]
  /// Whether the cell's paragraphs are written apart (`td/p`): set in tables whose rows are led by labels.
  var isParagraphed = false
  /// Whether the cell's first line started a paragraph (a label), so that a cell carried over a page
  /// break starts a paragraph of its own in the cell it continues.
  private var opensWithLabel = false

  var isEmpty: Bool { paragraphs.allSatisfy(\.isEmpty) }

  /// Adds a line; it starts a new paragraph when `startsParagraph` and the cell already holds text.
  mutating func append(line pieces: [TextSegment.Piece], startsParagraph: Bool) {
    if startsParagraph, let last = paragraphs.last, !last.isEmpty {
      paragraphs.append(RichText())
    } else if startsParagraph, isEmpty {
      opensWithLabel = true
    }
    paragraphs[paragraphs.count - 1].append(line: pieces)
  }

  /// The same cell continued on the next page: its first paragraph runs on from this cell's last.
  mutating func append(_ other: TableCell) {
    guard let first = other.paragraphs.first else { return }
    if other.opensWithLabel && !isEmpty {
      paragraphs += other.paragraphs
    } else {
      paragraphs[paragraphs.count - 1].append(first)
      paragraphs += other.paragraphs.dropFirst()
    }
    isParagraphed = isParagraphed || other.isParagraphed
  }
}
