import TextAnalysis

/// Analyses statements for coding: finds the words, gives each its meaning (from the word cache after
/// the first time), matches concepts and maps everything to the classifier's feature ids.
struct StatementAnalyzer: Sendable {
  let analyzer: TextAnalyzer
  let matcher: ConceptMatcher
  let space: FeatureSpace?
  /// Per thesaurus concept, the feature indices of `@concept` and of each `#code` it points to.
  private let conceptFeatures: [[Int32]]
  private let cache = WordCache()

  init(matcher: ConceptMatcher, analyzer: TextAnalyzer, space: FeatureSpace?) {
    self.analyzer = analyzer
    self.matcher = matcher
    self.space = space
    conceptFeatures = matcher.concepts.indices.map { concept in
      space.map { matcher.featureNames(of: concept).map($0.conceptFeature) } ?? []
    }
  }

  /// `context` (section headings and fields) only gives the context words: concepts and the facets
  /// come from the statement's own words.
  func analyse(title: String?, text: String, context: String? = nil) -> StatementAnalysis {
    let textWords = words(text)
    var concepts: [ConceptMatch] = []
    var titleStems: [Int32] = []
    if let title, !title.isEmpty {
      let titleWords = words(title)
      titleStems = titleWords.compactMap { $0.meaning.isStopWord ? nil : $0.meaning.featureStem }
      concepts = matcher.matches(in: title, words: titleWords).map { match in
        var inTitle = match
        inTitle.field = "title"
        return inTitle
      }
    }
    concepts += matcher.matches(in: text, words: textWords)
    var features: [Int32] = []
    if space != nil {
      for match in concepts { features += conceptFeatures[match.conceptIndex] }
    }
    return StatementAnalysis(
      concepts: concepts, titleStems: titleStems,
      textStems: textWords.compactMap { $0.meaning.isStopWord ? nil : $0.meaning.featureStem },
      conceptFeatures: features,
      contextStems: context.map {
        words($0).compactMap { $0.meaning.isStopWord ? nil : $0.meaning.featureStem }
      }
        ?? [])
  }

  func words(_ text: String) -> [AnalysedWord] {
    var words: [AnalysedWord] = []
    var copy = text
    copy.withUTF8 { bytes in
      TextAnalyzer.forEachWord(in: bytes) { range, isASCII in
        let meaning: AnalysedWord.Meaning
        if isASCII {
          let word = UnsafeBufferPointer(rebasing: bytes[range])
          meaning = cache.meaning(of: word) {
            let lowercased = String(decoding: word.map(WordCache.lowercased), as: UTF8.self)
            return describe(analyzer.token(bytes, range: range, isASCII: true), lowercased: lowercased)
          }
        } else {
          meaning = describe(analyzer.token(bytes, range: range, isASCII: false), lowercased: nil)
        }
        words.append(AnalysedWord(meaning: meaning, range: range))
      }
    }
    return words
  }

  private func describe(_ token: Token, lowercased: String?) -> AnalysedWord.Meaning {
    matcher.meaning(of: token, lowercased: lowercased, featureStem: space?.stemID(token.stem) ?? -1)
  }
}
