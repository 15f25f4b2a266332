import Foundation
import ScanModel
import StrictYAML

/// The thresholds, weights and action lexicon of the deduplicator, as config/deduplication.yaml holds them.
/// Every key may be left out of the file (it then takes the default below); a key the type does not know
/// is an error, so that a misspelt threshold cannot be silently ignored.
public struct DeduplicationConfiguration: Sendable, Hashable, Codable {
  /// How much each part of the pair score counts. The score is the weighted mean of the parts that are
  /// present: `concepts` is left out (and the others renormalised) when neither statement has concepts.
  public struct Weights: Sendable, Hashable, Codable {
    public var tfidf: Double
    public var concepts: Double
    public var lexical: Double

    public init(tfidf: Double = 0.5, concepts: Double = 0.2, lexical: Double = 0.3) {
      self.tfidf = tfidf
      self.concepts = concepts
      self.lexical = lexical
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let fallback = Weights()
      tfidf = try container.value(.tfidf, or: fallback.tfidf)
      concepts = try container.value(.concepts, or: fallback.concepts)
      lexical = try container.value(.lexical, or: fallback.lexical)
    }
  }

  /// The cut-offs, all in 0...1.
  public struct Thresholds: Sendable, Hashable, Codable {
    /// A pair at or above this score merges, when it also passes every gate (same action, same object, no
    /// substitution, no slot conflict).
    public var merge: Double
    /// A pair at or above this score (and not merged) is kept for a person to review; below it, distinct.
    public var review: Double
    /// A cluster member must score at least this much against the cluster's medoid.
    public var medoid: Double
    /// No two members of one cluster may score below this, whatever joined them.
    public var pairFloor: Double
    /// The IDF-weighted Jaccard similarity of the two objects (the words other than the leading action and
    /// the framework voice) that shows, on its own, that two statements act on the same object.
    public var object: Double
    /// The concept similarity that vouches for the same object when the words overlap less than `object`
    /// (but at least `objectFloor`): paraphrases name one practice in different words, and the thesaurus
    /// concepts are what those words have in common.
    public var conceptObject: Double
    /// The least object overlap a merge needs even when the concepts vouch for it.
    public var objectFloor: Double
    /// At or above this object overlap a pair is "one template": what differs is a slot, and a two-sided
    /// difference there is a different object (see `substitution`).
    public var template: Double
    /// The share of each statement's object words that may be words the other lacks before the pair counts
    /// as "the same template with a different object". Both sides must exceed it. When both statements
    /// have concepts, it applies to template pairs only and each must also have a concept the other lacks.
    public var substitution: Double

    public init(
      merge: Double = 0.4, review: Double = 0.3, medoid: Double = 0.3, pairFloor: Double = 0.15,
      object: Double = 0.25, conceptObject: Double = 0.6, objectFloor: Double = 0.15, template: Double = 0.4,
      substitution: Double = 0.05
    ) {
      self.merge = merge
      self.review = review
      self.medoid = medoid
      self.pairFloor = pairFloor
      self.object = object
      self.conceptObject = conceptObject
      self.objectFloor = objectFloor
      self.template = template
      self.substitution = substitution
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let fallback = Thresholds()
      merge = try container.value(.merge, or: fallback.merge)
      review = try container.value(.review, or: fallback.review)
      medoid = try container.value(.medoid, or: fallback.medoid)
      pairFloor = try container.value(.pairFloor, or: fallback.pairFloor)
      object = try container.value(.object, or: fallback.object)
      conceptObject =
        try container.value(.conceptObject, or: fallback.conceptObject)
      objectFloor = try container.value(.objectFloor, or: fallback.objectFloor)
      template = try container.value(.template, or: fallback.template)
      substitution =
        try container.value(.substitution, or: fallback.substitution)
    }
  }

  /// The framework's voice: the words (and thesaurus concepts) with which a framework addresses its readers
  /// and names the technology. Each framework has its own ("Signatories shall", "AGI labs should",
  /// "Providers can", "Does the company", "GAI systems", "frontier models"), so they tell frameworks apart,
  /// not practices: they are left out of every comparison.
  public struct Voice: Sendable, Hashable, Codable {
    /// Words, matched before stemming (so "developers" is voice and "development" is not) and without a
    /// possessive ('s); British spellings are matched as their American forms.
    public var words: [String]
    /// Concept ids left out of the concept comparisons: the concepts those words name.
    public var concepts: [String]

    public init(words: [String] = Voice.defaultWords, concepts: [String] = Voice.defaultConcepts) {
      self.words = words
      self.concepts = concepts
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      words = try container.value(.words, or: Voice.defaultWords)
      concepts = try container.value(.concepts, or: Voice.defaultConcepts)
    }

