import Foundation
import ScanModel

/// A trained mitigation classifier as stored in a JSON model file: the features, the weights, how it
/// was trained and on what. Holds no example texts, only their vectors, so a model trained on licensed
/// data carries that data's words only as weights.
public struct ClassifierModel: Sendable, Codable, Hashable {
  /// Format 3 stores the weights and the examples' vectors as packed numbers (`PackedNumbers`); format 2
  /// stored them as JSON arrays, and is still read.
  public static let currentFormat = 3
  static let readableFormats = 2...currentFormat

  public struct TrainingFile: Sendable, Codable, Hashable {
    public var name: String
    public var sha256: String
    public var rows: Int
    public var attribution: String?

    public init(name: String, sha256: String, rows: Int, attribution: String?) {
      self.name = name
      self.sha256 = sha256
      self.rows = rows
      self.attribution = attribution
    }
  }

  public struct Hyperparameters: Sendable, Codable, Hashable {
    /// The SVM's cost parameter C.
    public var cost: Double
    /// Weights of the title, text, concept and context blocks of the feature vector.
    public var blockWeights: [Double]
    /// Text words and pairs must occur in this many training statements to become features.
    public var minimumTextDocumentFrequency: Int
    /// Whether each code's taxonomy definition was added as a training example.
    public var taxonomyPrototypes: Bool
    /// Softmax temperature that turns SVM scores into probabilities, fitted by internal cross-validation.
    public var temperature: Double
    /// The share of the thesaurus's vote in the probabilities (the rest is the SVM's).
    public var thesaurusWeight: Double
    /// Turns the top probability and its gap to the runner-up into a probability of being right.
    var calibration: CorrectnessCalibration
    /// A code whose calibrated probability of being right is under this needs review.
    public var reviewThreshold: Double

    init(
      cost: Double, blockWeights: [Double], minimumTextDocumentFrequency: Int, taxonomyPrototypes: Bool,
      temperature: Double, thesaurusWeight: Double = 0, calibration: CorrectnessCalibration = .identity,
      reviewThreshold: Double = 0.5
    ) {
      self.cost = cost
      self.blockWeights = blockWeights
      self.minimumTextDocumentFrequency = minimumTextDocumentFrequency
      self.taxonomyPrototypes = taxonomyPrototypes
      self.temperature = temperature
      self.thesaurusWeight = thesaurusWeight
      self.calibration = calibration
      self.reviewThreshold = reviewThreshold
    }
  }

  /// A training example as the model keeps it: no text, only its id, code and vector.
  struct StoredExample: Sendable, Codable, Hashable {
    var id: String
    var code: String
    var origin: String
    var vector: SparseVector
  }

  public var format: Int
  public var toolVersion: String
  public var taxonomyVersion: String
  public var thesaurusVersion: String
  public var trainingFiles: [TrainingFile]
  public var hyperparameters: Hyperparameters
  public var classes: [String]
  public var features: [String]
  var idf: [Double]
  /// Per class, one weight per feature and the bias last.
  @PackedRows var weights: [[Double]]
  var examples: [StoredExample]

  /// Reads a model file, with a clear error for a file that is not a model or is of another format.
  public static func load(path: String) throws -> ClassifierModel {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(
        file: path, "cannot read the model file; train one with `evscan train --examples FILE`")
    }
    let model: ClassifierModel
    do {
      model = try JSONDecoder().decode(ClassifierModel.self, from: data)
    } catch {
      throw InputError(
        file: path, "this is not an evscan model file (\(error)); train one with `evscan train`")
    }
    guard readableFormats.contains(model.format) else {
      throw InputError(
        file: path,
        "the model is of format \(model.format) and this evscan reads formats \(readableFormats.lowerBound) to "
          + "\(readableFormats.upperBound); retrain it")
    }
    guard model.weights.count == model.classes.count, model.idf.count == model.features.count,
      model.weights.allSatisfy({ $0.count == model.features.count + 1 })
    else {
      throw InputError(
        file: path, "the model's weights do not match its features; the file is damaged, retrain it")
    }
    return model
  }

  /// The model as written to disk: compact, keys sorted, so the same training gives the same bytes.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  var featureSpace: FeatureSpace {
    FeatureSpace(names: features, idf: idf, blockWeights: hyperparameters.blockWeights)
  }
}
