/// The labels open above the current paragraph of flat legal text, outermost first: after
/// "(a) ... (3) ... (A) ..." it holds (a), (3), (A). Each paragraph's labels are placed on it in turn.
///
/// Where a label goes, in the order drafting conventions decide it:
/// 1. A label that continues an open level (`(4)` after `(3)`) goes back to that level.
/// 2. A first label of a kind not open (`(A)`, `(i)`) starts a new level below the current one.
/// 3. When a label reads both ways (`(i)` after `(h)`, or the first roman numeral), the indentation decides
///    when the recipe gives one: the level it continues must have the paragraph's indentation, a new
///    level must be indented further than the deepest level. Without indentation, a paragraph right after a
///    lead-in (a text ending in a colon) starts a new level; any other continues.
/// 4. Otherwise a label of an open kind goes back to that level (a skipped or repeated number), and a
///    label of no open kind starts a new level.
/// The second and later labels of one paragraph ("(e) (1)") always start new levels below the first.
struct OutlineStack {
  struct Level: Equatable {
    let label: OutlineLabel
    let reading: OutlineLabel.Reading
    /// The indentation of the paragraph that opened or last continued the level; nil when unknown (a
    /// level opened by a later label of a paragraph, or a recipe without `indent`).
    let indent: Double?
  }

  private(set) var levels: [Level] = []

  /// The written labels of the open levels, outermost first: `["(a)", "(3)", "(A)"]`.
  var chain: [String] { levels.map(\.label.written) }

  mutating func reset() {
    levels = []
  }

  /// Places one paragraph's labels.
  /// - Parameters:
  ///   - indent: the paragraph's indentation, when the recipe reads one.
  ///   - afterLeadIn: whether the paragraph before ends in a colon.
  mutating func place(_ labels: [OutlineLabel], indent: Double?, afterLeadIn: Bool) {
    guard let first = labels.first else { return }
    placeFirst(first, indent: indent, afterLeadIn: afterLeadIn)
    for label in labels.dropFirst() {
      let reading = label.readings.first { startsNewLevel($0) } ?? label.readings[0]
      levels.append(Level(label: label, reading: reading, indent: nil))
    }
  }

  private mutating func placeFirst(_ label: OutlineLabel, indent: Double?, afterLeadIn: Bool) {
    var continuation = continuedLevel(by: label)
    var start = label.readings.first { startsNewLevel($0) }
    if continuation != nil && start != nil, let indent {
      let continuationFits = continuation.map { fits(indent, level: $0.index) } ?? false
      let startFits = indentedBelowAll(indent)
      if continuationFits != startFits {
        if continuationFits { start = nil } else { continuation = nil }
      }
    }
    if let continuation, let start {
      if afterLeadIn {
        push(label, start, indent: indent)
      } else {
        replace(at: continuation.index, label, continuation.reading, indent: indent)
      }
    } else if let continuation {
      replace(at: continuation.index, label, continuation.reading, indent: indent)
    } else if let start {
      push(label, start, indent: indent)
    } else if let open = openLevel(ofKindOf: label) {
      replace(at: open.index, label, open.reading, indent: indent)
    } else {
      push(label, label.readings[0], indent: indent)
    }
  }

  /// Closes the levels indented further than `indent` (whose indentation is known), for a paragraph
  /// without labels that the markup nests at that indentation.
  mutating func close(deeperThan indent: Double) {
    while let last = levels.last, let known = last.indent, known > indent + 0.001 {
      levels.removeLast()
    }
  }

  /// The deepest open level the label continues: same kind, the next ordinal.
  private func continuedLevel(by label: OutlineLabel) -> (index: Int, reading: OutlineLabel.Reading)? {
    for index in levels.indices.reversed() {
      let open = levels[index].reading
      if let reading = label.readings.first(where: { $0.kind == open.kind && $0.ordinal == open.ordinal + 1 })
      {
        return (index, reading)
      }
    }
    return nil
  }

  /// The deepest open level of one of the label's kinds, whatever its ordinal.
  private func openLevel(ofKindOf label: OutlineLabel) -> (index: Int, reading: OutlineLabel.Reading)? {
    for index in levels.indices.reversed() {
      if let reading = label.readings.first(where: { $0.kind == levels[index].reading.kind }) {
        return (index, reading)
      }
    }
    return nil
  }

  /// A first item (`a`, `1`, `A`, `i`, `I`) of a kind no open level has.
  private func startsNewLevel(_ reading: OutlineLabel.Reading) -> Bool {
    reading.kind != .other && reading.ordinal == 1 && !levels.contains { $0.reading.kind == reading.kind }
  }

  private func fits(_ indent: Double, level index: Int) -> Bool {
    guard let known = levels[index].indent else { return true }
    return abs(known - indent) < 0.001
  }

  private func indentedBelowAll(_ indent: Double) -> Bool {
    guard let deepest = levels.last(where: { $0.indent != nil })?.indent else { return true }
    return indent > deepest + 0.001
  }

  private mutating func push(_ label: OutlineLabel, _ reading: OutlineLabel.Reading, indent: Double?) {
    levels.append(Level(label: label, reading: reading, indent: indent))
  }

  private mutating func replace(
    at index: Int, _ label: OutlineLabel, _ reading: OutlineLabel.Reading, indent: Double?
  ) {
    levels.removeSubrange(index...)
    levels.append(Level(label: label, reading: reading, indent: indent))
  }
}
