import Foundation
import ScanModel

/// `evscan review --screening`: the units the screening model decided with the least certainty (its
/// probability nearest its threshold), for a person to settle in decisions/screening.csv. Units a person
/// or the recipe decided are not in the queue.
struct ScreeningQueue {
  let content: SnapshotContent
  let limit: Int

  var queue: [ScreeningVerdict] {
    let open = content.screening.filter { $0.decidedBy == .model || $0.decidedBy == .sentences }
    let sorted = open.sorted {
      let left = abs($0.probability - $0.threshold)
      let right = abs($1.probability - $1.threshold)
      return left != right ? left < right : $0.statementID < $1.statementID
    }
    return Array(sorted.prefix(max(limit, 0)))
  }

  func print(json: Bool) throws {
    let queue = self.queue
    if json {
      Console.print(try Console.json(queue))
      return
    }
    guard !queue.isEmpty else {
      Console.print("No units wait for a screening decision.")
      return
    }
    for verdict in queue {
      Console.print(
        "\(verdict.statementID)  \(verdict.decision.rawValue)  p=\(String(format: "%.2f", verdict.probability))"
      )
      Console.print("  \(verdict.text.prefix(300))")
      Console.print("  reasons: \(verdict.reasons.joined(separator: "; "))")
    }
    Console.print(
      "\(queue.count) of \(content.screening.count) units; decide them in decisions/screening.csv "
        + "(unit,decision,coder,reason,date)")
  }
}