    /// "model" and "system" are not here although frameworks differ in them too ("GAI systems" /
    /// "models"): they also name real objects ("the systems that hold model weights", "for each model").
    public static let defaultWords = [
      "provider", "providers", "developer", "developers", "deployer", "deployers", "signatory", "signatories",
      "lab", "labs", "agi", "company", "companies", "organisation", "organisations", "gai", "ai", "frontier",
    ]
    public static let defaultConcepts = ["developer", "provider", "deployer", "frontier-ai"]
  }

  /// How candidate pairs are found.
  public struct Candidates: Sendable, Hashable, Codable {
    /// Up to this many statements every pair is compared; above it, MinHash with LSH banding proposes pairs.
    public var exactLimit: Int
    /// MinHash signature length; must be a multiple of `bands`.
    public var permutations: Int
    /// LSH bands; each band is `permutations / bands` rows.
    public var bands: Int
    /// Seeds the MinHash hash functions; change it and the candidate pairs (not the scores) may change.
    public var seed: Int
    /// An LSH bucket with more statements than this is not compared all-pairs: its statements are ordered by
    /// signature and each is compared with its `bucketWindow` next neighbours.
    public var maxBucketSize: Int
    public var bucketWindow: Int
    /// A stem in more than `max(frequentStemMinimum, frequentStemShare × n)` statements is left out of the
    /// shingles (not out of the scores): it says little about duplication and makes huge buckets.
    public var frequentStemShare: Double
    public var frequentStemMinimum: Int
    /// At most this many review-band edges are kept per statement (the highest scores); 0 keeps all.
    public var maxReviewEdgesPerStatement: Int

    public init(
      exactLimit: Int = 2000, permutations: Int = 128, bands: Int = 32, seed: Int = 20_251_129,
      maxBucketSize: Int = 64, bucketWindow: Int = 16, frequentStemShare: Double = 0.1,
      frequentStemMinimum: Int = 1000, maxReviewEdgesPerStatement: Int = 20
    ) {
      self.exactLimit = exactLimit
      self.permutations = permutations
      self.bands = bands
      self.seed = seed
      self.maxBucketSize = maxBucketSize
      self.bucketWindow = bucketWindow
      self.frequentStemShare = frequentStemShare
      self.frequentStemMinimum = frequentStemMinimum
      self.maxReviewEdgesPerStatement = maxReviewEdgesPerStatement
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let fallback = Candidates()
      exactLimit = try container.value(.exactLimit, or: fallback.exactLimit)
      permutations = try container.value(.permutations, or: fallback.permutations)
      bands = try container.value(.bands, or: fallback.bands)
      seed = try container.value(.seed, or: fallback.seed)
      maxBucketSize =
        try container.value(.maxBucketSize, or: fallback.maxBucketSize)
      bucketWindow = try container.value(.bucketWindow, or: fallback.bucketWindow)
      frequentStemShare =
        try container.value(.frequentStemShare, or: fallback.frequentStemShare)
      frequentStemMinimum =
        try container.value(.frequentStemMinimum, or: fallback.frequentStemMinimum)
      maxReviewEdgesPerStatement =
        try container.value(.maxReviewEdgesPerStatement, or: fallback.maxReviewEdgesPerStatement)
    }
  }

  /// How a mitigation's name is made when no member has a title.
  public struct Naming: Sendable, Hashable, Codable {
    /// Longer opening clauses are cut at a word boundary and end with an ellipsis.
    public var maxNameLength: Int

    public init(maxNameLength: Int = 80) {
      self.maxNameLength = maxNameLength
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      maxNameLength =
        try container.value(.maxNameLength, or: Naming().maxNameLength)
    }
  }

  public var weights: Weights
  public var thresholds: Thresholds
  public var candidates: Candidates
  public var naming: Naming
  /// Kinds of action and the words (or short phrases) that name them; a merge needs both statements to
  /// lead with the same kind. Words are analysed like statement text, so "evaluate", "evaluation" and
  /// "evaluated" are one entry.
  public var actions: [String: [String]]
  public var voice: Voice
  /// Slots: slot name to value name to the concept ids that name the value, e.g. `audience.authority:
  /// [government, regulator]`. Two statements that both name values of one slot but no value in common
  /// (one reports to the authority, the other informs users) state different practices.
  public var slots: [String: [String: [String]]]

