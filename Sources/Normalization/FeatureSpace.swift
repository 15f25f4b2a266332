import Foundation
import TextAnalysis

/// The classifier's features and how a statement becomes a vector: TF-IDF over title words, text words
/// and word pairs, and thesaurus concepts with the codes they point to, each block scaled to unit length (L2) and
/// weighted so that no block drowns the others.
struct FeatureSpace: Sendable {
  enum Block: Int, Sendable, Codable, CaseIterable {
    case title
    case text
    case concept
    /// Words of where the statement sits: its section headings and the framework's own fields.
    case context
  }

  /// Feature names: `n:stem` (title word), `t:stem` (text word), `b:stem stem` (text word pair),
  /// `@concept` (thesaurus concept), `#code` (a mitigation code a found concept points to), `s:stem` (a
  /// word of the statement's section path or fields).
  let names: [String]
  let blocks: [Block]
  let idf: [Double]
  let blockWeights: [Double]

  private let titleIndex: [String: Int32]
  private let wordIndex: [String: Int32]
  private let pairIndex: [String: [String: Int32]]
  private let conceptIndex: [String: Int32]
  private let contextIndex: [String: Int32]
  /// Every stem some title, word or pair feature uses, numbered, and per stem id its features: what
  /// coding uses, so that it looks each word up once and then works with integers.
  private let stemIDs: [String: Int32]
  private let titleFeatureOfStem: [Int32]
  private let wordFeatureOfStem: [Int32]
  private let contextFeatureOfStem: [Int32]
  /// Per first stem id, the pairs it starts as (second stem id, feature), sorted by the second stem.
  private let pairsOfStem: [[(second: Int32, feature: Int32)]]

  init(names: [String], idf: [Double], blockWeights: [Double]) {
    self.names = names
    self.idf = idf
    self.blockWeights = blockWeights
    let index = NameIndex(names)
    blocks = index.blocks
    titleIndex = index.title
    wordIndex = index.word
    pairIndex = index.pair
    conceptIndex = index.concept
    contextIndex = index.context
    let stems = StemTable(index)
    stemIDs = stems.ids
    titleFeatureOfStem = stems.titleFeature
    wordFeatureOfStem = stems.wordFeature
    contextFeatureOfStem = stems.contextFeature
    pairsOfStem = stems.pairs
  }

  /// The feature names read by their prefixes: each feature's block, and per block the features by body.
  private struct NameIndex {
    var blocks: [Block] = []
    var title: [String: Int32] = [:]
    var word: [String: Int32] = [:]
    var pair: [String: [String: Int32]] = [:]
    var concept: [String: Int32] = [:]
    var context: [String: Int32] = [:]

    init(_ names: [String]) {
      for (position, name) in names.enumerated() {
        let index = Int32(position)
        let body = String(name.dropFirst(2))
        switch name.prefix(2) {
        case "n:":
          blocks.append(.title)
          title[body] = index
        case "t:":
          blocks.append(.text)
          word[body] = index
        case "b:":
          blocks.append(.text)
          let parts = body.split(separator: " ", maxSplits: 1).map(String.init)
          pair[parts[0], default: [:]][parts.count > 1 ? parts[1] : ""] = index
        case "s:":
          blocks.append(.context)
          context[body] = index
        default:
          blocks.append(.concept)
          concept[name] = index
        }
      }
    }
  }

  /// The stems the title, word, context and pair features use, numbered, and per stem id its features.
  private struct StemTable {
    var ids: [String: Int32]
    var titleFeature: [Int32]
    var wordFeature: [Int32]
    var contextFeature: [Int32]
    var pairs: [[(second: Int32, feature: Int32)]]

    init(_ index: NameIndex) {
      var stemIDs: [String: Int32] = [:]
      func id(_ stem: String) -> Int32 {
        if let id = stemIDs[stem] { return id }
        let id = Int32(stemIDs.count)
        stemIDs[stem] = id
        return id
      }
      // Sorted keys, so that the numbering is the same every run.
      for stem in index.title.keys.sorted() { _ = id(stem) }
      for stem in index.word.keys.sorted() { _ = id(stem) }
      for stem in index.context.keys.sorted() { _ = id(stem) }
      for (first, seconds) in index.pair.sorted(by: { $0.key < $1.key }) {
        _ = id(first)
        for second in seconds.keys.sorted() { _ = id(second) }
      }
      var titleFeature = [Int32](repeating: -1, count: stemIDs.count)
      var wordFeature = [Int32](repeating: -1, count: stemIDs.count)
      var contextFeature = [Int32](repeating: -1, count: stemIDs.count)
      var pairs = [[(second: Int32, feature: Int32)]](repeating: [], count: stemIDs.count)
      for (stem, feature) in index.title { titleFeature[Int(id(stem))] = feature }
      for (stem, feature) in index.word { wordFeature[Int(id(stem))] = feature }
      for (stem, feature) in index.context { contextFeature[Int(id(stem))] = feature }
      for (first, seconds) in index.pair {
        pairs[Int(id(first))] = seconds.map { (id($0.key), $0.value) }.sorted { $0.second < $1.second }
      }
      ids = stemIDs
      self.titleFeature = titleFeature
      self.wordFeature = wordFeature
      self.contextFeature = contextFeature
      self.pairs = pairs
    }
  }

  /// The id of a stem that some title, word or pair feature uses; -1 for any other.
  func stemID(_ stem: String) -> Int32 {
    stemIDs[stem] ?? -1
  }

  /// The index of a concept feature (`@concept` or `#code`), or -1 when the model does not know it.
  func conceptFeature(_ name: String) -> Int32 {
    conceptIndex[name] ?? -1
  }

