import ArgumentParser
import Deduplication
import Foundation
import ScanModel

struct DedupeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dedupe",
    abstract: "Cluster near-duplicate statements given as JSON lines.",
    discussion: """
      Each line is an object with `id` and `text`, and optionally `framework`, `title`, `concepts` and \
      `primaryCode`. Prints the clusters with their members and the scores of the edges that joined them; \
      --json prints the whole result (mitigations, edges, identity changes). Merges are decided by the \
      learned pair model (models/pair-model.json, see `evscan train-pairs`) when it is there.
      """)

  @Argument(help: "A JSON lines file of statements.", completion: .file())
  var file: String

  @Option(
    help:
      "The deduplicator's thresholds and weights (default: the built-in ones, or config/deduplication.yaml when present).",
    completion: .file())
  var configuration: String?

  @Option(help: "Must-link and cannot-link decisions (a merges.csv).", completion: .file())
  var decisions: String?

  @Flag(help: "List single-statement clusters too.")
  var all = false

  @OptionGroup var pairModel: PairModelOptions

  @OptionGroup var json: JSONOption

  func run() throws {
    let inputs = try StatementLinesReader.load(path: file)
    let defaultPath = "config/deduplication.yaml"
    let settings: DeduplicationConfiguration
    if let configuration {
      settings = try DeduplicationConfiguration.load(path: configuration)
    } else if FileManager.default.fileExists(atPath: defaultPath) {
      settings = try DeduplicationConfiguration.load(path: defaultPath)
    } else {
      settings = .default
    }
    let links = try decisions.map { try MergeDecisionsReader.load(path: $0) } ?? []
    let outcome = try Deduplicator(configuration: settings, pairModel: try pairModel.load()).deduplicate(
      inputs: inputs, decisions: links)
    if json.enabled {
      DeduplicationJSON.write(outcome) { piece in FileHandle.standardOutput.write(Data(piece)) }
      FileHandle.standardOutput.write(Data("\n".utf8))
    } else {
      Console.print(ClusterReport.render(outcome.result(), statements: inputs, includeSingletons: all))
    }
  }
}
