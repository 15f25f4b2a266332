import ContentHash
import Foundation
import ScanModel

/// A learned pair model: logistic regression over the pair scorer's measurements (`PairFeatures`), giving
/// the probability that two statements state the same practice, with the thresholds that turn it into a
/// verdict. Written by `evscan train-pairs` to models/pair-model.json, which records the data it was fitted
/// on (file names, SHA-256, pair counts) and its cross-validated figures.
///
/// A pair merges when its probability is at least `mergeThreshold` and no hard veto holds (a slot conflict:
/// another stage, audience or hazard); it goes to review when the probability is at least `reviewThreshold`.
public struct PairModel: Sendable, Hashable, Codable {
  public struct TrainingFile: Sendable, Hashable, Codable {
    public var name: String
    public var sha256: String
    public var pairs: Int
    public var duplicates: Int

    public init(name: String, sha256: String, pairs: Int, duplicates: Int) {
      self.name = name
      self.sha256 = sha256
      self.pairs = pairs
      self.duplicates = duplicates
    }
  }

  /// Names the model in the snapshot: the SHA-256 of its encoded regression and thresholds (first 12 hex).
  public var version: String
  /// `PairFeatures.names` when the model was fitted; a model with other features must be retrained.
  public var features: [String]
  public var regression: LogisticRegression
  public var penalty: Double
  public var mergeThreshold: Double
  public var reviewThreshold: Double
  /// Conditions that keep a pair from merging whatever its probability (`PairModel.vetoNames`).
  public var vetoes: [String]
  /// For each veto, how many training pairs it holds for: duplicates and others. The evidence that it
  /// stops wrong merges more often than right ones.
  public var vetoEvidence: [String: VetoCount]
  public var training: [TrainingFile]
  /// Cross-validated figures on the training pairs at the thresholds above.
  public var crossValidation: PairEvaluation?

  public struct VetoCount: Sendable, Hashable, Codable {
    public var duplicates: Int
    public var others: Int
  }

  /// The vetoes a model may name: a slot conflict (another lifecycle stage, audience or hazard), a different
  /// kind of action, a substitution (the same template with another object, `PairScore.substitution`) and
  /// an object that differs (`PairScore.sameObject` false).
  public static let vetoNames = ["slotConflict", "differentAction", "substitution", "differentObject"]

  public init(
    features: [String], regression: LogisticRegression, penalty: Double, mergeThreshold: Double,
    reviewThreshold: Double, vetoes: [String] = PairModel.vetoNames, vetoEvidence: [String: VetoCount] = [:],
    training: [TrainingFile], crossValidation: PairEvaluation?
  ) {
    self.version = ""
    self.features = features
    self.regression = regression
    self.penalty = penalty
    self.mergeThreshold = mergeThreshold
    self.reviewThreshold = reviewThreshold
    self.vetoes = vetoes
    self.vetoEvidence = vetoEvidence
    self.training = training
    self.crossValidation = crossValidation
    self.version = fingerprint()
  }

  public static let defaultPath = "models/pair-model.json"

  /// The probability that the pair described by `features` (in `PairFeatures.names` order) is a duplicate.
  public func probability(_ features: [Double]) -> Double {
    regression.probability(features)
  }

  /// Whether a veto the model names holds for `pair`.
  func vetoed(_ pair: PairScore) -> Bool {
    vetoes.contains { Self.holds($0, pair) }
  }

  static func holds(_ veto: String, _ pair: PairScore) -> Bool {
    switch veto {
    case "slotConflict": pair.slotConflict >= 0
    case "differentAction": !pair.sameAction
    case "substitution": pair.substitution
    case "differentObject": !pair.sameObject
    default: false
    }
  }

  public func verdict(probability: Double, vetoed: Bool) -> SimilarityEdge.Verdict {
    if probability >= mergeThreshold && !vetoed { return .merge }
    return probability >= reviewThreshold ? .review : .distinct
  }

  private func fingerprint() -> String {
    var copy = self
    copy.version = ""
    copy.crossValidation = nil
    copy.training = []
    let data = (try? Self.encoder.encode(copy)) ?? Data()
    return String(SHA256Digest.hex(data).prefix(12))
  }

  private static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// Sorted keys, one line: the same model gives the same bytes.
  public func encoded() throws -> Data {
    var data = try Self.encoder.encode(self)
    data.append(0x0A)
    return data
  }

  public static func load(path: String) throws -> PairModel {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: path, "cannot read the pair model; check the path or run `evscan train-pairs`")
    }
    let model: PairModel
    do {
      model = try JSONDecoder().decode(PairModel.self, from: data)
    } catch {
      throw InputError(file: path, "is not a pair model (\(error)); retrain it with `evscan train-pairs`")
    }
    guard model.features == PairFeatures.names, model.regression.weights.count == model.features.count else {
      throw InputError(
        file: path,
        "was fitted on the features \(model.features.joined(separator: ", ")), but this evscan measures "
          + "\(PairFeatures.names.joined(separator: ", ")); retrain it with `evscan train-pairs`")
    }
    if let unknown = model.vetoes.first(where: { !vetoNames.contains($0) }) {
      throw InputError(
        file: path, element: "vetoes",
        "unknown veto `\(unknown)`; the vetoes are \(vetoNames.joined(separator: ", "))")
    }
    guard model.reviewThreshold <= model.mergeThreshold else {
      throw InputError(file: path, element: "reviewThreshold", "must not exceed mergeThreshold")
    }
    return model
  }
}
