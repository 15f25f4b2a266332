import Deduplication
import Foundation

/// Draws the review screen as text: a header with the queues and counts, the status line, the item (both
/// texts side by side with their frameworks and section paths, the scores and the reason; or the statement
/// with its candidate codes and their definitions) and the keys.
public enum ReviewScreen {
  public static func render(_ session: ReviewSession, width: Int, height: Int) -> [String] {
    let width = max(40, width)
    var lines: [String] = []
    let queue = session.queue
    lines.append(
      clip(
        "evscan review · \(session.current.rawValue) queue · merges \(queue.merges.count) left · codes "
          + "\(queue.codes.count) left · \(session.decisions) decisions · refits \(session.retrains)", width))
    lines.append(clip("status: \(session.status)", width))
    lines.append(String(repeating: "─", count: width))
    switch session.item {
    case .pair(let pair)?:
      lines.append(contentsOf: pairLines(pair, width: width))
    case .code(let code)?:
      lines.append(contentsOf: codeLines(code, width: width))
    case nil:
      lines.append("This queue is empty. Press t for the other queue or q to quit.")
    }
    let footer =
      [String(repeating: "─", count: width), clip(session.keyHelp, width)]
      + (session.prompt.map { [clip($0, width)] } ?? [])
    let room = max(4, height - footer.count)
    if lines.count > room { lines = Array(lines.prefix(room)) }
    return lines + footer
  }

  /// The scores, both texts side by side, and the reason.
  private static func pairLines(_ pair: ReviewItem.PairItem, width: Int) -> [String] {
    var lines = [
      clip(
        "p(duplicate) \(PairFeaturesFormat.two(pair.probability)) · score \(PairFeaturesFormat.two(pair.score))"
          + " · machine: \(pair.verdict.rawValue) · "
          + pair.components.sorted { $0.key < $1.key }.filter { $0.key != "probability" }
          .map { "\($0.key) \(PairFeaturesFormat.two($0.value))" }.joined(separator: " "), width)
    ]
    let column = (width - 3) / 2
    let left = side(pair.left, column)
    let right = side(pair.right, column)
    for row in 0..<max(left.count, right.count) {
      let first = row < left.count ? left[row] : ""
      let second = row < right.count ? right[row] : ""
      lines.append(pad(first, column) + " │ " + second)
    }
    lines.append(contentsOf: wrap("why: \(pair.reason)", width))
    return lines
  }

  /// The statement with where it comes from, the machine's code and the candidate codes.
  private static func codeLines(_ code: ReviewItem.CodeItem, width: Int) -> [String] {
    var lines = [
      clip(
        "\(code.statement.id) · \(code.statement.framework) · \(code.statement.sectionPath.joined(separator: " › "))",
        width)
    ]
    lines.append(contentsOf: wrap(code.statement.text, width))
    lines.append(
      clip(
        "machine: \(code.machineCode) (\(code.method), score \(PairFeaturesFormat.two(code.score)))", width))
    for (index, candidate) in code.candidates.enumerated() {
      lines.append(
        contentsOf: wrap("\(index + 1)) \(candidate.code) \(candidate.name): \(candidate.definition)", width))
    }
    for reason in code.reasons.prefix(3) { lines.append(clip("  · \(reason)", width)) }
    return lines
  }

  private static func side(_ side: ReviewItem.Side, _ width: Int) -> [String] {
    [clip("\(side.id) · \(side.framework)", width)]
      + wrap(side.sectionPath.isEmpty ? "(no section)" : side.sectionPath.joined(separator: " › "), width)
      + [String(repeating: "-", count: min(width, 20))] + wrap(side.text, width)
  }

  static func wrap(_ text: String, _ width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(whereSeparator: \.isWhitespace) {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += line.isEmpty ? String(word.prefix(width)) : " " + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  static func clip(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(width - 1)) + "…"
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}

/// Two decimals for the screen.
enum PairFeaturesFormat {
  static func two(_ value: Double) -> String {
    String(format: "%.2f", value)
  }
}
