import Foundation
import ScanModel
import Taxonomy
import TextAnalysis
import Utilities

/// Trains the mitigation classifier: TF-IDF features of words, word pairs and thesaurus concepts, and a
/// one-versus-rest linear SVM. Deterministic: the same examples give the same model, byte for byte.
public struct ClassifierTrainer: Sendable {
  public var cost = 1.0
  /// Title, text, concept and context blocks.
  public var blockWeights = [0.5, 1.0, 0.5, 0.5]
  public var minimumTextDocumentFrequency = 2
  public var taxonomyPrototypes = true
  var temperatureCandidates = [0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1.0]
  /// The share of the thesaurus's vote (`ThesaurusVote`) mixed into the SVM's probabilities.
  public var thesaurusWeight = 0.3
  /// The accuracy the unflagged codes should reach: training sets the review threshold to the lowest
  /// calibrated probability at which its internal cross-validation's unflagged codes reach it.
  public var reviewTargetAccuracy = 0.85
  /// A fixed review threshold instead (for trying others in cross-validation).
  public var reviewThreshold: Double?
  static let reviewThresholdCandidates = stride(from: 0.5, through: 0.95, by: 0.05).map {
    $0.rounded(toPlaces: 2)
  }

  let taxonomy: TaxonomySet
  let matcher: ConceptMatcher
  let analyzer: TextAnalyzer
  let thesaurusVote: ThesaurusVote

  public init(taxonomy: TaxonomySet, analyzer: TextAnalyzer = TextAnalyzer()) {
    self.taxonomy = taxonomy
    self.analyzer = analyzer
    matcher = ConceptMatcher(thesaurus: taxonomy.thesaurus, analyzer: analyzer)
    thesaurusVote = ThesaurusVote(concepts: matcher.concepts)
  }

  /// Each code's definition and typical examples, written for the taxonomy, as one more training example:
  /// codes with a handful of coded statements get a description of what belongs to them.
  var prototypes: [CodedExample] {
    taxonomy.mitigation.leafCodes.filter { !$0.code.contains("X") }.map { code in
      CodedExample(
        id: "taxonomy:\(code.code)", name: code.name,
        text: ([code.definition] + (code.includes ?? [])).joined(separator: " "), code: code.code,
        origin: "taxonomy/mitigation.yaml")
    }
  }

  public func train(_ examples: [CodedExample], files: [ClassifierModel.TrainingFile]) throws
    -> ClassifierModel
  {
    guard !examples.isEmpty else {
      throw InputError(file: files.first?.name ?? "training data", "there are no coded examples to train on")
    }
    let analyses = examples.map(analyse)
    let (temperature, calibration, threshold) = calibrate(examples: examples, analyses: analyses)
    return fit(
      examples: examples, analyses: analyses, files: files, temperature: temperature,
      calibration: calibration,
      reviewThreshold: threshold)
  }

  /// The vector training gives `example` in `space`: what a model learns from. Coding computes the same
  /// vector another way (from word ids), and must agree with this one.
  func vector(of example: CodedExample, in space: FeatureSpace) -> SparseVector {
    let terms = analyse(example)
    return space.vector(
      title: terms.title, text: terms.text, concepts: terms.concepts, context: terms.context)
  }

  /// An example's words and concepts as feature names: training builds the vocabulary, so it keeps the
  /// stems as strings (coding maps them to ids, and a test checks that both give the same vectors).
  struct Terms {
    var title: [String]
    var text: [String]
    var concepts: [String]
    var context: [String]
    /// The thesaurus's shares by code.
    var thesaurus: [String: Double]
  }

