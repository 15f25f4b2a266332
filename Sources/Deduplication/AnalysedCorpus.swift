import ContentHash
import Foundation
import ScanModel
import TextAnalysis
import Utilities

/// The statements turned into numbers once, so that scoring millions of pairs allocates nothing: stems are
/// interned to term ids (sorted vocabulary, so ids do not depend on input order), each statement holds its
/// unique terms sorted by id with unit-length TF-IDF weights and its leading action, and concepts are interned
/// too, with IDF weights and the slot values they name.
///
/// Framework-voice words (`voice.words`) are dropped before anything else, like stop words: they say which
/// framework a statement comes from, not which practice it states.
struct AnalysedCorpus: Sendable {
  let count: Int
  /// Term id to stem, sorted.
  let vocabulary: [String]
  /// The stems' UTF-8, one after another: term t is `stemBytes[stemOffsets[t]..<stemOffsets[t + 1]]`. The
  /// reasons of millions of edges name stems, and copying bytes is cheaper than copying from strings.
  let stemBytes: [UInt8]
  let stemOffsets: [Int]
  /// Term id to its stable 64-bit hash, the MinHash input.
  let termHashes: [UInt64]
  /// Term id to the number of statements that contain it.
  let documentFrequency: [UInt32]
  /// Term id to `ln((1 + n) / (1 + df)) + 1`, the smoothed IDF.
  let idf: [Double]
  /// Where each statement's terms, leading action words and concepts lie, with its action kinds: one
  /// record per statement, because the scorer reads all of these for both statements of every pair, and
  /// the second statement of a candidate pair is anywhere in the input. Kept in separate arrays they cost a
  /// cache miss each per pair, which at a million statements was most of the scoring time.
  let headers: [Header]
  /// Statement i's unique terms, ascending by id, with their counts and TF-IDF weights: `entries[termRange(i)]`.
  let entries: [TermEntry]
  /// The term ids of each statement's leading action word (several for a phrase such as "red team"):
  /// `leadingTerms[leadingRange(i)]`.
  let leadingTerms: [UInt32]
  /// Number of content words (stop words excluded) in each statement, repeats included.
  let wordCount: [Int32]
  /// Statement i's concepts, voice concepts left out, ascending ids: `concepts[conceptRange(i)]`.
  let concepts: [UInt32]
  let conceptNames: [String]
  /// Concept id to `ln((1 + n) / (1 + df)) + 1` over the statements of the run: a concept few statements
  /// name (red-teaming, whistleblowing) says more about a pair than one most name (risk, deployment).
  let conceptIDF: [Double]
  /// The length of each statement's concept vector, `sqrt(Σ idf²)`, for the cosine.
  let conceptNorm: [Double]
  /// The slot values each statement names: `slotBits[i * slotCount + slot]`, one bit per value.
  let slotBits: [UInt64]
  let slotCount: Int

  init(
    inputs: [DeduplicationInput], lexicon: ActionLexicon, voice: VoiceWords, voiceConcepts: Set<String>,
    slots: ConceptSlots, analyzer: TextAnalyzer = TextAnalyzer()
  ) {
    let count = inputs.count
    self.count = count
    let pieces = Parallel.ranges(count, pieces: Parallel.pieceCount(for: count))
    let local = Self.analyse(inputs, pieces: pieces, voice: voice, analyzer: analyzer)

    // One sorted vocabulary, so that term ids (and the order sums are taken in) do not depend on input order.
    let vocabulary = Self.sortedVocabulary(local)
    var termID: [String: UInt32] = [:]
    termID.reserveCapacity(vocabulary.count)
    for (id, stem) in vocabulary.enumerated() { termID[stem] = UInt32(id) }
    self.vocabulary = vocabulary
    (self.stemBytes, self.stemOffsets) = Self.packStems(vocabulary)
    self.termHashes = vocabulary.map(StableHash.string)

    let matcher = ActionMatcher(lexicon: lexicon, termID: termID, termCount: vocabulary.count)
    // The pieces are dropped as soon as they are joined.
    let joined = JoinedPieces(Self.build(local, termID: termID, matcher: matcher), count: count)

    var documentFrequency = [UInt32](repeating: 0, count: vocabulary.count)
    for term in joined.terms { documentFrequency[Int(term)] += 1 }
    let idf = documentFrequency.map { Self.smoothedIDF(frequency: Int($0), count: count) }
    let entries = Self.termEntries(joined, pieces: pieces, idf: idf)

    let conceptTable = ConceptTable(inputs, voiceConcepts: voiceConcepts, slots: slots)
    var conceptFrequency = [Int](repeating: 0, count: conceptTable.names.count)
    for concept in conceptTable.concepts { conceptFrequency[Int(concept)] += 1 }
    let conceptIDF = conceptFrequency.map { Self.smoothedIDF(frequency: $0, count: count) }

    self.documentFrequency = documentFrequency
    self.idf = idf
    self.headers = Self.headers(joined, conceptTable, slotCount: slots.names.count)
    self.entries = entries
    self.leadingTerms = joined.leadingTerms
    self.wordCount = joined.wordCount
    self.concepts = conceptTable.concepts
    self.conceptNames = conceptTable.names
    self.conceptIDF = conceptIDF
    self.conceptNorm = Self.conceptNorms(conceptTable, idf: conceptIDF, count: count)
    self.slotBits = conceptTable.slotBits
    self.slotCount = slots.names.count
  }

