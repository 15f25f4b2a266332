import ScanModel

/// One thing a person can decide in `evscan review`: whether two statements state the same practice, or
/// which mitigation code a statement has.
public enum ReviewItem: Sendable, Hashable {
  case pair(PairItem)
  case code(CodeItem)

  /// A statement as the reviewer sees it.
  public struct Side: Sendable, Hashable {
    public var id: String
    public var framework: String
    public var sectionPath: [String]
    public var text: String

    public init(id: String, framework: String, sectionPath: [String], text: String) {
      self.id = id
      self.framework = framework
      self.sectionPath = sectionPath
      self.text = text
    }
  }

  public struct PairItem: Sendable, Hashable {
    public var left: Side
    public var right: Side
    /// The pair model's probability that the two are duplicates, or the rule score without a model.
    public var probability: Double
    public var score: Double
    public var components: [String: Double]
    public var verdict: SimilarityEdge.Verdict
    public var reason: String
  }

  public struct Candidate: Sendable, Hashable {
    public var code: String
    public var name: String
    public var definition: String
  }

  public struct CodeItem: Sendable, Hashable {
    public var statement: Side
    public var machineCode: String
    public var score: Double
    public var method: String
    /// The machine's code first, then the other codes its reasons name, then the rest of the taxonomy's
    /// codes are not listed (a person may type any code with `o`).
    public var candidates: [Candidate]
    public var reasons: [String]
  }

  /// What identifies the item across re-orderings.
  public var key: String {
    switch self {
    case .pair(let pair): "pair\u{1F}\(pair.left.id)\u{1F}\(pair.right.id)"
    case .code(let code): "code\u{1F}\(code.statement.id)"
    }
  }
}