  func analyse(_ example: CodedExample) -> Terms {
    var concepts: [ConceptMatch] = []
    var title: [String] = []
    if !example.name.isEmpty {
      let tokens = analyzer.tokens(example.name)
      title = tokens.compactMap { $0.isStopWord ? nil : $0.stem }
      concepts = matcher.matches(in: example.name, tokens: tokens)
    }
    let tokens = analyzer.tokens(example.text)
    concepts += matcher.matches(in: example.text, tokens: tokens)
    var features: [String] = []
    var distinct: [Int] = []
    for match in concepts {
      guard let concept = matcher.index(of: match) else { continue }
      features += matcher.featureNames(of: concept)
      if !distinct.contains(concept) { distinct.append(concept) }
    }
    let shares = thesaurusVote.shares(concepts: distinct).shares
    let context =
      example.context?.text.map { analyzer.tokens($0).compactMap { $0.isStopWord ? nil : $0.stem } } ?? []
    return Terms(
      title: title, text: tokens.compactMap { $0.isStopWord ? nil : $0.stem }, concepts: features,
      context: context,
      thesaurus: Dictionary(uniqueKeysWithValues: shares.map { ($0.code, $0.share) }))
  }

  /// Fits the model on `examples` (plus the taxonomy prototypes when enabled).
  func fit(
    examples: [CodedExample], analyses: [Terms], files: [ClassifierModel.TrainingFile],
    temperature: Double, calibration: CorrectnessCalibration, reviewThreshold: Double
  ) -> ClassifierModel {
    var allExamples = examples
    var allAnalyses = analyses
    if taxonomyPrototypes {
      let extra = prototypes
      allExamples += extra
      allAnalyses += extra.map(analyse)
    }
    let space = featureSpace(allAnalyses)
    let names = space.names
    let vectors = allAnalyses.map {
      space.vector(title: $0.title, text: $0.text, concepts: $0.concepts, context: $0.context)
    }
    let classes = Array(Set(allExamples.map(\.code))).sorted()
    let svm = LinearSVM(cost: cost)
    let unitWeights = [Double](repeating: 1, count: vectors.count)
    let weights = classes.map { code in
      svm.trainBinary(
        vectors, labels: allExamples.map { $0.code == code ? 1 : -1 }, sampleWeights: unitWeights,
        dimension: names.count
      ).map { $0.rounded(toPlaces: 6) }
    }
    let stored = zip(allExamples, vectors).map { example, vector in
      ClassifierModel.StoredExample(
        id: example.id, code: example.code, origin: example.origin,
        vector: SparseVector(indices: vector.indices, values: vector.values.map { $0.rounded(toPlaces: 6) }))
    }
    return ClassifierModel(
      format: ClassifierModel.currentFormat, toolVersion: ToolVersion.current,
      taxonomyVersion: taxonomy.mitigation.version, thesaurusVersion: taxonomy.thesaurus.version,
      trainingFiles: files,
      hyperparameters: .init(
        cost: cost, blockWeights: blockWeights, minimumTextDocumentFrequency: minimumTextDocumentFrequency,
        taxonomyPrototypes: taxonomyPrototypes, temperature: temperature, thesaurusWeight: thesaurusWeight,
        calibration: calibration,
        reviewThreshold: reviewThreshold),
      classes: classes, features: names, idf: space.idf.map { $0.rounded(toPlaces: 6) }, weights: weights,
      examples: stored)
  }

  /// The vocabulary of the training examples with its IDF: every concept feature, and the text features
  /// that occur in at least `minimumTextDocumentFrequency` examples.
  private func featureSpace(_ analyses: [Terms]) -> FeatureSpace {
    let raw = analyses.map {
      FeatureSpace.rawFeatures(title: $0.title, text: $0.text, concepts: $0.concepts, context: $0.context)
    }
    var documentFrequency: [String: Int] = [:]
    for features in raw {
      for name in features.keys { documentFrequency[name, default: 0] += 1 }
    }
    let names = documentFrequency.filter { name, count in
      let isText = name.hasPrefix("t:") || name.hasPrefix("b:") || name.hasPrefix("s:")
      return !isText || count >= minimumTextDocumentFrequency
    }.keys.sorted()
    let total = Double(raw.count)
    let idf = names.map { log((1 + total) / (1 + Double(documentFrequency[$0] ?? 0))) + 1 }
    return FeatureSpace(names: names, idf: idf, blockWeights: blockWeights)
  }