  /// `ln((1 + n) / (1 + df)) + 1`: the smoothed IDF of a term or concept `frequency` of `count` statements name.
  private static func smoothedIDF(frequency: Int, count: Int) -> Double {
    log((1 + Double(count)) / (1 + Double(frequency))) + 1
  }

  /// Analyses the pieces in parallel; each piece interns its stems locally so that no lock is needed. Stop
  /// words are not kept, but modal verbs and forms of "be" are noted, because they show where the main verb is.
  private static func analyse(
    _ inputs: [DeduplicationInput], pieces: [Range<Int>], voice: VoiceWords, analyzer: TextAnalyzer
  ) -> [LocalPiece] {
    Parallel.map(pieces.count) { piece -> LocalPiece in
      var piece = LocalPiece(range: pieces[piece])
      for index in piece.range {
        var position = 0
        var contentCount: Int32 = 0
        var modalAt: Int32 = -1
        var lastBe = Int.min / 2
        for token in analyzer.tokens(inputs[index].text) where !voice.contains(token) {
          if token.isStopWord {
            if modalAt < 0 && Self.modals.contains(token.word) { modalAt = contentCount }
            if Self.beForms.contains(token.word) { lastBe = position }
          } else {
            piece.append(token.stem, followsBe: position - lastBe <= 2)
            contentCount += 1
          }
          position += 1
        }
        piece.endStatement(modalAt: modalAt)
      }
      return piece
    }
  }

  private static func sortedVocabulary(_ local: [LocalPiece]) -> [String] {
    var allStems = Set<String>()
    for piece in local { allStems.formUnion(piece.stems) }
    return allStems.sorted()
  }

  /// The stems' UTF-8 one after another, and where each starts (see `stemBytes`).
  private static func packStems(_ vocabulary: [String]) -> (bytes: [UInt8], offsets: [Int]) {
    var stemBytes: [UInt8] = []
    var stemOffsets = [0]
    stemOffsets.reserveCapacity(vocabulary.count + 1)
    for stem in vocabulary {
      stemBytes.append(contentsOf: stem.utf8)
      stemOffsets.append(stemBytes.count)
    }
    return (stemBytes, stemOffsets)
  }

  /// Per statement, in parallel: term sequence -> actions, then unique sorted terms with counts.
  private static func build(
    _ local: [LocalPiece], termID: [String: UInt32], matcher: ActionMatcher
  ) -> [BuiltPiece] {
    Parallel.map(local.count) { pieceIndex -> BuiltPiece in
      let piece = local[pieceIndex]
      let remap = piece.stems.map { termID[$0] ?? 0 }
      var out = BuiltPiece()
      var sequence: [UInt32] = []
      var order: [Int] = []
      var found: [ActionMatch] = []
      for statement in 0..<piece.range.count {
        let start = piece.offsets[statement]
        let end = piece.offsets[statement + 1]
        sequence.removeAll(keepingCapacity: true)
        for position in start..<end { sequence.append(remap[Int(piece.localIDs[position])]) }
        let mask = matcher.find(in: sequence, into: &found)
        let main = Self.mainAction(
          found, modalAt: piece.modalAt[statement], followsBe: { piece.followsBe[start + $0] })
        out.appendStatement(sequence, mask: mask, leading: main.map { found[$0] }, order: &order)
      }
      return out
    }
  }