  /// The raw feature names of a statement, with counts: what training counts document frequencies over.
  static func rawFeatures(title: [String], text: [String], concepts: [String], context: [String] = [])
    -> [String: Int]
  {
    var counts: [String: Int] = [:]
    for stem in title { counts["n:" + stem, default: 0] += 1 }
    for stem in text { counts["t:" + stem, default: 0] += 1 }
    if text.count > 1 {
      for index in 0..<(text.count - 1) {
        counts["b:" + text[index] + " " + text[index + 1], default: 0] += 1
      }
    }
    for concept in concepts { counts[concept, default: 0] += 1 }
    for stem in context { counts["s:" + stem, default: 0] += 1 }
    return counts
  }

  /// The statement's TF-IDF vector, sorted by feature index; features the model does not know are ignored.
  func vector(title: [String], text: [String], concepts: [String], context: [String] = [])
    -> SparseVector
  {
    var features: [Int32] = []
    for stem in title {
      if let index = titleIndex[stem] { features.append(index) }
    }
    for (position, stem) in text.enumerated() {
      if let index = wordIndex[stem] { features.append(index) }
      if position + 1 < text.count, let index = pairIndex[stem]?[text[position + 1]] {
        features.append(index)
      }
    }
    for concept in concepts {
      if let index = conceptIndex[concept] { features.append(index) }
    }
    for stem in context {
      if let index = contextIndex[stem] { features.append(index) }
    }
    return vector(features: &features)
  }

  /// The same vector from stem ids (`stemID`, -1 for unknown stems) and concept feature indices: what
  /// coding computes, with no string hashed.
  func vector(titleStems: [Int32], textStems: [Int32], conceptFeatures: [Int32], contextStems: [Int32] = [])
    -> SparseVector
  {
    var features: [Int32] = []
    features.reserveCapacity(titleStems.count + 2 * textStems.count + conceptFeatures.count)
    for stem in titleStems where stem >= 0 {
      let index = titleFeatureOfStem[Int(stem)]
      if index >= 0 { features.append(index) }
    }
    for (position, stem) in textStems.enumerated() where stem >= 0 {
      let index = wordFeatureOfStem[Int(stem)]
      if index >= 0 { features.append(index) }
      if position + 1 < textStems.count, textStems[position + 1] >= 0,
        let pair = pairFeature(stem, textStems[position + 1])
      {
        features.append(pair)
      }
    }
    for index in conceptFeatures where index >= 0 { features.append(index) }
    for stem in contextStems where stem >= 0 {
      let index = contextFeatureOfStem[Int(stem)]
      if index >= 0 { features.append(index) }
    }
    return vector(features: &features)
  }

  private func pairFeature(_ first: Int32, _ second: Int32) -> Int32? {
    let pairs = pairsOfStem[Int(first)]
    var low = 0
    var high = pairs.count
    while low < high {
      let middle = (low + high) / 2
      if pairs[middle].second < second { low = middle + 1 } else { high = middle }
    }
    return low < pairs.count && pairs[low].second == second ? pairs[low].feature : nil
  }

  /// TF-IDF weights from the features' occurrences (one entry per occurrence, in any order).
  private func vector(features: inout [Int32]) -> SparseVector {
    features.sort()
    var entries: [(index: Int32, value: Double)] = []
    var start = 0
    while start < features.count {
      var end = start + 1
      while end < features.count && features[end] == features[start] { end += 1 }
      let index = features[start]
      entries.append((index, (1 + log(Double(end - start))) * idf[Int(index)]))
      start = end
    }
    var norms = [Double](repeating: 0, count: Block.allCases.count)
    for entry in entries { norms[blocks[Int(entry.index)].rawValue] += entry.value * entry.value }
    for block in 0..<norms.count { norms[block] = norms[block] > 0 ? norms[block].squareRoot() : 1 }
    return SparseVector(
      indices: entries.map(\.index),
      values: entries.map { entry in
        let block = blocks[Int(entry.index)].rawValue
        return entry.value / norms[block] * (block < blockWeights.count ? blockWeights[block] : 0)
      })
  }

  /// A person-readable name of a feature, for reasons.
  func describe(_ index: Int) -> String {
    let name = names[index]
    let body = String(name.dropFirst(2))
    switch name.prefix(2) {
    case "n:": return "title word “\(body)”"
    case "t:": return "word “\(body)”"
    case "b:": return "words “\(body)”"
    case "s:": return "section word “\(body)”"
    default:
      if name.hasPrefix("#") { return "concepts pointing to \(name.dropFirst())" }
      return "concept \(name.dropFirst())"
    }
  }
}

/// A sparse vector: feature indices in ascending order and their values. A model file stores each list as
/// packed numbers, as it does the weights.
struct SparseVector: Sendable, Hashable, Codable {
  @PackedNumbers var indices: [Int32]
  @PackedNumbers var values: [Double]

  init(indices: [Int32], values: [Double]) {
    self.indices = indices
    self.values = values
  }

  func dot(_ dense: ArraySlice<Double>) -> Double {
    var sum = 0.0
    let base = dense.startIndex
    for position in 0..<indices.count { sum += values[position] * dense[base + Int(indices[position])] }
    return sum
  }

  func dot(_ other: SparseVector) -> Double {
    var sum = 0.0
    var left = 0
    var right = 0
    while left < indices.count && right < other.indices.count {
      if indices[left] == other.indices[right] {
        sum += values[left] * other.values[right]
        left += 1
        right += 1
      } else if indices[left] < other.indices[right] {
        left += 1
      } else {
        right += 1
      }
    }
    return sum
  }

  var squaredNorm: Double { values.reduce(0) { $0 + $1 * $1 } }
}
