import CSVInput
import Extraction
import Foundation
import Normalization
import ScanModel

/// Joins coded rows to the statements of real documents that they quote, so that training and
/// evaluation can read where each statement sits (its section path, label and fields). The join is data:
/// a CSV naming each row id, the framework, the statement id, the document's SHA-256 and the statement's
/// locator, and how the match was made. The documents' text is never in it: the context is extracted
/// afresh from each framework's original (`evscan fetch` puts it in the framework's folder).
public struct ContextJoin: Sendable {
  struct Entry: Sendable, Hashable {
    var rowID: String
    var framework: String
    var statementID: String
    var documentSHA256: String
    var locator: String
    var match: String
    var line: Int
  }

  let file: String
  let entries: [Entry]

  public static func read(path: String) throws -> ContextJoin {
    let table = try CSVTable.read(path: path)
    let row = try table.requiredColumn("row_id")
    let framework = try table.requiredColumn("framework")
    let statement = try table.requiredColumn("statement_id")
    let sha = try table.requiredColumn("document_sha256")
    let locator = try table.requiredColumn("locator")
    let match = try table.requiredColumn("match")
    var seen: [String: Int] = [:]
    var entries: [Entry] = []
    for record in table.rows {
      if let first = seen[record[row]] {
        throw InputError(
          file: path, line: record.line, "row `\(record[row])` is already joined on line \(first); keep one")
      }
      seen[record[row]] = record.line
      entries.append(
        Entry(
          rowID: record[row], framework: record[framework], statementID: record[statement],
          documentSHA256: record[sha], locator: record[locator], match: record[match], line: record.line))
    }
    return ContextJoin(file: path, entries: entries)
  }

  /// The examples with the context of the statements they are joined to. Each framework named is
  /// extracted from `frameworks/<slug>` and must have been read from the document the join names.
  public func attach(to examples: [CodedExample], frameworks: URL) throws -> [CodedExample] {
    var contexts: [String: StatementContext] = [:]
    for slug in Set(entries.map(\.framework)).sorted() {
      let folder = try FrameworkFolder(directory: frameworks.appendingPathComponent(slug))
      let result = try folder.extract()
      let wanted = Set(entries.filter { $0.framework == slug }.map(\.documentSHA256))
      guard wanted == [result.documentSHA256] else {
        throw InputError(
          file: file,
          "the join names \(slug)'s document \(wanted.sorted().joined(separator: ", ")), but "
            + "\(folder.documentPath) has SHA-256 \(result.documentSHA256); put the original in place "
            + "with `evscan fetch --frameworks \(frameworks.path) --from DIR \(slug)`")
      }
      let byID = Dictionary(result.statements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      for entry in entries where entry.framework == slug {
        guard let statement = byID[entry.statementID], statement.locator == entry.locator else {
          throw InputError(
            file: file, line: entry.line,
            "\(slug) has no statement `\(entry.statementID)` at \(entry.locator); remake the join")
        }
        contexts[entry.rowID] = StatementContext(statement)
      }
    }
    let known = Set(examples.map(\.id))
    if let missing = entries.first(where: { !known.contains($0.rowID) }) {
      throw InputError(
        file: file, line: missing.line, "row `\(missing.rowID)` is not among the coded examples")
    }
    return examples.map { example in
      var joined = example
      joined.context = contexts[example.id]
      return joined
    }
  }
}
