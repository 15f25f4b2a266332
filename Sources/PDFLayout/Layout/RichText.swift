/// Text with the inline distinctions the rebuilt document keeps (bold, italic, footnote markers), built
/// line by line: each line joined to the last as a reader would, rejoining words broken at a line end.
struct RichText: Sendable, Equatable {
  private(set) var pieces: [TextSegment.Piece] = []

  init() {}

  init(_ segment: TextSegment) {
    append(line: segment.pieces)
  }

  var isEmpty: Bool { !pieces.contains { $0.text.contains(where: { !$0.isWhitespace }) } }

  /// The text without markers, with white space collapsed.
  var plainText: String {
    pieces.filter { $0.style != .marker }.map(\.text).joined().split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
  }

  mutating func append(line: [TextSegment.Piece]) {
    var incoming = line
    while let first = incoming.first, first.text.allSatisfy(\.isWhitespace) { incoming.removeFirst() }
    guard !incoming.isEmpty else { return }
    incoming[0].text = String(incoming[0].text.drop(while: \.isWhitespace))
    if let last = pieces.indices.last {
      pieces[last].text = TextCleaner.lineEnd(pieces[last].text, before: incoming[0].text.first)
    }
    for piece in incoming {
      append(piece: piece)
    }
  }

  mutating func append(_ other: RichText) {
    append(line: other.pieces)
  }

  private mutating func append(piece: TextSegment.Piece) {
    if let last = pieces.indices.last, pieces[last].style == piece.style {
      pieces[last].text += piece.text
    } else {
      pieces.append(piece)
    }
  }

  /// The last character that is not white space, markers aside: read from the end, since paragraphs
  /// ask it of themselves at every line they take.
  var lastVisibleCharacter: Character? {
    for piece in pieces.reversed() where piece.style != .marker {
      if let last = piece.text.last(where: { !$0.isWhitespace }) { return last }
    }
    return nil
  }

  /// Whether the text reads as finished: it ends in a full stop, a question or exclamation mark.
  var endsSentence: Bool {
    guard let last = lastVisibleCharacter else { return false }
    return ".!?".contains(last) || last == "\u{201D}" || last == ")"
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
