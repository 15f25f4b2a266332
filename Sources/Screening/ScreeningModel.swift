import Foundation
import ScanModel

/// The shipped screening model (`models/screening-model.json`): logistic regression weights over
/// `ScreeningFeatures`, the threshold it screens at, the data it was trained on (by SHA-256) and its
/// cross-validated figures. `evscan train-screening` writes it; the scan reads it.
public struct ScreeningModel: Sendable, Codable, Hashable {
  public static let formatName = "evscan-screening-model/1"

  public var format: String
  /// A unit whose probability is at least this is a mitigation statement.
  public var threshold: Double
  public var bias: Double
  /// Feature name to weight, features of zero weight left out.
  public var weights: [String: Double]
  public var training: Training
  public var evaluation: ScreeningEvaluation

  /// Where the examples came from: enough to rebuild the model and to know whether its data changed.
  public struct Training: Sendable, Codable, Hashable {
    public var examples: Int
    public var positives: Int
    public var negatives: Int
    public var sources: [Source]
    public var regularisation: Double
    public var iterations: Int

    public struct Source: Sendable, Codable, Hashable {
      /// `mit-coded-dev.csv`, `frameworks (shipped statements)`, `models/screening-labels.csv`, or a
      /// labelled document's file name.
      public var name: String
      public var sha256: String
      public var positives: Int
      public var negatives: Int

      public init(name: String, sha256: String, positives: Int, negatives: Int) {
        self.name = name
        self.sha256 = sha256
        self.positives = positives
        self.negatives = negatives
      }
    }
  }

  public init(
    threshold: Double, bias: Double, weights: [String: Double], training: Training,
    evaluation: ScreeningEvaluation
  ) {
    format = Self.formatName
    self.threshold = threshold
    self.bias = bias
    self.weights = weights
    self.training = training
    self.evaluation = evaluation
  }

  public struct Judgement: Sendable, Hashable {
    public var probability: Double
    public var isMitigation: Bool
    public var cues: [ScreeningCue]
    /// The features that pushed most, strongest first: (what a person reads, contribution).
    public var contributions: [(String, Double)]

    public static func == (lhs: Judgement, rhs: Judgement) -> Bool {
      lhs.probability == rhs.probability && lhs.cues == rhs.cues
        && lhs.contributions.map(\.0) == rhs.contributions.map(\.0)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(probability) }

    /// The cues found, then the three words that weighed most either way.
    public var reasons: [String] {
      var reasons = cues.map(\.reason)
      for (name, weight) in contributions.prefix(3) {
        reasons.append("\(name) \(weight >= 0 ? "+" : "−")\(ScreeningModel.format(abs(weight)))")
      }
      return reasons
    }
  }

  public func judge(_ text: String, features: ScreeningFeatures = ScreeningFeatures()) -> Judgement {
    let vector = features.vector(text)
    var score = bias
    var contributions: [(String, Double)] = []
    for (name, value) in vector.values {
      guard let weight = weights[name] else { continue }
      score += weight * value
      if !name.hasPrefix("cue:") {
        contributions.append((Self.readable(name, surface: vector.surfaces[name]), weight * value))
      }
    }
    contributions.sort { abs($0.1) != abs($1.1) ? abs($0.1) > abs($1.1) : $0.0 < $1.0 }
    let probability = LogisticRegression.sigmoid(score)
    return Judgement(
      probability: probability, isMitigation: probability >= threshold, cues: vector.cues,
      contributions: Array(contributions.prefix(5)))
  }

  public static func load(path: String) throws -> ScreeningModel {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw InputError(
        file: path, "cannot read the screening model; rebuild it with `evscan train-screening`")
    }
    let model: ScreeningModel
    do {
      model = try JSONDecoder().decode(ScreeningModel.self, from: data)
    } catch {
      throw InputError(
        file: path, "is not a screening model (\(error)); rebuild it with `evscan train-screening`")
    }
    guard model.format == formatName else {
      throw InputError(
        file: path,
        "holds a screening model in format `\(model.format)`, not `\(formatName)`; rebuild it with "
          + "`evscan train-screening`")
    }
    return model
  }

  /// Sorted keys and fixed rounding, so that training on the same data writes the same bytes.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// `word "monitor"`, `first word "the"`, `length 6-59 words`: a feature as a reason reads.
  static func readable(_ name: String, surface: String?) -> String {
    if name.hasPrefix("word:") { return "word \"\(surface ?? String(name.dropFirst(5)))\"" }
    if name.hasPrefix("first:") { return "first word \"\(surface ?? String(name.dropFirst(6)))\"" }
    if name.hasPrefix("length:") {
      return "length "
        + name.dropFirst(7).replacingOccurrences(of: "-words", with: " words")
        .replacingOccurrences(of: "-or-more", with: " or more").replacingOccurrences(
          of: "under-", with: "under ")
    }
    return name
  }

  static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
