/// Groups a page's runs into lines (runs that share a baseline) and each line into segments (runs
/// without a column gap between them). Runs of one line are often split mid-word where the font
/// changes ("or dis" + "semination"), so runs are joined by position before their texts are.
struct LineAssembler {
  /// A line: its segments from left to right, and what every later step asks of it, worked out once.
  struct Line: Sendable {
    let segments: [TextSegment]
    let top: Double
    let bottom: Double
    let left: Double
    let right: Double
    /// The size most of the line's characters have.
    let fontSize: Double
    /// The segments' texts, trimmed and joined by a space.
    let text: String

    init(segments: [TextSegment]) {
      self.segments = segments
      top = segments.map(\.top).min() ?? 0
      bottom = segments.map(\.bottom).max() ?? 0
      left = segments.first?.left ?? 0
      right = segments.last?.right ?? 0
      var sizes = Tally()
      for segment in segments { sizes.add(segment.fontSize, weight: segment.text.count) }
      fontSize = sizes.mostCommon ?? 0
      text = segments.map(\.trimmedText).joined(separator: " ")
    }

    /// The line's pieces, its segments joined by a space.
    var pieces: [TextSegment.Piece] {
      var result: [TextSegment.Piece] = []
      for (index, segment) in segments.enumerated() {
        if index > 0 { result.append(TextSegment.Piece(text: " ", style: .plain)) }
        result += segment.pieces
      }
      return result
    }
  }

  /// The most common font size on the page's text, by characters: the body text's size.
  let bodySize: Double

  func lines(of runs: [TextRun]) -> [Line] {
    let ordered = runs.sorted { ($0.top, $0.left) < ($1.top, $1.left) }
    var groups: [[TextRun]] = []
    var markers: [TextRun] = []
    for run in ordered {
      if isMarkerCandidate(run) {
        markers.append(run)
        continue
      }
      if let index = groups.lastIndex(where: { sharesBaseline(run, $0) }) {
        groups[index].append(run)
      } else {
        groups.append([run])
      }
    }
    for marker in markers {
      if let index = groups.firstIndex(where: { holdsMarker(marker, $0) }) {
        groups[index].append(marker)
      } else {
        groups.append([marker])
      }
    }
    return
      groups
      .map { Line(segments: segments(of: $0.sorted { $0.left < $1.left })) }
      .sorted { ($0.top, $0.left) < ($1.top, $1.left) }
  }

  /// Runs on one line start within a fraction of their height of each other.
  private func sharesBaseline(_ run: TextRun, _ group: [TextRun]) -> Bool {
    guard let first = group.first else { return false }
    let tolerance = max(2, 0.3 * max(run.height, first.height))
    return abs(run.top - first.top) <= tolerance
  }

  /// Small text, such as a superscript footnote number.
  private func isMarkerCandidate(_ run: TextRun) -> Bool {
    // The size first: most runs are body text, and trimming each run's text costs more than the rest.
    guard run.fontSize < 0.8 * bodySize, run.text.utf8.count <= 16 else { return false }
    let text = run.text.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty, text.count <= 4 else { return false }
    return text.allSatisfy { $0.isNumber || $0 == "," || $0 == "*" || $0 == "†" || $0 == "‡" }
  }

  /// A marker belongs to a line it is raised against and touches horizontally.
  private func holdsMarker(_ marker: TextRun, _ group: [TextRun]) -> Bool {
    group.contains { run in
      let raised = marker.top >= run.top - 0.6 * run.height && marker.top <= run.top + 0.4 * run.height
      let touching =
        marker.left <= run.right + 0.6 * run.fontSize && marker.right >= run.left - 0.6 * run.fontSize
      return raised && touching && run.fontSize > marker.fontSize
    }
  }

  /// Splits a line's runs where the gap is wider than a column gap.
  private func segments(of runs: [TextRun]) -> [TextSegment] {
    var segments: [TextSegment] = []
    var current: [TextRun] = []
    for run in runs {
      if let previous = current.last {
        let gap = run.left - previous.right
        let size = max(previous.fontSize, run.fontSize, 1)
        let bulletOnly = current.count == 1 && Self.isBullet(previous.text)
        if gap > 1.0 * size && !bulletOnly {
          segments.append(segment(of: current))
          current = []
        }
      }
      current.append(run)
    }
    if !current.isEmpty { segments.append(segment(of: current)) }
    return segments
  }

  private func segment(of runs: [TextRun]) -> TextSegment {
    var placed: [TextSegment.PlacedRun] = []
    var sizes = Tally()
    let lineTop = runs.filter { !isMarkerCandidate($0) }.map(\.top).min() ?? runs[0].top
    for run in runs {
      let isMarker = isMarkerCandidate(run) && run.top < lineTop + 0.1 * run.height && runs.count > 1
      var text = TextCleaner.clean(run.text)
      if let previous = placed.last, let last = previous.piece.text.last, let first = text.first,
        !last.isWhitespace, !first.isWhitespace
      {
        // Runs carry their own spaces; a gap wider than a thin space without one is a word break.
        if run.left - previous.right > 0.2 * run.fontSize { text = " " + text }
      }
      let style: TextSegment.Style =
        isMarker ? .marker : run.isBold ? .bold : run.isItalic ? .italic : .plain
      placed.append(
        TextSegment.PlacedRun(
          piece: TextSegment.Piece(text: text, style: style), left: run.left, right: run.right))
      if !isMarker { sizes.add(run.fontSize, weight: run.text.count) }
    }
    let fontSize = sizes.mostCommon ?? runs.map(\.fontSize).max() ?? bodySize
    return TextSegment(
      runs: placed, top: runs.map(\.top).min() ?? 0, bottom: runs.map(\.bottom).max() ?? 0, fontSize: fontSize
    )
  }

  /// Bullet glyphs that never start a sentence's line otherwise.
  static func isUnambiguousBullet(_ character: Character) -> Bool {
    "•●▪◦■□‣⁃·".contains(character)
  }

  static func isBullet(_ text: String) -> Bool {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    return trimmed.count == 1 && "•●▪◦■□‣⁃–-*·o".contains(trimmed)
  }
}
