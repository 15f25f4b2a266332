import ScanModel

/// Gives clusters mitigation ids that stay put across runs.
///
/// Each cluster counts the previous ids of its members. Claims (cluster, old id, members that had it) are
/// granted greedily, most members first (then the larger cluster, then the smaller old id, then the cluster
/// with the smaller first statement id), each cluster and each old id at most once: so a cluster keeps the id
/// most of its members had, and when two clusters claim one id the larger keeps it and the other is a split.
/// Clusters left over get new ids, numbered after the highest id ever issued, in the order the clusters come
/// (the deduplicator orders them by first statement id). Previous ids that no cluster keeps are retired; no issued id is ever given out again.
struct IdentityAssigner {
  struct Outcome {
    /// Cluster index to its mitigation id.
    var ids: [String]
    var changes: [IdentityChange]
    var ledger: IdentityLedger
  }

  /// - Parameter clusters: members' statement ids per cluster, each sorted.
  static func assign(clusters: [[String]], ledger: IdentityLedger) -> Outcome {
    var claims: [(cluster: Int, oldID: String, votes: Int)] = []
    var previousIDs: [[String]] = []
    for (cluster, members) in clusters.enumerated() {
      var votes: [String: Int] = [:]
      for member in members {
        if let oldID = ledger.memberships[member] { votes[oldID, default: 0] += 1 }
      }
      previousIDs.append(sortedIDs(votes.keys))
      for (oldID, count) in votes { claims.append((cluster, oldID, count)) }
    }
    claims.sort { lhs, rhs in
      if lhs.votes != rhs.votes { return lhs.votes > rhs.votes }
      let sizeL = clusters[lhs.cluster].count
      let sizeR = clusters[rhs.cluster].count
      if sizeL != sizeR { return sizeL > sizeR }
      if lhs.oldID != rhs.oldID { return idOrder(lhs.oldID, rhs.oldID) }
      return lhs.cluster < rhs.cluster
    }
    var ids = [String?](repeating: nil, count: clusters.count)
    var taken = Set<String>()
    for claim in claims where ids[claim.cluster] == nil && !taken.contains(claim.oldID) {
      ids[claim.cluster] = claim.oldID
      taken.insert(claim.oldID)
    }

    var highest = 0
    for id in ledger.issued + Array(ledger.memberships.values) {
      if let number = number(of: id) { highest = max(highest, number) }
    }
    var issued = Set(ledger.issued).union(ledger.memberships.values)
    // Clusters come in order of their first statement id, so new ids follow that order too.
    let fresh = (0..<clusters.count).filter { ids[$0] == nil }
    for cluster in fresh {
      var candidate: String
      repeat {
        highest += 1
        candidate = format(highest)
      } while issued.contains(candidate)
      ids[cluster] = candidate
    }

    var changes: [IdentityChange] = []
    var finalIDs: [String] = []
    for (cluster, id) in ids.enumerated() {
      let mitigationID = id ?? ""
      finalIDs.append(mitigationID)
      let before = previousIDs[cluster]
      if taken.contains(mitigationID) {
        changes.append(
          IdentityChange(kind: before.count > 1 ? .merged : .kept, mitigationID: mitigationID, from: before))
      } else if before.isEmpty {
        changes.append(IdentityChange(kind: .new, mitigationID: mitigationID, from: []))
      } else {
        changes.append(
          IdentityChange(kind: before.count > 1 ? .merged : .split, mitigationID: mitigationID, from: before))
      }
      issued.insert(mitigationID)
    }
    let previous = Set(ledger.memberships.values)
    for oldID in sortedIDs(previous.subtracting(taken)) {
      changes.append(IdentityChange(kind: .retired, mitigationID: oldID, from: [oldID]))
    }
    changes = changes.map { (key: sortKey($0.mitigationID), kind: $0.kind.rawValue, change: $0) }
      .sorted { ($0.key.number, $0.key.text, $0.kind) < ($1.key.number, $1.key.text, $1.kind) }.map(\.change)

    var memberships: [String: String] = [:]
    memberships.reserveCapacity(clusters.reduce(0) { $0 + $1.count })
    for (cluster, members) in clusters.enumerated() {
      for member in members { memberships[member] = finalIDs[cluster] }
    }
    let newLedger = IdentityLedger(memberships: memberships, issued: sortedIDs(issued))
    return Outcome(ids: finalIDs, changes: changes, ledger: newLedger)
  }

  /// `M0001` -> 1; nil for ids of another shape (they are kept and never reused, but do not set the counter).
  static func number(of id: String) -> Int? {
    var utf8 = id.utf8[...]
    guard utf8.first == UInt8(ascii: "M"), utf8.count > 1, utf8.count <= 19 else { return nil }
    utf8 = utf8.dropFirst()
    var value = 0
    for byte in utf8 {
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  static func format(_ number: Int) -> String {
    let digits = String(number)
    return "M" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// Numeric order for `M` ids (M9999 before M10000), then ids of other shapes in string order.
  static func idOrder(_ lhs: String, _ rhs: String) -> Bool {
    let left = sortKey(lhs)
    let right = sortKey(rhs)
    return (left.number, left.text) < (right.number, right.text)
  }

  static func sortKey(_ id: String) -> (number: Int, text: String) {
    (number(of: id) ?? Int.max, id)
  }

  /// Sorts many ids by `idOrder`, parsing each id once.
  static func sortedIDs(_ ids: some Sequence<String>) -> [String] {
    ids.map(sortKey).sorted { ($0.number, $0.text) < ($1.number, $1.text) }.map(\.text)
  }
}
