import ContentHash
import Foundation
import ScanModel
import TextAnalysis

/// The statements turned into numbers once, so that scoring millions of pairs allocates nothing: stems are
/// interned to term ids (sorted vocabulary, so ids do not depend on input order), each statement holds its
/// unique terms sorted by id with unit-length TF-IDF weights and its leading action, and concepts are interned
/// too.
struct AnalysedCorpus: Sendable {
  let count: Int
  /// Term id to stem, sorted.
  let vocabulary: [String]
  /// Term id to its stable 64-bit hash, the MinHash input.
  let termHashes: [UInt64]
  /// Term id to the number of statements that contain it.
  let documentFrequency: [UInt32]
  /// Term id to `ln((1 + n) / (1 + df)) + 1`, the smoothed IDF.
  let idf: [Double]
  /// Statement i's unique terms are `terms[offsets[i]..<offsets[i + 1]]`, ascending.
  let offsets: [Int]
  let terms: [UInt32]
  /// How often each term occurs in its statement, parallel to `terms`.
  let counts: [UInt32]
  /// The TF-IDF vector, L2-normalised, parallel to `terms`.
  let unitWeights: [Double]
  /// The kind of the first action word in each statement, or -1 when it has none.
  let leadingAction: [Int8]
  /// The term ids of that first action word (several for a phrase such as "red team"):
  /// `leadingTerms[leadingOffsets[i]..<leadingOffsets[i + 1]]`.
  let leadingOffsets: [Int]
  let leadingTerms: [UInt32]
  /// The set of action kinds in each statement, as bits.
  let actionMask: [UInt64]
  /// Number of content words (stop words excluded) in each statement, repeats included.
  let wordCount: [Int32]
  /// Statement i's concepts are `concepts[conceptOffsets[i]..<conceptOffsets[i + 1]]`, ascending ids.
  let conceptOffsets: [Int]
  let concepts: [UInt32]
  let conceptNames: [String]

  init(inputs: [DeduplicationInput], lexicon: ActionLexicon, analyzer: TextAnalyzer = TextAnalyzer()) {
    let count = inputs.count
    self.count = count
    let pieces = Parallel.ranges(count, pieces: Parallel.pieceCount(for: count))

    // Analyse in parallel; each piece interns its stems locally so that no lock is needed.
    let local = Parallel.map(pieces.count) { piece -> LocalPiece in
      var piece = LocalPiece(range: pieces[piece])
      for index in piece.range {
        for stem in analyzer.terms(inputs[index].text) {
          piece.append(stem)
        }
        piece.endStatement()
      }
      return piece
    }

    // One sorted vocabulary, so that term ids (and the order sums are taken in) do not depend on input order.
    var allStems = Set<String>()
    for piece in local { allStems.formUnion(piece.stems) }
    let vocabulary = allStems.sorted()
    var termID: [String: UInt32] = [:]
    termID.reserveCapacity(vocabulary.count)
    for (id, stem) in vocabulary.enumerated() { termID[stem] = UInt32(id) }
    self.vocabulary = vocabulary
    self.termHashes = vocabulary.map(StableHash.string)

    var singleClass = [Int8](repeating: -1, count: vocabulary.count)
    for (stem, classIndex) in lexicon.singles {
      if let id = termID[stem] { singleClass[Int(id)] = Int8(classIndex) }
    }
    let phrases: [(ids: [UInt32], classIndex: Int8)] = lexicon.phrases.compactMap { phrase in
      let ids = phrase.stems.compactMap { termID[$0] }
      return ids.count == phrase.stems.count ? (ids, Int8(phrase.classIndex)) : nil
    }

    // Per statement: term sequence -> actions, then unique sorted terms with counts.
    let built = Parallel.map(pieces.count) { pieceIndex -> BuiltPiece in
      let piece = local[pieceIndex]
      let remap = piece.stems.map { termID[$0] ?? 0 }
      var out = BuiltPiece()
      var sequence: [UInt32] = []
      var order: [Int] = []
      for statement in 0..<piece.range.count {
        let start = piece.offsets[statement]
        let end = piece.offsets[statement + 1]
        sequence.removeAll(keepingCapacity: true)
        for position in start..<end { sequence.append(remap[Int(piece.localIDs[position])]) }
        var leading: Int8 = -1
        var leadingStart = -1
        var leadingLength = 0
        var mask: UInt64 = 0
        var position = 0
        while position < sequence.count {
          var matched = 0
          for phrase in phrases where phrase.ids.count <= sequence.count - position {
            if sequence[position..<(position + phrase.ids.count)].elementsEqual(phrase.ids) {
              if leading < 0 {
                leading = phrase.classIndex
                leadingStart = position
                leadingLength = phrase.ids.count
              }
              mask |= 1 << UInt64(phrase.classIndex)
              matched = phrase.ids.count
              break
            }
          }
          if matched == 0 {
            let single = singleClass[Int(sequence[position])]
            if single >= 0 {
              if leading < 0 {
                leading = single
                leadingStart = position
                leadingLength = 1
              }
              mask |= 1 << UInt64(single)
            }
            matched = 1
          }
          position += matched
        }
        out.leading.append(leading)
        if leadingStart >= 0 {
          out.leadingTerms.append(contentsOf: sequence[leadingStart..<(leadingStart + leadingLength)])
        }
        out.leadingOffsets.append(out.leadingTerms.count)
        out.masks.append(mask)
        out.wordCounts.append(Int32(sequence.count))
        // Unique terms, ascending, with their counts.
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: sequence.indices)
        order.sort { sequence[$0] != sequence[$1] ? sequence[$0] < sequence[$1] : $0 < $1 }
        var cursor = 0
        while cursor < order.count {
          let term = sequence[order[cursor]]
          var run = cursor + 1
          while run < order.count, sequence[order[run]] == term { run += 1 }
          out.terms.append(term)
          out.counts.append(UInt32(run - cursor))
          cursor = run
        }
        out.offsets.append(out.terms.count)
      }
      return out
    }

