import ScanModel
import Yams

/// Reads YAML into Codable values the way a careful user expects: syntax errors and type errors point at
/// a line and column, and a key the type does not know is an error rather than silently ignored.
public struct StrictYAMLDecoder {
  /// Said after an unknown key, e.g. "see docs/framework-manifest.md for the keys a manifest takes".
  public var documentationHint: String?

  public init(documentationHint: String? = nil) {
    self.documentationHint = documentationHint
  }

  public func decode<T: Codable>(_ type: T.Type, from text: String, file: String) throws -> T {
    let root = try compose(text, file: file)
    let value: T
    do {
      value = try YAMLDecoder().decode(T.self, from: root)
    } catch let error as DecodingError {
      throw describe(error, root: root, file: file)
    }
    try rejectUnknownKeys(original: root, decoded: value, file: file)
    return value
  }

  /// Parses YAML into a node tree, with syntax errors located.
  public func compose(_ text: String, file: String) throws -> Node {
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw InputError(file: file, "the file is empty; it should hold a YAML mapping")
      }
      return node
    } catch let error as YamlError {
      throw Self.locate(error, file: file)
    }
  }

  static func locate(_ error: YamlError, file: String) -> InputError {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
      return InputError(file: file, line: mark.line, column: mark.column, "YAML syntax error: \(detail)")
    case .reader(let problem, _, _, _):
      return InputError(file: file, "cannot read the file as UTF-8 YAML: \(problem)")
    default:
      return InputError(file: file, "cannot read the file as YAML: \(error)")
    }
  }

  private func describe(_ error: DecodingError, root: Node, file: String) -> InputError {
    func located(_ path: [any CodingKey], _ message: String) -> InputError {
      let keyPath = Self.keyPath(path)
      let mark = Self.node(at: path, in: root)?.mark ?? root.mark
      return InputError(
        file: file, line: mark?.line, column: mark?.column, element: keyPath.isEmpty ? nil : keyPath, message)
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = Self.keyPath(context.codingPath)
      let owner = parent.isEmpty ? "the file" : "`\(parent)`"
      return located(context.codingPath, "\(owner) is missing the required key `\(key.stringValue)`")
    case .typeMismatch(let expected, let context):
      return located(context.codingPath, "expected \(Self.describe(expected)) here")
    case .valueNotFound(let expected, let context):
      return located(context.codingPath, "expected \(Self.describe(expected)), found nothing")
    case .dataCorrupted(let context):
      return located(context.codingPath, "invalid value: \(context.debugDescription)")
    @unknown default:
      return InputError(file: file, "\(error)")
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Int.Type: "a whole number"
    case is Double.Type: "a number"
    case is Bool.Type: "true or false"
    default:
      String(describing: type).hasPrefix("Array") ? "a list" : "a mapping or value of type \(type)"
    }
  }

  private static func keyPath(_ path: [any CodingKey]) -> String {
    path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
      .reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
  }

  private static func node(at path: [any CodingKey], in root: Node) -> Node? {
    var current = root
    for key in path {
      if let index = key.intValue, let sequence = current.sequence, index < sequence.count {
        current = sequence[index]
      } else if let mapping = current.mapping, let next = mapping[key.stringValue] {
        current = next
      } else {
        return current
      }
    }
    return current
  }

  /// A key is known when it survives a round trip through the type: decoding drops what the type
  /// does not declare, so re-encoding and comparing finds exactly the unknown keys.
  private func rejectUnknownKeys<T: Codable>(original: Node, decoded: T, file: String) throws {
    let encoded = try Yams.compose(yaml: YAMLEncoder().encode(decoded)) ?? Node.mapping([:])
    try compare(original, encoded, path: "", file: file)
  }

  private func compare(_ original: Node, _ known: Node, path: String, file: String) throws {
    switch (original, known) {
    case (.mapping(let mapping), .mapping(let knownMapping)):
      for (key, value) in mapping {
        let name = key.string ?? "\(key)"
        let childPath = path.isEmpty ? name : "\(path).\(name)"
        if value.null != nil { continue }
        guard let knownValue = knownMapping[name] else {
          let owner = path.isEmpty ? "at the top level" : "in `\(path)`"
          let hint = documentationHint.map { "; \($0)" } ?? ""
          throw InputError(
            file: file, line: key.mark?.line, column: key.mark?.column, element: childPath,
            "unknown key `\(name)` \(owner)\(hint)")
        }
        try compare(value, knownValue, path: childPath, file: file)
      }
    case (.sequence(let sequence), .sequence(let knownSequence)):
      for (index, element) in sequence.enumerated() where index < knownSequence.count {
        try compare(element, knownSequence[index], path: "\(path)[\(index)]", file: file)
      }
    default:
      break
    }
  }
}
