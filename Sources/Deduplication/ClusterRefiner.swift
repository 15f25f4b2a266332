/// Turns a connected component of merge edges into clusters that do not chain.
///
/// Union-find alone would join A and C through B even when A and C say different things. So each component
/// is checked: the medoid (highest mean score to the others; ties to the statement with more words, then
/// the smaller id) is found, every member must score at least `thresholds.medoid` against it, must not
/// conflict with it and must not be its look-alike, and no two members may conflict. A conflict is evidence
/// that two statements state different practices: a cannot-link decision, a different kind of action, a slot
/// conflict (another audience, stage or hazard), a different object judged by words alone, or a score below
/// `thresholds.pairFloor`. A look-alike of the medoid scores as high as a merge against it, yet fails the
/// object gate and names concepts the medoid lacks while lacking some it names: DESIGN.md's "related but
/// distinct practice", which a statement stating both ("record the data used for training, testing and
/// validation") would otherwise carry into the cluster. Members that fail are split off, one
/// conflict at a time (the member least like the medoid goes first), and the split-off members are regrouped
/// by their own merge edges and checked the same way. Must-link atoms move as one and are never split.
/// With a learned pair model (`PairModel`), "score" is the model's probability: a member stays when no veto
/// holds against the medoid and its probability is in the review band or above, and two members conflict
/// when a veto holds or their probability is below the review band (`PairScorer.staysWithMedoid`,
/// `PairScorer.conflicts`).
///
/// The object gates (`sameObject`, `substitution`) decide merge edges but are not conflicts here: the
/// members of a paraphrase cluster each restate the practice in their own words, so two of them often share
/// fewer words than either shares with a third, or list different details in one template ("describing its
/// architecture, training process" / "describing its capabilities, limitations"). On the shipped frameworks,
/// counting those as conflicts split a third of the true clusters and kept no look-alike apart that the
/// merge gates had not already kept apart.
struct ClusterRefiner {
  struct Cluster: Sendable {
    /// Ascending statement indices.
    var members: [Int]
    var representative: Int
  }

  let scorer: PairScorer
  let decisions: DecisionSet
  /// Merge edges (and must-links) as adjacency lists, for regrouping split-off members.
  let neighbours: (Int) -> ArraySlice<Int>

  func refine(_ component: [Int]) -> [Cluster] {
    var done: [Cluster] = []
    var work: [[Int]] = [component.sorted()]
    while let part = work.popLast() {
      let atoms = Set(part.map { decisions.atom[$0] })
      if part.count == 1 || atoms.count == 1 {
        done.append(Cluster(members: part, representative: medoid(of: part, matrix: nil)))
        continue
      }
      let matrix = ScoreMatrix(part, scorer: scorer)
      var current = part
      var outliers: [Int] = []
      var representative = part[0]
      while true {
        representative = medoid(of: current, matrix: matrix)
        let keptAtom = decisions.atom[representative]
        var close = Set<Int>()
        for member in current
        where keptAtom == decisions.atom[member] || passes(member, representative, matrix) {
          close.insert(decisions.atom[member])
        }
        let far = current.filter { !close.contains(decisions.atom[$0]) }
        if !far.isEmpty {
          outliers.append(contentsOf: far)
          current.removeAll { !close.contains(decisions.atom[$0]) }
          continue
        }
        guard let victim = conflictVictim(current, representative: representative, matrix: matrix) else {
          break
        }
        outliers.append(contentsOf: current.filter { decisions.atom[$0] == victim })
        current.removeAll { decisions.atom[$0] == victim }
      }
      done.append(Cluster(members: current, representative: representative))
      if !outliers.isEmpty {
        work.append(contentsOf: regroup(outliers.sorted()).reversed())
      }
    }
    return done.sorted { $0.members[0] < $1.members[0] }
  }

  private func passes(_ member: Int, _ representative: Int, _ matrix: ScoreMatrix) -> Bool {
    matrix.entry(member, representative).staysWithMedoid
  }

