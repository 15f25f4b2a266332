import CLibXML2

/// What a walk of one document remembers while `SelectorProgram` matches its elements: the element it is
/// at and each memo's results for it, the attribute values seen so far, what is known about the steps
/// before a selector's last one on each element of the stack above it, and the answers that later
/// elements would otherwise ask for again (delegated predicates on shared ancestors, the matching
/// siblings under a parent).
final class SelectorWalkState {
  var node: xmlNodePtr?
  /// The element's number in the walk; a memo's results are the element's when `known` holds its number.
  private var visit: UInt32 = 0
  let known: UnsafeMutableBufferPointer<UInt32>
  let results: UnsafeMutableBufferPointer<UInt64>
  /// Through a pointer, not an array property: every element of a walk consults them, and a class's
  /// array property is checked for exclusive access at each change.
  let memos: UnsafeMutableBufferPointer<AttributeValueMemo>
  /// A context of the walk's document, for the delegated predicates.
  let context: xmlXPathContextPtr?
  /// For each delegated predicate, its answers so far by node: 1 or 0.
  var delegatedResults: [PointerMap]
  /// For a sibling test (by its `SelectorProgram.Test.sibling`) and a parent: the first child in
  /// document order that the test's name and predicates accept for `preceding-sibling`, the last for
  /// `following-sibling`, as an address; 0 if none.
  var siblingMatches: [PointerMap]
  /// The last parent each sibling test was answered for, and its answer: the walk asks about the
  /// children of one parent one after another, so this spares most dictionary lookups.
  let lastSiblingParents: UnsafeMutableBufferPointer<xmlNodePtr?>
  let lastSiblingMatches: UnsafeMutableBufferPointer<xmlNodePtr?>
  /// `normalize-space(.)` of the element last asked about, which several tests of a step often read.
  let normalized = NormalizedPrefix()
  /// Set when a test cannot be answered here (libxml2 failed on a delegated predicate, or a string value
  /// holds an entity reference); libxml2 then evaluates the whole expression instead.
  var needsLibxml2 = false

  /// The elements from the top of the document down to the current one, by depth (0 for children of the
  /// document node), when the walk tracks them (`enter(_:depth:)`).
  private(set) var depth = -1
  private var ancestors: UnsafeMutablePointer<xmlNodePtr?>
  private var capacity = 0
  /// Words of bits per prefix (`SelectorProgram.prefixSteps`) and depth, four rows of them: whether it
  /// is known that the element holds the prefix, whether it does, whether it is known that the element
  /// or an ancestor does, and whether one does. An ancestor is thus tested once for a prefix, not again
  /// for each candidate below it.
  private let words: Int
  private var prefixBits: UnsafeMutablePointer<UInt64>

  /// The namespace of the last element found in each namespace of the program (by
  /// `SelectorProgram.Name.namespaceID`): the elements of a document mostly share one, so a pointer
  /// comparison spares comparing its URI. Only for one document's walk, as a freed document's
  /// namespace may come back at the same address with another URI.
  let namespaces: UnsafeMutableBufferPointer<xmlNsPtr?>
  let remembersNamespaces: Bool

  /// The entries a walk found for element names, by the name's address (0 for an empty slot): the XML
  /// parser takes names from one dictionary, so a document's few names come back at the same
  /// addresses, and the address settles what the bytes would. Only for one walk.
  let nameAddresses: UnsafeMutableBufferPointer<UInt>
  let nameEntries: UnsafeMutableBufferPointer<Range<Int>>

  init(
    memos count: Int, delegates: Int, siblingTests: Int, prefixes: Int, namespaces: Int,
    context: xmlXPathContextPtr?, remembersNamespaces: Bool = false
  ) {
    self.context = context
    siblingMatches = Array(repeating: PointerMap(), count: siblingTests)
    delegatedResults = Array(repeating: PointerMap(), count: delegates)
    known = .allocate(capacity: max(count, 1))
    known.initialize(repeating: 0)
    results = .allocate(capacity: max(count, 1))
    results.initialize(repeating: 0)
    memos = .allocate(capacity: max(count, 1))
    memos.initialize(repeating: AttributeValueMemo())
    lastSiblingParents = .allocate(capacity: max(siblingTests, 1))
    lastSiblingParents.initialize(repeating: nil)
    lastSiblingMatches = .allocate(capacity: max(siblingTests, 1))
    lastSiblingMatches.initialize(repeating: nil)
    words = (prefixes + 63) / 64
    ancestors = .allocate(capacity: 1)
    prefixBits = .allocate(capacity: 1)
    self.namespaces = .allocate(capacity: max(namespaces, 1))
    self.namespaces.initialize(repeating: nil)
    self.remembersNamespaces = remembersNamespaces
    nameAddresses = .allocate(capacity: 64)
    nameAddresses.initialize(repeating: 0)
    nameEntries = .allocate(capacity: 64)
    nameEntries.initialize(repeating: 0..<0)
  }

