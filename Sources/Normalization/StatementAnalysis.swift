import ScanModel
import TextAnalysis

/// A statement's words and concepts, computed once and shared by the classifier, the facet coder,
/// the reasons and the deduplicator.
public struct StatementAnalysis: Sendable {
  public var titleTerms: [String]
  public var textTerms: [String]
  public var concepts: [ConceptMatch]
  /// Concept ids and `#code` features: the concept block of the classifier's vector.
  public var conceptFeatures: [String]

  public init(title: String?, text: String, matcher: ConceptMatcher, analyzer: TextAnalyzer) {
    // Each text is tokenised once; terms and concepts both come from the same tokens.
    let textTokens = analyzer.tokens(text)
    textTerms = textTokens.compactMap { $0.isStopWord ? nil : $0.stem }
    var found: [ConceptMatch] = []
    if let title, !title.isEmpty {
      let titleTokens = analyzer.tokens(title)
      titleTerms = titleTokens.compactMap { $0.isStopWord ? nil : $0.stem }
      found = matcher.matches(in: title, tokens: titleTokens).map { match in
        var inTitle = match
        inTitle.field = "title"
        return inTitle
      }
    } else {
      titleTerms = []
    }
    found += matcher.matches(in: text, tokens: textTokens)
    concepts = found
    var features: [String] = []
    for match in concepts {
      features.append("@" + match.conceptID)
      for code in matcher.concept(of: match)?.codes?["mitigation"] ?? [] { features.append("#" + code) }
    }
    conceptFeatures = features
  }

  /// The distinct concept ids, sorted: what the deduplicator compares.
  public var conceptIDs: [String] {
    Array(Set(concepts.map(\.conceptID))).sorted()
  }
}