  public init(
    weights: Weights = Weights(), thresholds: Thresholds = Thresholds(),
    candidates: Candidates = Candidates(),
    naming: Naming = Naming(), actions: [String: [String]] = ActionLexicon.defaultActions,
    voice: Voice = Voice(), slots: [String: [String: [String]]] = DeduplicationConfiguration.defaultSlots
  ) {
    self.weights = weights
    self.thresholds = thresholds
    self.candidates = candidates
    self.naming = naming
    self.actions = actions
    self.voice = voice
    self.slots = slots
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    weights = try container.value(.weights, or: Weights())
    thresholds = try container.value(.thresholds, or: Thresholds())
    candidates = try container.value(.candidates, or: Candidates())
    naming = try container.value(.naming, or: Naming())
    actions =
      try container.value(.actions, or: ActionLexicon.defaultActions)
    voice = try container.value(.voice, or: Voice())
    slots =
      try container.value(.slots, or: DeduplicationConfiguration.defaultSlots)
  }

  /// The shipped slots. Audience: a report to an authority and a notice to the public are different
  /// practices. Stage: the same check before training and before release is done at a different time, by
  /// other people, on another artefact. Hazard: a dangerous-capability evaluation for one hazard does not
  /// stand for one for another. Concepts that name the framework's own reader (developer, provider) are
  /// voice, not audience.
  public static let defaultSlots: [String: [String: [String]]] = [
    "audience": [
      "authority": ["government", "regulator", "ai-office"],
      "public": ["user", "general-public", "affected-communities"],
      "experts": ["researchers", "auditor"],
    ],
    "stage": [
      "training": ["pre-training", "fine-tuning", "model-development"],
      "release": ["deployment", "pre-deployment"],
      "operation": ["post-deployment", "system-operation", "inference"],
    ],
    "hazard": [
      "cbrn": ["cbrn", "bioweapons"],
      "cyber": ["cyberattacks"],
      "autonomy": ["autonomous-replication", "loss-of-control"],
      "bias": ["bias", "discrimination", "stereotyping", "fairness"],
      "privacy": ["privacy", "memorisation"],
      "manipulation": ["manipulation", "fraud", "disinformation"],
    ],
  ]

  /// The defaults, the same values config/deduplication.yaml ships with.
  public static let `default` = DeduplicationConfiguration()

