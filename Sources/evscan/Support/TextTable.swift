/// Left-aligned columns for terminal output; long cells are cut with an ellipsis.
struct TextTable {
  var headers: [String]
  var rows: [[String]] = []
  var maximumWidth = 60

  mutating func append(_ row: [String]) {
    rows.append(row)
  }

  func render() -> String {
    let cells = ([headers] + rows).map { row in
      row.map { $0.count > maximumWidth ? String($0.prefix(maximumWidth - 1)) + "…" : $0 }
    }
    var widths = Array(repeating: 0, count: headers.count)
    for row in cells {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    return cells.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }.joined(separator: "\n")
  }
}
