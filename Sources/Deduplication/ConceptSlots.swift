/// Slots a practice fills with one of a few values, named by thesaurus concepts (`slots` in the
/// configuration): who is told (the authority, the public, experts), when in the lifecycle (training,
/// release, operation), which hazard (CBRN, cyber, autonomy ...). Two statements that both name values of a
/// slot and share none state different practices even when the rest of their words agree: "report serious
/// incidents to the AI Office" and "inform affected users of serious incidents" differ in their audience,
/// "evaluate uplift for biological weapons" and "... for offensive cyber operations" in their hazard.
///
/// Naming no value of a slot is not a conflict, and sharing one value is enough (a statement may name
/// several), so the rule only fires on a clear swap of one value for another.
struct ConceptSlots: Sendable {
  /// Slot names, sorted; a slot's index is its position here.
  let names: [String]
  /// Value names per slot, sorted; a value's bit is its position here.
  let values: [[String]]
  /// Concept id to (slot index, value bit) for every concept a slot lists.
  let byConcept: [String: [(slot: Int, bit: Int)]]

  init(slots: [String: [String: [String]]], voiceConcepts: [String]) throws {
    let names = slots.keys.sorted()
    var values: [[String]] = []
    var byConcept: [String: [(slot: Int, bit: Int)]] = [:]
    let voice = Set(voiceConcepts)
    for (slotIndex, name) in names.enumerated() {
      let keyPath = "slots.\(name)"
      let valueMap = slots[name] ?? [:]
      guard !name.isEmpty, valueMap.count >= 2 else {
        throw ConfigurationProblem(
          keyPath: keyPath, message: "`\(keyPath)` needs at least two values, each a list of concept ids")
      }
      guard valueMap.count <= 64 else {
        throw ConfigurationProblem(keyPath: keyPath, message: "`\(keyPath)` has more than 64 values")
      }
      let valueNames = valueMap.keys.sorted()
      var owner: [String: String] = [:]
      for (bit, value) in valueNames.enumerated() {
        let concepts = valueMap[value] ?? []
        guard !concepts.isEmpty else {
          throw ConfigurationProblem(
            keyPath: "\(keyPath).\(value)", message: "`\(keyPath).\(value)` lists no concepts")
        }
        for concept in concepts {
          if let other = owner[concept], other != value {
            throw ConfigurationProblem(
              keyPath: "\(keyPath).\(value)",
              message:
                "concept `\(concept)` is listed under `\(keyPath).\(other)` too; a concept names one value")
          }
          if voice.contains(concept) {
            throw ConfigurationProblem(
              keyPath: "\(keyPath).\(value)",
              message: "concept `\(concept)` is a voice concept (`voice.concepts`), which no comparison sees")
          }
          owner[concept] = value
          if !(byConcept[concept] ?? []).contains(where: { $0.slot == slotIndex }) {
            byConcept[concept, default: []].append((slotIndex, bit))
          }
        }
      }
      values.append(valueNames)
    }
    guard names.count <= 16 else {
      throw ConfigurationProblem(keyPath: "slots", message: "`slots` has more than 16 slots")
    }
    self.names = names
    self.values = values
    self.byConcept = byConcept
  }

  /// The value names of a slot's bits, for explanations.
  func valueNames(slot: Int, bits: UInt64) -> [String] {
    values[slot].enumerated().filter { bits & (1 << UInt64($0.offset)) != 0 }.map(\.element)
  }
}
