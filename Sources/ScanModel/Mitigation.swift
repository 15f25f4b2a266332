/// A canonical mitigation: one practice, with every source statement that states it.
public struct Mitigation: Sendable, Hashable, Codable {
  /// Stable across runs: `M0001`, `M0002` ...; never reused for something else.
  public var id: String
  /// A short name: the best title or label of its members, or the representative statement's opening clause.
  public var name: String
  /// The representative (medoid) statement's text.
  public var definition: String
  public var representativeStatementID: String
  /// The primary mitigation code, chosen from the members' codes.
  public var primaryCode: String?
  /// The frameworks (slugs) its members come from, sorted.
  public var sources: [String]
  /// Sorted by statement id.
  public var members: [MitigationMember]

  public init(
    id: String, name: String, definition: String, representativeStatementID: String, primaryCode: String?,
    sources: [String], members: [MitigationMember]
  ) {
    self.id = id
    self.name = name
    self.definition = definition
    self.representativeStatementID = representativeStatementID
    self.primaryCode = primaryCode
    self.sources = sources
    self.members = members
  }
}

/// A statement's place in a mitigation.
public struct MitigationMember: Sendable, Hashable, Codable {
  public var statementID: String
  /// Similarity to the representative statement (1 for the representative itself).
  public var similarityToRepresentative: Double
  /// How the member joined: `representative`, `merge` (an edge at or above the merge threshold),
  /// or `must-link` (a human decision).
  public var joinedBy: String

  public init(statementID: String, similarityToRepresentative: Double, joinedBy: String) {
    self.statementID = statementID
    self.similarityToRepresentative = similarityToRepresentative
    self.joinedBy = joinedBy
  }
}

/// A scored pair of statements, kept when it merged them or when it is close enough for a person to look at.
public struct SimilarityEdge: Sendable, Hashable, Codable {
  public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    case merge
    case review
    case distinct
  }

  /// The smaller statement id first.
  public var a: String
  public var b: String
  public var score: Double
  /// The parts of the score: `tfidf`, `concepts`, `lexical`, and any others the scorer documents.
  public var components: [String: Double]
  public var verdict: Verdict
  /// Why the verdict, e.g. "same action (monitor), shared object concepts" or "cannot-link decision".
  public var reason: String

  public init(
    a: String, b: String, score: Double, components: [String: Double], verdict: Verdict, reason: String
  ) {
    self.a = a
    self.b = b
    self.score = score
    self.components = components
    self.verdict = verdict
    self.reason = reason
  }
}

/// A person's decision that two statements are (must-link) or are not (cannot-link) the same practice.
public struct LinkDecision: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case mustLink = "must-link"
    case cannotLink = "cannot-link"
  }

  public var a: String
  public var b: String
  public var kind: Kind
  public var reason: String
  public var coder: String
  public var source: SourceLocation

  public init(a: String, b: String, kind: Kind, reason: String, coder: String, source: SourceLocation) {
    self.a = a
    self.b = b
    self.kind = kind
    self.reason = reason
    self.coder = coder
    self.source = source
  }
}

/// The latest change to a mitigation id: what happened to it in the last scan that changed its mitigation.
/// A scan that leaves a mitigation as it was (same id, same members) carries its change forward, so that one
/// scan of unchanged inputs gives the same snapshot back and the history is never overwritten with "kept".
public struct IdentityChange: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A new cluster received a new id.
    case new
    /// The cluster kept the id most of its members had, with members gained or lost.
    case kept
    /// Members of several previous mitigations came together; `from` lists them.
    case merged
    /// A previous mitigation's members went to several clusters; `from` is the one split.
    case split
    /// A previous id has no members any more; it is retired, never reused (`RetiredMitigation` says what
    /// became of it).
    case retired
  }

  public var kind: Kind
  public var mitigationID: String
  public var from: [String]

  public init(kind: Kind, mitigationID: String, from: [String]) {
    self.kind = kind
    self.mitigationID = mitigationID
    self.from = from
  }
}