  /// Unit-length TF-IDF vectors, in parallel; summing in term-id order keeps the bits the same for any
  /// input order.
  private static func termEntries(_ joined: JoinedPieces, pieces: [Range<Int>], idf: [Double]) -> [TermEntry]
  {
    let offsets = joined.offsets
    let terms = joined.terms
    let counts = joined.counts
    let entryPieces = Parallel.map(pieces.count) { pieceIndex -> [TermEntry] in
      let range = pieces[pieceIndex]
      var entries: [TermEntry] = []
      entries.reserveCapacity(offsets[range.upperBound] - offsets[range.lowerBound])
      for statement in range {
        let span = offsets[statement]..<offsets[statement + 1]
        var norm = 0.0
        for position in span {
          let weight = Double(counts[position]) * idf[Int(terms[position])]
          norm += weight * weight
        }
        let scale = norm > 0 ? 1 / norm.squareRoot() : 0
        for position in span {
          entries.append(
            TermEntry(
              term: terms[position], count: counts[position],
              weight: Double(counts[position]) * idf[Int(terms[position])] * scale))
        }
      }
      return entries
    }
    return entryPieces.flatMap { $0 }
  }

  /// The length of each statement's concept vector. Sums in concept-id order, so the bits do not depend on
  /// the input order.
  private static func conceptNorms(_ table: ConceptTable, idf: [Double], count: Int) -> [Double] {
    (0..<count).map { statement in
      table.concepts[table.offsets[statement]..<table.offsets[statement + 1]].reduce(0.0) {
        $0 + idf[Int($1)] * idf[Int($1)]
      }.squareRoot()
    }
  }

  /// One `Header` per statement, from where its parts lie in the joined arrays.
  private static func headers(_ joined: JoinedPieces, _ table: ConceptTable, slotCount: Int) -> [Header] {
    precondition(
      joined.terms.count <= Int(UInt32.max) && table.concepts.count <= Int(UInt32.max)
        && joined.leadingTerms.count <= Int(UInt32.max),
      "more terms than 32-bit positions can index")
    let offsets = joined.offsets
    let leadingOffsets = joined.leadingOffsets
    let conceptOffsets = table.offsets
    var headers: [Header] = []
    headers.reserveCapacity(joined.leadingAction.count)
    for statement in 0..<joined.leadingAction.count {
      let leadingLength = leadingOffsets[statement + 1] - leadingOffsets[statement]
      precondition(leadingLength <= Int(UInt8.max), "an action phrase of more than 255 words")
      var hasSlots = false
      for slot in 0..<slotCount where table.slotBits[statement * slotCount + slot] != 0 { hasSlots = true }
      headers.append(
        Header(
          actionMask: joined.actionMask[statement], termStart: UInt32(offsets[statement]),
          termEnd: UInt32(offsets[statement + 1]), conceptStart: UInt32(conceptOffsets[statement]),
          conceptEnd: UInt32(conceptOffsets[statement + 1]), leadingStart: UInt32(leadingOffsets[statement]),
          leadingLength: UInt8(leadingLength), leadingAction: joined.leadingAction[statement],
          hasSlots: hasSlots))
    }
    return headers
  }

  /// Modal verbs: in "Providers should test models", the verb after the modal is the main one.
  static let modals: Set<String> = [
    "should", "shall", "must", "can", "could", "may", "might", "will", "would",
  ]
  /// Forms of "be": in "Serious incidents should be reported" or "whether results are published", the
  /// participle right after one is the main verb (the passive voice).
  static let beForms: Set<String> = ["be", "is", "are", "was", "were", "been", "being"]

