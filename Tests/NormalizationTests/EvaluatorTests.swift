import ScanModel
import Testing

@testable import Normalization

/// The evaluation's figures on a confusion matrix small enough to work out by hand.
///
///     human:     1.1 1.1 1.1 1.1 2.1 2.1 2.1 3.1 3.1 3.1
///     machine:   1.1 1.1 1.1 2.1 2.1 2.1 1.1 3.1 3.1 1.1
///
/// top-1 = 7/10. Cohen's kappa: the human codes are 4, 3, 3 of 1.1, 2.1, 3.1 and the machine's 5, 3, 2, so
/// chance agreement is (4·5 + 3·3 + 3·2)/100 = 0.35 (not the 0.34 that squaring either side's shares would
/// give) and kappa = (0.7 − 0.35)/(1 − 0.35) = 0.5385. F1: 1.1 has precision 3/5 and recall 3/4 (2/3 =
/// 0.6667); 2.1 precision 2/3, recall 2/3 (0.6667); 3.1 precision 2/2, recall 2/3 (0.8); macro-F1 =
/// (0.6667 + 0.6667 + 0.8)/3 = 0.7111. top-3: the seventh example's human code is fourth in its ranking,
/// every other is in the first three: 9/10.
@Suite struct EvaluatorTests {
  static let human = ["1.1", "1.1", "1.1", "1.1", "2.1", "2.1", "2.1", "3.1", "3.1", "3.1"]
  static let rankings = [
    ["1.1", "2.1"], ["1.1"], ["1.1", "3.1"], ["2.1", "1.1"], ["2.1"], ["2.1", "1.1"],
    ["1.1", "3.1", "4.1", "2.1"], ["3.1"], ["3.1", "2.1"], ["1.1", "3.1"],
  ]
  static let flagged = [false, false, false, true, false, false, true, false, false, false]

  @Test func figuresOfAHandWorkedConfusionMatrix() {
    let examples = Self.human.enumerated().map { index, code in
      CodedExample(id: "e\(index)", name: "", text: "", code: code, origin: "test")
    }
    let evaluator = Evaluator(
      taxonomy: Support.taxonomy, trainer: ClassifierTrainer(taxonomy: Support.taxonomy))
    let report = evaluator.score(
      examples: examples, predictions: predictions(Self.rankings, Self.flagged), mode: "test")
    #expect(report.n == 10)
    #expect(report.top1 == 0.7)
    #expect(report.top3 == 0.9)
    #expect(report.kappa == 0.5385)
    #expect(report.macroF1 == 0.7111)
    #expect(report.categoryAccuracy == 0.7)
    #expect(report.flaggedForReview == 2)
    // The eight unflagged examples hold seven hits (the last one is wrong).
    #expect(report.top1WhenNotFlagged == 0.875)
    let scores = Dictionary(uniqueKeysWithValues: report.perCode.map { ($0.code, $0) })
    #expect(scores["1.1"]?.precision == 0.6 && scores["1.1"]?.recall == 0.75 && scores["1.1"]?.f1 == 0.6667)
    #expect(
      scores["2.1"]?.precision == 0.6667 && scores["2.1"]?.recall == 0.6667 && scores["2.1"]?.f1 == 0.6667)
    #expect(scores["3.1"]?.precision == 1 && scores["3.1"]?.recall == 0.6667 && scores["3.1"]?.f1 == 0.8)
    #expect(scores["1.1"]?.support == 4 && scores["1.1"]?.predicted == 5)
    #expect(
      Set(report.confusions.map { "\($0.expected)>\($0.predicted) \($0.count)" })
        == ["1.1>2.1 1", "2.1>1.1 1", "3.1>1.1 1"])
  }

  /// Perfect agreement is kappa 1 and every figure 1; agreement no better than chance is kappa 0.
  @Test func kappaAtItsEnds() {
    let evaluator = Evaluator(
      taxonomy: Support.taxonomy, trainer: ClassifierTrainer(taxonomy: Support.taxonomy))
    let codes = ["1.1", "2.1", "1.1", "2.1"]
    let examples = codes.enumerated().map {
      CodedExample(id: "e\($0)", name: "", text: "", code: $1, origin: "t")
    }
    let perfect = evaluator.score(
      examples: examples, predictions: predictions(codes.map { [$0] }, [false, false, false, false]),
      mode: "t")
    #expect(perfect.kappa == 1 && perfect.top1 == 1 && perfect.macroF1 == 1)
    // The machine says 1.1 for the first and third of each code: observed 0.5, chance 0.5·0.5 + 0.5·0.5.
    let chance = evaluator.score(
      examples: examples,
      predictions: predictions([["1.1"], ["1.1"], ["2.1"], ["2.1"]], [false, false, false, false]), mode: "t")
    #expect(chance.top1 == 0.5 && chance.kappa == 0)
  }

  /// The evaluator's predictions from rankings and flags alone; the metrics here do not read confidence.
  private func predictions(_ rankings: [[String]], _ flagged: [Bool]) -> [Evaluator.Prediction] {
    zip(rankings, flagged).map { Evaluator.Prediction(ranking: $0, flagged: $1, confidence: 0) }
  }
}
