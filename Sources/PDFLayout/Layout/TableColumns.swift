/// The columns of a table, from the left edges of its header cells, and how a piece of a line is placed
/// in them.
struct TableColumns: Sendable {
  var starts: [Double]
  /// How far left of a column's start a cell's text may begin (text is often set a little inside or
  /// outside the header's edge).
  var tolerance: Double
  /// Where the cells' text of each column was seen to begin, which can differ from the header's edge by
  /// more than the tolerance allows a cut to be off.
  private var textStarts: [Double?]

  init(starts: [Double], tolerance: Double) {
    self.starts = starts
    self.tolerance = tolerance
    textStarts = Array(repeating: nil, count: starts.count)
  }

  /// Notes where a segment that begins a column begins.
  mutating func observe(_ segment: TextSegment) {
    let column = column(at: segment.left)
    guard abs(segment.left - starts[column]) <= tolerance else { return }
    textStarts[column] = min(textStarts[column] ?? segment.left, segment.left)
  }

  /// The column a segment starting at `left` belongs to.
  func column(at left: Double) -> Int {
    var index = 0
    for (candidate, start) in starts.enumerated()
    where left >= min(start, textStarts[candidate] ?? start) - tolerance {
      index = candidate
    }
    return index
  }

  /// The segment cut at each column boundary it crosses, when the cut falls on a word break that
  /// lands where the next column's text begins; nil when it cannot be cut cleanly (a line spanning the
  /// table is not a row).
  func split(_ segment: TextSegment) -> [(column: Int, segment: TextSegment)]? {
    let first = column(at: segment.left)
    var column = first
    var parts: [(column: Int, segment: TextSegment)] = []
    var rest = segment
    for boundary in (first + 1)..<starts.count where rest.right > starts[boundary] + tolerance {
      guard let (head, tail) = cut(rest, at: textStarts[boundary] ?? starts[boundary]) else { return nil }
      parts.append((column, head))
      rest = tail
      column = boundary
    }
    parts.append((column, rest))
    return parts
  }

  /// Cuts a segment where the column beginning at `x` begins: between two runs when a run starts there
  /// (the usual case: poppler starts a run where the text jumps), else inside the run that crosses `x`,
  /// at the word break nearest to it, estimating character positions by spreading the run's characters
  /// evenly over its width.
  private func cut(_ segment: TextSegment, at x: Double) -> (TextSegment, TextSegment)? {
    if let index = segment.runs.indices.dropFirst().min(by: {
      abs(segment.runs[$0].left - x) < abs(segment.runs[$1].left - x)
    }), abs(segment.runs[index].left - x) <= tolerance, segment.runs[index - 1].right <= x + tolerance {
      return segment.cut(atRun: index)
    }
    guard
      let index = segment.runs.firstIndex(where: { $0.left < x - tolerance && $0.right > x + tolerance })
    else { return nil }
    let run = segment.runs[index]
    let characters = Array(run.piece.text)
    guard characters.count > 1, run.right > run.left else { return nil }
    let width = (run.right - run.left) / Double(characters.count)
    let estimate = Int(((x - run.left) / width).rounded())
    var best: Int?
    search: for offset in 0...4 {
      for candidate in [estimate - offset, estimate + offset]
      where candidate > 0 && candidate < characters.count && characters[candidate - 1].isWhitespace
        && !characters[candidate].isWhitespace
      {
        best = candidate
        break search
      }
    }
    guard let split = best else { return nil }
    let tailLeft = run.left + Double(split) * width
    // The text after the cut must begin near the column's edge, or the cut is a guess.
    guard abs(tailLeft - x) <= max(2 * tolerance, 2.5 * width) else { return nil }
    var head = run
    var tail = run
    head.piece.text = String(characters[..<split])
    head.right = tailLeft
    tail.piece.text = String(characters[split...])
    tail.left = tailLeft
    var pieces = segment
    pieces.runs[index] = head
    pieces.runs.insert(tail, at: index + 1)
    return pieces.cut(atRun: index + 1)
  }
}
