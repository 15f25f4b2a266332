/// How a decisions file (decisions/codes.csv, decisions/merges.csv) records two coders' disagreement
/// settled: one more row whose `reconciles` column names them (`ann+bob`). For its item (a statement and
/// facet, or a pair) the reconciling rows alone apply; the coders' own rows stay in the file for the record
/// and for `evscan agreement`.
public enum DecisionReconciliation {
  /// The optional column that marks a reconciling row.
  public static let column = "reconciles"

  /// The decisions that apply, in file order: every row of an item no row reconciles, and only the
  /// reconciling rows of an item that one does.
  public static func applying<Decision>(_ rows: [(decision: Decision, item: String, reconciles: Bool)])
    -> [Decision]
  {
    let settled = Set(rows.filter(\.reconciles).map(\.item))
    return rows.filter { $0.reconciles || !settled.contains($0.item) }.map(\.decision)
  }
}
