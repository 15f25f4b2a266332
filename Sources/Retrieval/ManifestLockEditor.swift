import Foundation
import ScanModel
import StrictYAML
import Yams

/// Records a new lock in a framework.yaml by editing the one line of `original.sha256` (or adding it after
/// `original.format`), so that every other line, comments included, stays as the person wrote it. Re-encoding
/// the manifest through a YAML library would drop the comments that explain the recipes.
enum ManifestLockEditor {
  /// The manifest's text with `original.sha256` set to `lock`. Throws when the `original` block is not a
  /// block mapping the editor can safely change by lines.
  static func setting(_ lock: String, in text: String, file: String) throws -> String {
    let root = try StrictYAMLDecoder().compose(text, file: file)
    guard let top = root.mapping,
      let (originalKey, originalValue) = top.first(where: { $0.key.string == "original" })
    else {
      throw InputError(file: file, element: "original", "the manifest has no `original` block to lock")
    }
    guard let original = originalValue.mapping, original.style != .flow else {
      throw InputError(
        file: file, line: originalKey.mark?.line, element: "original",
        "`original` is written on one line ({...}); write it as an indented block so that "
          + "`evscan fetch --update` can record the lock on a line of its own")
    }
    var lines = text.components(separatedBy: "\n")
    if let key = original.keys.first(where: { $0.string == "sha256" }) {
      let index = try lineIndex(of: key, named: "sha256", in: lines, file: file)
      lines[index] = indentation(of: lines[index]) + "sha256: \(lock)"
    } else if let key = original.keys.first(where: { $0.string == "format" }) {
      let index = try lineIndex(of: key, named: "format", in: lines, file: file)
      lines.insert(indentation(of: lines[index]) + "sha256: \(lock)", at: index + 1)
    } else {
      throw InputError(file: file, element: "original.format", "`original` has no `format`; add it first")
    }
    return lines.joined(separator: "\n")
  }

  /// The 0-based line of a key node, checked against the text: a key always starts its own line in a
  /// block mapping, so anything else means the editor would change the wrong line and must stop.
  private static func lineIndex(of key: Node, named name: String, in lines: [String], file: String) throws
    -> Int
  {
    guard let line = key.mark?.line, line >= 1, line <= lines.count,
      lines[line - 1].trimmingCharacters(in: .whitespaces).hasPrefix("\(name):")
    else {
      throw InputError(
        file: file, element: "original.\(name)",
        "cannot find the line of `original.\(name)` to edit; set `original.sha256` by hand")
    }
    return line - 1
  }

  private static func indentation(of line: String) -> String {
    String(line.prefix { $0 == " " })
  }
}
