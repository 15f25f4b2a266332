import TextAnalysis

/// A unit's text as the screening model sees it: its cues, the stems of its words, the stem of its first
/// word (imperatives start with their verb), and its length. Word features share a unit length between
/// them, so that a long paragraph does not outweigh a short measure by its length alone.
public struct ScreeningFeatures: Sendable {
  private let analyzer = TextAnalyzer()
  private let cueFinder = ScreeningCueFinder()

  public init() {}

  public struct Vector: Sendable {
    /// Feature name to value, e.g. `cue:obligation-modal` 1, `word:monitor` 0.2.
    public var values: [String: Double]
    public var cues: [ScreeningCue]
    /// Word features by the stem they came from, with the surface form a person recognises.
    public var surfaces: [String: String]
  }

  public func vector(_ text: String) -> Vector {
    let cues = cueFinder.cues(in: text)
    var values: [String: Double] = [:]
    for cue in cues { values[cue.kind.feature] = 1 }
    let tokens = analyzer.tokens(text)
    var surfaces: [String: String] = [:]
    var stems: [String] = []
    for token in tokens where !token.isStopWord && token.stem.count > 1 {
      guard !token.stem.allSatisfy(\.isNumber) else { continue }
      let name = "word:" + token.stem
      if surfaces[name] == nil {
        surfaces[name] = token.word
        stems.append(name)
      }
    }
    if !stems.isEmpty {
      let weight = 1 / Double(stems.count).squareRoot()
      for name in stems { values[name] = weight }
    }
    if let first = tokens.first {
      values["first:" + first.stem] = 1
      surfaces["first:" + first.stem] = first.word
    }
    values[Self.lengthFeature(words: tokens.count)] = 1
    return Vector(values: values, cues: cues, surfaces: surfaces)
  }

  /// Units of a few words are headings or fragments; very long ones are prose that rarely is one measure.
  static func lengthFeature(words: Int) -> String {
    switch words {
    case ..<6: "length:under-6-words"
    case ..<60: "length:6-59-words"
    case ..<120: "length:60-119-words"
    default: "length:120-words-or-more"
    }
  }
}
