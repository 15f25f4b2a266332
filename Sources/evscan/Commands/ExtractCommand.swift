import ArgumentParser
import Extraction
import Foundation
import ScanModel

struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Run one framework's recipe and print the statements it finds.",
    discussion: """
      Prints one JSON object per line (id, framework, label, title, sectionPath, text, locator, line, \
      rule, fields) or a table. Dropped units and warnings go to standard error.
      """)

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl
    case table
  }

  @Argument(help: "The framework's folder (holding framework.yaml).", completion: .directory)
  var directory: String

  @Option(
    help: "Run the recipe on this document instead of the manifest's (no SHA-256 check).", completion: .file()
  )
  var source: String?

  @Option(help: "jsonl or table.")
  var format: OutputFormat = .jsonl

  @Flag(
    help: """
      Print the document the recipe runs on instead of statements: for a PDF, the XML rebuilt from its \
      layout (headings, paragraphs, lists, tables, each with its page and position).
      """)
  var layout = false

  @Flag(help: "Read the stand-in even when the original is in the folder.")
  var standIn = false

  func run() throws {
    let folder = try FrameworkFolder(
      directory: URL(fileURLWithPath: directory), choice: standIn ? .standIn : .originalWhenPresent)
    var input: (bytes: [UInt8], path: String)?
    if let source {
      input = (try DocumentFile.read(source, file: source, element: "--source"), source)
    }
    if layout {
      let bytes = input?.bytes ?? folder.documentBytes
      let path = input?.path ?? folder.documentPath
      Console.print(try folder.layout(of: bytes, file: path))
      return
    }
    let result = try folder.extract(source: input)
    switch format {
    case .jsonl:
      for statement in result.statements {
        Console.print(try Console.json(statement, pretty: false))
      }
    case .table:
      var table = TextTable(headers: ["id", "label", "section", "line", "text"])
      for statement in result.statements {
        table.append([
          statement.id, statement.label ?? "", statement.sectionPath.last ?? "", "\(statement.line)",
          statement.text,
        ])
      }
      Console.print(table.render())
    }
    for unit in result.dropped {
      Console.error(
        "\(result.framework): dropped (\(unit.reason.rawValue)) line \(unit.line): \(unit.detail)")
    }
    for warning in result.warnings {
      Console.error(warning.description)
    }
    let read =
      source.map { "\($0) (--source)" } ?? "\(folder.document.file) (\(folder.document.origin.rawValue))"
    Console.error(
      "\(result.framework): read \(read); \(result.unitsMatched) units matched, \(result.statements.count) statements, "
        + "\(result.dropped.count) dropped, \(result.warnings.count) warnings")
  }
}
