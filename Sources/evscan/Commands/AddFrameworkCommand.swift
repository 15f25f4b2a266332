import ArgumentParser
import Extraction
import Foundation
import ScanModel

struct AddFrameworkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-framework",
    abstract: "Create a framework folder from a document and try the preset's recipe on it.",
    discussion: """
      Writes frameworks/SLUG/framework.yaml (title and SHA-256 filled in from the document) and a copy \
      of the document, then prints what the recipe extracts so that you can adjust it and run \
      `evscan check-framework frameworks/SLUG`.
      """)

  @Argument(help: "The new framework's slug: lower case letters, digits and hyphens, e.g. acme-2026.")
  var slug: String

  @Option(help: "The framework's document (HTML, XML or PDF).", completion: .file())
  var document: String

  @Option(help: "The format preset (default: detected from the document).")
  var preset: String?

  @Option(help: "The MIT database's source key, e.g. \"Acme2026\".")
  var key: String?

  @OptionGroup var frameworks: FrameworksOptions

  func validate() throws {
    if let preset, FormatPreset.all[preset] == nil {
      throw ValidationError(
        "unknown preset `\(preset)`; the presets are \(FormatPreset.names.joined(separator: ", "))")
    }
  }

  func run() throws {
    let scaffold = FrameworkScaffold(slug: slug, documentPath: document, preset: preset, sourceKey: key)
    let created = try scaffold.create(in: URL(fileURLWithPath: frameworks.directory))
    Console.print("created \(created.path)/")
    let folder = try FrameworkFolder(directory: created)
    Console.print("preset: \(folder.manifest.recipe.preset); document: \(folder.manifest.document.file)")
    do {
      let result = try folder.extract()
      printSummary(result)
    } catch let error as InputError {
      Console.print("warning: \(error.message)")
      Console.print(
        "Edit the recipe in \(folder.manifestPath) and run `evscan check-framework \(created.path)`.")
    }
  }

  private func printSummary(_ result: ExtractionResult) {
    var perSection: [String: Int] = [:]
    for statement in result.statements {
      perSection[statement.sectionPath.joined(separator: " > "), default: 0] += 1
    }
    Console.print("\(result.statements.count) statements from \(result.unitsMatched) units")
    for (section, count) in perSection.sorted(by: { $0.key < $1.key }) {
      Console.print("  \(count)\t\(section.isEmpty ? "(no section)" : section)")
    }
    Console.print("first statements:")
    for statement in result.statements.prefix(5) {
      Console.print("  \(statement.id): \(statement.text.prefix(100))")
    }
    let empty = result.dropped.filter { $0.reason == .empty }.count
    if empty > 0 { Console.print("warning: \(empty) units with empty text") }
    for reason in DroppedUnit.Reason.allCases where reason != .empty {
      let count = result.dropped.filter { $0.reason == reason }.count
      if count > 0 { Console.print("note: \(count) units dropped as \(reason.rawValue)") }
    }
    for warning in result.warnings.prefix(10) {
      Console.print("warning: \(warning)")
    }
  }
}
