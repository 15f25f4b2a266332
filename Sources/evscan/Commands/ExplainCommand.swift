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
    let content = try SnapshotReader().read(from: URL(fileURLWithPath: snapshot))
    let query = id.trimmingCharacters(in: .whitespaces)
    // A unit excluded at screening is not a statement: its verdict is all there is to explain.
    if let excluded = content.screening.first(where: { $0.statementID == query && $0.decision == .exclude }) {
      if json.enabled {
        Console.print(String(decoding: try SnapshotJSON.encode(excluded, pretty: true), as: UTF8.self))
      } else {
        Console.print(Self.rendered(excluded))
      }
      return
    }
    let explanation = try Explanation(id: id, in: content, snapshot: snapshot)
    if json.enabled {
      Console.print(String(decoding: try SnapshotJSON.encode(explanation, pretty: true), as: UTF8.self))
    } else {
      Console.print(explanation.rendered())
      let units = Set(explanation.statements.map { $0.fields["unit"] ?? $0.statementID })
      for verdict in content.screening where units.contains(verdict.statementID) {
        Console.print(Self.rendered(verdict))
      }
    }
  }

  /// Screening's verdict as `explain` shows it: the decision, who made it, the probability and the reasons.
  static func rendered(_ verdict: ScreeningVerdict) -> String {
    var lines = [
      "screening of \(verdict.statementID): \(verdict.decision.rawValue), decided by \(verdict.decidedBy.rawValue); "
        + "probability of a mitigation \(String(format: "%.2f", verdict.probability))"
    ]
    lines += verdict.reasons.map { "  - \($0)" }
    if !verdict.keptSentences.isEmpty {
      lines.append("  sentences kept: \(verdict.keptSentences.joined(separator: ", "))")
    }
    if verdict.decision == .exclude {
      lines.append("  text: \"\(verdict.text)\"")
      lines.append(
        "  (\(verdict.locator), line \(verdict.line); to keep it, add `include` to decisions/screening.csv)")
    }
    return lines.joined(separator: "\n")
  }
}
