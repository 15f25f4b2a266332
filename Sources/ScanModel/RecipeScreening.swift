extension Recipe {
  /// What screening (the stage that tells mitigation statements from the prose around them) does with a
  /// framework's units. In a manifest either a word, `screening: off` (keep every unit the recipe
  /// selects, as the NIST and EU presets do: their units are the framework's measures by construction),
  /// or a mapping:
  ///
  /// ```yaml
  /// screening:
  ///   keepLabels: "^Article (24|25|28)"   # units whose label matches are always statements
  ///   sentences: true                     # split prose units and keep their mitigation sentences
  /// ```
  public struct Screening: Sendable, Hashable, Codable {
    /// `on` judges every unit; `off` keeps every unit as a statement, recorded as decided by the recipe.
    public var enabled: Bool?
    /// A regular expression; a unit whose label matches is always a statement.
    public var keepLabels: String?
    /// Split a unit that is not a mitigation as a whole into sentences, and keep the sentences that are,
    /// each as its own statement with its character offsets in the unit.
    public var sentences: Bool?

    public init(enabled: Bool? = nil, keepLabels: String? = nil, sentences: Bool? = nil) {
      self.enabled = enabled
      self.keepLabels = keepLabels
      self.sentences = sentences
    }

    public static let off = Screening(enabled: false)

    /// These settings with every key they leave out taken from `base` (a preset's).
    public func filling(from base: Screening?) -> Screening {
      guard let base else { return self }
      return Screening(
        enabled: enabled ?? base.enabled, keepLabels: keepLabels ?? base.keepLabels,
        sentences: sentences ?? base.sentences)
    }

    public var isOn: Bool { enabled ?? true }

    enum CodingKeys: String, CodingKey {
      case enabled, keepLabels, sentences
    }

    /// `screening: off` and `screening: on` are words; YAML 1.1 readers may also hand them over as
    /// booleans, so both are taken.
    public init(from decoder: any Decoder) throws {
      if let single = try? decoder.singleValueContainer() {
        if let word = try? single.decode(String.self) {
          switch word {
          case "off": self.init(enabled: false)
          case "on": self.init(enabled: true)
          default:
            throw DecodingError.dataCorruptedError(
              in: single, debugDescription: "screening takes `on`, `off` or a mapping, not `\(word)`")
          }
          return
        }
        if let flag = try? single.decode(Bool.self) {
          self.init(enabled: flag)
          return
        }
      }
      let keyed = try decoder.container(keyedBy: CodingKeys.self)
      self.init(
        enabled: try keyed.decodeIfPresent(Bool.self, forKey: .enabled),
        keepLabels: try keyed.decodeIfPresent(String.self, forKey: .keepLabels),
        sentences: try keyed.decodeIfPresent(Bool.self, forKey: .sentences))
    }

    /// A bare switch is written back as the word it was read from, so that the strict decoder's check for
    /// unknown keys (which re-encodes what it read) sees the manifest's own shape.
    public func encode(to encoder: any Encoder) throws {
      if keepLabels == nil, sentences == nil, let enabled {
        var single = encoder.singleValueContainer()
        try single.encode(enabled ? "on" : "off")
        return
      }
      var keyed = encoder.container(keyedBy: CodingKeys.self)
      try keyed.encodeIfPresent(enabled, forKey: .enabled)
      try keyed.encodeIfPresent(keepLabels, forKey: .keepLabels)
      try keyed.encodeIfPresent(sentences, forKey: .sentences)
    }
  }
}
