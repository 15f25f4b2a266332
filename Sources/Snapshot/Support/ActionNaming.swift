import ScanModel

/// The MIT export's public names for a statement: its action id and its action name. The one place an
/// action id is written; `ActionNumbering` assigns the numbers it is written from.
package enum ActionNaming {
  /// `A0001_Schuett2023`: the number padded to four digits, then the framework's source key.
  package static func actionID(number: Int, sourceName: String) -> String {
    "A\(String(number).leftPadded(to: 4))_\(sourceName)"
  }

  /// The statement's title, else its label, else the opening clause of its text.
  package static func actionName(of statement: Statement) -> String {
    if let title = statement.title?.trimmed, !title.isEmpty { return title }
    if let label = statement.label?.trimmed, !label.isEmpty { return label }
    return firstClause(of: statement.text)
  }

  /// The text up to the first sentence or clause break, kept short enough to read as a name.
  static func firstClause(of text: String, limit: Int = 120) -> String {
    let characters = Array(text.trimmed)
    var end = characters.count
    for index in characters.indices where ".;:".contains(characters[index]) {
      let next = index + 1
      if next == characters.count || characters[next] == " " || characters[next] == "\n" {
        end = index
        break
      }
    }
    var clause = String(characters[..<end]).trimmed
    if clause.count > limit {
      let cut = clause.prefix(limit)
      let wordEnd = cut.lastIndex(of: " ") ?? cut.endIndex
      clause = String(cut[..<wordEnd]).trimmed + "…"
    }
    return clause
  }
}
