import ScanModel

/// People's decisions checked against this run's statements and turned into indices: must-link pairs form
/// atoms (statements that always stay together), cannot-link pairs are never in one cluster.
struct DecisionSet: Sendable {
  /// Every decision, sorted by (a, b, kind, line).
  let applied: [LinkDecision]
  /// Must-link pairs as (i, j) with i < j, sorted.
  let mustLinks: [(Int, Int)]
  /// Cannot-link pairs as `(i << 32) | j` with i < j.
  let cannotLinks: Set<UInt64>
  /// The atom (must-link group) of each statement, named by its smallest member index.
  let atom: [Int]
  /// The decision that applies to a pair key, for edge reasons.
  let byPair: [UInt64: LinkDecision]

  static func key(_ i: Int, _ j: Int) -> UInt64 {
    i < j ? (UInt64(i) << 32) | UInt64(j) : (UInt64(j) << 32) | UInt64(i)
  }

  /// - Parameter index: statement id to its index in the sorted inputs.
  init(decisions: [LinkDecision], index: [String: Int], count: Int) throws {
    let ordered = decisions.sorted { lhs, rhs in
      let left = (lhs.source.file, lhs.source.line ?? 0)
      let right = (rhs.source.file, rhs.source.line ?? 0)
      return left < right
    }
    try Self.checkKnown(ordered, index: index, count: count)
    let firstOfPair = try Self.firstOfEachPair(ordered, index: index)

    var unionFind = UnionFind(count: count)
    var mustLinks: [(Int, Int)] = []
    var cannotLinks = Set<UInt64>()
    var mustLinkGraph: [Int: [(Int, LinkDecision)]] = [:]
    for decision in ordered {
      let i = index[decision.a] ?? 0
      let j = index[decision.b] ?? 0
      switch decision.kind {
      case .mustLink:
        mustLinks.append((min(i, j), max(i, j)))
        unionFind.union(i, j)
        mustLinkGraph[i, default: []].append((j, decision))
        mustLinkGraph[j, default: []].append((i, decision))
      case .cannotLink:
        cannotLinks.insert(Self.key(i, j))
      }
    }
    try Self.checkCannotLinksApart(ordered, index: index, atoms: &unionFind, mustLinkGraph: mustLinkGraph)
    mustLinks.sort { $0 < $1 }
    self.applied = decisions.sorted { lhs, rhs in
      (lhs.a, lhs.b, lhs.kind.rawValue, lhs.source.file, lhs.source.line ?? 0)
        < (rhs.a, rhs.b, rhs.kind.rawValue, rhs.source.file, rhs.source.line ?? 0)
    }
    self.mustLinks = mustLinks
    self.cannotLinks = cannotLinks
    self.atom = Self.atoms(&unionFind, count: count)
    self.byPair = firstOfPair
  }

  /// Every statement a decision names must be among those being deduplicated.
  private static func checkKnown(_ ordered: [LinkDecision], index: [String: Int], count: Int) throws {
    for decision in ordered {
      for id in [decision.a, decision.b] where index[id] == nil {
        throw InputError(
          decision.source,
          "statement `\(id)` is not among the \(count) statements being deduplicated; "
            + "correct the id or remove the line")
      }
    }
  }

  /// The first decision on each pair; a later one of the other kind on the same pair is an error.
  private static func firstOfEachPair(
    _ ordered: [LinkDecision], index: [String: Int]
  ) throws -> [UInt64: LinkDecision] {
    var firstOfPair: [UInt64: LinkDecision] = [:]
    for decision in ordered {
      let key = Self.key(index[decision.a] ?? 0, index[decision.b] ?? 0)
      if let earlier = firstOfPair[key], earlier.kind != decision.kind {
        throw InputError(
          decision.source,
          "`\(decision.a)` and `\(decision.b)` are \(decision.kind.rawValue)ed here but "
            + "\(earlier.kind.rawValue)ed at \(earlier.source); keep one of the two lines, or, when two "
            + "coders disagree, add the settled decision with their names in the `reconciles` column")
      }
      if firstOfPair[key] == nil { firstOfPair[key] = decision }
    }
    return firstOfPair
  }

  /// A cannot-link between two statements that must-link chains force together is an error naming the chain.
  private static func checkCannotLinksApart(
    _ ordered: [LinkDecision], index: [String: Int], atoms: inout UnionFind,
    mustLinkGraph: [Int: [(Int, LinkDecision)]]
  ) throws {
    for decision in ordered where decision.kind == .cannotLink {
      let i = index[decision.a] ?? 0
      let j = index[decision.b] ?? 0
      if atoms.find(i) == atoms.find(j) {
        let chain = Self.path(from: i, to: j, graph: mustLinkGraph)
        let steps = chain.map { "`\($0.a)`–`\($0.b)` (\($0.source))" }.joined(separator: ", ")
        throw InputError(
          decision.source,
          "`\(decision.a)` and `\(decision.b)` are cannot-linked here, but the must-link chain \(steps) "
            + "forces them together; remove one of these lines")
      }
    }
  }

  /// Each statement's atom, named by its smallest member.
  private static func atoms(_ unionFind: inout UnionFind, count: Int) -> [Int] {
    var atom = [Int](repeating: 0, count: count)
    var smallest: [Int: Int] = [:]
    for statement in 0..<count {
      let root = unionFind.find(statement)
      if smallest[root] == nil { smallest[root] = statement }
      atom[statement] = smallest[root] ?? statement
    }
    return atom
  }

  /// The decisions along a shortest must-link path between two statements.
  private static func path(from start: Int, to goal: Int, graph: [Int: [(Int, LinkDecision)]])
    -> [LinkDecision]
  {
    var previous: [Int: (Int, LinkDecision)] = [:]
    var queue = [start]
    var head = 0
    var seen: Set<Int> = [start]
    while head < queue.count {
      let node = queue[head]
      head += 1
      if node == goal { break }
      for (next, decision) in graph[node] ?? [] where !seen.contains(next) {
        seen.insert(next)
        previous[next] = (node, decision)
        queue.append(next)
      }
    }
    var steps: [LinkDecision] = []
    var node = goal
    while let (before, decision) = previous[node] {
      steps.append(decision)
      node = before
    }
    return steps.reversed()
  }

  func isCannotLinked(_ i: Int, _ j: Int) -> Bool {
    !cannotLinks.isEmpty && cannotLinks.contains(Self.key(i, j))
  }
}
