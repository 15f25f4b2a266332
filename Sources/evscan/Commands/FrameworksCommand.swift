import ArgumentParser
import Extraction
import Foundation

struct FrameworksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "frameworks",
    abstract: "List the frameworks with their source keys, presets and what their recipes extract.")

  @OptionGroup var frameworks: FrameworksOptions
  @OptionGroup var json: JSONOption

  func run() throws {
    let rows = try FrameworkSurvey.survey(root: URL(fileURLWithPath: frameworks.directory))
    if json.enabled {
      Console.print(try Console.json(rows))
    } else {
      var table = TextTable(headers: [
        "slug", "source key", "preset", "document", "origin", "original", "statements", "warnings",
      ])
      for row in rows {
        table.append([
          row.slug, row.sourceKey ?? "-", row.preset ?? "-", row.document ?? "-", row.origin ?? "-",
          row.original ?? "-", row.error == nil ? "\(row.statements)" : "error", "\(row.warnings)",
        ])
      }
      Console.print(table.render())
      let total = rows.reduce(0) { $0 + $1.statements }
      let standIns = rows.filter { $0.origin == "stand-in" }.count
      Console.print(
        "\(rows.count) frameworks, \(total) statements; \(standIns) read from stand-ins "
          + "(`evscan fetch` gets the originals)")
      for row in rows {
        if let error = row.error { Console.error(error) }
      }
    }
    if rows.contains(where: { $0.error != nil }) { throw ExitCode.failure }
  }
}
