import CSVInput
import ScanModel

/// Reads coded statements from a CSV in the MIT export's shape: the five-column public export
/// (`Action ID, Action Name, Action Definition, Action Source, MitigationCode`) or the four-column
/// development file (`Mitigation_ID, Action Name, Action Definition, MitigationCode`).
public struct CodedExampleReader {
  public let taxonomy: TaxonomyFacet

  public init(taxonomy: TaxonomyFacet) {
    self.taxonomy = taxonomy
  }

  public func read(path: String) throws -> [CodedExample] {
    try examples(
      from: try CSVTable.read(path: path), name: path.split(separator: "/").last.map(String.init) ?? path)
  }

  public func parse(_ text: String, file: String) throws -> [CodedExample] {
    try examples(from: try CSVTable.parse(text, file: file), name: file)
  }

  private func examples(from table: CSVTable, name: String) throws -> [CodedExample] {
    let idColumn = try table.requiredColumn("Action ID", "Mitigation_ID", "ID")
    let nameColumn = table.column("Action Name")
    let textColumn = try table.requiredColumn("Action Definition")
    let codeColumn = try table.requiredColumn("MitigationCode")
    let known = Set(taxonomy.leafCodes.map(\.code))
    var examples: [CodedExample] = []
    var seen: [String: Int] = [:]
    for row in table.rows {
      let id = row[idColumn]
      let text = row[textColumn]
      let rawCode = row[codeColumn]
      guard !id.isEmpty else {
        throw InputError(
          file: table.file, line: row.line, "the record has no id in `\(table.header[idColumn])`")
      }
      if let first = seen[id] {
        throw InputError(file: table.file, line: row.line, "the id `\(id)` was already used on line \(first)")
      }
      seen[id] = row.line
      guard !text.isEmpty else {
        throw InputError(
          file: table.file, line: row.line, "the record `\(id)` has an empty Action Definition")
      }
      let code = rawCode.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
      guard known.contains(code) else {
        throw InputError(
          file: table.file, line: row.line,
          "unknown MitigationCode `\(rawCode)` for `\(id)`; codes look like \"3.1 Testing & Auditing\" or \"X.X\""
        )
      }
      examples.append(
        CodedExample(
          id: id, name: nameColumn.map { row[$0] } ?? "", text: text, code: code,
          origin: "\(name):\(row.line)"))
    }
    guard !examples.isEmpty else {
      throw InputError(file: table.file, "the file has a header but no records; add coded statements")
    }
    return examples
  }
}
