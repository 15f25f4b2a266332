/// One run of text as poppler places it: a stretch of one font on one line, with its box in pixels
/// from the page's top-left corner (poppler's default zoom of 1.5 makes a pixel two thirds of a point).
struct TextRun: Sendable, Equatable {
  var top: Double
  var left: Double
  var width: Double
  var height: Double
  var fontSize: Double
  var isBold: Bool
  var isItalic: Bool
  var text: String

  var right: Double { left + width }
  var bottom: Double { top + height }
}

/// One page of positioned text.
struct PositionedPage: Sendable {
  /// The page's number in the PDF, from 1.
  var number: Int
  var width: Double
  var height: Double
  var runs: [TextRun]
}
