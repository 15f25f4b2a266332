import CSVInput
import Foundation
import Utilities

/// Agreement between two coders on the items both decided, as evidence-synthesis tools report it: Cohen's
/// kappa per facet (each facet of decisions/codes.csv, and `merges` for decisions/merges.csv), and the
/// items they decided differently, to reconcile.
public struct CoderAgreement: Sendable, Hashable, Codable {
  public struct Facet: Sendable, Hashable, Codable {
    public var facet: String
    /// Items both coders decided.
    public var items: Int
    public var agreed: Int
    /// Cohen's kappa: (observed − chance agreement) / (1 − chance agreement); 1 when chance agreement is 1
    /// and they agree on all.
    public var kappa: Double
  }

  public struct Disagreement: Sendable, Hashable, Codable {
    public var facet: String
    public var item: String
    public var first: String
    public var second: String
    /// The value a reconciling row settled on (the `reconciles` column), or nil while it is to reconcile.
    public var reconciled: String?
  }

  /// One coder's decision: the item (a statement id, or `a ~ b` for a pair), the facet and the value (a
  /// code, several codes joined by `+`, or `must-link` / `cannot-link`).
  public struct Decision: Sendable, Hashable {
    public var facet: String
    public var item: String
    public var coder: String
    public var value: String
    /// The coders whose disagreement this decision settles (`alice+bob`); empty for a coder's own decision.
    public var reconciles: String

    public init(facet: String, item: String, coder: String, value: String, reconciles: String = "") {
      self.facet = facet
      self.item = item
      self.coder = coder
      self.value = value
      self.reconciles = reconciles
    }
  }

  public var coders: [String]
  public var facets: [Facet]
  public var disagreements: [Disagreement]

  /// Compares `coders` (the two with most decisions when nil).
  public init(_ decisions: [Decision], coders chosen: (String, String)? = nil) {
    // Reconciling rows are the outcome of a disagreement, not a third coder's judgement: they are left out
    // of kappa and shown beside the disagreement they settle.
    var settledValues: [String: [String: Set<String>]] = [:]
    for decision in decisions where !decision.reconciles.isEmpty {
      settledValues[decision.facet, default: [:]][decision.item, default: []].insert(decision.value)
    }
    let decisions = decisions.filter { $0.reconciles.isEmpty }
    var counts: [String: Int] = [:]
    for decision in decisions { counts[decision.coder, default: 0] += 1 }
    let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    let pair = chosen ?? (ranked.first ?? "", ranked.dropFirst().first ?? "")
    coders = [pair.0, pair.1]
    // A coder's several rows for one statement and facet are one decision (the set of codes).
    var values: [String: [String: [String: Set<String>]]] = [:]
    for decision in decisions where decision.coder == pair.0 || decision.coder == pair.1 {
      values[decision.facet, default: [:]][decision.item, default: [:]][decision.coder, default: []]
        .insert(decision.value)
    }
    var facets: [Facet] = []
    var disagreements: [Disagreement] = []
    for facet in values.keys.sorted() {
      var firsts: [String] = []
      var seconds: [String] = []
      for (item, byCoder) in (values[facet] ?? [:]).sorted(by: { $0.key < $1.key }) {
        guard let first = byCoder[pair.0], let second = byCoder[pair.1] else { continue }
        let a = first.sorted().joined(separator: "+")
        let b = second.sorted().joined(separator: "+")
        firsts.append(a)
        seconds.append(b)
        if a != b {
          disagreements.append(
            Disagreement(
              facet: facet, item: item, first: a, second: b,
              reconciled: settledValues[facet]?[item].map { $0.sorted().joined(separator: "+") }))
        }
      }
      guard !firsts.isEmpty else { continue }
      let agreed = zip(firsts, seconds).filter { $0 == $1 }.count
      facets.append(
        Facet(
          facet: facet, items: firsts.count, agreed: agreed, kappa: Self.kappa(firsts, seconds)))
    }
    self.facets = facets
    self.disagreements = disagreements
  }

  static func kappa(_ first: [String], _ second: [String]) -> Double {
    let count = Double(first.count)
    guard count > 0 else { return 0 }
    let observed = Double(zip(first, second).filter { $0 == $1 }.count) / count
    var chance = 0.0
    for label in Set(first).union(second) {
      chance +=
        Double(first.filter { $0 == label }.count) / count * Double(second.filter { $0 == label }.count)
        / count
    }
    if chance >= 1 { return observed >= 1 ? 1 : 0 }
    return ((observed - chance) / (1 - chance)).rounded(toPlaces: 4)
  }

  /// Every decision in a decisions folder's codes.csv and merges.csv (missing files give none). A row shorter
  /// than the header (a column added by hand above older lines) reads as empty in the fields it lacks, as
  /// the scan reads it, rather than being passed over.
  public static func decisions(folder: String) throws -> [Decision] {
    var all: [Decision] = []
    if let table = try DecisionFile.codes.table(path: DecisionFile.codes.path(in: folder)) {
      let reconciles = table.column(DecisionReconciliation.column)
      if let statement = table.column("statement"), let facet = table.column("facet"),
        let code = table.column("code"), let coder = table.column("coder")
      {
        for row in table.rows {
          all.append(
            Decision(
              facet: row[facet], item: row[statement], coder: row[coder],
              value: row[code], reconciles: reconciles.map { row[$0] } ?? ""))
        }
      }
    }
    if let table = try DecisionFile.merges.table(path: DecisionFile.merges.path(in: folder)) {
      let reconciles = table.column(DecisionReconciliation.column)
      if let a = table.column("a"), let b = table.column("b"), let decision = table.column("decision"),
        let coder = table.column("coder")
      {
        for row in table.rows {
          let ids = [row[a], row[b]].sorted()
          all.append(
            Decision(
              // The scan reads `Must-link` as `must-link`; so does the comparison.
              facet: "merges", item: "\(ids[0]) ~ \(ids[1])", coder: row[coder],
              value: row[decision].lowercased(), reconciles: reconciles.map { row[$0] } ?? ""))
        }
      }
    }
    return all
  }
}
