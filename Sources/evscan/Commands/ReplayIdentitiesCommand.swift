import ArgumentParser
import Foundation
import Pipeline

struct ReplayIdentitiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay-identities",
    abstract: "Rebuild a snapshot's identity history from the snapshots published before it.",
    discussion: """
      For a snapshot written before evscan kept the fate of retired ids: give the earlier snapshots, oldest \
      first (e.g. folders filled with `git show <commit>:output/<file>` for each commit of `git log -- \
      output/`). Each one's mitigations are recorded against the one before, under the ids they were \
      published with, and the snapshot in --output gets the identity changes and retired ids that result.
      """,
    shouldDisplay: false)

  @Argument(help: "Earlier snapshot folders, oldest first.", completion: .directory)
  var earlier: [String]

  @Option(help: "The snapshot to rebuild, in place.", completion: .directory)
  var output = "output"

  func run() throws {
    let rebuilt = try IdentityReplay.rewrite(
      output: URL(fileURLWithPath: output), from: earlier.map { URL(fileURLWithPath: $0) })
    let retired = rebuilt.retiredMitigations.count
    Console.print(
      "rebuilt \(output) from \(earlier.count) earlier snapshots: \(rebuilt.mitigations.count) mitigations, "
        + "\(retired) retired ids with their fates")
  }
}
