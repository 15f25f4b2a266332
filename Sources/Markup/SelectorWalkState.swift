import CLibXML2

/// What a walk of one document remembers while `SelectorProgram` matches its elements: the element it is
/// at and each memo's results for it, the attribute values seen so far, and the answers that later
/// elements would otherwise ask for again (delegated predicates on shared ancestors, the matching
/// siblings under a parent).
final class SelectorWalkState {
  var node: xmlNodePtr?
  let known: UnsafeMutableBufferPointer<Bool>
  let results: UnsafeMutableBufferPointer<UInt64>
  var memos: [AttributeValueMemo]
  /// A context of the walk's document, for the delegated predicates.
  let context: xmlXPathContextPtr?
  var delegatedResults: [[xmlNodePtr: Bool]]
  /// For a sibling test (by index) and a parent: the first child in document order that the test's
  /// name and predicates accept for `preceding-sibling`, the last for `following-sibling`; nil if none.
  var siblingMatches: [SiblingKey: xmlNodePtr?] = [:]

  struct SiblingKey: Hashable {
    var test: Int
    var parent: xmlNodePtr
  }
  /// `normalize-space(.)` of the element last asked about, which several tests of a step often read.
  var normalizedNode: xmlNodePtr?
  let normalizedText = TextBuffer()
  /// Set when a test cannot be answered here (libxml2 failed on a delegated predicate, or a string value
  /// holds an entity reference); libxml2 then evaluates the whole expression instead.
  var needsLibxml2 = false

  init(memos count: Int, delegates: Int, context: xmlXPathContextPtr?) {
    self.context = context
    delegatedResults = Array(repeating: [:], count: delegates)
    known = .allocate(capacity: max(count, 1))
    known.initialize(repeating: false)
    results = .allocate(capacity: max(count, 1))
    results.initialize(repeating: 0)
    memos = (0..<count).map { _ in AttributeValueMemo() }
  }

  deinit {
    known.deallocate()
    results.deallocate()
  }

  func enter(_ element: xmlNodePtr) {
    node = element
    for index in 0..<memos.count { known[index] = false }
  }
}
