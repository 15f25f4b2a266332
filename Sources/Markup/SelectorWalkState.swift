import CLibXML2

/// What a walk of one document remembers while `SelectorProgram` matches its elements: the element it is
/// at and each memo's results for it, the attribute values seen so far, and the answers that later
/// elements would otherwise ask for again (delegated predicates on shared ancestors, the matching
/// siblings under a parent).
final class SelectorWalkState {
  var node: xmlNodePtr?
  let known: UnsafeMutableBufferPointer<Bool>
  let results: UnsafeMutableBufferPointer<UInt64>
  /// Through a pointer, not an array property: every element of a walk consults them, and a class's
  /// array property is checked for exclusive access at each change.
  let memos: UnsafeMutableBufferPointer<AttributeValueMemo>
  /// A context of the walk's document, for the delegated predicates.
  let context: xmlXPathContextPtr?
  var delegatedResults: [[xmlNodePtr: Bool]]
  /// For a sibling test (by index) and a parent: the first child in document order that the test's
  /// name and predicates accept for `preceding-sibling`, the last for `following-sibling`; nil if none.
  /// (Dictionaries of the standard library's own types: one keyed by a struct of this module made the
  /// runtime look the struct's conformances up again for each new dictionary storage.)
  var siblingMatches: [[xmlNodePtr: xmlNodePtr?]]
  /// `normalize-space(.)` of the element last asked about, which several tests of a step often read.
  var normalizedNode: xmlNodePtr?
  let normalizedText = TextBuffer()
  /// Set when a test cannot be answered here (libxml2 failed on a delegated predicate, or a string value
  /// holds an entity reference); libxml2 then evaluates the whole expression instead.
  var needsLibxml2 = false

  init(memos count: Int, delegates: Int, tests: Int, context: xmlXPathContextPtr?) {
    self.context = context
    siblingMatches = Array(repeating: [:], count: tests)
    delegatedResults = Array(repeating: [:], count: delegates)
    known = .allocate(capacity: max(count, 1))
    known.initialize(repeating: false)
    results = .allocate(capacity: max(count, 1))
    results.initialize(repeating: 0)
    memos = .allocate(capacity: max(count, 1))
    memos.initialize(repeating: AttributeValueMemo())
  }

  deinit {
    known.deallocate()
    results.deallocate()
    _ = memos.deinitialize()
    memos.deallocate()
  }

  func enter(_ element: xmlNodePtr) {
    node = element
    for index in 0..<known.count { known[index] = false }
  }
}
