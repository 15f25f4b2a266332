import ScanModel
import TextAnalysis

/// Finds thesaurus concepts in analysed text: labels, alternative labels and spelling variants match on
/// stems (stop words ignored, so "know-your-customer" finds "know your customer"); abbreviations match
/// the written word exactly, so that "KYC" counts and the word "it" is not the abbreviation IT.
public struct ConceptMatcher: Sendable {
  public let concepts: [ThesaurusConcept]
  /// First content stem to the phrases that start with it, longest first.
  private let phrases: [String: [(stems: [String], concept: Int)]]
  private let abbreviations: [String: [Int]]
  private let analyzer: TextAnalyzer
  private let byID: [String: Int]

  public init(thesaurus: Thesaurus, analyzer: TextAnalyzer = TextAnalyzer()) {
    self.analyzer = analyzer
    concepts = thesaurus.concepts
    var phrases: [String: [(stems: [String], concept: Int)]] = [:]
    var abbreviations: [String: [Int]] = [:]
    for (index, concept) in thesaurus.concepts.enumerated() {
      var seen: Set<[String]> = []
      for phrase in concept.phrases {
        let keys = Self.matchKeys(analyzer.tokens(phrase), isPhrase: true)
        guard let first = keys.first, seen.insert(keys).inserted else { continue }
        phrases[first, default: []].append((keys, index))
      }
      for abbreviation in concept.abbreviations ?? [] where !abbreviation.isEmpty {
        abbreviations[abbreviation, default: []].append(index)
      }
    }
    self.phrases = phrases.mapValues { list in
      list.sorted { ($0.stems.count, $1.concept) > ($1.stems.count, $0.concept) }
    }
    self.abbreviations = abbreviations
    byID = Dictionary(
      thesaurus.concepts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  public func concept(_ id: String) -> ThesaurusConcept? {
    byID[id].map { concepts[$0] }
  }

  /// The concept a match names: by its index when the match came from this matcher, else by id.
  func concept(of match: ConceptMatch) -> ThesaurusConcept? {
    match.conceptIndex >= 0 && match.conceptIndex < concepts.count
      ? concepts[match.conceptIndex] : concept(match.conceptID)
  }

  /// The mitigation codes a concept points to.
  public func mitigationCodes(of id: String) -> [String] {
    concept(id)?.codes?["mitigation"] ?? []
  }

  /// Every concept occurrence, in text order. Nested phrases all count ("model weights" inside
  /// "model weights security"), because each says something about the statement.
  public func matches(in text: String, tokens: [Token]) -> [ConceptMatch] {
    let content = tokens.filter { !Self.articles.contains($0.normalized) }
    let keys = Self.matchKeys(content, isPhrase: false)
    var found: [(concept: Int, first: Int, last: Int)] = []
    for position in content.indices {
      for key in [keys[position], Self.agentKey(content[position])].compactMap({ $0 }) {
        for candidate in phrases[key] ?? [] where position + candidate.stems.count <= content.count {
          var equal = true
          for offset in 1..<max(candidate.stems.count, 1)
          where keys[position + offset] != candidate.stems[offset] {
            equal = false
            break
          }
          if equal { found.append((candidate.concept, position, position + candidate.stems.count - 1)) }
        }
      }
    }
    var results: [ConceptMatch] = []
    var seen: Set<Int> = []
    // Character offsets cost a walk over the text's graphemes: only statements with matches pay it.
    var offsets: CharacterOffsets?
    var utf8: [UInt8] = []
    func record(_ concept: Int, _ range: Range<Int>) {
      guard seen.insert(concept &* 1_000_003 &+ range.lowerBound).inserted else { return }
      if offsets == nil {
        offsets = CharacterOffsets(text)
        utf8 = Array(text.utf8)
      }
      if let offsets {
        var match = makeMatch(concepts[concept].id, utf8: utf8, range: range, offsets: offsets)
        match.conceptIndex = concept
        results.append(match)
      }
    }
    for match in found {
      record(
        match.concept, content[match.first].utf8Range.lowerBound..<content[match.last].utf8Range.upperBound)
    }
    for token in tokens {
      for index in abbreviationConcepts(token.surface) { record(index, token.utf8Range) }
    }
    return results.sorted { ($0.start, $0.conceptID) < ($1.start, $1.conceptID) }
  }

  public func matches(in text: String) -> [ConceptMatch] {
    matches(in: text, tokens: analyzer.tokens(text))
  }

  /// Articles carry nothing; every other word of a phrase must be there, so that "after deployment"
  /// needs its "after" and does not fire on every mention of deployment.
  static let articles: Set<String> = ["a", "an", "the"]

  /// Stems, except for agent nouns: Porter2 gives "deployer" and "deploying" the same stem, but a
  /// deployer (an actor) is not deployment (an activity), so one-word agent nouns match their own form.
  static func matchKeys(_ tokens: [Token], isPhrase: Bool) -> [String] {
    let words = tokens.filter { !articles.contains($0.normalized) }
    if isPhrase && words.count == 1, let agent = agentKey(words[0]) { return [agent] }
    return words.map(\.stem)
  }

  /// `=deployer` for "deployer" and "deployers"; nil for words that are not agent nouns.
  static func agentKey(_ token: Token) -> String? {
    // Most words are not agent nouns; look at the last bytes before building any string.
    let bytes = token.normalized.utf8
    guard bytes.count > 4 else { return nil }
    var last = bytes.index(before: bytes.endIndex)
    if bytes[last] == UInt8(ascii: "s") { last = bytes.index(before: last) }
    guard bytes[last] == UInt8(ascii: "r"),
      bytes[bytes.index(before: last)] == UInt8(ascii: "e")
        || bytes[bytes.index(before: last)] == UInt8(ascii: "o")
    else { return nil }
    var word = token.normalized
    if word.hasSuffix("s") && word.count > 4 { word.removeLast() }
    guard word.count > 4, word.hasSuffix("er") || word.hasSuffix("or"), token.stem != word else { return nil }
    return "=" + word
  }

  /// "LLMs" is the plural of the abbreviation LLM.
  private func abbreviationConcepts(_ surface: String) -> [Int] {
    if let exact = abbreviations[surface] { return exact }
    if surface.count > 2, surface.last == "s", let plural = abbreviations[String(surface.dropLast())] {
      return plural
    }
    return []
  }

  private func makeMatch(_ id: String, utf8: [UInt8], range: Range<Int>, offsets: CharacterOffsets)
    -> ConceptMatch
  {
    let words = String(decoding: utf8[range], as: UTF8.self)
    return ConceptMatch(
      conceptID: id, words: words, start: offsets.character(atUTF8: range.lowerBound),
      end: offsets.character(atUTF8: range.upperBound))
  }
}

/// Converts UTF-8 byte offsets into character offsets, which is what a person counting in an editor sees.
struct CharacterOffsets {
  private let starts: [Int]

  init(_ text: String) {
    var starts: [Int] = []
    var offset = 0
    for character in text {
      starts.append(offset)
      offset += character.utf8.count
    }
    starts.append(offset)
    self.starts = starts
  }

  func character(atUTF8 offset: Int) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }
}