  /// One held-out prediction of the internal cross-validation: the SVM's scores by class, the index of the
  /// human code among the classes (nil when the fold's training had no example of it), and the thesaurus's
  /// shares.
  private typealias HeldOut = (scores: [Double], truth: Int?, thesaurus: [String: Double], classes: [String])

  /// Chooses the softmax temperature that best predicts held-out codes (lowest log loss), then fits the
  /// probability of being right on the same held-out predictions: both from an internal 5-fold
  /// cross-validation of the training examples alone, so a reported confidence of 0.8 is right about 80%
  /// of the time on statements the model has not seen; and sets the review threshold there too.
  func calibrate(examples: [CodedExample], analyses: [Terms]) -> (Double, CorrectnessCalibration, Double) {
    guard examples.count >= 20 else { return (0.2, .identity, reviewThreshold ?? 0.5) }
    let scored = heldOutPredictions(examples: examples, analyses: analyses)
    let temperature = bestTemperature(scored)
    let samples = scored.map { item -> (signals: [Double], correct: Bool) in
      let probabilities = MitigationClassifier.mixed(
        MitigationClassifier.softmax(item.scores, temperature: temperature), classes: item.classes,
        thesaurus: item.thesaurus, weight: thesaurusWeight)
      var first = 0
      for index in probabilities.indices where probabilities[index] > probabilities[first] { first = index }
      return (MitigationClassifier.confidenceSignals(probabilities), item.truth == first)
    }
    let calibration = CorrectnessCalibration.fit(samples)
    let stated = samples.map { (calibration.probability($0.signals), $0.correct) }
    let chosen =
      reviewThreshold
      ?? Self.reviewThresholdCandidates.first { threshold in
        let kept = stated.filter { $0.0 >= threshold }
        return kept.count >= 10
          && Double(kept.filter(\.1).count) / Double(kept.count) >= reviewTargetAccuracy
      } ?? Self.reviewThresholdCandidates.last ?? 0.95
    return (temperature, calibration, chosen)
  }

  /// Every example scored by a model fitted on the other four of five stratified folds.
  private func heldOutPredictions(examples: [CodedExample], analyses: [Terms]) -> [HeldOut] {
    let folds = Folds.stratified(codes: examples.map(\.code), count: 5)
    var scored: [HeldOut] = []
    for fold in 0..<5 {
      let train = examples.indices.filter { folds[$0] != fold }
      let test = examples.indices.filter { folds[$0] == fold }
      let model = fit(
        examples: train.map { examples[$0] }, analyses: train.map { analyses[$0] }, files: [], temperature: 1,
        calibration: .identity, reviewThreshold: 0.5)
      let classifier = MitigationClassifier(model: model)
      for index in test {
        let terms = analyses[index]
        let vector = classifier.space.vector(
          title: terms.title, text: terms.text, concepts: terms.concepts, context: terms.context)
        scored.append(
          (
            classifier.scores(vector), model.classes.firstIndex(of: examples[index].code), terms.thesaurus,
            model.classes
          ))
      }
    }
    return scored
  }

  /// The candidate temperature with the lowest log loss on the held-out predictions; the first on a tie.
  private func bestTemperature(_ scored: [HeldOut]) -> Double {
    var best = (temperature: 0.2, loss: Double.infinity)
    for temperature in temperatureCandidates {
      var loss = 0.0
      for item in scored {
        let probabilities = MitigationClassifier.mixed(
          MitigationClassifier.softmax(item.scores, temperature: temperature), classes: item.classes,
          thesaurus: item.thesaurus, weight: thesaurusWeight)
        loss -= log(max(item.truth.map { probabilities[$0] } ?? 0, 1e-9))
      }
      if loss < best.loss { best = (temperature, loss) }
    }
    return best.temperature
  }

}