  /// Which of a statement's action words (in order of position) is its main verb: what it asks for, not
  /// what a relative clause or a subject mentions on the way ("Employees who report concerns should be
  /// protected" is about protecting). A statement that opens with an action word is an imperative and that
  /// word leads. Otherwise the first action word after the first modal verb leads; without a modal, the
  /// first action word right after a form of "be" (a passive or a question: "whether results are
  /// published"); failing both, the first action word.
  static func mainAction(
    _ found: [ActionMatch], modalAt: Int32, followsBe: (Int) -> Bool
  ) -> Int? {
    guard let first = found.first else { return nil }
    if first.position == 0 { return 0 }
    if modalAt >= 0 {
      return found.firstIndex { $0.position >= Int(modalAt) } ?? 0
    }
    return found.firstIndex { followsBe($0.position) } ?? 0
  }

  func appendStem(_ term: UInt32, to text: inout [UInt8]) {
    text.append(contentsOf: stemBytes[stemOffsets[Int(term)]..<stemOffsets[Int(term) + 1]])
  }

  func termRange(_ statement: Int) -> Range<Int> {
    Int(headers[statement].termStart)..<Int(headers[statement].termEnd)
  }

  func leadingRange(_ statement: Int) -> Range<Int> {
    let header = headers[statement]
    return Int(header.leadingStart)..<(Int(header.leadingStart) + Int(header.leadingLength))
  }

  func conceptRange(_ statement: Int) -> Range<Int> {
    Int(headers[statement].conceptStart)..<Int(headers[statement].conceptEnd)
  }

  func leadingAction(_ statement: Int) -> Int8 {
    headers[statement].leadingAction
  }

  func actionMask(_ statement: Int) -> UInt64 {
    headers[statement].actionMask
  }

  /// One statement's place in the shared arrays and its action kinds; 32 bytes.
  struct Header: Sendable {
    /// The set of action kinds in the statement, as bits.
    var actionMask: UInt64
    var termStart: UInt32
    var termEnd: UInt32
    var conceptStart: UInt32
    var conceptEnd: UInt32
    var leadingStart: UInt32
    var leadingLength: UInt8
    /// The kind of the statement's leading action (its main verb; see `mainAction`), or -1 when it names
    /// no action.
    var leadingAction: Int8
    /// The statement names a value of some slot; without one it cannot conflict in any slot.
    var hasSlots: Bool
  }

  /// One unique term of a statement.
  struct TermEntry: Sendable {
    var term: UInt32
    /// How often the term occurs in the statement.
    var count: UInt32
    /// Its component of the statement's L2-normalised TF-IDF vector.
    var weight: Double
  }
}

/// An action word or phrase found in a statement: its content position, kind and length in words.
typealias ActionMatch = (position: Int, kind: Int8, length: Int)

/// The lexicon's action words and phrases in term ids.
private struct ActionMatcher {
  /// Term id to the kind of action the word alone names, or -1.
  let singleClass: [Int8]
  let phrases: [(ids: [UInt32], classIndex: Int8)]

  init(lexicon: ActionLexicon, termID: [String: UInt32], termCount: Int) {
    var singleClass = [Int8](repeating: -1, count: termCount)
    for (stem, classIndex) in lexicon.singles {
      if let id = termID[stem] { singleClass[Int(id)] = Int8(classIndex) }
    }
    self.singleClass = singleClass
    self.phrases = lexicon.phrases.compactMap { phrase in
      let ids = phrase.stems.compactMap { termID[$0] }
      return ids.count == phrase.stems.count ? (ids, Int8(phrase.classIndex)) : nil
    }
  }

  /// Every action word or phrase in `sequence`, in order, into `found` (emptied first); returns the set of
  /// their kinds as bits.
  func find(in sequence: [UInt32], into found: inout [ActionMatch]) -> UInt64 {
    found.removeAll(keepingCapacity: true)
    var mask: UInt64 = 0
    var position = 0
    while position < sequence.count {
      var matched = 0
      for phrase in phrases where phrase.ids.count <= sequence.count - position {
        if sequence[position..<(position + phrase.ids.count)].elementsEqual(phrase.ids) {
          found.append((position, phrase.classIndex, phrase.ids.count))
          mask |= 1 << UInt64(phrase.classIndex)
          matched = phrase.ids.count
          break
        }
      }
      if matched == 0 {
        let single = singleClass[Int(sequence[position])]
        if single >= 0 {
          found.append((position, single, 1))
          mask |= 1 << UInt64(single)
        }
        matched = 1
      }
      position += matched
    }
    return mask
  }
}

