import Extraction
import Foundation
import Normalization
import ScanModel

/// People's mitigation codes in decisions/codes.csv as training examples for the classifier: a person's
/// code beats the machine's for that statement in every scan, and `evscan train --decisions` also learns
/// from it. The statements' texts come from extracting the frameworks, as a scan does.
public enum DecidedCodeExamples {
  /// The statements of the frameworks under `frameworks` that `codesPath` gives a mitigation code, one
  /// example each (the last decision for a statement wins, as reading the file top to bottom would).
  public static func load(codesPath: String, frameworks: URL, choice: DocumentChoice) throws -> [CodedExample]
  {
    var statements: [String: Statement] = [:]
    for directory in try FrameworkFolder.list(in: frameworks) {
      let folder = try FrameworkFolder(directory: directory, choice: choice)
      for statement in try folder.extract().statements { statements[statement.id] = statement }
    }
    let decisions = try CodeDecisionReader().read(path: codesPath, knownStatements: Set(statements.keys))
    var latest: [String: CodeDecision] = [:]
    for decision in decisions where decision.facet == "mitigation" { latest[decision.statementID] = decision }
    return latest.keys.sorted().compactMap { id in
      guard let decision = latest[id], let statement = statements[id] else { return nil }
      return CodedExample(
        id: id, name: statement.title ?? "", text: statement.text, code: decision.code,
        origin: "\(decision.source.file):\(decision.source.line ?? 0)")
    }
  }
}
