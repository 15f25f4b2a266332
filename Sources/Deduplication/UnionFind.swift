/// Disjoint sets over `0..<count` with path halving and union by size.
struct UnionFind: Sendable {
  private var parent: [Int32]
  private var size: [Int32]

  init(count: Int) {
    parent = (0..<count).map { Int32($0) }
    size = [Int32](repeating: 1, count: count)
  }

  mutating func find(_ element: Int) -> Int {
    var node = Int32(element)
    while parent[Int(node)] != node {
      let grandparent = parent[Int(parent[Int(node)])]
      parent[Int(node)] = grandparent
      node = grandparent
    }
    return Int(node)
  }

  mutating func union(_ first: Int, _ second: Int) {
    var rootA = find(first)
    var rootB = find(second)
    guard rootA != rootB else { return }
    if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
    parent[rootB] = Int32(rootA)
    size[rootA] += size[rootB]
  }
}
