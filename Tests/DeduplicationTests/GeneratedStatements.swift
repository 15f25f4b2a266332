import ContentHash
import Foundation
import ScanModel

/// Generated statement sets with known answers: practices stated in several forms (repeat, truncation,
/// reordered clause, passive voice, British spelling) that must merge, template look-alikes (the same
/// sentence with another object noun) that must not, and unrelated background statements.
struct GeneratedStatements {
  var inputs: [DeduplicationInput] = []
  /// Statement id to the practice it states.
  var practiceOf: [String: Int] = [:]
  /// Pairs of ids that are look-alikes of each other.
  var lookalikes: [(String, String)] = []

  private static let verbs: [(base: String, participle: String)] = [
    ("Evaluate", "evaluated"), ("Monitor", "monitored"), ("Document", "documented"), ("Publish", "published"),
    ("Restrict", "restricted"), ("Protect", "protected"), ("Audit", "audited"), ("Report", "reported"),
    ("Encrypt", "encrypted"), ("Track", "tracked"), ("Disclose", "disclosed"), ("Verify", "verified"),
  ]
  private static let modifiers = [
    "behaviour", "licence", "catalogue", "programme", "incident", "capability", "deployment", "training",
    "evaluation", "access", "weight", "provenance", "energy", "privacy", "fairness", "robustness", "vendor",
    "supplier", "escalation", "retention", "classifier", "watermark", "telemetry", "alignment", "oversight",
    "jailbreak", "uplift", "compute", "dataset", "benchmark",
  ]
  private static let heads = [
    "records", "thresholds", "controls", "policies", "registers", "logs", "metrics", "procedures", "reports",
    "criteria", "inventories", "budgets", "summaries", "baselines", "channels", "agreements",
  ]
  private static let scopes = [
    "for each frontier model", "across all deployed systems", "for every third-party vendor",
    "within each business unit", "for every hosted interface", "across research teams",
    "for each open release", "for every cloud region",
  ]
  private static let qualifiers = [
    "every quarter", "before launch", "after each outage", "with outside experts", "under board direction",
    "against written standards", "at least annually", "with named owners",
  ]

  /// - Parameters:
  ///   - practices: how many practices; each gets 2 to 4 forms.
  ///   - lookalikeShare: one practice in this many gets a template look-alike.
  ///   - background: unrelated single statements.
  init(seed: UInt64, practices: Int, lookalikeEvery: Int = 3, background: Int = 0) {
    var random = SplitMix64(seed: seed)
    var used = Set<String>()
    var number = 0
    func nextID() -> String {
      number += 1
      return String(format: "st-%05d", number)
    }
    func pick<T>(_ list: [T]) -> T {
      list[Int(random.next() % UInt64(list.count))]
    }
    func uniqueParts() -> (
      verb: (base: String, participle: String), modifier: String, head: String, scope: String
    ) {
      while true {
        let parts = (pick(Self.verbs), pick(Self.modifiers), pick(Self.heads), pick(Self.scopes))
        // The object alone decides what is new: two verbs of one kind on one object are one practice.
        let key = "\(parts.1)|\(parts.2)|\(parts.3)"
        if used.insert(key).inserted { return parts }
      }
    }
    for practice in 0..<practices {
      let parts = uniqueParts()
      let qualifier = pick(Self.qualifiers)
      let object = "the \(parts.modifier) \(parts.head) \(parts.scope)"
      let base = "\(parts.verb.base) \(object) \(qualifier)."
      var forms = [base]
      let extra = 1 + Int(random.next() % 3)
      for _ in 0..<extra {
        switch random.next() % 5 {
        case 0: forms.append(base)
        case 1:
          forms.append(
            "\(qualifier.prefix(1).uppercased())\(qualifier.dropFirst()), \(parts.verb.base.lowercased()) \(object)."
          )
        case 2:
          forms.append(
            "The \(parts.modifier) \(parts.head) \(parts.scope) should be \(parts.verb.participle) \(qualifier)."
          )
        case 3: forms.append("\(parts.verb.base) \(object) \(qualifier), as agreed with the board.")
        default:
          forms.append(
            base.replacingOccurrences(of: "behaviour", with: "behavior").replacingOccurrences(
              of: "licence", with: "license"
            )
            .replacingOccurrences(of: "catalogue", with: "catalog").replacingOccurrences(
              of: "programme", with: "program"))
        }
      }
      var ids: [String] = []
      for form in forms {
        let id = nextID()
        ids.append(id)
        inputs.append(DeduplicationInput(id: id, framework: "gen-\(practice % 5)", text: form))
        practiceOf[id] = practice
      }
      if practice % lookalikeEvery == 0 {
        var other = pick(Self.modifiers)
        while other == parts.modifier { other = pick(Self.modifiers) }
        let key = "\(other)|\(parts.head)|\(parts.scope)"
        guard used.insert(key).inserted else { continue }
        let id = nextID()
        inputs.append(
          DeduplicationInput(
            id: id, text: "\(parts.verb.base) the \(other) \(parts.head) \(parts.scope) \(qualifier)."))
        lookalikes.append((ids[0], id))
      }
    }
    for _ in 0..<background {
      let parts = uniqueParts()
      inputs.append(
        DeduplicationInput(
          id: nextID(), text: "\(parts.verb.base) the \(parts.modifier) \(parts.head) \(parts.scope)."))
    }
  }
}
