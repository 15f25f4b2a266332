import Markup
import ScanModel

extension InputError {
  /// Where a Markup error becomes an input error for the stages above Extraction (PDFLayout, below it, quotes
  /// the error's description in its own message): reported at `file`, and at the recipe's
  /// `element` when it is about one of the recipe's XPath expressions. The message is the error's own;
  /// an error at a line of the document keeps its whole description inside the message
  /// ("doc.xml: error: doc.xml:4:11: error: ..."), as evscan has always printed it.
  public init(_ error: MarkupError, file: String, element: String? = nil) {
    let isAtFile =
      error.location.map { $0.file == file && $0.line == 0 && error.severity != .warning } ?? true
    self.init(file: file, element: element, isAtFile ? error.message : error.description)
  }
}
