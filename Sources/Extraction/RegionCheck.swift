import Markup

/// Whether units lie inside the regions a recipe leaves out, asked in document order. Units are mostly
/// siblings (the items of one list), so the answer for their parent's line of ancestors is kept from one
/// unit to the next instead of climbing to the root for every unit.
struct RegionCheck {
  let regions: NodeSet
  private var lastParent: Node?
  private var lastAnswer = false

  init(_ regions: NodeSet) {
    self.regions = regions
  }

  /// `regions.containsAncestor(of: unit)`.
  mutating func contains(_ unit: Node) -> Bool {
    if regions.isEmpty { return false }
    if regions.contains(unit) { return true }
    // The root element's parent is the document, which a rule such as "/" may select.
    guard let parent = unit.parent else { return regions.containsAncestor(of: unit) }
    if parent != lastParent {
      lastParent = parent
      lastAnswer = regions.containsAncestor(of: parent)
    }
    return lastAnswer
  }
}
