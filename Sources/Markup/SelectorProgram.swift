import CLibXML2

/// Simple selectors compiled into flat tables of plain values. A walk tests every element against each
/// selector that could match it; with the parsed form (enums holding arrays) every test retained and
/// released its payload, which cost more than the test. These tables hold no references at all.
/// Matching is in `SelectorProgram+Matching.swift`.
final class SelectorProgram {
  /// A run of bytes in `pool`.
  struct Bytes {
    var start: Int
    var count: Int
  }

  struct Name {
    /// False for `*`.
    var isSpecific: Bool
    var packed: PackedName
    var bytes: Bytes
    var namespace: NamespaceRule
    var namespaceURI: Bytes
    /// The same for names with the same URI (see `SelectorWalkState.namespaces`).
    var namespaceID = 0
  }

  enum NamespaceRule {
    case none
    case any
    case uri
  }

  enum Operation {
    case hasAttribute
    case attributeEquals
    case attributeContains
    case attributeStartsWith
    case classToken
    case textStartsWith
    case selfIsOneOf
    case hasChild
    case hasDescendant
    case hasSibling
    case stringEquals
    case stringStartsWith
    case stringContains
    case all
    case any
    case delegated
  }

  /// Where a string test reads its string (see `SimpleSelector.StringSource`).
  enum Source {
    case none
    case normalizedText
    case children
    case childAttributes
    case normalizedTextSubstring
    case normalizedTextLastCharacter
  }

  struct Test {
    var operation: Operation
    var negated = false
    var attribute = Bytes(start: 0, count: 0)
    var literal = Bytes(start: 0, count: 0)
    /// Into `names`: the names of `selfIsOneOf`; the first is the element name of the child, descendant
    /// and sibling tests and of the `children` and `childAttributes` sources.
    var names: Range<Int> = 0..<0
    /// Into `testLists`: the tests of `all` and `any`, and the predicates of a child or sibling.
    var list: Range<Int> = 0..<0
    var source = Source.none
    var start = 0
    var length: Int?
    var preceding = false
    /// Into `delegates`.
    var delegate = 0
    /// A sibling test's own number among them (see `SelectorWalkState.siblingMatches`).
    var sibling = 0
    /// For a test of an attribute's value: which `AttributeValueMemo` remembers it, and its bit there.
    var memo = -1
    var bit = 0

    init(_ operation: Operation) {
      self.operation = operation
    }
  }

  struct Step {
    var descendant: Bool
    var name: Int
    /// Into `testLists`.
    var tests: Range<Int>
    /// The prefix (into `prefixSteps`) that ends with the step before this one; -1 for a first step.
    var previous: Int
    /// Where in `tests` the delegated ones begin: they come after the others (see `stepTests`).
    var firstDelegated: Int
  }

  /// A test of a selector's last step that can reject an element before any other work: the bits the
  /// element's results in one memo must show.
  struct QuickTest {
    var memo: Int
    var mask: UInt64
    var expected: UInt64
  }

  let pool: UnsafeMutableBufferPointer<UInt8>
  let names: UnsafeMutableBufferPointer<Name>
  let tests: UnsafeMutableBufferPointer<Test>
  let testLists: UnsafeMutableBufferPointer<Int>
  let steps: UnsafeMutableBufferPointer<Step>
  /// Each selector's steps, first to last.
  let selectors: [Range<Int>]
  /// The prefixes of the selectors: the steps before a last one, numbered once however many selectors
  /// begin with the same steps, as a walk remembers which elements hold each. Here, the step that
  /// ends each (its `previous` is the prefix before).
  let prefixSteps: [Int]
  /// How many sibling tests and distinct namespace URIs there are.
  let siblingTestCount: Int
  let namespaceCount: Int
  /// For each memo, the attribute it is about and the tests (by index) whose results it holds.
  let memoAttributes: [Bytes]
  let memoTests: [[Int]]
  let quickTests: [QuickTest?]
  let delegates: [DelegatedPredicate]
  /// Whether a walk must number the document's elements first, to order siblings in constant time.
  let comparesSiblings: Bool

  /// - Parameter delegates: the predicates libxml2 evaluates, by their text; every `.delegated` test of
  ///   `parsed` must be among them.
  init(_ parsed: [SimpleSelector], delegates: [String: DelegatedPredicate]) {
    var builder = Builder(delegateTexts: Array(delegates.keys).sorted())
    self.delegates = builder.delegateTexts.map { delegates[$0]! }
    selectors = parsed.map { builder.add($0) }
    builder.assignMemos()
    memoAttributes = builder.memoAttributes
    memoTests = builder.memoTests
    quickTests = selectors.map { builder.quickTest($0) }
    comparesSiblings = builder.siblingTestCount > 0
    prefixSteps = builder.prefixSteps
    siblingTestCount = builder.siblingTestCount
    namespaceCount = builder.namespaceIDs.count
    pool = Self.copy(builder.pool)
    names = Self.copy(builder.names)
    tests = Self.copy(builder.tests)
    testLists = Self.copy(builder.testLists)
    steps = Self.copy(builder.steps)
  }

