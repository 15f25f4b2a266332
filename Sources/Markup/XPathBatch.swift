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
  /// Entries whose selector matches elements of any name.
  let entriesForAnyName: [Int]

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
      if let name = selector.steps.last?.name.name {
        byName[name, default: []].append(index)
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
    entriesForAnyName = anyName
  }

  deinit {
    namedEntries.deallocate()
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
