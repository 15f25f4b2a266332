import ScanModel

/// Gives clusters mitigation ids that stay put across runs.
///
/// Each cluster counts the previous ids of its members. Claims (cluster, old id, members that had it) are
/// granted greedily, most members first (then the larger cluster, then the smaller old id, then the cluster
/// with the smaller first statement id), each cluster and each old id at most once: so a cluster keeps the id
/// most of its members had, and when two clusters claim one id the larger keeps it and the other is a split.
/// Clusters left over get new ids, numbered after the highest id ever issued, in the order the clusters come
/// (the deduplicator orders them by first statement id). Previous ids that no cluster keeps are retired with
/// their fate (merged into, split into, removed), which every later run carries forward; no issued id is
/// ever given out again. A cluster with the same id and members as before keeps its latest change, so a
/// run over its own output changes nothing.
public struct IdentityAssigner {
  public struct Outcome: Sendable {
    /// Cluster index to its mitigation id.
    public var ids: [String]
    public var changes: [IdentityChange]
    public var ledger: IdentityLedger
  }

  /// - Parameter clusters: members' statement ids per cluster, each sorted.
  public static func assign(clusters: [[String]], ledger: IdentityLedger) -> Outcome {
    var claims: [(cluster: Int, oldID: String, votes: Int)] = []
    for (cluster, members) in clusters.enumerated() {
      var votes: [String: Int] = [:]
      for member in members {
        if let oldID = ledger.memberships[member] { votes[oldID, default: 0] += 1 }
      }
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
    let issued = Set(ledger.issued).union(ledger.memberships.values)
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

    return record(clusters: clusters, ids: ids.map { $0 ?? "" }, ledger: ledger)
  }

  /// What the ids of `clusters` mean against the previous snapshot's ledger: each cluster's latest change,
  /// the fate of every id no cluster has any more, and the ledger for the next run. `assign` calls it with
  /// the ids it chose; replaying committed snapshots calls it with the ids they were published with.
  ///
  /// - Parameter ids: one per cluster, none of them an id the ledger has retired.
  public static func record(clusters: [[String]], ids finalIDs: [String], ledger: IdentityLedger) -> Outcome {
    let previous = Set(ledger.memberships.values)
    let taken = previous.intersection(finalIDs)
    let issued = Set(ledger.issued).union(previous).union(finalIDs)
    let history = History(ledger: ledger)
    var changes: [IdentityChange] = []
    for (cluster, mitigationID) in finalIDs.enumerated() {
      let before = sortedIDs(Set(clusters[cluster].compactMap { ledger.memberships[$0] }))
      if taken.contains(mitigationID) {
        if before == [mitigationID] && history.members[mitigationID] == clusters[cluster].sorted() {
          // Unchanged: its latest change stands (a snapshot without one had it unchanged as well).
          changes.append(
            history.latest[mitigationID]
              ?? IdentityChange(kind: .kept, mitigationID: mitigationID, from: [mitigationID]))
        } else {
          changes.append(
            IdentityChange(kind: before.count > 1 ? .merged : .kept, mitigationID: mitigationID, from: before)
          )
        }
      } else if before.isEmpty {
        changes.append(IdentityChange(kind: .new, mitigationID: mitigationID, from: []))
      } else {
        changes.append(
          IdentityChange(kind: before.count > 1 ? .merged : .split, mitigationID: mitigationID, from: before))
      }
    }

    var memberships: [String: String] = [:]
    memberships.reserveCapacity(clusters.reduce(0) { $0 + $1.count })
    for (cluster, members) in clusters.enumerated() {
      for member in members { memberships[member] = finalIDs[cluster] }
    }
    var retired = ledger.retired
    let alreadyRetired = Set(retired.map(\.mitigationID))
    for oldID in sortedIDs(previous.subtracting(taken)) where !alreadyRetired.contains(oldID) {
      retired.append(history.fate(of: oldID, memberships: memberships))
    }
    retired = retired.map { (key: sortKey($0.mitigationID), record: $0) }
      .sorted { ($0.key.number, $0.key.text) < ($1.key.number, $1.key.text) }.map(\.record)
    for record in retired {
      changes.append(
        IdentityChange(kind: .retired, mitigationID: record.mitigationID, from: [record.mitigationID]))
    }
    changes = changes.map { (key: sortKey($0.mitigationID), kind: $0.kind.rawValue, change: $0) }
      .sorted { ($0.key.number, $0.key.text, $0.kind) < ($1.key.number, $1.key.text, $1.kind) }.map(\.change)

    let newLedger = IdentityLedger(
      memberships: memberships, issued: sortedIDs(issued), changes: changes, retired: retired)
    return Outcome(ids: finalIDs, changes: changes, ledger: newLedger)
  }

  /// The previous snapshot's mitigations as the ledger records them.
  struct History {
    /// Previous id to its members, sorted.
    var members: [String: [String]] = [:]
    /// Previous id to its latest change.
    var latest: [String: IdentityChange] = [:]

    init(ledger: IdentityLedger) {
      for (statement, id) in ledger.memberships { members[id, default: []].append(statement) }
      for id in members.keys { members[id]?.sort() }
      for change in ledger.changes where change.kind != .retired { latest[change.mitigationID] = change }
    }

    /// What became of `id`, which no cluster kept: where its statements went, and which are gone.
    func fate(of id: String, memberships: [String: String]) -> RetiredMitigation {
      let statements = members[id] ?? []
      let into = IdentityAssigner.sortedIDs(Set(statements.compactMap { memberships[$0] }))
      let removed = statements.filter { memberships[$0] == nil }
      let fate: RetiredMitigation.Fate = into.isEmpty ? .removed : into.count == 1 ? .merged : .split
      return RetiredMitigation(
        mitigationID: id, fate: fate, into: into, statements: statements, removedStatements: removed)
    }
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
  public static func sortedIDs(_ ids: some Sequence<String>) -> [String] {
    ids.map(sortKey).sorted { ($0.number, $0.text) < ($1.number, $1.text) }.map(\.text)
  }
}