/// One piece's stems, interned locally while it is analysed.
private struct LocalPiece {
  let range: Range<Int>
  var stems: [String] = []
  var index: [String: UInt32] = [:]
  var localIDs: [UInt32] = []
  /// Parallel to `localIDs`: the word comes at most two words after a form of "be".
  var followsBe: [Bool] = []
  var offsets: [Int] = [0]
  /// Per statement: how many content words come before its first modal verb, or -1 without one.
  var modalAt: [Int32] = []

  init(range: Range<Int>) {
    self.range = range
  }

  mutating func append(_ stem: String, followsBe: Bool) {
    self.followsBe.append(followsBe)
    if let id = index[stem] {
      localIDs.append(id)
    } else {
      let id = UInt32(stems.count)
      index[stem] = id
      stems.append(stem)
      localIDs.append(id)
    }
  }

  mutating func endStatement(modalAt: Int32) {
    offsets.append(localIDs.count)
    self.modalAt.append(modalAt)
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

  /// Adds a statement: its term sequence in global ids, its action kinds as bits and its leading action.
  /// `order` is scratch space, kept by the caller so that its storage is reused.
  mutating func appendStatement(_ sequence: [UInt32], mask: UInt64, leading: ActionMatch?, order: inout [Int])
  {
    self.leading.append(leading?.kind ?? -1)
    if let leading {
      leadingTerms.append(contentsOf: sequence[leading.position..<(leading.position + leading.length)])
    }
    leadingOffsets.append(leadingTerms.count)
    masks.append(mask)
    wordCounts.append(Int32(sequence.count))
    // Unique terms, ascending, with their counts.
    order.removeAll(keepingCapacity: true)
    order.append(contentsOf: sequence.indices)
    order.sort { sequence[$0] != sequence[$1] ? sequence[$0] < sequence[$1] : $0 < $1 }
    var cursor = 0
    while cursor < order.count {
      let term = sequence[order[cursor]]
      var run = cursor + 1
      while run < order.count, sequence[order[run]] == term { run += 1 }
      terms.append(term)
      counts.append(UInt32(run - cursor))
      cursor = run
    }
    offsets.append(terms.count)
  }
}

/// All pieces' statements in global term ids, joined in input order.
private struct JoinedPieces {
  var offsets: [Int] = [0]
  var terms: [UInt32] = []
  var counts: [UInt32] = []
  var leadingAction: [Int8] = []
  var leadingOffsets: [Int] = [0]
  var leadingTerms: [UInt32] = []
  var actionMask: [UInt64] = []
  var wordCount: [Int32] = []

  init(_ built: [BuiltPiece], count: Int) {
    offsets.reserveCapacity(count + 1)
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
  }
}

/// The run's concepts interned (voice concepts left out, ids in sorted order), each statement's concept ids
/// and the slot values they name.
private struct ConceptTable {
  let names: [String]
  /// Statement i's concept ids, ascending: `concepts[offsets[i]..<offsets[i + 1]]`.
  var concepts: [UInt32] = []
  var offsets: [Int] = [0]
  /// `slotBits[i * slotCount + slot]`, one bit per value.
  var slotBits: [UInt64]

  init(_ inputs: [DeduplicationInput], voiceConcepts: Set<String>, slots: ConceptSlots) {
    var conceptNames = Set<String>()
    for input in inputs { conceptNames.formUnion(input.concepts) }
    conceptNames.subtract(voiceConcepts)
    names = conceptNames.sorted()
    var conceptID: [String: UInt32] = [:]
    for (id, name) in names.enumerated() { conceptID[name] = UInt32(id) }
    let slotCount = slots.names.count
    slotBits = [UInt64](repeating: 0, count: inputs.count * slotCount)
    for (statement, input) in inputs.enumerated() {
      let ids = Set(input.concepts.compactMap { conceptID[$0] }).sorted()
      concepts.append(contentsOf: ids)
      offsets.append(concepts.count)
      for concept in input.concepts {
        for (slot, bit) in slots.byConcept[concept] ?? [] {
          slotBits[statement * slotCount + slot] |= 1 << UInt64(bit)
        }
      }
    }
  }
}
