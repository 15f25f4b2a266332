/// Finds the line of a block-style key path such as `thresholds.merge`, so that a validation error can
/// point at the line as well as name the key. Flow-style mappings are not followed; the key path alone
/// then locates the problem.
enum YAMLKeyLocator {
  static func line(of keyPath: String, in text: String) -> Int? {
    let wanted = keyPath.split(separator: ".").map(String.init)
    var stack: [(indent: Int, key: String)] = []
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
      let indent = line.prefix { $0 == " " }.count
      let rest = line.dropFirst(indent)
      guard let first = rest.first, first != "#", first != "-" else { continue }
      guard let colon = rest.firstIndex(of: ":") else { continue }
      var key = rest[..<colon].trimmingSpaces()
      if key.count >= 2, let quote = key.first, quote == "\"" || quote == "'", key.last == quote {
        key = String(key.dropFirst().dropLast())
      }
      while let last = stack.last, last.indent >= indent {
        stack.removeLast()
      }
      stack.append((indent, key))
      if stack.map(\.key) == wanted {
        return lineNumber
      }
    }
    return nil
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    var view = self[...]
    while view.first == " " || view.first == "\t" { view = view.dropFirst() }
    while view.last == " " || view.last == "\t" { view = view.dropLast() }
    return String(view)
  }
}
