import ArgumentParser
import Foundation
import ScanModel
import Snapshot

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Show the whole chain behind a mitigation, an action or a statement.",
    discussion: """
      ID is a mitigation id (M0012), an action id (A0031_NIST2024) or a statement id \
      (nist-2024:gv-1-1-001). Shows the document, section, locator, line and quoted text; the \
      extraction rule; each facet's codes with method, score and reasons; the mitigation's members and \
      the edges that joined them; and the human decisions applied.
      """)

  @Argument(help: "A mitigation id, action id or statement id.")
  var id: String

  @Option(help: "The snapshot folder.", completion: .directory)
  var snapshot: String = "output"

  @OptionGroup var json: JSONOption

  func run() throws {
    try reportingUserErrors {
      let content = try SnapshotReader().read(from: URL(fileURLWithPath: snapshot))
      let explanation = try Explanation(id: id, in: content, snapshot: snapshot)
      if json.enabled {
        Console.print(String(decoding: try SnapshotJSON.encode(explanation, pretty: true), as: UTF8.self))
      } else {
        Console.print(explanation.rendered())
      }
    }
  }
}
