/// Where a block starts in the PDF: its page and position, in poppler's pixels from the top-left corner.
struct PagePlace: Sendable, Equatable {
  var page: Int
  var top: Double
  var left: Double
}

/// One block of the rebuilt document, in reading order.
enum LayoutBlock: Sendable {
  case heading(level: Int, text: RichText, place: PagePlace)
  case paragraph(text: RichText, place: PagePlace)
  case listItem(marker: String, text: RichText, place: PagePlace)
  case table(LayoutTable)
  case footnote(marker: String, text: RichText, place: PagePlace)
}

/// A table rebuilt from column positions: a header row when the PDF draws one, and body rows that may
/// have started on an earlier page.
struct LayoutTable: Sendable {
  struct Row: Sendable {
    var cells: [TableCell]
    var place: PagePlace
  }

  var header: [RichText]
  var rows: [Row]
  var place: PagePlace
}
