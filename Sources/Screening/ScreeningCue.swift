import Foundation

/// A pattern in a unit's text that tells for or against its being a mitigation statement: what screening
/// shows a person as its reasons, and the hand-made features its model weighs beside the words.
public struct ScreeningCue: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    // For a mitigation.
    case obligationModal = "obligation modal"
    case recommendation = "recommendation"
    case imperative = "action verb first"
    case actionVerbObject = "action verb + object"
    case practiceTerm = "practice term"
    // Against.
    case definition = "definition pattern"
    case finding = "finding about the world"
    case narrative = "narrative in the past tense"
    case citationOnly = "citation only"
    case scope = "scope clause"
    case penalty = "penalty"
    case question = "question"

    /// True for the cues that tell for a mitigation.
    public var isForMitigation: Bool {
      switch self {
      case .obligationModal, .recommendation, .imperative, .actionVerbObject, .practiceTerm: true
      default: false
      }
    }

    /// The model's feature name for the cue.
    public var feature: String { "cue:" + rawValue.replacingOccurrences(of: " ", with: "-") }
  }

  public var kind: Kind
  /// The words that matched, as written in the unit.
  public var match: String

  /// `obligation modal: "shall"`.
  public var reason: String { "\(kind.rawValue): \"\(match)\"" }
}

/// Finds the cues of a text. The patterns are English and deliberately few: the words do the rest.
public struct ScreeningCueFinder: Sendable {
  /// Verbs that name an action a mitigation asks for, in the forms they take after a modal or at the start
  /// of an imperative ("Establish", "shall implement", "should be documented").
  static let actionVerbs = [
    "adopt", "allocate", "apply", "appoint", "assess", "audit", "avoid", "build", "carry out", "check",
    "commission", "communicate", "conduct", "consider", "consult", "control", "coordinate", "create",
    "define", "delete", "deploy", "design", "designate", "detect", "determine", "develop", "disclose",
    "document", "enable", "encrypt", "enforce", "engage", "ensure", "establish", "evaluate", "exercise",
    "identify", "implement", "include", "inform", "integrate", "invest", "keep", "label", "limit",
    "maintain", "manage", "measure", "mitigate", "monitor", "notify", "obtain", "perform", "plan",
    "prepare", "prevent", "prioritise", "prioritize", "protect", "provide", "publish", "put in place",
    "record", "red-team", "reduce", "register", "report", "require", "restrict", "retain", "review",
    "revise", "secure", "set up", "share", "specify", "stop", "submit", "take", "test", "track", "train",
    "update", "use", "validate", "verify", "watermark",
  ]

  /// Terms of safety and governance practice, a small thesaurus of the kinds of measure the taxonomy codes.
  static let practiceTerms = [
    "access control", "accountability", "audit", "board", "certification", "code of conduct",
    "cybersecurity", "data protection", "due diligence", "evaluation", "governance", "impact assessment",
    "incident", "incident response", "kill switch", "logging", "model card", "monitoring", "oversight",
    "penetration test", "red team", "red-team", "risk assessment", "risk management", "safeguard",
    "safety case", "security", "shutdown", "staged release", "third-party", "threat model", "training data",
    "transparency", "watermark", "whistleblow",
  ]

  private let patterns: [(ScreeningCue.Kind, NSRegularExpression)]

  public init() {
    patterns = Self.sources.map { ($0.kind, Self.regex($0.pattern)) }
  }

  /// The patterns are constants of this file; one that does not compile is a programming error.
  private static func regex(_ pattern: String) -> NSRegularExpression {
    do {
      return try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    } catch {
      preconditionFailure("screening cue pattern does not compile: \(pattern): \(error)")
    }
  }

  private static let verbAlternatives = actionVerbs.map { NSRegularExpression.escapedPattern(for: $0) }
    .joined(separator: "|")
  private static let termAlternatives = practiceTerms.map { NSRegularExpression.escapedPattern(for: $0) }
    .joined(separator: "|")

