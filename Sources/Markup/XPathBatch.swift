/// XPath expressions that are evaluated together against whole documents, prepared once: which of them
/// `SimpleSelector` answers in one shared walk of the tree, and which elements each could match, are
/// settled here rather than for every document.
public final class XPathBatch {
  public let queries: [XPathQuery]
  public let namespaces: [String: String]
  /// The selectors of the expressions answered in the walk (numbered as in `program`), each with the
  /// index of its expression.
  let entries: [Int]
  let program: SelectorProgram
  /// The expressions left to libxml2.
  let others: [Int]
  /// For an element name, the entries whose selector requires exactly that name: a range of
  /// `namedEntries`, which holds no references for a walk to retain and release.
  let entriesByName: PackedNameTable<Range<Int>>
  let namedEntries: UnsafeMutableBufferPointer<Int>
  /// Entries whose selector matches elements of any name, with the quick test of each (see
  /// `SelectorProgram.QuickTest`; memo -1 for none), those of one memo together.
  let entriesForAnyName: UnsafeMutableBufferPointer<AnyNameEntry>

  struct AnyNameEntry {
    var entry: Int
    var memo: Int
    var mask: UInt64
    var expected: UInt64
  }

  public init(_ queries: [XPathQuery], namespaces: [String: String] = [:]) {
    self.queries = queries
    self.namespaces = namespaces
    var entries: [Int] = []
    var selectors: [SimpleSelector] = []
    var others: [Int] = []
    var delegates: [String: DelegatedPredicate] = [:]
    for (index, query) in queries.enumerated() {
      if let union = SimpleSelectorParser.parseUnion(query.expression, namespaces: namespaces),
        Self.prepareDelegates(of: union, namespaces: namespaces, into: &delegates)
      {
        entries += union.map { _ in index }
        selectors += union
      } else {
        others.append(index)
      }
    }
    self.entries = entries
    self.others = others
    program = SelectorProgram(selectors, delegates: delegates)
    var byName: [[UInt8]: [Int]] = [:]
    var anyName: [Int] = []
    for (index, selector) in selectors.enumerated() {
      if let names = Self.requiredNames(selector) {
        for name in names { byName[name, default: []].append(index) }
      } else {
        anyName.append(index)
      }
    }
    var flat: [Int] = []
    var ranges: [(name: [UInt8], value: Range<Int>)] = []
    for (name, named) in byName {
      ranges.append((name, flat.count..<(flat.count + named.count)))
      flat += named
    }
    entriesByName = PackedNameTable(ranges)
    namedEntries = .allocate(capacity: max(flat.count, 1))
    _ = namedEntries.initialize(from: flat)
    let quick = program.quickTests
    let grouped = anyName.enumerated().sorted { left, right in
      let leftMemo = quick[left.element]?.memo ?? Int.max
      let rightMemo = quick[right.element]?.memo ?? Int.max
      return (leftMemo, left.offset) < (rightMemo, right.offset)
    }
    // Exactly as many as there are, as the walk goes through them all.
    entriesForAnyName = UnsafeMutableBufferPointer(
      start: UnsafeMutablePointer<AnyNameEntry>.allocate(capacity: max(grouped.count, 1)),
      count: grouped.count)
    _ = entriesForAnyName.initialize(
      from: grouped.map { _, entry in
        let test = quick[entry]
        return AnyNameEntry(
          entry: entry, memo: test?.memo ?? -1, mask: test?.mask ?? 0, expected: test?.expected ?? 0)
      })
  }

  deinit {
    namedEntries.deallocate()
    entriesForAnyName.deallocate()
  }

  /// The element names one of which a selector's last step requires, if it does: its own name, or
  /// for `*`, those of a `self::a or self::b` condition of it (headings of any level, say), so that the
  /// walk tries the selector only on elements of those names rather than on every element. The step's
  /// own tests still check the whole name.
  private static func requiredNames(_ selector: SimpleSelector) -> Set<[UInt8]>? {
    guard let step = selector.steps.last else { return nil }
    if let name = step.name.name { return [name] }
    for test in step.tests {
      guard case .selfIsOneOf(let list) = test else { continue }
      var names: Set<[UInt8]> = []
      for name in list {
        guard let specific = name.name else { return nil }
        names.insert(specific)
      }
      return names
    }
    return nil
  }

  /// Compiles the predicates of `union` that libxml2 is to evaluate; false when one cannot be delegated.
  private static func prepareDelegates(
    of union: [SimpleSelector], namespaces: [String: String],
    into delegates: inout [String: DelegatedPredicate]
  ) -> Bool {
    func texts(_ test: SimpleSelector.Test) -> [String] {
      switch test {
      case .delegated(let text): [text]
      case .not(let inner): texts(inner)
      default: []
      }
    }
    for text in union.flatMap({ $0.steps.flatMap { $0.tests.flatMap(texts) } }) where delegates[text] == nil {
      guard let predicate = DelegatedPredicate(text, namespaces: namespaces) else { return false }
      delegates[text] = predicate
    }
    return true
  }
}