  deinit {
    pool.deallocate()
    names.deallocate()
    tests.deallocate()
    testLists.deallocate()
    steps.deallocate()
  }

  private static func copy<Element>(_ values: [Element]) -> UnsafeMutableBufferPointer<Element> {
    let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(values.count, 1))
    _ = buffer.initialize(from: values)
    return buffer
  }

  /// - Parameter context: an XPath context of the document to walk, for the delegated predicates.
  /// - Parameter forOneDocument: whether the state serves one walk of one document only, and may
  ///   remember things that are only valid while that document lives.
  func makeWalkState(context: xmlXPathContextPtr?, forOneDocument: Bool = false) -> SelectorWalkState {
    SelectorWalkState(
      memos: memoTests.count, delegates: delegates.count, siblingTests: siblingTestCount,
      prefixes: prefixSteps.count, namespaces: namespaceCount, context: context,
      remembersNamespaces: forOneDocument)
  }

  var hasDelegates: Bool { !delegates.isEmpty }

  /// Lays parsed selectors out in the tables.
  private struct Builder {
    let delegateTexts: [String]
    var pool: [UInt8] = []
    var names: [Name] = []
    var tests: [Test] = []
    var testLists: [Int] = []
    var steps: [Step] = []
    var memoAttributes: [Bytes] = []
    var memoTests: [[Int]] = []
    var prefixSteps: [Int] = []
    var siblingTestCount = 0
    var namespaceIDs: [[UInt8]: Int] = [:]

    struct MemoTestKey: Hashable {
      var attribute: [UInt8]
      var operation: Operation
      var literal: [UInt8]
    }

    struct PrefixKey: Hashable {
      var previous: Int
      var step: SimpleSelector.Step
    }

    var prefixes: [PrefixKey: Int] = [:]

    mutating func add(_ selector: SimpleSelector) -> Range<Int> {
      let first = steps.count
      var previous = -1
      for (position, step) in selector.steps.enumerated() {
        let name = add(step.name)
        let (tests, firstDelegated) = add(stepTests: step.tests)
        steps.append(
          Step(
            descendant: step.axis == .descendant, name: name, tests: tests, previous: previous,
            firstDelegated: firstDelegated))
        guard position < selector.steps.count - 1 else { break }
        let key = PrefixKey(previous: previous, step: step)
        if let known = prefixes[key] {
          previous = known
        } else {
          prefixSteps.append(steps.count - 1)
          previous = prefixSteps.count - 1
          prefixes[key] = previous
        }
      }
      return first..<steps.count
    }

    /// The tests of a list first (with theirs), then the list's row of indices.
    /// A step's tests, the delegated ones last, in their order: the conditions are all conjunctive and
    /// none depends on position, so their order is free, and libxml2's evaluations, the dearest, come
    /// after the ancestors.
    private mutating func add(stepTests list: [SimpleSelector.Test]) -> (Range<Int>, Int) {
      let indices = list.map { add($0, negated: false) }
      let own = indices.filter { tests[$0].operation != .delegated }
      let start = testLists.count
      testLists += own
      testLists += indices.filter { tests[$0].operation == .delegated }
      return (start..<testLists.count, start + own.count)
    }

    private mutating func add(_ list: [SimpleSelector.Test]) -> Range<Int> {
      let indices = list.map { add($0, negated: false) }
      let start = testLists.count
      testLists += indices
      return start..<testLists.count
    }

    private mutating func add(_ bytes: [UInt8]) -> Bytes {
      defer { pool += bytes }
      return Bytes(start: pool.count, count: bytes.count)
    }

    private mutating func add(_ name: SimpleSelector.NameTest) -> Int {
      let rule: NamespaceRule = name.anyNamespace ? .any : name.namespaceURI == nil ? .none : .uri
      var compiled = Name(
        isSpecific: name.name != nil, packed: PackedName(name.name ?? []), bytes: add(name.name ?? []),
        namespace: rule, namespaceURI: add(name.namespaceURI ?? []))
      if rule == .uri, let uri = name.namespaceURI {
        let id = namespaceIDs[uri] ?? namespaceIDs.count
        namespaceIDs[uri] = id
        compiled.namespaceID = id
      }
      names.append(compiled)
      return names.count - 1
    }

    /// A row of names, contiguous in `names`.
    private mutating func add(names list: [SimpleSelector.NameTest]) -> Range<Int> {
      let start = names.count
      for name in list { _ = add(name) }
      return start..<names.count
    }

    private mutating func add(_ test: SimpleSelector.Test, negated: Bool) -> Int {
      var compiled: Test
      switch test {
      case .not(let inner):
        return add(inner, negated: !negated)
      case .hasAttribute(let attribute):
        compiled = Test(.hasAttribute)
        compiled.attribute = add(attribute)
      case .attributeEquals(let attribute, let literal):
        compiled = Test(.attributeEquals)
        compiled.attribute = add(attribute)
        compiled.literal = add(literal)
      case .attributeContains(let attribute, let literal):
        compiled = Test(.attributeContains)
        compiled.attribute = add(attribute)
        compiled.literal = add(literal)
      case .attributeStartsWith(let attribute, let literal):
        compiled = Test(.attributeStartsWith)
        compiled.attribute = add(attribute)
        compiled.literal = add(literal)
      case .classToken(let token):
        compiled = Test(.classToken)
        compiled.attribute = add(Array("class".utf8))
        compiled.literal = add(token)
      case .textStartsWith(let literal):
        compiled = Test(.textStartsWith)
        compiled.literal = add(literal)
      case .selfIsOneOf(let list):
        compiled = Test(.selfIsOneOf)
        compiled.names = add(names: list)
      case .hasChild(let name, let predicates):
        compiled = Test(.hasChild)
        compiled.list = add(predicates)
        compiled.names = add(names: [name])
      case .hasDescendant(let name):
        compiled = Test(.hasDescendant)
        compiled.names = add(names: [name])
      case .hasSibling(let axis, let name, let predicates):
        compiled = Test(.hasSibling)
        compiled.list = add(predicates)
        compiled.names = add(names: [name])
        compiled.preceding = axis == .preceding
        compiled.sibling = siblingTestCount
        siblingTestCount += 1
      case .stringEquals(let source, let literal):
        compiled = Test(.stringEquals)
        set(source, of: &compiled)
        compiled.literal = add(literal)
      case .stringStartsWith(let source, let literal):
        compiled = Test(.stringStartsWith)
        set(source, of: &compiled)
        compiled.literal = add(literal)
      case .stringContains(let source, let literal):
        compiled = Test(.stringContains)
        set(source, of: &compiled)
        compiled.literal = add(literal)
      case .all(let list):
        compiled = Test(.all)
        compiled.list = add(list)
      case .any(let list):
        compiled = Test(.any)
        compiled.list = add(list)
      case .delegated(let text):
        compiled = Test(.delegated)
        compiled.delegate = delegateTexts.firstIndex(of: text) ?? 0
      }
      compiled.negated = negated
      tests.append(compiled)
      return tests.count - 1
    }

    private mutating func set(_ source: SimpleSelector.StringSource, of test: inout Test) {
      switch source {
      case .normalizedText:
        test.source = .normalizedText
      case .children(let name):
        test.source = .children
        test.names = add(names: [name])
      case .childAttributes(let name, let attribute):
        test.source = .childAttributes
        test.names = add(names: [name])
        test.attribute = add(attribute)
      case .normalizedTextSubstring(let start, let length):
        test.source = .normalizedTextSubstring
        test.start = start
        test.length = length
      case .normalizedTextLastCharacter:
        test.source = .normalizedTextLastCharacter
      }
    }

    /// The memo tests of a selector's last step, as bits of the memo that has most of them.
    func quickTest(_ selector: Range<Int>) -> QuickTest? {
      guard let last = selector.last else { return nil }
      let direct = steps[last].tests.map { tests[testLists[$0]] }
      var counts: [Int: Int] = [:]
      for test in direct where test.memo >= 0 { counts[test.memo, default: 0] += 1 }
      guard let memo = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { return nil }
      var quick = QuickTest(memo: memo, mask: 0, expected: 0)
      for test in direct where test.memo == memo {
        quick.mask |= 1 << UInt64(test.bit)
        if !test.negated { quick.expected |= 1 << UInt64(test.bit) }
      }
      return quick
    }

    /// Groups the tests of attribute values by attribute, 64 to a memo (the bits of its results).
    /// The same test of the same attribute, in several selectors (which share first steps, say), is one
    /// bit: each new value of the attribute is tested once for it.
    mutating func assignMemos() {
      var memoOfAttribute: [[UInt8]: Int] = [:]
      var bitOfTest: [MemoTestKey: (memo: Int, bit: Int)] = [:]
      for index in tests.indices {
        switch tests[index].operation {
        case .hasAttribute, .attributeEquals, .attributeContains, .attributeStartsWith, .classToken:
          let run = tests[index].attribute
          let name = Array(pool[run.start..<(run.start + run.count)])
          let literal = tests[index].literal
          let key = MemoTestKey(
            attribute: name, operation: tests[index].operation,
            literal: Array(pool[literal.start..<(literal.start + literal.count)]))
          if let known = bitOfTest[key] {
            tests[index].memo = known.memo
            tests[index].bit = known.bit
            continue
          }
          var memo = memoOfAttribute[name] ?? -1
          if memo < 0 || memoTests[memo].count == 64 {
            memo = memoTests.count
            memoOfAttribute[name] = memo
            memoAttributes.append(run)
            memoTests.append([])
          }
          tests[index].memo = memo
          tests[index].bit = memoTests[memo].count
          bitOfTest[key] = (memo, memoTests[memo].count)
          memoTests[memo].append(index)
        default:
          break
        }
      }
    }
  }
}
