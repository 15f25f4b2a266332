import Deduplication
import Foundation
import Normalization
import Taxonomy
import Utilities

/// The two replays `evscan simulate-review` runs: codes (the mitigation classifier, scored by accuracy on
/// the held-out statements) and merges (the pair model's regression, scored by the area under the ROC curve
/// of the held-out pairs, and by merge precision, recall and F1 at the merge threshold).
public enum SimulatedReviews {
  public struct Report: Sendable, Hashable, Codable {
    public var kind: String
    public var items: Int
    public var heldOut: Int
    public var seed: UInt64
    public var seedSize: Int
    public var batch: Int
    public var budget: Int
    /// The metric the summary compares.
    public var metric: String
    public var curves: [SimulationCurve]
    /// The random order's metric at the full budget, and how many labels each order needed to reach it.
    public var randomFinal: Double
    public var uncertainLabelsToReachRandomFinal: Int?
    public var randomLabelsToReachRandomFinal: Int?
  }

  /// Codes: the classifier retrained on the labelled statements each batch; uncertainty is 1 − the primary
  /// code's calibrated score.
  public static func codes(
    _ examples: [CodedExample], taxonomy: TaxonomySet, simulation: ReviewSimulation<Normalizer>
  ) throws -> Report {
    let trainer = ClassifierTrainer(taxonomy: taxonomy)
    let (heldOut, pool) = simulation.split(strata: examples.map(\.code))
    let curves = try simulation.run(pool: pool) { labelled in
      Normalizer(taxonomy: taxonomy, model: try trainer.train(labelled.map { examples[$0] }, files: []))
    } evaluate: { normalizer in
      let right = heldOut.filter { index in
        let example = examples[index]
        let title = example.name.isEmpty ? nil : example.name
        return normalizer.rankedMitigationCodes(title: title, text: example.text).first == example.code
      }.count
      return ["accuracy": heldOut.isEmpty ? 0 : Double(right) / Double(heldOut.count)]
    } uncertainty: { normalizer, index in
      let example = examples[index]
      let title = example.name.isEmpty ? nil : example.name
      let coding = normalizer.code(statementID: example.id, title: title, text: example.text)
      return 1 - (coding.primary?.score ?? 0)
    }
    return report(
      kind: "codes", items: examples.count, heldOut: heldOut.count, simulation: simulation,
      metric: "accuracy",
      curves: curves)
  }

  /// Merges: the pair model's logistic regression refitted on the labelled pairs each batch; uncertainty is
  /// nearness to the merge threshold.
  public static func pairs(
    _ examples: PairModelTrainer.Examples, penalty: Double, mergeThreshold: Double,
    simulation: ReviewSimulation<LogisticRegression>
  ) throws -> Report {
    let labels = examples.labels
    let (heldOut, pool) = simulation.split(strata: labels.map { $0 ? "duplicate" : "other" })
    let curves = try simulation.run(pool: pool) { labelled in
      LogisticRegression.fit(
        rows: labelled.map { examples.rows[$0] }, labels: labelled.map { labels[$0] }, penalty: penalty)
    } evaluate: { model in
      let merged = heldOut.filter { model.probability(examples.rows[$0]) >= mergeThreshold }
      let right = merged.filter { labels[$0] }.count
      let duplicates = heldOut.filter { labels[$0] }.count
      let precision = merged.isEmpty ? 0 : Double(right) / Double(merged.count)
      let recall = duplicates == 0 ? 0 : Double(right) / Double(duplicates)
      let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
      // With a hundred pairs or so the regression seldom reaches the merge threshold on held-out pairs, and
      // F1 stays 0 whatever was learnt; the ranking of the pairs shows it.
      let auc = PairEvaluation.areaUnderCurve(
        probabilities: heldOut.map { model.probability(examples.rows[$0]) },
        labels: heldOut.map { labels[$0] })
      return ["precision": precision, "recall": recall, "f1": f1, "auc": auc ?? 0.5]
    } uncertainty: { model, index in
      -abs(model.probability(examples.rows[index]) - mergeThreshold)
    }
    return report(
      kind: "pairs", items: labels.count, heldOut: heldOut.count, simulation: simulation, metric: "auc",
      curves: curves)
  }

  private static func report<Model>(
    kind: String, items: Int, heldOut: Int, simulation: ReviewSimulation<Model>, metric: String,
    curves: [SimulationCurve]
  ) -> Report {
    let converted = curves.map { curve in
      SimulationCurve(
        order: curve.order,
        points: curve.points.map {
          SimulationPoint(
            labelled: $0.labelled, metrics: $0.metrics.mapValues { $0.rounded(toPlaces: 4) })
        })
    }
    let random = converted.first { $0.order == "random" }
    let uncertain = converted.first { $0.order == "uncertain" }
    let target = random?.points.last?.metrics[metric] ?? 0
    return Report(
      kind: kind, items: items, heldOut: heldOut, seed: simulation.seed, seedSize: simulation.seedSize,
      batch: simulation.batch, budget: simulation.budget, metric: metric, curves: converted,
      randomFinal: target,
      uncertainLabelsToReachRandomFinal: uncertain?.labelsToReach(target, metric: metric),
      randomLabelsToReachRandomFinal: random?.labelsToReach(target, metric: metric))
  }
}