    var offsets: [Int] = [0]
    offsets.reserveCapacity(count + 1)
    var terms: [UInt32] = []
    var counts: [UInt32] = []
    var leadingAction: [Int8] = []
    var leadingOffsets: [Int] = [0]
    var leadingTerms: [UInt32] = []
    var actionMask: [UInt64] = []
    var wordCount: [Int32] = []
    let totalTerms = built.reduce(0) { $0 + $1.terms.count }
    terms.reserveCapacity(totalTerms)
    counts.reserveCapacity(totalTerms)
    for piece in built {
      let base = terms.count
      terms.append(contentsOf: piece.terms)
      counts.append(contentsOf: piece.counts)
      let leadingBase = leadingTerms.count
      leadingTerms.append(contentsOf: piece.leadingTerms)
      leadingOffsets.append(contentsOf: piece.leadingOffsets.dropFirst().map { $0 + leadingBase })
      offsets.append(contentsOf: piece.offsets.dropFirst().map { $0 + base })
      leadingAction.append(contentsOf: piece.leading)
      actionMask.append(contentsOf: piece.masks)
      wordCount.append(contentsOf: piece.wordCounts)
    }

    var documentFrequency = [UInt32](repeating: 0, count: vocabulary.count)
    for term in terms { documentFrequency[Int(term)] += 1 }
    let total = Double(count)
    let idf = documentFrequency.map { log((1 + total) / (1 + Double($0))) + 1 }

    // Unit-length TF-IDF vectors; summing in term-id order keeps the bits the same for any input order.
    let weightPieces = Parallel.map(pieces.count) { pieceIndex -> [Double] in
      let range = pieces[pieceIndex]
      var weights: [Double] = []
      weights.reserveCapacity(offsets[range.upperBound] - offsets[range.lowerBound])
      for statement in range {
        let span = offsets[statement]..<offsets[statement + 1]
        var norm = 0.0
        for position in span {
          let weight = Double(counts[position]) * idf[Int(terms[position])]
          norm += weight * weight
        }
        let scale = norm > 0 ? 1 / norm.squareRoot() : 0
        for position in span {
          weights.append(Double(counts[position]) * idf[Int(terms[position])] * scale)
        }
      }
      return weights
    }

    var conceptNames = Set<String>()
    for input in inputs { conceptNames.formUnion(input.concepts) }
    let sortedConcepts = conceptNames.sorted()
    var conceptID: [String: UInt32] = [:]
    for (id, name) in sortedConcepts.enumerated() { conceptID[name] = UInt32(id) }
    var conceptOffsets: [Int] = [0]
    var concepts: [UInt32] = []
    for input in inputs {
      let ids = Set(input.concepts.compactMap { conceptID[$0] }).sorted()
      concepts.append(contentsOf: ids)
      conceptOffsets.append(concepts.count)
    }

    self.documentFrequency = documentFrequency
    self.idf = idf
    self.offsets = offsets
    self.terms = terms
    self.counts = counts
    self.unitWeights = weightPieces.flatMap { $0 }
    self.leadingOffsets = leadingOffsets
    self.leadingTerms = leadingTerms
    self.leadingAction = leadingAction
    self.actionMask = actionMask
    self.wordCount = wordCount
    self.conceptOffsets = conceptOffsets
    self.concepts = concepts
    self.conceptNames = sortedConcepts
  }

  func termRange(_ statement: Int) -> Range<Int> {
    offsets[statement]..<offsets[statement + 1]
  }

  func leadingRange(_ statement: Int) -> Range<Int> {
    leadingOffsets[statement]..<leadingOffsets[statement + 1]
  }

  func conceptRange(_ statement: Int) -> Range<Int> {
    conceptOffsets[statement]..<conceptOffsets[statement + 1]
  }

  /// The stems of statement i's terms, for explanations.
  func stems(_ statement: Int) -> [String] {
    termRange(statement).map { vocabulary[Int(terms[$0])] }
  }
}

/// One piece's stems, interned locally while it is analysed.
private struct LocalPiece {
  let range: Range<Int>
  var stems: [String] = []
  var index: [String: UInt32] = [:]
  var localIDs: [UInt32] = []
  var offsets: [Int] = [0]

  init(range: Range<Int>) {
    self.range = range
  }

  mutating func append(_ stem: String) {
    if let id = index[stem] {
      localIDs.append(id)
    } else {
      let id = UInt32(stems.count)
      index[stem] = id
      stems.append(stem)
      localIDs.append(id)
    }
  }

  mutating func endStatement() {
    offsets.append(localIDs.count)
  }
}

/// One piece's statements in global term ids.
private struct BuiltPiece {
  var terms: [UInt32] = []
  var counts: [UInt32] = []
  var offsets: [Int] = [0]
  var leading: [Int8] = []
  var leadingOffsets: [Int] = [0]
  var leadingTerms: [UInt32] = []
  var masks: [UInt64] = []
  var wordCounts: [Int32] = []
}
