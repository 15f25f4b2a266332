import ScanModel
import TextAnalysis

/// Finds thesaurus concepts in analysed text: labels, alternative labels and spelling variants match on
/// stems (stop words ignored, so "know-your-customer" finds "know your customer"); abbreviations match
/// the written word exactly, so that "KYC" counts and the word "it" is not the abbreviation IT.
struct ConceptMatcher: Sendable {
  /// A thesaurus phrase as the keys of its words.
  struct Phrase: Sendable {
    var keys: [Int32]
    var concept: Int
  }

  let concepts: [ThesaurusConcept]
  /// Every stem and agent key that some phrase uses, numbered.
  private let keyIDs: [String: Int32]
  /// Key id of a phrase's first word to the phrases that start with it, longest first.
  private let phrasesByFirstKey: [[Phrase]]
  private let abbreviations: [String: [Int]]
  /// The abbreviations and their plurals lower-cased: a word outside this set cannot be an abbreviation,
  /// so most words never build the string that the case-sensitive table needs.
  private let abbreviationForms: Set<String>
  private let analyzer: TextAnalyzer
  private let byID: [String: Int]

  init(thesaurus: Thesaurus, analyzer: TextAnalyzer = TextAnalyzer()) {
    self.analyzer = analyzer
    concepts = thesaurus.concepts
    var keyIDs: [String: Int32] = [:]
    var phrases: [Phrase] = []
    var abbreviations: [String: [Int]] = [:]
    for (index, concept) in thesaurus.concepts.enumerated() {
      var seen: Set<[String]> = []
      for phrase in concept.phrases {
        let keys = Self.matchKeys(analyzer.tokens(phrase), isPhrase: true)
        guard !keys.isEmpty, seen.insert(keys).inserted else { continue }
        let ids = keys.map { key in
          if let id = keyIDs[key] { return id }
          let id = Int32(keyIDs.count)
          keyIDs[key] = id
          return id
        }
        phrases.append(Phrase(keys: ids, concept: index))
      }
      for abbreviation in concept.abbreviations ?? [] where !abbreviation.isEmpty {
        abbreviations[abbreviation, default: []].append(index)
      }
    }
    var byFirstKey = [[Phrase]](repeating: [], count: keyIDs.count)
    for phrase in phrases { byFirstKey[Int(phrase.keys[0])].append(phrase) }
    phrasesByFirstKey = byFirstKey.map { list in
      list.sorted { ($0.keys.count, $1.concept) > ($1.keys.count, $0.concept) }
    }
    self.keyIDs = keyIDs
    self.abbreviations = abbreviations
    abbreviationForms = Set(
      abbreviations.keys.flatMap { [Self.asciiLowercased($0), Self.asciiLowercased($0) + "s"] })
    byID = Dictionary(
      thesaurus.concepts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  func concept(_ id: String) -> ThesaurusConcept? {
    byID[id].map { concepts[$0] }
  }

  /// The position of a concept in the thesaurus.
  func index(of id: String) -> Int? {
    byID[id]
  }

  /// The thesaurus position of the concept a match names: its index when the match came from this
  /// matcher, else found by id.
  func index(of match: ConceptMatch) -> Int? {
    match.conceptIndex >= 0 && match.conceptIndex < concepts.count
      ? match.conceptIndex : index(of: match.conceptID)
  }

  /// The classifier's feature names for a concept: `@concept`, and `#code` for each mitigation code it
  /// points to. Training names them; coding looks them up once per concept.
  func featureNames(of concept: Int) -> [String] {
    ["@" + concepts[concept].id] + (concepts[concept].codes?["mitigation"] ?? []).map { "#" + $0 }
  }

  /// The mitigation codes a concept points to.
  func mitigationCodes(of id: String) -> [String] {
    concept(id)?.codes?["mitigation"] ?? []
  }

  /// What matching needs to know of a word. `lowercased` is the word's ASCII bytes lower-cased, or nil
  /// for a word with other characters, which is always checked against the abbreviations.
  func meaning(of token: Token, lowercased: String?, featureStem: Int32 = -1) -> AnalysedWord.Meaning {
    AnalysedWord.Meaning(
      matchKey: keyIDs[token.stem] ?? -1,
      agentKey: Self.agentKey(token).flatMap { keyIDs[$0] } ?? -1,
      featureStem: featureStem, isStopWord: token.isStopWord,
      isArticle: Self.articles.contains(token.word),
      mayBeAbbreviation: lowercased.map(abbreviationForms.contains) ?? true)
  }

  /// Every concept occurrence, in text order. Nested phrases all count ("model weights" inside
  /// "model weights security"), because each says something about the statement.
  func matches(in text: String, tokens: [Token]) -> [ConceptMatch] {
    matches(
      in: text,
      words: tokens.map { AnalysedWord(meaning: meaning(of: $0, lowercased: nil), range: $0.utf8Range) })
  }

  func matches(in text: String) -> [ConceptMatch] {
    matches(in: text, tokens: analyzer.tokens(text))
  }

  func matches(in text: String, words: [AnalysedWord]) -> [ConceptMatch] {
    var found: [(concept: Int, first: Int, last: Int)] = []
    var content: [Int] = []
    content.reserveCapacity(words.count)
    for index in words.indices where !words[index].meaning.isArticle { content.append(index) }
    for position in content.indices {
      let meaning = words[content[position]].meaning
      // Two keys per word, without building an array for them: this loop runs for every word.
      for key in KeyPair(meaning.matchKey, meaning.agentKey) where key >= 0 {
        for candidate in phrasesByFirstKey[Int(key)] where position + candidate.keys.count <= content.count {
          var equal = true
          for offset in 1..<max(candidate.keys.count, 1)
          where words[content[position + offset]].meaning.matchKey != candidate.keys[offset] {
            equal = false
            break
          }
          if equal { found.append((candidate.concept, position, position + candidate.keys.count - 1)) }
        }
      }
    }
    let mayHaveAbbreviation = words.contains { $0.meaning.mayBeAbbreviation }
    guard !found.isEmpty || mayHaveAbbreviation else { return [] }
    var results: [ConceptMatch] = []
    var seen: Set<Int> = []
    let utf8 = Array(text.utf8)
    // Character offsets may cost a walk over the text's graphemes: only statements with matches pay it.
    var offsets: CharacterOffsets?
    func record(_ concept: Int, _ range: Range<Int>) {
      guard seen.insert(concept &* 1_000_003 &+ range.lowerBound).inserted else { return }
      let characters = offsets ?? CharacterOffsets(text)
      offsets = characters
      var match = makeMatch(concepts[concept].id, utf8: utf8, range: range, offsets: characters)
      match.conceptIndex = concept
      results.append(match)
    }
    for match in found {
      record(
        match.concept,
        words[content[match.first]].range.lowerBound..<words[content[match.last]].range.upperBound)
    }
    if mayHaveAbbreviation {
      for word in words where word.meaning.mayBeAbbreviation {
        let surface = String(decoding: utf8[word.range], as: UTF8.self)
        for index in abbreviationConcepts(surface) { record(index, word.range) }
      }
    }
    return results.sorted { ($0.start, $0.conceptID) < ($1.start, $1.conceptID) }
  }

  /// Articles carry nothing; every other word of a phrase must be there, so that "after deployment"
  /// needs its "after" and does not fire on every mention of deployment.
  static let articles: Set<String> = ["a", "an", "the"]

  /// Stems, except for agent nouns: Porter2 gives "deployer" and "deploying" the same stem, but a
  /// deployer (an actor) is not deployment (an activity), so one-word agent nouns match their own form.
  static func matchKeys(_ tokens: [Token], isPhrase: Bool) -> [String] {
    let words = tokens.filter { !articles.contains($0.word) }
    if isPhrase && words.count == 1, let agent = agentKey(words[0]) { return [agent] }
    return words.map(\.stem)
  }

  /// `=deployer` for "deployer" and "deployers"; nil for words that are not agent nouns.
  static func agentKey(_ token: Token) -> String? {
    // Most words are not agent nouns; look at the last bytes before building any string.
    let bytes = token.word.utf8
    guard bytes.count > 4 else { return nil }
    var last = bytes.index(before: bytes.endIndex)
    if bytes[last] == UInt8(ascii: "s") { last = bytes.index(before: last) }
    guard bytes[last] == UInt8(ascii: "r"),
      bytes[bytes.index(before: last)] == UInt8(ascii: "e")
        || bytes[bytes.index(before: last)] == UInt8(ascii: "o")
    else { return nil }
    var word = token.word
    if word.hasSuffix("s") && word.count > 4 { word.removeLast() }
    guard word.count > 4, word.hasSuffix("er") || word.hasSuffix("or"), token.stem != word else { return nil }
    return "=" + word
  }

  static func asciiLowercased(_ text: String) -> String {
    String(decoding: text.utf8.map(WordCache.lowercased), as: UTF8.self)
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

/// A word's stem key and agent key, iterated without an array.
private struct KeyPair: Sequence, IteratorProtocol {
  private var keys: (Int32, Int32)
  private var position = 0

  init(_ first: Int32, _ second: Int32) {
    keys = (first, second)
  }

  mutating func next() -> Int32? {
    position += 1
    switch position {
    case 1: return keys.0
    case 2: return keys.1
    default: return nil
    }
  }
}

/// Converts UTF-8 byte offsets into character offsets, which is what a person counting in an editor sees.
struct CharacterOffsets {
  /// Empty when every byte is a character: ASCII text without a CR LF pair (one character of two bytes).
  private let starts: [Int]

  init(_ text: String) {
    var bytes = text.utf8.makeIterator()
    var isPlain = true
    var previous: UInt8 = 0
    while let byte = bytes.next() {
      if byte >= 0x80 || (previous == 0x0D && byte == 0x0A) {
        isPlain = false
        break
      }
      previous = byte
    }
    guard !isPlain else {
      starts = []
      return
    }
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
    guard !starts.isEmpty else { return offset }
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }
}
