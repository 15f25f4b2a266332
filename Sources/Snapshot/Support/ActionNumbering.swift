import ScanModel

/// Action numbers, the `0001` of `A0001_Schuett2023`: assigned once and kept. A statement keeps the number
/// the previous snapshot gave it; new statements take numbers above every number ever issued, in the order
/// of their framework and place in the document, so a first run numbers documents front to back.
///
/// The numbers are the snapshot's to keep (it stores them and hands them to the next scan), so they are
/// assigned here, beside `ActionNaming`, which writes a number as the action id the exports show.
package enum ActionNumbering {
  /// - Returns: the numbers of this run's statements, plus the previous numbers of statements that left the
  ///   scan (kept so that their numbers are never given to another statement), and the highest issued.
  package static func assign(
    _ statements: [Statement], previous: [String: Int], highestIssued: Int
  ) -> (numbers: [String: Int], highestIssued: Int) {
    var numbers = previous
    var highest = max(highestIssued, previous.values.max() ?? 0)
    let fresh = statements.filter { previous[$0.id] == nil }
      .sorted { ($0.framework, $0.line, $0.id) < ($1.framework, $1.line, $1.id) }
    for statement in fresh {
      highest += 1
      numbers[statement.id] = highest
    }
    return (numbers, highest)
  }
}
