import Deduplication
import ScanModel

/// Review-band pairs side by side for `evscan review`: both texts in two columns, the score and its parts,
/// the concepts the two share and the reason the pair did not merge.
enum ReviewReport {
  /// One pair. `width` is the whole line; each text gets half, wrapped at word boundaries.
  static func render(
    _ edge: SimilarityEdge, left: DeduplicationInput, right: DeduplicationInput, width: Int = 120
  ) -> String {
    let column = max(20, (width - 3) / 2)
    var lines: [String] = []
    lines.append(
      "\(edge.a) ~ \(edge.b)  score \(ScoreFormat.format(edge.score)) \(ClusterReport.components(edge))  "
        + edge.verdict.rawValue)
    let leftHeading = [left.id, left.framework].compactMap { $0 }.joined(separator: " · ")
    let rightHeading = [right.id, right.framework].compactMap { $0 }.joined(separator: " · ")
    let leftLines =
      [leftHeading, String(repeating: "-", count: min(column, leftHeading.count))] + wrap(left.text, column)
    let rightLines =
      [rightHeading, String(repeating: "-", count: min(column, rightHeading.count))]
      + wrap(right.text, column)
    for row in 0..<max(leftLines.count, rightLines.count) {
      let first = row < leftLines.count ? leftLines[row] : ""
      let second = row < rightLines.count ? rightLines[row] : ""
      let padded = first + String(repeating: " ", count: max(0, column - first.count))
      lines.append((padded + " | " + second).trimmingTrailingSpaces())
    }
    let shared = Set(left.concepts).intersection(right.concepts).sorted()
    lines.append("shared concepts: \(shared.isEmpty ? "none" : shared.joined(separator: ", "))")
    lines.append("why: \(edge.reason)")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every review-band edge of a result, highest score first (ties by ids), separated by blank lines.
  static func render(
    _ result: DeduplicationResult, statements: [DeduplicationInput], width: Int = 120
  ) -> String {
    var byID: [String: DeduplicationInput] = [:]
    for statement in statements { byID[statement.id] = statement }
    let pairs = result.edges.filter { $0.verdict == .review }
      .sorted { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }
    guard !pairs.isEmpty else { return "No pairs in the review band.\n" }
    return pairs.map { edge in
      render(
        edge, left: byID[edge.a] ?? DeduplicationInput(id: edge.a, text: "(statement not found)"),
        right: byID[edge.b] ?? DeduplicationInput(id: edge.b, text: "(statement not found)"), width: width)
    }.joined(separator: "\n")
  }

  /// Greedy word wrap; a word longer than the column is cut into pieces.
  static func wrap(_ text: String, _ width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(whereSeparator: \.isWhitespace) {
      var piece = String(word)
      while piece.count > width {
        if !current.isEmpty {
          lines.append(current)
          current = ""
        }
        lines.append(String(piece.prefix(width)))
        piece = String(piece.dropFirst(width))
      }
      if current.isEmpty {
        current = piece
      } else if current.count + 1 + piece.count <= width {
        current += " " + piece
      } else {
        lines.append(current)
        current = piece
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
