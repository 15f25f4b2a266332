import Foundation
import TextAnalysis

/// The classifier's features and how a statement becomes a vector: TF-IDF over title words, text words
/// and word pairs, and thesaurus concepts with the codes they point to, each block L2-normalised and
/// weighted so that no block drowns the others.
public struct FeatureSpace: Sendable {
  public enum Block: Int, Sendable, Codable, CaseIterable {
    case title
    case text
    case concept
  }

  /// Feature names: `n:stem` (title word), `t:stem` (text word), `b:stem stem` (text word pair),
  /// `@concept` (thesaurus concept), `#code` (a mitigation code a found concept points to).
  public let names: [String]
  public let blocks: [Block]
  public let idf: [Double]
  public let blockWeights: [Double]

  private let titleIndex: [String: Int32]
  private let wordIndex: [String: Int32]
  private let pairIndex: [String: [String: Int32]]
  private let conceptIndex: [String: Int32]

  public init(names: [String], idf: [Double], blockWeights: [Double]) {
    self.names = names
    self.idf = idf
    self.blockWeights = blockWeights
    var blocks: [Block] = []
    var titleIndex: [String: Int32] = [:]
    var wordIndex: [String: Int32] = [:]
    var pairIndex: [String: [String: Int32]] = [:]
    var conceptIndex: [String: Int32] = [:]
    for (position, name) in names.enumerated() {
      let index = Int32(position)
      let body = String(name.dropFirst(2))
      switch name.prefix(2) {
      case "n:":
        blocks.append(.title)
        titleIndex[body] = index
      case "t:":
        blocks.append(.text)
        wordIndex[body] = index
      case "b:":
        blocks.append(.text)
        let parts = body.split(separator: " ", maxSplits: 1).map(String.init)
        pairIndex[parts[0], default: [:]][parts.count > 1 ? parts[1] : ""] = index
      default:
        blocks.append(.concept)
        conceptIndex[name] = index
      }
    }
    self.blocks = blocks
    self.titleIndex = titleIndex
    self.wordIndex = wordIndex
    self.pairIndex = pairIndex
    self.conceptIndex = conceptIndex
  }

  /// The raw feature names of a statement, with counts: what training counts document frequencies over.
  static func rawFeatures(title: [String], text: [String], concepts: [String]) -> [String: Int] {
    var counts: [String: Int] = [:]
    for stem in title { counts["n:" + stem, default: 0] += 1 }
    for stem in text { counts["t:" + stem, default: 0] += 1 }
    if text.count > 1 {
      for index in 0..<(text.count - 1) {
        counts["b:" + text[index] + " " + text[index + 1], default: 0] += 1
      }
    }
    for concept in concepts { counts[concept, default: 0] += 1 }
    return counts
  }

  /// The statement's TF-IDF vector, sorted by feature index; features the model does not know are ignored.
  public func vector(title: [String], text: [String], concepts: [String]) -> SparseVector {
    var counts: [Int32: Double] = [:]
    for stem in title {
      if let index = titleIndex[stem] { counts[index, default: 0] += 1 }
    }
    for (position, stem) in text.enumerated() {
      if let index = wordIndex[stem] { counts[index, default: 0] += 1 }
      if position + 1 < text.count, let index = pairIndex[stem]?[text[position + 1]] {
        counts[index, default: 0] += 1
      }
    }
    for concept in concepts {
      if let index = conceptIndex[concept] { counts[index, default: 0] += 1 }
    }
    var entries = counts.map { (index: $0.key, value: (1 + log($0.value)) * idf[Int($0.key)]) }
    entries.sort { $0.index < $1.index }
    var norms = [Double](repeating: 0, count: Block.allCases.count)
    for entry in entries { norms[blocks[Int(entry.index)].rawValue] += entry.value * entry.value }
    for block in 0..<norms.count { norms[block] = norms[block] > 0 ? norms[block].squareRoot() : 1 }
    return SparseVector(
      indices: entries.map(\.index),
      values: entries.map { entry in
        let block = blocks[Int(entry.index)].rawValue
        return entry.value / norms[block] * blockWeights[block]
      })
  }

  /// A person-readable name of a feature, for reasons.
  public func describe(_ index: Int) -> String {
    let name = names[index]
    let body = String(name.dropFirst(2))
    switch name.prefix(2) {
    case "n:": return "title word “\(body)”"
    case "t:": return "word “\(body)”"
    case "b:": return "words “\(body)”"
    default:
      if name.hasPrefix("#") { return "concepts pointing to \(name.dropFirst())" }
      return "concept \(name.dropFirst())"
    }
  }
}

/// A sparse vector: feature indices in ascending order and their values.
public struct SparseVector: Sendable, Hashable, Codable {
  public var indices: [Int32]
  public var values: [Double]

  public init(indices: [Int32], values: [Double]) {
    self.indices = indices
    self.values = values
  }

  public func dot(_ dense: ArraySlice<Double>) -> Double {
    var sum = 0.0
    let base = dense.startIndex
    for position in 0..<indices.count { sum += values[position] * dense[base + Int(indices[position])] }
    return sum
  }

  public func dot(_ other: SparseVector) -> Double {
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

  public var squaredNorm: Double { values.reduce(0) { $0 + $1 * $1 } }
}