  /// Each cue's pattern, matched case-insensitively.
  private static let sources: [(kind: ScreeningCue.Kind, pattern: String)] = [
    (
      .obligationModal,
      #"\b(shall(?! not apply)|must|should|ought to|is required to|are required to|needs? to|has to|have to)\b"#
    ),
    (
      .recommendation,
      #"\b(we (?:recommend|suggest|propose|urge|call on|advise|encourage)|(?:is|are) (?:recommended|encouraged|advised)|recommendations?|best practices?|it is (?:important|essential|advisable) (?:to|that))\b"#
    ),
    (.imperative, #"^\s*(?:\(?[a-z0-9ivx]{1,4}[.)]\s+)?(\#(verbAlternatives))\b"#),
    (
      .actionVerbObject,
      #"\b(?:shall|must|should|will|to|and|or)\s+(?:also\s+|regularly\s+|continuously\s+)?(\#(verbAlternatives))\s+(?:an?|the|their|its|all|any|appropriate|regular|clear|robust|independent|\w+s)\b"#
    ),
    (.practiceTerm, #"\b(\#(termAlternatives))"#),
    (
      .definition,
      #"(^\s*(?:[‘'"“][^’'"”]{1,80}[’'"”]|\w[\w\s-]{0,40}?)\s+(?:means|refers to|is defined as|denotes|shall mean)\b|\bfor the purposes? of this (?:regulation|act|chapter|section|article|paper|document)\b|\bwe define\b|\bis defined as\b|\bhereinafter\b)"#
    ),
    (
      .finding,
      #"\b(we (?:found|find|observed?|show|showed|demonstrate|report|measured|estimate|argue|note)|our (?:results|findings|experiments|analysis|study)|results (?:show|suggest|indicate)|studies (?:show|suggest|find)|evidence (?:suggests|shows)|\d+(?:\.\d+)?\s?%|in this (?:paper|section|work|study)|this (?:paper|section|chapter|study|report) (?:describes|presents|discusses|examines|shows))\b"#
    ),
    (
      .narrative,
      #"\b(the agent (?:was|did|had|then|responded|replied|refused|complied)|was asked|were asked|then (?:asked|replied|responded|sent|deleted)|(?:he|she|they|it) (?:replied|responded|wrote|said|sent)|in (?:one|another) (?:case|instance|session|conversation))\b"#
    ),
    (
      .citationOnly,
      #"^\s*(?:see\s+)?(?:\[\d+(?:[,–-]\s?\d+)*\]|\(?[A-Z][\w-]+ et al\.,? \(?\d{4}\)?)[\s.;,]*$"#
    ),
    (
      .scope,
      #"\b(this (?:regulation|act|directive|chapter|code|framework|document) (?:applies|shall apply|does not apply|lays down|protects|is without prejudice)|shall not apply|does not apply|shall apply to|applies to the processing|subject[- ]matter|territorial scope|material scope|entry into force|shall enter into force|is repealed|shall be binding|(?:shall|may) be neither restricted nor prohibited|shall not (?:restrict|prohibit|impede) the free (?:movement|provision))\b"#
    ),
    (
      .penalty,
      #"\b(administrative fines?|fines? up to|penalt(?:y|ies)|infringements? of|imprisonment|civil penalty|EUR \d|\d[\d ,.]* (?:EUR|euros?|dollars)|worldwide annual turnover|liable (?:to|for))\b"#
    ),
    (.question, #"^[^.!]{10,}\?\s*$"#),
  ]

  /// The cues of `text`, each kind once (its first match), in the order of `ScreeningCue.Kind.allCases`.
  public func cues(in text: String) -> [ScreeningCue] {
    let range = NSRange(text.startIndex..., in: text)
    var found: [ScreeningCue] = []
    for (kind, regex) in patterns {
      guard let match = regex.firstMatch(in: text, range: range) else { continue }
      let group = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? 1 : 0
      guard let matched = Range(match.range(at: group), in: text) else { continue }
      let words = text[matched].split(whereSeparator: \.isWhitespace).joined(separator: " ")
      found.append(ScreeningCue(kind: kind, match: String(words.prefix(60))))
    }
    return found
  }
}