  deinit {
    known.deallocate()
    results.deallocate()
    _ = memos.deinitialize()
    memos.deallocate()
    lastSiblingParents.deallocate()
    lastSiblingMatches.deallocate()
    ancestors.deallocate()
    prefixBits.deallocate()
    namespaces.deallocate()
    nameAddresses.deallocate()
    nameEntries.deallocate()
  }

  /// Makes `element` the current one, for a walk that does not track depth (only selectors of one
  /// descendant step then match).
  func enter(_ element: xmlNodePtr) {
    node = element
    visit &+= 1
    if visit == 0 { wrapVisits() }
  }

  /// Makes `element` the current one, at `depth` below the document node; the elements above it must
  /// be the ones entered last at each smaller depth.
  func enter(_ element: xmlNodePtr, depth: Int) {
    enter(element)
    self.depth = depth
    guard words > 0 else { return }
    if depth >= capacity { grow(to: depth + 1) }
    ancestors[depth] = element
    let row = prefixBits + depth * 4 * words
    for index in 0..<words {
      row[index] = 0
      row[2 * words + index] = 0
    }
  }

  /// A stamp that has gone round would pass for an old element's.
  private func wrapVisits() {
    for index in known.indices { known[index] = 0 }
    visit = 1
  }

  private func grow(to needed: Int) {
    var grown = max(capacity * 2, 64)
    while grown < needed { grown *= 2 }
    let newAncestors = UnsafeMutablePointer<xmlNodePtr?>.allocate(capacity: grown)
    let newBits = UnsafeMutablePointer<UInt64>.allocate(capacity: grown * 4 * words)
    if capacity > 0 {
      newAncestors.initialize(from: ancestors, count: capacity)
      newBits.initialize(from: prefixBits, count: capacity * 4 * words)
    }
    ancestors.deallocate()
    prefixBits.deallocate()
    ancestors = newAncestors
    prefixBits = newBits
    capacity = grown
  }

  @inline(__always)
  func ancestor(at depth: Int) -> xmlNodePtr {
    ancestors[depth]!
  }

  @inline(__always)
  func isKnown(_ memo: Int) -> Bool {
    known[memo] == visit
  }

  @inline(__always)
  func setKnown(_ memo: Int) {
    known[memo] = visit
  }

  /// Whether the element at `depth` holds prefix `prefix`, if known.
  @inline(__always)
  func holds(_ prefix: Int, at depth: Int) -> Bool? {
    bit(prefix, depth: depth, row: 0)
  }

  @inline(__always)
  func setHolds(_ prefix: Int, at depth: Int, _ value: Bool) {
    setBit(prefix, depth: depth, row: 0, value)
  }

  /// Whether the element at `depth` or one of its ancestors holds prefix `prefix`, if known.
  @inline(__always)
  func holdsWithin(_ prefix: Int, at depth: Int) -> Bool? {
    bit(prefix, depth: depth, row: 2)
  }

  @inline(__always)
  func setHoldsWithin(_ prefix: Int, at depth: Int, _ value: Bool) {
    setBit(prefix, depth: depth, row: 2, value)
  }

  @inline(__always)
  private func bit(_ prefix: Int, depth: Int, row: Int) -> Bool? {
    let base = prefixBits + (depth * 4 + row) * words + (prefix >> 6)
    let mask: UInt64 = 1 << UInt64(prefix & 63)
    guard base[0] & mask != 0 else { return nil }
    return base[words] & mask != 0
  }

  @inline(__always)
  private func setBit(_ prefix: Int, depth: Int, row: Int, _ value: Bool) {
    let base = prefixBits + (depth * 4 + row) * words + (prefix >> 6)
    let mask: UInt64 = 1 << UInt64(prefix & 63)
    base[0] |= mask
    if value { base[words] |= mask } else { base[words] &= ~mask }
  }
}