  /// The atom to split off next, or nil when no two members conflict.
  private func conflictVictim(_ members: [Int], representative: Int, matrix: ScoreMatrix) -> Int? {
    let keptAtom = decisions.atom[representative]
    var conflicts: [Int: Int] = [:]
    for (offset, first) in members.enumerated() {
      for second in members[(offset + 1)...] where decisions.atom[first] != decisions.atom[second] {
        let entry = matrix.entry(first, second)
        if entry.conflicts || decisions.isCannotLinked(first, second) {
          conflicts[decisions.atom[first], default: 0] += 1
          conflicts[decisions.atom[second], default: 0] += 1
        }
      }
    }
    conflicts[keptAtom] = nil
    guard !conflicts.isEmpty else { return nil }
    // Least like the representative first; then the one in most conflicts; then the larger atom id.
    var closeness: [Int: Double] = [:]
    for member in members where conflicts[decisions.atom[member]] != nil {
      let score = matrix.entry(member, representative).score
      closeness[decisions.atom[member]] = max(closeness[decisions.atom[member]] ?? -1, score)
    }
    return conflicts.keys.min { lhs, rhs in
      let closeL = closeness[lhs] ?? 0
      let closeR = closeness[rhs] ?? 0
      if closeL != closeR { return closeL < closeR }
      let countL = conflicts[lhs] ?? 0
      let countR = conflicts[rhs] ?? 0
      if countL != countR { return countL > countR }
      return lhs > rhs
    }
  }

  /// The member with the highest mean score to the others.
  private func medoid(of members: [Int], matrix: ScoreMatrix?) -> Int {
    guard members.count > 1 else { return members[0] }
    var best = members[0]
    var bestMean = -1.0
    var bestWords: Int32 = -1
    for member in members {
      var sum = 0.0
      for other in members where other != member {
        sum += matrix?.entry(member, other).score ?? scorer.closeness(scorer.score(member, other))
      }
      let mean = sum / Double(members.count - 1)
      let words = scorer.corpus.wordCount[member]
      if mean > bestMean || (mean == bestMean && words > bestWords) {
        best = member
        bestMean = mean
        bestWords = words
      }
    }
    return best
  }

  /// Splits members into groups connected by merge edges or must-links among themselves.
  private func regroup(_ members: [Int]) -> [[Int]] {
    let position = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
    var unionFind = UnionFind(count: members.count)
    for (offset, member) in members.enumerated() {
      for neighbour in neighbours(member) {
        if let other = position[neighbour] { unionFind.union(offset, other) }
      }
      for (otherOffset, other) in members.enumerated()
      where otherOffset > offset && decisions.atom[other] == decisions.atom[member] {
        unionFind.union(offset, otherOffset)
      }
    }
    var groups: [Int: [Int]] = [:]
    for (offset, member) in members.enumerated() {
      groups[unionFind.find(offset), default: []].append(member)
    }
    return groups.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
  }
}

/// The scores of every pair of a component, computed once.
private struct ScoreMatrix {
  struct Entry {
    /// `PairScorer.closeness`: the model's probability, or the score.
    var score: Double
    var staysWithMedoid: Bool
    var conflicts: Bool
  }

  private let position: [Int: Int]
  private let size: Int
  private var entries: [Entry]

  init(_ members: [Int], scorer: PairScorer) {
    size = members.count
    position = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
    entries = [Entry](
      repeating: Entry(score: 1, staysWithMedoid: true, conflicts: false),
      count: size * size)
    for first in 0..<size {
      for second in (first + 1)..<size {
        let pair = scorer.score(members[first], members[second])
        let entry = Entry(
          score: scorer.closeness(pair), staysWithMedoid: scorer.staysWithMedoid(pair),
          conflicts: scorer.conflicts(pair))
        entries[first * size + second] = entry
        entries[second * size + first] = entry
      }
    }
  }

  func entry(_ a: Int, _ b: Int) -> Entry {
    guard let first = position[a], let second = position[b] else {
      return Entry(score: 0, staysWithMedoid: false, conflicts: true)
    }
    return entries[first * size + second]
  }
}
