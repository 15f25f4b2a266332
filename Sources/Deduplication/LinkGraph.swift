/// The statements joined by merge pairs and must-links: the components the links form (union-find) and each
/// statement's links in one shared array, in the order the links come, for the cluster check
/// (`ClusterRefiner`).
struct LinkGraph: Sendable {
  /// The components with a link, in order of their first statement, each in statement order.
  let groups: [[Int]]
  /// The statements with no link, in order.
  let singletons: [Int]
  /// Statement s's links are `links[starts[s]..<starts[s + 1]]`.
  private let starts: [Int]
  private let links: [Int]

  /// `forEachLink` hands every link to its argument; it is called twice (to count, then to fill), so it must
  /// hand the same links in the same order both times.
  init(count: Int, forEachLink: ((Int, Int) -> Void) -> Void) {
    var unionFind = UnionFind(count: count)
    var starts = [Int](repeating: 0, count: count + 1)
    forEachLink { i, j in
      unionFind.union(i, j)
      starts[i + 1] += 1
      starts[j + 1] += 1
    }
    for statement in 0..<count { starts[statement + 1] += starts[statement] }
    var links = [Int](repeating: 0, count: starts[count])
    var fill = starts
    forEachLink { i, j in
      links[fill[i]] = j
      fill[i] += 1
      links[fill[j]] = i
      fill[j] += 1
    }
    (groups, singletons) = Self.components(&unionFind, starts: starts)
    self.starts = starts
    self.links = links
  }

  /// The statements `statement` is linked to.
  func neighbours(_ statement: Int) -> ArraySlice<Int> {
    links[starts[statement]..<starts[statement + 1]]
  }

  /// Components in order of their first statement, each in statement order; statements without a link apart.
  private static func components(_ unionFind: inout UnionFind, starts: [Int]) -> ([[Int]], [Int]) {
    let count = starts.count - 1
    var groupOfRoot = [Int](repeating: -1, count: count)
    var groups: [[Int]] = []
    var singletons: [Int] = []
    for statement in 0..<count {
      let root = unionFind.find(statement)
      if starts[statement] == starts[statement + 1] && root == statement {
        singletons.append(statement)
        continue
      }
      if groupOfRoot[root] < 0 {
        groupOfRoot[root] = groups.count
        groups.append([])
      }
      groups[groupOfRoot[root]].append(statement)
    }
    return (groups, singletons)
  }
}
