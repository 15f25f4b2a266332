/// A strict RFC 4180 reader for checking what the writers produce: quoted fields, doubled quotes, line
/// breaks inside quotes. Deliberately separate from CSV.swift, which writes the files.
enum RFC4180 {
  struct Malformed: Error {}

  static func parse(_ text: String, delimiter: Character = ",") throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var atFieldStart = true
    var characters = Array(text.unicodeScalars.map(Character.init))[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"" where atFieldStart:
        quoted = true
        atFieldStart = false
      case "\"":
        throw Malformed()
      case delimiter:
        row.append(field)
        field = ""
        atFieldStart = true
      case "\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
        atFieldStart = true
      default:
        field.append(character)
        atFieldStart = false
      }
    }
    if quoted { throw Malformed() }
    if !row.isEmpty || !field.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}