  /// Reads and validates a configuration file. With `knownConcepts` (the thesaurus's ids), the concept ids it
  /// names are checked too (`checkConcepts`), against the text already read.
  public static func load(path: String, knownConcepts: Set<String>? = nil) throws
    -> DeduplicationConfiguration
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: path, "cannot read the deduplication configuration; check the path")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputError(file: path, "the deduplication configuration is not UTF-8 text")
    }
    let configuration = try parse(text, file: path)
    if let knownConcepts {
      try configuration.checkConcepts(known: knownConcepts, file: path, text: text)
    }
    return configuration
  }

  /// Parses and validates configuration text; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws -> DeduplicationConfiguration {
    let decoder = StrictYAMLDecoder(documentationHint: "see docs/deduplication.md for the keys it takes")
    let configuration = try decoder.decode(DeduplicationConfiguration.self, from: text, file: file)
    try configuration.validate(file: file, text: text)
    return configuration
  }

  /// Checks that every concept id the configuration names (`voice.concepts`, `slots`) is one of `known`, the
  /// thesaurus's ids: a misspelt id would never match and silently switch its rule off.
  func checkConcepts(known: Set<String>, file: String, text: String?) throws {
    var named: [(keyPath: String, concept: String)] = voice.concepts.map { ("voice.concepts", $0) }
    for slot in slots.keys.sorted() {
      for value in (slots[slot] ?? [:]).keys.sorted() {
        named += (slots[slot]?[value] ?? []).map { ("slots.\(slot).\(value)", $0) }
      }
    }
    guard let unknown = named.first(where: { !known.contains($0.concept) }) else { return }
    let line = text.flatMap { YAMLKeyLocator.line(of: unknown.keyPath, in: $0) }
    throw InputError(
      file: file, line: line, element: unknown.keyPath,
      "`\(unknown.keyPath)` names concept `\(unknown.concept)`, which the thesaurus does not have; use a concept id from taxonomy/thesaurus.yaml"
    )
  }

  /// Checks ranges and order; errors name the key (and its line when `text` is given).
  func validate(file: String = "config/deduplication.yaml", text: String? = nil) throws {
    do {
      try checkWeights()
      try checkThresholds()
      try checkCandidates()
      if naming.maxNameLength < 10 {
        throw fail("naming.maxNameLength", "`naming.maxNameLength` must be at least 10")
      }
      let lexicon = try ActionLexicon(actions: actions)
      _ = try VoiceWords(words: voice.words, lexicon: lexicon)
      _ = try ConceptSlots(slots: slots, voiceConcepts: voice.concepts)
    } catch let problem as ConfigurationProblem {
      let line = text.flatMap { YAMLKeyLocator.line(of: problem.keyPath, in: $0) }
      throw InputError(file: file, line: line, element: problem.keyPath, problem.message)
    }
  }

  private func fail(_ keyPath: String, _ message: String) -> ConfigurationProblem {
    ConfigurationProblem(keyPath: keyPath, message: message)
  }

  private func checkWeights() throws(ConfigurationProblem) {
    let weightValues: [(String, Double)] = [
      ("weights.tfidf", weights.tfidf), ("weights.concepts", weights.concepts),
      ("weights.lexical", weights.lexical),
    ]
    for (key, value) in weightValues where !(value.isFinite && value >= 0 && value <= 1) {
      throw fail(key, "`\(key)` is \(value); a weight must lie in 0...1")
    }
    if weights.tfidf + weights.lexical <= 0 {
      throw fail("weights.tfidf", "`weights.tfidf` and `weights.lexical` are both 0; at least one must count")
    }
  }

  private func checkThresholds() throws(ConfigurationProblem) {
    let thresholdValues: [(String, Double)] = [
      ("thresholds.merge", thresholds.merge), ("thresholds.review", thresholds.review),
      ("thresholds.medoid", thresholds.medoid), ("thresholds.pairFloor", thresholds.pairFloor),
      ("thresholds.object", thresholds.object), ("thresholds.conceptObject", thresholds.conceptObject),
      ("thresholds.objectFloor", thresholds.objectFloor), ("thresholds.template", thresholds.template),
      ("thresholds.substitution", thresholds.substitution),
    ]
    for (key, value) in thresholdValues where !(value.isFinite && value >= 0 && value <= 1) {
      throw fail(key, "`\(key)` is \(value); thresholds must lie in 0...1")
    }
    if thresholds.review > thresholds.merge {
      throw fail(
        "thresholds.review",
        "`thresholds.review` (\(thresholds.review)) is above `thresholds.merge` (\(thresholds.merge)); "
          + "the review band lies below the merge threshold")
    }
    if thresholds.medoid > thresholds.merge {
      throw fail(
        "thresholds.medoid",
        "`thresholds.medoid` (\(thresholds.medoid)) is above `thresholds.merge` (\(thresholds.merge)); "
          + "a member that merged must be able to stay")
    }
    if thresholds.pairFloor > thresholds.medoid {
      throw fail(
        "thresholds.pairFloor",
        "`thresholds.pairFloor` (\(thresholds.pairFloor)) is above `thresholds.medoid` (\(thresholds.medoid)); "
          + "the floor for any two members cannot be stricter than the medoid check")
    }
  }

  private func checkCandidates() throws(ConfigurationProblem) {
    if candidates.exactLimit < 0 {
      throw fail("candidates.exactLimit", "`candidates.exactLimit` must be 0 or more")
    }
    if candidates.permutations < 1 || candidates.permutations > 1024 {
      throw fail("candidates.permutations", "`candidates.permutations` must lie in 1...1024")
    }
    if candidates.bands < 1 || candidates.permutations % candidates.bands != 0 {
      throw fail(
        "candidates.bands",
        "`candidates.bands` (\(candidates.bands)) must be at least 1 and divide `candidates.permutations` "
          + "(\(candidates.permutations))")
    }
    if candidates.maxBucketSize < 2 {
      throw fail("candidates.maxBucketSize", "`candidates.maxBucketSize` must be at least 2")
    }
    if candidates.bucketWindow < 1 {
      throw fail("candidates.bucketWindow", "`candidates.bucketWindow` must be at least 1")
    }
    if !(candidates.frequentStemShare > 0 && candidates.frequentStemShare <= 1) {
      throw fail("candidates.frequentStemShare", "`candidates.frequentStemShare` must lie in (0, 1]")
    }
    if candidates.frequentStemMinimum < 1 {
      throw fail("candidates.frequentStemMinimum", "`candidates.frequentStemMinimum` must be at least 1")
    }
    if candidates.maxReviewEdgesPerStatement < 0 {
      throw fail(
        "candidates.maxReviewEdgesPerStatement",
        "`candidates.maxReviewEdgesPerStatement` must be 0 (all) or more")
    }
  }
}

/// A problem with a configured list (actions, voice, slots), named by its key path; `validate` turns it into
/// an `InputError` with the line.
struct ConfigurationProblem: Error {
  var keyPath: String
  var message: String
}

extension KeyedDecodingContainer {
  /// The value under `key`, or `fallback` when the key is absent: every key of the file may be left out.
  fileprivate func value<Value: Decodable>(_ key: Key, or fallback: Value) throws -> Value {
    try decodeIfPresent(Value.self, forKey: key) ?? fallback
  }
}
