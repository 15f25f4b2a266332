/// A stretch of one line that reads as one piece: runs that follow each other without a column gap.
/// Table cells and paragraph lines are built from segments. The runs keep their positions, so a
/// segment can be cut exactly where a table's column begins.
struct TextSegment: Sendable {
  enum Style: Sendable, Equatable {
    case plain
    case bold
    case italic
    /// A raised, smaller run such as a footnote marker: kept apart from the text.
    case marker
  }

  struct Piece: Sendable, Equatable {
    var text: String
    var style: Style
  }

  /// One run of the segment: its text (with the space that separates it from the run before, when the
  /// PDF leaves a gap instead of a space character) and where it stands.
  struct PlacedRun: Sendable {
    var piece: Piece
    var left: Double
    var right: Double
  }

  var runs: [PlacedRun]
  var top: Double
  var bottom: Double
  /// The font size most of the segment's characters have.
  var fontSize: Double

  var left: Double { runs.first?.left ?? 0 }
  var right: Double { runs.map(\.right).max() ?? 0 }

  /// The runs' texts, consecutive runs of one style merged.
  var pieces: [Piece] {
    var result: [Piece] = []
    for run in runs {
      if let last = result.indices.last, result[last].style == run.piece.style {
        result[last].text += run.piece.text
      } else {
        result.append(run.piece)
      }
    }
    return result
  }

  /// The text without markers, white space as in the PDF.
  var text: String {
    runs.filter { $0.piece.style != .marker }.map(\.piece.text).joined()
  }

  var trimmedText: String {
    text.trimmingCharacters(in: .whitespaces)
  }

  /// Every character that is not a marker or white space is bold.
  var isBold: Bool {
    let visible = runs.map(\.piece).filter {
      $0.style != .marker && $0.text.contains(where: { !$0.isWhitespace })
    }
    return !visible.isEmpty && visible.allSatisfy { $0.style == .bold }
  }

  var height: Double { bottom - top }

  /// The part of the segment from run `index` on, and the part before it.
  func cut(atRun index: Int) -> (head: TextSegment, tail: TextSegment) {
    var head = self
    var tail = self
    head.runs = Array(runs[..<index])
    tail.runs = Array(runs[index...])
    return (head, tail)
  }
}
