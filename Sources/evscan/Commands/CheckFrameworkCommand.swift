import ArgumentParser
import Extraction
import Foundation

struct CheckFrameworkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-framework",
    abstract: "Validate a framework's manifest and recipe, and try the recipe on its document.")

  @Argument(help: "The framework's folder.", completion: .directory)
  var directory: String

  func run() throws {
    let folder = try FrameworkFolder(directory: URL(fileURLWithPath: directory))
    let result = try folder.extract()
    let placeholders = folder.placeholderWarnings()
    for note in placeholders {
      Console.error("\(folder.manifestPath): warning: \(note)")
    }
    for warning in result.warnings {
      Console.error(warning.description)
    }
    let reasons = Dictionary(grouping: result.dropped, by: \.reason)
      .map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
    Console.print(
      "\(folder.slug): ok, \(result.statements.count) statements from \(result.unitsMatched) units"
        + (reasons.isEmpty ? "" : " (dropped: \(reasons.joined(separator: ", ")))")
        + ", \(result.warnings.count + placeholders.count) warnings")
  }
}
