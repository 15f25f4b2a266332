import CSVInput
import ContentHash
import Extraction
import Foundation
import ScanModel
import Screening

/// Gathers the screening model's examples from where they live, reading every text at training time:
/// the MIT coded statements (all mitigations), the shipped frameworks' statements (all written as
/// mitigations), and the project's own labels (models/screening-labels.csv), which name units of real
/// documents by the document's SHA-256 and the unit's locator, never by their text.
public struct ScreeningTrainingSet {
  public var examples: [ScreeningExample] = []
  public var sources: [ScreeningModel.Training.Source] = []

  public init() {}

  /// Every row of the MIT file as a positive: its action name and definition, as one statement.
  public mutating func addCodedStatements(path: String) throws {
    let table = try CSVTable.read(path: path)
    let id = try table.requiredColumn("Mitigation_ID")
    let name = try table.requiredColumn("Action Name")
    let definition = try table.requiredColumn("Action Definition")
    var added = 0
    for row in table.rows {
      let text = [row[name], row[definition]].filter { !$0.isEmpty }.joined(separator: ": ")
      guard !text.isEmpty else { continue }
      // The rows come from 13 frameworks (the file has no source column), so they are dealt into five parts
      // by row id rather than held out as one document: one block of 523 positives would make the fold that
      // holds it a test of the MIT file's style, not of screening.
      let part = (Int(row[id]) ?? 0) % 5 + 1
      examples.append(
        ScreeningExample(
          id: "M\(row[id])", group: "mit-coded-dev.csv (part \(part) of 5)", text: text, isMitigation: true))
      added += 1
    }
    let fileName = URL(fileURLWithPath: path).lastPathComponent
    sources.append(.init(name: fileName, sha256: try digest(path), positives: added, negatives: 0))
  }

  /// Every statement of the shipped frameworks (their stand-ins, which git holds) as a positive.
  public mutating func addShippedStatements(frameworks: URL) throws {
    var digests: [String] = []
    var added = 0
    for directory in try FrameworkFolder.list(in: frameworks) {
      let folder = try FrameworkFolder(directory: directory, choice: .standIn)
      let result = try folder.extract(displayPath: folder.documentPath)
      digests.append(folder.document.sha256)
      for statement in result.statements {
        examples.append(
          ScreeningExample(id: statement.id, group: folder.slug, text: statement.text, isMitigation: true))
        added += 1
      }
    }
    sources.append(
      .init(
        name: "frameworks (shipped statements)", sha256: SHA256Digest.hex(digests.joined(separator: "\n")),
        positives: added, negatives: 0))
  }

  /// The labels of models/screening-labels.csv, each resolved to its unit's text by extracting the framework
  /// folders under `documents` (one per labelled document, as `evscan add-framework` makes them) and finding
  /// the unit with that document SHA-256 and locator. A label that names no unit is an error, not a skip.
  public mutating func addLabels(path: String, documents: URL) throws {
    let units = try Self.units(under: documents)
    let table = try CSVTable.read(path: path)
    let sha = try table.requiredColumn("document_sha256")
    let locator = try table.requiredColumn("locator")
    let label = try table.requiredColumn("label")
    let coder = try table.requiredColumn("coder")
    let why = try table.requiredColumn("why")
    var counts: [String: (Int, Int)] = [:]
    var seen: [String: Int] = [:]
    for row in table.rows {
      let location = SourceLocation(file: table.file, line: row.line)
      let key = "\(row[sha]) \(row[locator])"
      guard let (statement, _) = units[key] else {
        throw InputError(
          location,
          "no unit of the documents under \(documents.path) has SHA-256 \(row[sha].prefix(12))… and locator "
            + "`\(row[locator])`; make a framework folder for the document (`evscan add-framework`) there")
      }
      guard row[label] == "mitigation" || row[label] == "not-mitigation" else {
        throw InputError(location, "the label `\(row[label])` is neither `mitigation` nor `not-mitigation`")
      }
      guard !row[coder].isEmpty, !row[why].isEmpty else {
        throw InputError(location, "a label needs a coder and a reason (`why`)")
      }
      if let first = seen[key] {
        throw InputError(location, "this unit is labelled on line \(first) already")
      }
      seen[key] = row.line
      let isMitigation = row[label] == "mitigation"
      let group = "document \(row[sha].prefix(12))"
      examples.append(
        ScreeningExample(
          id: "\(row[sha].prefix(12)):\(row[locator])", group: group, text: statement.text,
          isMitigation: isMitigation))
      var count = counts[group] ?? (0, 0)
      if isMitigation { count.0 += 1 } else { count.1 += 1 }
      counts[group] = count
    }
    try addLabelSources(path: path, counts: counts, units: units)
  }

  /// Every unit of the framework folders under `documents`, by document SHA-256 and locator.
  private static func units(under documents: URL) throws -> [String: (Statement, String)] {
    var units: [String: (Statement, String)] = [:]
    for directory in try FrameworkFolder.list(in: documents) {
      let folder = try FrameworkFolder(directory: directory, choice: .standIn)
      let result = try folder.extract(displayPath: folder.documentPath)
      for statement in result.statements {
        units["\(statement.sourceSHA256) \(statement.locator)"] = (statement, folder.document.file)
      }
    }
    return units
  }

  /// The labels file as a source, then each labelled document, with their positives and negatives.
  private mutating func addLabelSources(
    path: String, counts: [String: (Int, Int)], units: [String: (Statement, String)]
  ) throws {
    let fileDigest = try digest(path)
    sources.append(
      .init(
        name: URL(fileURLWithPath: path).lastPathComponent, sha256: fileDigest,
        positives: counts.values.reduce(0) { $0 + $1.0 }, negatives: counts.values.reduce(0) { $0 + $1.1 }))
    for (group, count) in counts.sorted(by: { $0.key < $1.key }) {
      let sha256 = units.values.first { "document \($0.0.sourceSHA256.prefix(12))" == group }?.0.sourceSHA256
      sources.append(.init(name: group, sha256: sha256 ?? "", positives: count.0, negatives: count.1))
    }
  }

  private func digest(_ path: String) throws -> String {
    do {
      return try SHA256Digest.hex(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw InputError(file: path, "cannot be read: \(error.localizedDescription)")
    }
  }
}
