import Foundation
import ScanModel
import Utilities

/// The screening stage, between extraction and coding: decides for every extracted unit whether it is a
/// mitigation statement. A person's decision wins, then the recipe (`screening: off`, `keepLabels`), then
/// the model. Nothing is lost: an excluded unit becomes a dropped unit with the reason `not-a-mitigation`,
/// and its verdict (probability, reasons, whole text) stays in the snapshot.
public struct Screener: Sendable {
  public let model: ScreeningModel
  public let decisions: [String: ScreeningDecision]
  private let features = ScreeningFeatures()

  public init(model: ScreeningModel, decisions: [ScreeningDecision]) {
    self.model = model
    var byStatement: [String: ScreeningDecision] = [:]
    for decision in decisions { byStatement[decision.statementID] = decision }
    self.decisions = byStatement
  }

  /// - Parameter settings: each framework's `recipe.screening` (missing means on, whole units).
  public func screen(_ statements: [Statement], settings: [String: Recipe.Screening]) throws
    -> ScreeningOutcome
  {
    var kept: [Statement] = []
    var verdicts: [ScreeningVerdict] = []
    var dropped: [DroppedUnit] = []
    let keepLabels = try compiledKeepLabels(settings)
    // Each unit is judged on its own, so the units are judged on all cores; the outcome is in input order.
    let judged = Parallel.map(statements.count) { index -> (ScreeningVerdict, [Statement]?) in
      let statement = statements[index]
      var verdict = modelVerdict(for: statement)
      let sentences = overrule(
        &verdict, of: statement, setting: settings[statement.framework] ?? Recipe.Screening(),
        keepLabels: keepLabels[statement.framework])
      return (verdict, sentences)
    }
    for (statement, (verdict, sentences)) in zip(statements, judged) {
      verdicts.append(verdict)
      if let sentences {
        kept += sentences
      } else if verdict.decision == .include {
        kept.append(statement)
      } else {
        dropped.append(notAMitigation(statement, verdict: verdict))
      }
    }
    return ScreeningOutcome(
      statements: kept.sorted { $0.id < $1.id },
      verdicts: verdicts.sorted { $0.statementID < $1.statementID },
      dropped: dropped)
  }

  /// What the model says of the statement's text.
  private func modelVerdict(for statement: Statement) -> ScreeningVerdict {
    let judgement = model.judge(statement.text, features: features)
    return ScreeningVerdict(
      statementID: statement.id, framework: statement.framework,
      decision: judgement.isMitigation ? .include : .exclude,
      probability: judgement.probability.rounded(toPlaces: 4), threshold: model.threshold,
      decidedBy: .model,
      reasons: judgement.reasons, label: statement.label, locator: statement.locator, line: statement.line,
      text: statement.text)
  }

  /// Overrules the model where a person decided, the recipe turns screening off or keeps the label, or
  /// the recipe keeps the mitigation sentences of an excluded unit; those sentences, when it does.
  private func overrule(
    _ verdict: inout ScreeningVerdict, of statement: Statement, setting: Recipe.Screening,
    keepLabels: NSRegularExpression?
  ) -> [Statement]? {
    if let decision = decisions[statement.id] {
      verdict.decision = decision.decision
      verdict.decidedBy = .person
      verdict.reasons.append(
        "person: \(decision.decision.rawValue) by \(decision.coder) on \(decision.date): \(decision.reason) "
          + "(\(decision.source))")
    } else if !setting.isOn {
      verdict.decision = .include
      verdict.decidedBy = .recipe
      verdict.reasons.append("recipe: screening off for \(statement.framework)")
    } else if let pattern = keepLabels, let label = statement.label,
      pattern.firstMatch(in: label, range: NSRange(label.startIndex..., in: label)) != nil
    {
      verdict.decision = .include
      verdict.decidedBy = .recipe
      verdict.reasons.append("recipe: label \(label) matches screening.keepLabels")
    } else if verdict.decision == .exclude, setting.sentences == true {
      let sentences = SentenceSplitter().sentenceStatements(of: statement, model: model, features: features)
      if !sentences.isEmpty {
        verdict.decision = .include
        verdict.decidedBy = .sentences
        verdict.keptSentences = sentences.map(\.id)
        verdict.reasons.append("sentences kept: \(sentences.count) of the unit's, as their own statements")
        return sentences
      }
    }
    return nil
  }

  private func notAMitigation(_ statement: Statement, verdict: ScreeningVerdict) -> DroppedUnit {
    DroppedUnit(
      framework: statement.framework, reason: .notAMitigation,
      detail: "\(statement.id); p=\(String(format: "%.2f", verdict.probability)); "
        + verdict.reasons.prefix(3).joined(separator: "; "),
      excerpt: String(statement.text.prefix(160)), locator: statement.locator, line: statement.line,
      rule: statement.rule)
  }

  private func compiledKeepLabels(_ settings: [String: Recipe.Screening]) throws -> [String:
    NSRegularExpression]
  {
    var compiled: [String: NSRegularExpression] = [:]
    for (framework, setting) in settings {
      guard let pattern = setting.keepLabels else { continue }
      do {
        compiled[framework] = try NSRegularExpression(pattern: pattern)
      } catch {
        throw InputError(
          file: "frameworks/\(framework)/framework.yaml", element: "recipe.screening.keepLabels",
          "`\(pattern)` is not a regular expression (\(error.localizedDescription)); fix the pattern")
      }
    }
    return compiled
  }
}
